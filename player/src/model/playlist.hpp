#pragma once

#include <string>
#include <vector>

#include "model/item.hpp"
#include "model/localized_text.hpp"

namespace keiji::model {

struct Playlist {
    std::string id;
    LocalizedText title;
    std::vector<Item> items;
    std::string source_file;
    // Directory that relative asset paths (images) are resolved against.
    std::string base_directory;
};

}  // namespace keiji::model

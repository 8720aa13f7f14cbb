#include "play/image_screening.hpp"

#include <fmt/format.h>

#include "render/image_file.hpp"

namespace keiji::play {

void skip_items_with_unusable_images(LoadedContent& content) {
    std::erase_if(content.items, [&](const model::Item& item) {
        const std::string* image = model::image_of(item);
        if (image == nullptr || image->empty()) {
            return false;
        }
        const auto checked = render::check_image_file(*image);
        if (checked) {
            return false;
        }
        const model::Message& why = checked.error().message;
        content.problems.push_back(model::Error{
            .where = item.where,
            .message = {fmt::format("item \"{}\" is skipped: {}", item.id, why.en),
                        fmt::format("項目「{}」は表示しません: {}", item.id, why.ja)}});
        return true;
    });
}

}  // namespace keiji::play

#pragma once

#include <string_view>
#include <vector>

namespace keiji::studio {

// One file of studio/web, built into the binary (embed_web.cmake).
struct WebAsset {
    std::string_view path;  // "/login.html", "/assets/app.js"
    std::string_view bytes;
};

[[nodiscard]] const std::vector<WebAsset>& web_assets();

// The media type a browser needs for a file of this name.
[[nodiscard]] std::string_view media_type_of(std::string_view path);

}  // namespace keiji::studio

#include "app/image_screening.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "render/image_file.hpp"

namespace keiji::app {

namespace {

const std::string* image_of(const model::Item& item) {
    if (const auto* promo = std::get_if<model::PromoContent>(&item.content)) {
        return &promo->image;
    }
    if (const auto* event = std::get_if<model::EventContent>(&item.content)) {
        return &event->image;
    }
    return nullptr;
}

}  // namespace

void skip_items_with_unusable_images(LoadedContent& content) {
    std::erase_if(content.items, [&](const model::Item& item) {
        const std::string* image = image_of(item);
        if (image == nullptr || image->empty()) {
            return false;
        }
        const auto checked = render::check_image_file(*image);
        if (checked) {
            return false;
        }
        const model::Message why = render::describe(checked.error(), *image);
        content.problems.push_back(model::Error{
            .where = item.where,
            .message = {fmt::format("item \"{}\" is skipped: {}", item.id, why.en),
                        fmt::format("項目「{}」は表示しません: {}", item.id, why.ja)}});
        return true;
    });
}

}  // namespace keiji::app

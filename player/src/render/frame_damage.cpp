#include "render/frame_damage.hpp"

#include <algorithm>

namespace keiji::render {

namespace {

bool same_place(const LayerPlacement& a, const LayerPlacement& b) {
    return a.texture == b.texture && a.where.x == b.where.x && a.where.y == b.where.y &&
           a.where.w == b.where.w && a.where.h == b.where.h && a.alpha == b.alpha;
}

bool shows(const LayerPlacement& layer) {
    return layer.texture != nullptr && layer.alpha != 0 && !is_empty(layer.where);
}

// `damage` less the rows `band` covers, when the band spans all its columns and lies over its
// top or its bottom edge; a band across its middle leaves it as it is (one rectangle is kept).
Rect cut_band(Rect damage, const Rect& band) {
    if (is_empty(damage) || band.x > damage.x || band.x + band.w < damage.x + damage.w) {
        return damage;
    }
    const int band_bottom = band.y + band.h;
    const int damage_bottom = damage.y + damage.h;
    if (band.y <= damage.y && band_bottom > damage.y) {
        const int top = std::min(band_bottom, damage_bottom);
        damage.h = damage_bottom - top;
        damage.y = top;
    } else if (band.y < damage_bottom && band_bottom >= damage_bottom) {
        damage.h = std::max(band.y, damage.y) - damage.y;
    }
    return damage;
}

}  // namespace

bool is_empty(const Rect& rect) {
    return rect.w <= 0 || rect.h <= 0;
}

Rect bounding(const Rect& a, const Rect& b) {
    if (is_empty(a)) {
        return b;
    }
    if (is_empty(b)) {
        return a;
    }
    const int left = std::min(a.x, b.x);
    const int top = std::min(a.y, b.y);
    const int right = std::max(a.x + a.w, b.x + b.w);
    const int bottom = std::max(a.y + a.h, b.y + b.h);
    return Rect{left, top, right - left, bottom - top};
}

Rect intersection(const Rect& a, const Rect& b) {
    const int left = std::max(a.x, b.x);
    const int top = std::max(a.y, b.y);
    const int right = std::min(a.x + a.w, b.x + b.w);
    const int bottom = std::min(a.y + a.h, b.y + b.h);
    if (right <= left || bottom <= top) {
        return Rect{};
    }
    return Rect{left, top, right - left, bottom - top};
}

bool contains(const Rect& outer, const Rect& inner) {
    return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w &&
           inner.y + inner.h <= outer.y + outer.h;
}

Rect changed_region(std::span<const LayerPlacement> before, std::span<const LayerPlacement> after,
                    Frame frame) {
    const std::size_t places = std::max(before.size(), after.size());
    const LayerPlacement none{};
    const auto at = [&](std::span<const LayerPlacement> layers, std::size_t i) -> const auto& {
        return i < layers.size() ? layers[i] : none;
    };
    Rect damage{};
    for (std::size_t i = 0; i < places; ++i) {
        const LayerPlacement& old_layer = at(before, i);
        const LayerPlacement& new_layer = at(after, i);
        if (same_place(old_layer, new_layer) && !new_layer.repainted) {
            continue;
        }
        Rect changed{};
        const Rect& part = new_layer.repainted_part;
        if (same_place(old_layer, new_layer) && !is_empty(part)) {
            // In place, only part of its pixels changed.
            changed = intersection(
                Rect{new_layer.where.x + part.x, new_layer.where.y + part.y, part.w, part.h},
                new_layer.where);
        } else {
            if (shows(old_layer)) {
                changed = old_layer.where;
            }
            if (shows(new_layer)) {
                changed = bounding(changed, new_layer.where);
            }
        }
        // What an unchanged opaque layer above covers looks the same as before.
        for (std::size_t j = i + 1; j < after.size() && !is_empty(changed); ++j) {
            const LayerPlacement& above = after[j];
            if (above.opaque && above.alpha == 255 && !above.repainted &&
                same_place(above, at(before, j))) {
                changed = cut_band(changed, above.where);
            }
        }
        damage = bounding(damage, changed);
    }
    return intersection(damage, Rect{0, 0, frame.width, frame.height});
}

}  // namespace keiji::render

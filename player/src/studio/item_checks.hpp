#pragma once

#include <date/tz.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "model/error.hpp"

namespace keiji::studio {

// The item inside a playlist of one, with its playlist's other members (its theme): what the
// checks and the preview read. Image paths resolve against `uploads`.
[[nodiscard]] nlohmann::json playlist_of_one(const nlohmann::json& item,
                                             const nlohmann::json& playlist_extra);

// What keiji validate says about one item, without drawing it (the preview draws): its
// structure, its schedule, its photo or film, its reading time. Pointers are relative to the item.
[[nodiscard]] model::Errors item_problems(const nlohmann::json& item,
                                          const nlohmann::json& playlist_extra,
                                          const std::filesystem::path& uploads,
                                          const date::time_zone& zone);

[[nodiscard]] bool has_errors(const model::Errors& problems);

// A new item of `type` ("promo", "event", "notice", "video") for staff to fill in, with `id`; dates
// of an event start on `today` ("2026-11-29").
[[nodiscard]] std::optional<nlohmann::json> item_template(std::string_view type,
                                                          const std::string& id,
                                                          std::string_view today);

}  // namespace keiji::studio

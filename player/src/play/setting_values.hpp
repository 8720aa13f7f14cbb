#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "play/settings_table.hpp"

// The kinds of value a setting can have, each bound to its member of Settings. The table in
// settings_table.cpp is written with these.
namespace keiji::play::values {

using Value = std::shared_ptr<const SettingValue>;

[[nodiscard]] Value text(std::string Settings::*member);
[[nodiscard]] Value choice(std::string Settings::*member, std::vector<std::string> choices);
[[nodiscard]] Value integer(int Settings::*member, long long minimum, long long maximum);
[[nodiscard]] Value integer_choice(int Settings::*member, std::vector<int> choices);
[[nodiscard]] Value big_integer(long long Settings::*member, long long minimum, long long maximum);
[[nodiscard]] Value number(double Settings::*member, double minimum, double maximum);
[[nodiscard]] Value optional_number(std::optional<double> Settings::*member, double minimum,
                                    double maximum);
[[nodiscard]] Value optional_integer(std::optional<int> Settings::*member, int minimum,
                                     int maximum);
[[nodiscard]] Value on_off(bool Settings::*member);
// A list: a JSON array of text in the file, one entry per use of the flag on the command line.
[[nodiscard]] Value list(std::vector<std::string> Settings::*member);
// [{"key_id": …, "public_key": …}, …] in the file only.
[[nodiscard]] Value keys(std::vector<model::PublicKey> Settings::*member);
// "1920x1080" on the command line; "width" and "height" members in the file.
[[nodiscard]] Value size(std::optional<ScreenSize> Settings::*member);
// An ISO 8601 time with its offset, 2025-11-20T10:00:00+09:00.
[[nodiscard]] Value moment(std::optional<model::TimePoint> Settings::*member);

// "1280x720" → a size between 160×120 and 8192×8192.
[[nodiscard]] std::optional<ScreenSize> parse_size(std::string_view text);

}  // namespace keiji::play::values

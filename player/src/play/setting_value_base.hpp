#pragma once

#include <charconv>
#include <optional>
#include <string_view>

#include "play/settings_table.hpp"

// What the kinds of setting value (setting_values*.cpp) share. Not for use elsewhere.
namespace keiji::play::values::detail {

// The copy, common to every kind: one member of Settings.
template <class T>
class MemberValue : public SettingValue {
public:
    explicit MemberValue(T Settings::*member) : m_member(member) {}
    void copy(const Settings& from, Settings& to) const override { to.*m_member = from.*m_member; }

protected:
    T Settings::*m_member;
};

template <class Number>
std::optional<Number> parse_number(std::string_view text) {
    Number value{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

}  // namespace keiji::play::values::detail

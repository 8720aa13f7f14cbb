#include "play/setting_values.hpp"

#include <date/date.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "play/setting_value_base.hpp"

namespace keiji::play::values {

namespace {

using detail::MemberValue;
using detail::parse_number;

std::string format_number(double value) {
    // Whole numbers as such (1048576, not 1.04858e+06).
    if (value == std::floor(value) && std::fabs(value) < 1e15) {
        return fmt::format("{}", static_cast<long long>(value));
    }
    return fmt::format("{:g}", value);
}

// "0, 90, 180 or 270".
template <class T>
std::string one_of(const std::vector<T>& choices) {
    std::string text;
    for (std::size_t i = 0; i < choices.size(); ++i) {
        text += fmt::format("{}{}",
                            i == 0                    ? ""
                            : i + 1 == choices.size() ? " or "
                                                      : ", ",
                            choices[i]);
    }
    return text;
}

class TextValue final : public MemberValue<std::string> {
public:
    using MemberValue::MemberValue;
    model::Result<void> parse(std::string_view text, Settings& into) const override {
        into.*m_member = std::string(text);
        return {};
    }
    bool read(model::ObjectReader& object, std::string_view name, model::Presence presence,
              Settings& into) const override {
        auto value = object.string(name, presence);
        if (value) {
            into.*m_member = std::move(*value);
        }
        return value.has_value();
    }
    std::string show(const Settings& settings) const override { return settings.*m_member; }
};

class ChoiceValue final : public MemberValue<std::string> {
public:
    ChoiceValue(std::string Settings::*member, std::vector<std::string> choices)
        : MemberValue(member), m_choices(std::move(choices)) {}
    model::Result<void> parse(std::string_view text, Settings& into) const override {
        if (std::ranges::find(m_choices, text) == m_choices.end()) {
            return model::failure(fmt::format("use {}", one_of(m_choices)));
        }
        into.*m_member = std::string(text);
        return {};
    }
    bool read(model::ObjectReader& object, std::string_view name, model::Presence presence,
              Settings& into) const override {
        auto value = object.string(name, presence);
        if (value && std::ranges::find(m_choices, *value) == m_choices.end()) {
            object.fail(name, {fmt::format("\"{}\" must be {}", name, one_of(m_choices)),
                               fmt::format("「{}」は {} のいずれかにしてください", name,
                                           fmt::join(m_choices, "、"))});
            return false;
        }
        if (value) {
            into.*m_member = std::move(*value);
        }
        return value.has_value();
    }
    std::string show(const Settings& settings) const override { return settings.*m_member; }

private:
    std::vector<std::string> m_choices;
};

// The number type inside a member: int for int, double for std::optional<double>.
template <class T>
struct Unwrapped {
    using type = T;
};
template <class T>
struct Unwrapped<std::optional<T>> {
    using type = T;
};

// An integer or a real number in [minimum, maximum]; `Stored` is the member's type.
template <class Stored, class Number>
class NumberValue final : public MemberValue<Stored> {
public:
    NumberValue(Stored Settings::*member, Number minimum, Number maximum)
        : MemberValue<Stored>(member), m_minimum(minimum), m_maximum(maximum) {}
    model::Result<void> parse(std::string_view text, Settings& into) const override {
        const auto value = parse_number<Number>(text);
        if (!value || *value < m_minimum || *value > m_maximum) {
            return model::failure(fmt::format(
                "write a {} from {} to {}", std::is_integral_v<Number> ? "whole number" : "number",
                format_number(double(m_minimum)), format_number(double(m_maximum))));
        }
        into.*this->m_member = static_cast<typename Unwrapped<Stored>::type>(*value);
        return {};
    }
    bool read(model::ObjectReader& object, std::string_view name, model::Presence presence,
              Settings& into) const override {
        std::optional<Number> value;
        if constexpr (std::is_integral_v<Number>) {
            value = object.integer(name, presence, m_minimum, m_maximum);
        } else {
            value = object.number(name, presence, m_minimum, m_maximum);
        }
        if (value) {
            into.*this->m_member = static_cast<typename Unwrapped<Stored>::type>(*value);
        }
        return value.has_value();
    }
    std::string show(const Settings& settings) const override {
        const Stored& value = settings.*this->m_member;
        if constexpr (std::is_arithmetic_v<Stored>) {
            return format_number(double(value));
        } else {
            return value ? format_number(double(*value)) : std::string();
        }
    }

private:
    Number m_minimum;
    Number m_maximum;
};

class IntegerChoiceValue final : public MemberValue<int> {
public:
    IntegerChoiceValue(int Settings::*member, std::vector<int> choices)
        : MemberValue(member), m_choices(std::move(choices)) {}
    model::Result<void> parse(std::string_view text, Settings& into) const override {
        const auto value = parse_number<int>(text);
        if (!value || std::ranges::find(m_choices, *value) == m_choices.end()) {
            return model::failure(fmt::format("use {}", one_of(m_choices)));
        }
        into.*m_member = *value;
        return {};
    }
    bool read(model::ObjectReader& object, std::string_view name, model::Presence presence,
              Settings& into) const override {
        const auto value = object.integer(name, presence, m_choices.front(), m_choices.back());
        if (value && std::ranges::find(m_choices, int(*value)) == m_choices.end()) {
            object.fail(name, {fmt::format("\"{}\" must be {}", name, one_of(m_choices)),
                               fmt::format("「{}」は {} のいずれかにしてください", name,
                                           fmt::join(m_choices, "、"))});
            return false;
        }
        if (value) {
            into.*m_member = int(*value);
        }
        return value.has_value();
    }
    std::string show(const Settings& settings) const override {
        return std::to_string(settings.*m_member);
    }

private:
    std::vector<int> m_choices;
};

class OnOffValue final : public MemberValue<bool> {
public:
    using MemberValue::MemberValue;
    model::Result<void> parse(std::string_view text, Settings& into) const override {
        into.*m_member = text != "false";
        return {};
    }
    bool read(model::ObjectReader& object, std::string_view name, model::Presence,
              Settings&) const override {
        object.fail(name, {"a switch of the command line only", "コマンドラインだけの指定です"});
        return false;
    }
    std::string show(const Settings& settings) const override {
        return settings.*m_member ? "on" : "off";
    }
    bool is_switch() const override { return true; }
};

}  // namespace

Value text(std::string Settings::*member) {
    return std::make_shared<TextValue>(member);
}
Value choice(std::string Settings::*member, std::vector<std::string> choices) {
    return std::make_shared<ChoiceValue>(member, std::move(choices));
}
Value integer(int Settings::*member, long long minimum, long long maximum) {
    return std::make_shared<NumberValue<int, long long>>(member, minimum, maximum);
}
Value integer_choice(int Settings::*member, std::vector<int> choices) {
    return std::make_shared<IntegerChoiceValue>(member, std::move(choices));
}
Value big_integer(long long Settings::*member, long long minimum, long long maximum) {
    return std::make_shared<NumberValue<long long, long long>>(member, minimum, maximum);
}
Value number(double Settings::*member, double minimum, double maximum) {
    return std::make_shared<NumberValue<double, double>>(member, minimum, maximum);
}
Value optional_number(std::optional<double> Settings::*member, double minimum, double maximum) {
    return std::make_shared<NumberValue<std::optional<double>, double>>(member, minimum, maximum);
}
Value optional_integer(std::optional<int> Settings::*member, int minimum, int maximum) {
    return std::make_shared<NumberValue<std::optional<int>, long long>>(member, minimum, maximum);
}
Value on_off(bool Settings::*member) {
    return std::make_shared<OnOffValue>(member);
}

}  // namespace keiji::play::values

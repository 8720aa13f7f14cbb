// The kinds of setting value with structure: lists, keys, a screen size, a moment.
#include <date/date.h>
#include <fmt/format.h>

#include "play/setting_value_base.hpp"
#include "play/setting_values.hpp"

namespace keiji::play::values {

namespace {

using detail::MemberValue;
using detail::parse_number;

class ListValue final : public MemberValue<std::vector<std::string>> {
public:
    using MemberValue::MemberValue;
    model::Result<void> parse(std::string_view text, Settings& into) const override {
        // The defaults are replaced, not added to: the first entry given clears them.
        auto& list = into.*m_member;
        if (list == Settings{}.*m_member) {
            list.clear();
        }
        list.emplace_back(text);
        return {};
    }
    bool read(model::ObjectReader& object, std::string_view name, model::Presence presence,
              Settings& into) const override {
        const nlohmann::json* array = object.array(name, presence);
        if (array == nullptr) {
            return false;
        }
        std::vector<std::string> entries;
        for (std::size_t i = 0; i < array->size(); ++i) {
            if ((*array)[i].is_string()) {
                entries.push_back((*array)[i].get<std::string>());
            } else {
                object.fail_at(model::append_pointer(object.member_pointer(name), i),
                               {"each entry must be text in double quotes",
                                "各項目はダブルクォートで囲んだ文字列にしてください"});
            }
        }
        if (entries.empty()) {
            return false;  // An empty list keeps the default ("languages": [] is still Japanese).
        }
        into.*m_member = std::move(entries);
        return true;
    }
    std::string show(const Settings& settings) const override {
        return fmt::format("{}", fmt::join(settings.*m_member, ", "));
    }
    bool repeats() const override { return true; }
};

class KeysValue final : public MemberValue<std::vector<model::PublicKey>> {
public:
    using MemberValue::MemberValue;
    model::Result<void> parse(std::string_view, Settings&) const override {
        return model::failure("keys are set in keiji.json only");
    }
    bool read(model::ObjectReader& object, std::string_view name, model::Presence presence,
              Settings& into) const override {
        const nlohmann::json* array = object.array(name, presence);
        if (array == nullptr) {
            return false;
        }
        std::vector<model::PublicKey> keys;
        for (std::size_t i = 0; i < array->size(); ++i) {
            model::ObjectReader key = object.child(
                model::append_pointer(object.member_pointer(name), i), {"key_id", "public_key"});
            auto id = key.string("key_id", model::Presence::required);
            auto value = key.string("public_key", model::Presence::required);
            if (id && value) {
                keys.push_back(model::PublicKey{*id, *value});
            }
        }
        into.*m_member = std::move(keys);
        return true;
    }
    std::string show(const Settings& settings) const override {
        std::vector<std::string> ids;
        for (const model::PublicKey& key : settings.*m_member) {
            ids.push_back(key.key_id);
        }
        return fmt::format("{}", fmt::join(ids, ", "));
    }
};

class SizeValue final : public MemberValue<std::optional<ScreenSize>> {
public:
    using MemberValue::MemberValue;
    model::Result<void> parse(std::string_view text, Settings& into) const override {
        const auto size = parse_size(text);
        if (!size) {
            return model::failure(
                "this is not a size; write it like 1920x1080, 1080x1920 (portrait) or 1280x720");
        }
        into.*m_member = *size;
        return {};
    }
    // The file has the two numbers as members of the display object.
    bool read(model::ObjectReader& object, std::string_view, model::Presence presence,
              Settings& into) const override {
        if (object.has("width") != object.has("height")) {
            const char* missing = object.has("width") ? "height" : "width";
            object.fail(object.has("width") ? "width" : "height",
                        {fmt::format("\"width\" and \"height\" go together: add \"{}\"", missing),
                         fmt::format("「width」と「height」は両方必要です。「{}」を加えてください",
                                     missing)});
            return false;
        }
        const auto width = object.integer("width", presence, 160, 8192);
        const auto height = object.integer("height", presence, 120, 8192);
        if (!width || !height) {
            return false;
        }
        into.*m_member = ScreenSize{int(*width), int(*height)};
        return true;
    }
    std::string show(const Settings& settings) const override {
        const auto& size = settings.*m_member;
        return size ? fmt::format("{}x{}", size->width, size->height) : std::string();
    }
    std::vector<std::string> members(std::string_view) const override {
        return {"width", "height"};
    }
};

class MomentValue final : public MemberValue<std::optional<model::TimePoint>> {
public:
    using MemberValue::MemberValue;
    model::Result<void> parse(std::string_view text, Settings& into) const override {
        const auto moment = model::parse_timestamp(text);
        if (!moment) {
            return model::failure(
                "this is not a date and time; write it like 2025-11-29T10:00:00+09:00",
                "日時になっていません。2025-11-29T10:00:00+09:00 のように書いてください");
        }
        into.*m_member = *moment;
        return {};
    }
    bool read(model::ObjectReader& object, std::string_view name, model::Presence presence,
              Settings& into) const override {
        auto text = object.string(name, presence);
        if (!text) {
            return false;
        }
        if (auto parsed = parse(*text, into); !parsed) {
            object.fail(name, parsed.error().message);
            return false;
        }
        return true;
    }
    std::string show(const Settings& settings) const override {
        const auto& moment = settings.*m_member;
        return moment ? date::format("%FT%TZ", *moment) : std::string();
    }
};

}  // namespace

std::optional<ScreenSize> parse_size(std::string_view text) {
    const auto x = text.find('x');
    if (x == std::string_view::npos) {
        return std::nullopt;
    }
    const auto width = parse_number<int>(text.substr(0, x));
    const auto height = parse_number<int>(text.substr(x + 1));
    if (!width || !height || *width < 160 || *height < 120 || *width > 8192 || *height > 8192) {
        return std::nullopt;
    }
    return ScreenSize{*width, *height};
}

Value list(std::vector<std::string> Settings::*member) {
    return std::make_shared<ListValue>(member);
}
Value keys(std::vector<model::PublicKey> Settings::*member) {
    return std::make_shared<KeysValue>(member);
}
Value size(std::optional<ScreenSize> Settings::*member) {
    return std::make_shared<SizeValue>(member);
}
Value moment(std::optional<model::TimePoint> Settings::*member) {
    return std::make_shared<MomentValue>(member);
}

}  // namespace keiji::play::values

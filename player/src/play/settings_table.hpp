#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.hpp"
#include "model/object_reader.hpp"
#include "play/settings.hpp"

namespace keiji::play {

// How one member of Settings is read from the command line and from keiji.json, copied and
// shown. One implementation per kind of value (text, number in a range, choice, size, list,
// keys); the table below says which member each row is.
class SettingValue {
public:
    virtual ~SettingValue() = default;
    // The command line's text for it (a list's option is given once per entry; a switch gets
    // "true"). The error says what is wrong and how to write it.
    [[nodiscard]] virtual model::Result<void> parse(std::string_view text,
                                                    Settings& into) const = 0;
    // The member `name` of the configuration object `object`; true when a value was taken
    // (problems go to the reader's list, with file, line and column).
    virtual bool read(model::ObjectReader& object, std::string_view name, model::Presence presence,
                      Settings& into) const = 0;
    virtual void copy(const Settings& from, Settings& to) const = 0;
    [[nodiscard]] virtual std::string show(const Settings& settings) const = 0;
    // The members of its object the value occupies (a size is "width" and "height").
    [[nodiscard]] virtual std::vector<std::string> members(std::string_view name) const {
        return {std::string(name)};
    }
    [[nodiscard]] virtual bool is_switch() const { return false; }
    [[nodiscard]] virtual bool repeats() const { return false; }
};

// When a setting read again on SIGHUP takes effect.
enum class OnReload { at_once, next_start };

// One setting, declared once: its name, flags, configuration key, help, where it applies and
// how its value is read.
struct Setting {
    std::string_view name;        // "feed.poll_seconds": for --show-settings and messages.
    std::string_view flags;       // "--feed", or "--size,--window"; empty: the file only.
    std::string_view config_key;  // JSON pointer in keiji.json, "/feed/url"; empty: none.
    std::string_view type_name;   // For --help: "URL", "WxH", "SECONDS".
    std::string_view help;
    unsigned contexts = in_play;  // Where it applies (Context bits).
    OnReload reload = OnReload::at_once;
    model::Presence presence = model::Presence::optional;  // In its configuration object.
    std::shared_ptr<const SettingValue> value;

    // The first flag ("--size" of "--size,--window").
    [[nodiscard]] std::string_view flag() const { return flags.substr(0, flags.find(',')); }
};

// Every setting, in the order --help and --show-settings list them.
[[nodiscard]] const std::vector<Setting>& settings_table();
[[nodiscard]] const Setting* find_setting(std::string_view name);

}  // namespace keiji::play

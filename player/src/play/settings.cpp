#include "play/settings.hpp"

#include "play/settings_table.hpp"

namespace keiji::play {

ScreenSize Settings::frame_size() const {
    if (size) {
        return *size;
    }
    return headless ? ScreenSize{1920, 1080} : ScreenSize{1280, 720};
}

std::string_view to_string(Origin origin) {
    switch (origin) {
        case Origin::built_in:
            return "default";
        case Origin::config_file:
            return "keiji.json";
        case Origin::command_line:
            return "command line";
    }
    return "";
}

ResolvedSettings resolve(const SettingsLayer& config_file, const SettingsLayer& command_line) {
    ResolvedSettings resolved;
    for (const Setting& setting : settings_table()) {
        Origin origin = Origin::built_in;
        if (command_line.given.contains(setting.name)) {
            setting.value->copy(command_line.values, resolved.values);
            origin = Origin::command_line;
        } else if (config_file.given.contains(setting.name)) {
            setting.value->copy(config_file.values, resolved.values);
            origin = Origin::config_file;
        }
        resolved.origin.emplace(std::string(setting.name), origin);
    }
    return resolved;
}

}  // namespace keiji::play

#include "play/settings_file.hpp"

#include <algorithm>
#include <map>

#include "model/object_reader.hpp"
#include "play/settings_table.hpp"
#include "storage/file_io.hpp"

namespace keiji::play {

namespace {

// "/alerts/mqtt/url" → {"/alerts/mqtt", "url"}.
std::pair<std::string, std::string> split(std::string_view key) {
    const auto slash = key.rfind('/');
    return {std::string(key.substr(0, slash)), std::string(key.substr(slash + 1))};
}

// Every object of the file and the members each may have: the table's keys, the objects nested
// in it ("mqtt" in "/alerts"), and "$schema" at the top.
std::map<std::string, std::vector<std::string>> objects_of_table() {
    std::map<std::string, std::vector<std::string>> objects{{"", {"$schema"}}};
    for (const Setting& setting : settings_table()) {
        if (setting.config_key.empty()) {
            continue;
        }
        auto [parent, member] = split(setting.config_key);
        for (std::string& name : setting.value->members(member)) {
            objects[parent].push_back(std::move(name));
        }
        // Each enclosing object is a member of the one above it.
        for (std::string object = parent; !object.empty();) {
            auto [above, name] = split(object);
            auto& members = objects[above];
            if (std::ranges::find(members, name) == members.end()) {
                members.push_back(name);
            }
            object = above;
        }
    }
    return objects;
}

}  // namespace

ConfigFile read_config(const model::JsonDocument& document) {
    ConfigFile config;
    // In key order a parent comes before its children, so a missing object is known before its
    // members are looked for.
    for (const auto& [pointer, members] : objects_of_table()) {
        const nlohmann::json::json_pointer json_pointer(pointer);
        if (!pointer.empty() && !document.root().contains(json_pointer)) {
            continue;
        }
        const std::vector<std::string_view> allowed(members.begin(), members.end());
        model::ObjectReader object(document, pointer, config.problems, allowed);
        if (!object.is_object()) {
            if (pointer.empty()) {
                return config;
            }
            continue;
        }
        for (const Setting& setting : settings_table()) {
            if (setting.config_key.empty() || split(setting.config_key).first != pointer) {
                continue;
            }
            const std::string member = split(setting.config_key).second;
            const bool present =
                std::ranges::any_of(setting.value->members(member),
                                    [&](const std::string& name) { return object.has(name); });
            if (!present && setting.presence == model::Presence::optional) {
                continue;
            }
            if (setting.value->read(object, member, setting.presence, config.layer.values)) {
                config.layer.given.emplace(setting.name);
            }
        }
    }
    return config;
}

std::expected<ConfigFile, model::Errors> load_config_file(const std::filesystem::path& path) {
    auto text = storage::read_file(path);
    if (!text) {
        return std::unexpected(model::Errors{std::move(text.error())});
    }
    auto document = model::JsonDocument::parse(std::move(*text), path.string());
    if (!document) {
        return std::unexpected(std::move(document.error()));
    }
    ConfigFile config = read_config(*document);
    config.layer.values.config_file = path.string();
    return config;
}

LoadedSettings load_settings(const SettingsLayer& command_line) {
    LoadedSettings loaded;
    SettingsLayer config;
    if (!command_line.values.config_file.empty()) {
        auto file = load_config_file(command_line.values.config_file);
        if (file) {
            config = std::move(file->layer);
            loaded.problems = std::move(file->problems);
        } else {
            loaded.problems = std::move(file.error());
            loaded.file_unusable = true;
        }
    }
    loaded.settings = resolve(config, command_line);
    loaded.settings.values.content = bundled_content(loaded.settings.values.content);
    return loaded;
}

std::string bundled_content(const std::string& content) {
    if (std::error_code error;
        content == Settings{}.content && !std::filesystem::exists(content, error)) {
        return KEIJI_INSTALLED_PLAYLISTS;
    }
    return content;
}

}  // namespace keiji::play

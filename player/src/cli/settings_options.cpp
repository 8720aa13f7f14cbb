#include "cli/settings_options.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>

namespace keiji::cli {

SettingsOptions::SettingsOptions(CLI::App& command, unsigned contexts) {
    const play::Settings defaults;
    for (const play::Setting& setting : play::settings_table()) {
        if (setting.flags.empty() || (setting.contexts & contexts) == 0) {
            continue;
        }
        auto entry = std::make_unique<Entry>();
        entry->setting = &setting;
        const std::string flags(setting.flags);
        const std::string help(setting.help);
        if (setting.value->is_switch()) {
            entry->option = command.add_flag(flags, entry->on, help);
        } else {
            entry->option = command.add_option(flags, entry->texts, help)
                                ->type_name(std::string(setting.type_name))
                                ->expected(1)
                                ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
            if (const std::string shown = setting.value->show(defaults); !shown.empty()) {
                entry->option->default_str(shown);
            }
        }
        m_entries.push_back(std::move(entry));
    }
}

model::Result<play::SettingsLayer> SettingsOptions::read(unsigned mode) const {
    play::SettingsLayer layer;
    for (const auto& entry : m_entries) {
        const play::Setting& setting = *entry->setting;
        if (entry->option->count() == 0) {
            continue;
        }
        if ((setting.contexts & mode) == 0) {
            return model::failure(setting.contexts == play::in_headless
                                      ? fmt::format("{} needs --headless", setting.flag())
                                      : fmt::format("{} does not apply here", setting.flag()));
        }
        const std::vector<std::string> texts =
            setting.value->is_switch() ? std::vector<std::string>{entry->on ? "true" : "false"}
                                       : entry->texts;
        // A list takes every use of its flag; any other setting the last one.
        const std::size_t first = setting.value->repeats() ? 0 : texts.size() - 1;
        for (std::size_t i = first; i < texts.size(); ++i) {
            if (auto parsed = setting.value->parse(texts[i], layer.values); !parsed) {
                return model::failure(
                    fmt::format("{} \"{}\": {}", setting.flag(), texts[i], parsed.error().text()));
            }
        }
        layer.given.emplace(setting.name);
    }
    return layer;
}

bool SettingsOptions::given(std::string_view name) const {
    for (const auto& entry : m_entries) {
        if (entry->setting->name == name) {
            return entry->option->count() > 0;
        }
    }
    return false;
}

std::string describe(const play::ResolvedSettings& settings) {
    std::string text = fmt::format("{:<28} {:<14} {}\n", "setting", "set by", "value");
    for (const play::Setting& setting : play::settings_table()) {
        const play::Origin origin = settings.origin.at(std::string(setting.name));
        text += fmt::format("{:<28} {:<14} {}\n", setting.name, play::to_string(origin),
                            setting.value->show(settings.values));
    }
    return text;
}

}  // namespace keiji::cli

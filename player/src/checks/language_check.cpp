#include "checks/language_check.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <vector>

#include "schedule/slide_language.hpp"

namespace keiji::checks {

model::Errors check_languages(const storage::PlaylistFile& file,
                              std::span<const std::string> screen_languages) {
    model::Errors problems;
    std::map<std::string, int> missing_count;
    std::vector<std::string> counted;  // The languages counted, in the order first asked for.
    const auto& items = file.playlist.items;
    for (std::size_t index = 0; index < items.size(); ++index) {
        const model::LocalizedText& title = model::title_of(items[index]);
        // An item (or its playlist) that names its own languages is judged by those.
        const std::span<const std::string> wanted =
            items[index].languages.empty() ? screen_languages
                                           : std::span<const std::string>(items[index].languages);
        if (wanted.size() < 2) {
            continue;
        }
        std::vector<std::string> missing;
        for (const std::string& language : wanted) {
            if (std::find(counted.begin(), counted.end(), language) == counted.end()) {
                counted.push_back(language);
            }
            const std::string* text = title.find(language);
            if (text == nullptr || text->empty()) {
                missing.push_back(language);
                ++missing_count[language];
            }
        }
        if (missing.empty()) {
            continue;
        }
        const std::vector<std::string> shown =
            schedule::languages_shown(items[index], screen_languages);
        const std::string pointer = fmt::format("/items/{}/title", index);
        problems.push_back(model::Error{
            .where = file.document.location_of(pointer),
            .message = {fmt::format("no title in {}: on a screen that shows {}, this item is shown "
                                    "in {} only",
                                    fmt::join(missing, ", "), fmt::join(wanted, ", "),
                                    fmt::join(shown, ", ")),
                        fmt::format("タイトルに {} の文章がありません。{} を表示する画面では、この"
                                    "項目は {} だけで表示されます",
                                    fmt::join(missing, "・"), fmt::join(wanted, "・"),
                                    fmt::join(shown, "・"))},
            .severity = model::Severity::warning});
    }
    if (!missing_count.empty()) {
        std::vector<std::string> en;
        std::vector<std::string> ja;
        for (const std::string& language : counted) {
            if (const auto found = missing_count.find(language); found != missing_count.end()) {
                en.push_back(fmt::format("{} {} of {}", language, found->second, items.size()));
                ja.push_back(fmt::format("{} {}/{} 項目", language, found->second, items.size()));
            }
        }
        problems.push_back(model::Error{
            .where = {.file = file.document.file_name()},
            .message = {fmt::format("items without a language the screen shows: {}",
                                    fmt::join(en, ", ")),
                        fmt::format("画面の表示言語の文章がない項目: {}", fmt::join(ja, "、"))},
            .severity = model::Severity::warning});
    }
    return problems;
}

}  // namespace keiji::checks

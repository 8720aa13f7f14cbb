#include "cli/schedule_command.hpp"

#include <date/tz.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <map>
#include <sstream>
#include <vector>

#include "cli/messages.hpp"
#include "model/time.hpp"
#include "schedule/lint.hpp"
#include "schedule/local_time.hpp"
#include "schedule/slide_language.hpp"
#include "schedule/timeline.hpp"
#include "storage/playlist_file.hpp"

namespace keiji::cli {

namespace {

struct ScheduleOptions {
    std::string file;
    std::string from;
    std::string to;
    std::string zone{schedule::ward_time_zone};
    bool summary_only = false;
    // The screen's languages: each slot then names the language it shows (as the player
    // rotates them), and the summary adds the airtime of each language.
    std::vector<std::string> languages;
    std::string language_layout = "rotate";  // As the screen's config: rotate, bilingual, split.
};

constexpr const char* description = "Print the timeline a playlist would play: one line per slot";

constexpr const char* footer =
    R"(Times are ISO 8601 with an offset (2025-05-10T11:00:00+09:00, ...Z)
or a local date (2025-05-10 = local midnight in --zone).

Output: one line per slot, "start end item-id", start inclusive, end exclusive, in local time.
  (idle)    the screen is open but no item is eligible: the corner's name and the clock show
  (closed)  outside the playlist's opening_hours: blank or still, as "outside_hours" says
Then, on lines starting with '#', each item's slots, airtime and share of the playing time.
With --languages ja,en,ko (a screen of several languages) each slot line ends with the language
it shows, in turn among the ones the item has, and the summary adds each language's airtime.
--language-layout as the screen's config: bilingual slots read "ja+en" (both on screen), split
slots "ja/en/ko" (the slot in equal parts of at least 3 s, one per language).
Filter the summary out with: grep -v '^#'

Examples:
  keiji schedule playlists/events.json --from 2025-05-10 --to 2025-05-11
  keiji schedule playlists/partners.json --from 2025-05-12T08:30:00+09:00 \
                 --to 2025-05-12T17:15:00+09:00 --summary-only
  keiji schedule playlists/partners.json --from 2025-05-12 --to 2025-05-13 --languages ja,en

Exit code: 0 printed, 1 the playlist has errors (as keiji validate prints them), 2 usage error.)";

// An ISO 8601 timestamp with an offset, or a local date meaning its midnight in `zone`.
model::Result<model::TimePoint> parse_moment(const std::string& option, const std::string& text,
                                             const date::time_zone& zone) {
    if (const auto stamp = model::parse_timestamp(text)) {
        return *stamp;
    }
    if (const auto day = model::parse_date(text)) {
        return schedule::local_midnight(*day, zone);
    }
    return model::failure(fmt::format(
        "{} \"{}\" is not a time; write 2025-05-10T11:00:00+09:00 or a date like 2025-05-10",
        option, text));
}

std::string local_text(model::TimePoint when, const date::time_zone& zone) {
    return date::format("%FT%T%Ez", date::make_zoned(&zone, when));
}

std::string hms(std::chrono::seconds total) {
    const auto count = total.count();
    return fmt::format("{}:{:02}:{:02}", count / 3600, count / 60 % 60, count % 60);
}

// The languages of each slot, as the player picks them ("" for idle and closed slots): "en" when
// rotating, "ja+en" in the bilingual layout (both on screen), "ja/en/ko" when the slot is split.
std::vector<std::string> slot_languages(const model::Playlist& playlist,
                                        const schedule::Timeline& timeline,
                                        const std::vector<std::string>& languages,
                                        std::string_view layout) {
    std::vector<std::string> shown;
    schedule::LanguageRotation rotation(languages);
    for (const schedule::Slot& slot : timeline.slots) {
        if (slot.kind != schedule::SlotKind::item) {
            shown.emplace_back();
            continue;
        }
        const model::Item& item = playlist.items[slot.item];
        if (layout == "bilingual") {
            const auto [first, second] = rotation.next_pair(item);
            shown.push_back(second.empty() ? first : first + "+" + second);
        } else if (layout == "split") {
            const auto length =
                std::chrono::duration_cast<std::chrono::seconds>(slot.end - slot.start);
            const schedule::SplitPlan plan =
                schedule::plan_split(length, schedule::languages_shown(item, languages).size());
            shown.push_back(
                fmt::format("{}", fmt::join(rotation.next_several(item, plan.parts), "/")));
        } else {
            shown.push_back(rotation.next(item));
        }
    }
    return shown;
}

void print_timeline(const model::Playlist& playlist, const schedule::Timeline& timeline,
                    const date::time_zone& zone, const std::vector<std::string>& languages) {
    std::string out;
    for (std::size_t i = 0; i < timeline.slots.size(); ++i) {
        const schedule::Slot& slot = timeline.slots[i];
        const std::string what = slot.kind == schedule::SlotKind::item
                                     ? playlist.items[slot.item].id
                                 : slot.kind == schedule::SlotKind::idle ? "(idle)"
                                                                         : "(closed)";
        const bool named = !languages.empty() && !languages[i].empty();
        out +=
            fmt::format("{} {} {}{}{}\n", local_text(slot.start, zone), local_text(slot.end, zone),
                        what, named ? " " : "", named ? languages[i] : "");
        if (out.size() > 1 << 16) {
            std::fputs(out.c_str(), stdout);
            out.clear();
        }
    }
    std::fputs(out.c_str(), stdout);
}

void print_summary(const model::Playlist& playlist, const schedule::Timeline& timeline,
                   model::TimePoint from, model::TimePoint to) {
    const auto [playing, idle, closed] = schedule::totals(timeline);
    std::size_t id_width = 4;
    for (const model::Item& item : playlist.items) {
        id_width = std::max(id_width, item.id.size());
    }
    std::string out = fmt::format("# {} s in all: {} playing, {} idle, {} closed\n",
                                  (to - from).count(), hms(playing), hms(idle), hms(closed));
    out += fmt::format("# {:<{}}  {:>8}  {:>6}  {:>10}  {:>6}  {:>8}\n", "item", id_width,
                       "priority", "weight", "airtime", "slots", "share");
    for (std::size_t i = 0; i < playlist.items.size(); ++i) {
        const model::Item& item = playlist.items[i];
        const schedule::Airtime& airtime = timeline.airtime[i];
        const double share = playing.count() > 0
                                 ? 100.0 * double(airtime.total.count()) / double(playing.count())
                                 : 0.0;
        out +=
            fmt::format("# {:<{}}  {:>8}  {:>6.2f}  {:>10}  {:>6}  {:>7.1f}%\n", item.id, id_width,
                        item.priority, item.weight, hms(airtime.total), airtime.slots, share);
    }
    std::fputs(out.c_str(), stdout);
}

// "# language  airtime  slots  share" for a screen of several languages.
void print_language_summary(const schedule::Timeline& timeline,
                            const std::vector<std::string>& screen,
                            const std::vector<std::string>& shown) {
    std::map<std::string, std::pair<std::chrono::seconds, int>> by_language;
    std::chrono::seconds playing{0};
    for (std::size_t i = 0; i < timeline.slots.size(); ++i) {
        if (shown[i].empty()) {
            continue;
        }
        const auto length = std::chrono::duration_cast<std::chrono::seconds>(
            timeline.slots[i].end - timeline.slots[i].start);
        playing += length;
        // A split slot gives each of its languages an equal part; a bilingual one shows both
        // for the whole slot, so both count it.
        const bool split = shown[i].find('/') != std::string::npos;
        std::vector<std::string> parts;
        std::istringstream stream(shown[i]);
        for (std::string part; std::getline(stream, part, split ? '/' : '+');) {
            parts.push_back(part);
        }
        for (const std::string& part : parts) {
            auto& [airtime, slots] = by_language[part];
            airtime += split ? length / std::int64_t(parts.size()) : length;
            ++slots;
        }
    }
    std::string out =
        fmt::format("# {:<10}  {:>10}  {:>6}  {:>8}\n", "language", "airtime", "slots", "share");
    for (const std::string& language : screen) {
        const auto [airtime, slots] = by_language[language];
        const double share =
            playing.count() > 0 ? 100.0 * double(airtime.count()) / double(playing.count()) : 0.0;
        out += fmt::format("# {:<10}  {:>10}  {:>6}  {:>7.1f}%\n", language, hms(airtime), slots,
                           share);
    }
    std::fputs(out.c_str(), stdout);
}

int run_schedule(const ScheduleOptions& options, std::string_view language) {
    const auto zone = schedule::find_time_zone(options.zone);
    if (!zone) {
        return fail("schedule", zone.error(), language, 2);
    }
    const auto from = parse_moment("--from", options.from, **zone);
    const auto to = parse_moment("--to", options.to, **zone);
    for (const auto* moment : {&from, &to}) {
        if (!*moment) {
            return fail("schedule", moment->error(), language, 2);
        }
    }
    if (*to <= *from) {
        return fail("schedule",
                    fmt::format("--to ({}) must be after --from ({})", options.to, options.from),
                    2);
    }
    const auto file = storage::load_playlist_file(options.file);
    if (!file) {
        print_problems(file.error(), language);
        return 1;
    }
    const model::Playlist& playlist = file->playlist;
    print_problems(schedule::schedule_warnings(playlist, **zone), language);
    const model::ItemSchedule* hours =
        playlist.opening_hours ? &playlist.opening_hours->hours : nullptr;
    const schedule::Timeline timeline =
        schedule::build_timeline(playlist.items, hours, *from, *to, **zone);
    const bool several = options.languages.size() > 1;
    const std::vector<std::string> shown =
        several ? slot_languages(playlist, timeline, options.languages, options.language_layout)
                : std::vector<std::string>();
    if (!options.summary_only) {
        print_timeline(playlist, timeline, **zone, shown);
    }
    print_summary(playlist, timeline, *from, *to);
    if (several) {
        print_language_summary(timeline, options.languages, shown);
    }
    return 0;
}

}  // namespace

Command add_schedule_command(CLI::App& app, const Context& context) {
    auto options = std::make_shared<ScheduleOptions>();
    auto* command = app.add_subcommand("schedule", description);
    command->add_option("FILE", options->file, "The playlist file")
        ->required()
        ->check(CLI::ExistingFile);
    command->add_option("--from", options->from, "Start of the timeline (inclusive)")
        ->required()
        ->type_name("ISO8601");
    command->add_option("--to", options->to, "End of the timeline (exclusive)")
        ->required()
        ->type_name("ISO8601");
    command->add_option("--zone", options->zone, "The ward's time zone (IANA name)")
        ->capture_default_str();
    command->add_flag("--summary-only", options->summary_only,
                      "Print only the airtime summary, not each slot");
    command
        ->add_option("--languages", options->languages,
                     "The screen's languages, in order (ja,en,ko): each slot names its language")
        ->delimiter(',')
        ->check([](const std::string& tag) {
            return model::is_known_language_tag(tag)
                       ? std::string()
                       : fmt::format(
                             "\"{}\" is not a language tag keiji knows (ja, ja-x-easy, "
                             "en, zh-Hans, ko...)",
                             tag);
        });
    command
        ->add_option("--language-layout", options->language_layout,
                     "How the screen shows several languages (its config's language_layout)")
        ->check(CLI::IsMember({"rotate", "bilingual", "split"}))
        ->capture_default_str();
    command->footer(footer);
    const std::string language = context.message_language;
    return Command{command, [options, language] { return run_schedule(*options, language); }};
}

}  // namespace keiji::cli

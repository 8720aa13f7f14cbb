#include "cli/schedule_command.hpp"

#include <date/tz.h>
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/messages.hpp"
#include "model/time.hpp"
#include "schedule/lint.hpp"
#include "schedule/local_time.hpp"
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
};

constexpr const char* description = "Print the timeline a playlist would play: one line per slot";

constexpr const char* footer =
    R"(Times are ISO 8601 with an offset (2025-05-10T11:00:00+09:00, ...Z)
or a local date (2025-05-10 = local midnight in --zone).

Output: one line per slot, "start end item-id", start inclusive, end exclusive, in local time.
  (idle)    the screen is open but no item is eligible: the corner's name and the clock show
  (closed)  outside the playlist's opening_hours: blank or still, as "outside_hours" says
Then, on lines starting with '#', each item's slots, airtime and share of the playing time.
Filter the summary out with: grep -v '^#'

Examples:
  keiji schedule playlists/events.json --from 2025-05-10 --to 2025-05-11
  keiji schedule playlists/partners.json --from 2025-05-12T08:30:00+09:00 \
                 --to 2025-05-12T17:15:00+09:00 --summary-only

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

void print_timeline(const model::Playlist& playlist, const schedule::Timeline& timeline,
                    const date::time_zone& zone) {
    std::string out;
    for (const schedule::Slot& slot : timeline.slots) {
        const std::string what = slot.kind == schedule::SlotKind::item
                                     ? playlist.items[slot.item].id
                                 : slot.kind == schedule::SlotKind::idle ? "(idle)"
                                                                         : "(closed)";
        out += fmt::format("{} {} {}\n", local_text(slot.start, zone), local_text(slot.end, zone),
                           what);
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
    if (!options.summary_only) {
        print_timeline(playlist, timeline, **zone);
    }
    print_summary(playlist, timeline, *from, *to);
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
    command->footer(footer);
    const std::string language = context.message_language;
    return Command{command, [options, language] { return run_schedule(*options, language); }};
}

}  // namespace keiji::cli

// Publishing, its history and rollback, and the timeline the screens would play.
#include <date/date.h>
#include <fmt/format.h>
#include <httplib.h>

#include <algorithm>
#include <charconv>
#include <map>

#include "model/time.hpp"
#include "schedule/local_time.hpp"
#include "schedule/slide_language.hpp"
#include "schedule/timeline.hpp"
#include "storage/playlist_file.hpp"
#include "studio/publication.hpp"
#include "studio/routes.hpp"

namespace keiji::studio {

namespace {

bool may_publish(Call& call, Step step) {
    const auto rules = call.studio.rules().value_or(WorkflowRules{});
    const auto allowed = next_state(step, ItemState::approved, call.user(), "", rules);
    if (!allowed) {
        call.send_error(allowed.error());
    }
    return allowed.has_value();
}

nlohmann::json to_json(const Version& version) {
    return {{"id", version.id},
            {"published_at", version.published_at},
            {"published_by", version.published_by},
            {"summary", {{"en", version.summary.en}, {"ja", version.summary.ja}}},
            {"feed_sha256", version.feed_sha256}};
}

void pending(Call& call) {
    const auto changes = call.studio.publishing().pending_changes();
    const auto items = call.studio.content().items();
    if (!changes || !items) {
        call.send_error(!changes ? changes.error() : items.error(), 500);
        return;
    }
    nlohmann::json waiting = nlohmann::json::array();
    for (const ItemRecord& item : *items) {
        if (item.state == ItemState::submitted || item.state == ItemState::draft ||
            item.state == ItemState::rejected) {
            waiting.push_back(studio::to_json(item));
        }
    }
    call.send_json(200, {{"changes", {{"en", changes->en}, {"ja", changes->ja}}},
                         {"not_yet_approved", std::move(waiting)}});
}

void publish(Call& call) {
    if (!may_publish(call, Step::publish)) {
        return;
    }
    const auto version = call.studio.publishing().publish(call.user().name, call.now_text());
    if (!version) {
        call.send_error(version.error());
        return;
    }
    call.audit("publish", fmt::format("version {}", version->id), version->summary.en);
    call.send_json(200, {{"version", to_json(*version)}});
}

void versions(Call& call) {
    send_list(call, call.studio.publishing().versions(), "versions",
              [](const Version& version) { return to_json(version); });
}

void rollback(Call& call) {
    if (!may_publish(call, Step::rollback)) {
        return;
    }
    std::int64_t id = 0;
    const std::string text = call.match(1);
    std::from_chars(text.data(), text.data() + text.size(), id);
    const auto version = call.studio.publishing().rollback(id, call.user().name, call.now_text());
    if (!version) {
        call.send_error(version.error());
        return;
    }
    call.audit("rollback", fmt::format("version {}", id),
               fmt::format("published as version {}", version->id));
    call.send_json(200, {{"version", to_json(*version)}});
}

// The items of published content, as the player would load them (opening hours of the first
// playlist that has them).
struct Loaded {
    std::vector<model::Item> items;
    std::optional<model::OpeningHours> hours;
};
Loaded load(const nlohmann::json& content, const std::filesystem::path& uploads) {
    Loaded loaded;
    for (const auto& playlist : content.value("playlists", nlohmann::json::array())) {
        auto file = storage::parse_playlist_file(playlist.dump(), "content", uploads.string());
        if (!file) {
            continue;
        }
        if (!loaded.hours) {
            loaded.hours = file->playlist.opening_hours;
        }
        std::ranges::move(file->playlist.items, std::back_inserter(loaded.items));
    }
    return loaded;
}

// Each language's share of the playing time on screens showing `languages` in turn, from the
// player's own rotation: [{"language", "seconds", "share"}].
nlohmann::json language_airtime(const std::vector<model::Item>& items,
                                const schedule::Timeline& plan,
                                const std::vector<std::string>& languages) {
    schedule::LanguageRotation rotation(languages);
    std::map<std::string, std::int64_t> seconds;
    std::int64_t playing = 0;
    for (const schedule::Slot& slot : plan.slots) {
        if (slot.kind == schedule::SlotKind::item) {
            const std::int64_t length = (slot.end - slot.start).count();
            seconds[rotation.next(items[slot.item])] += length;
            playing += length;
        }
    }
    nlohmann::json list = nlohmann::json::array();
    for (const std::string& language : languages) {
        const std::int64_t shown = seconds[language];
        list.push_back({{"language", language},
                        {"seconds", shown},
                        {"share", playing > 0 ? double(shown) / double(playing) : 0.0}});
    }
    return list;
}

void timeline(Call& call) {
    const auto day = model::parse_date(call.request.get_param_value("from"));
    const std::string days_text = call.request.get_param_value("days");
    const int days = days_text == "7" ? 7 : 1;
    if (!day) {
        call.send_error(http_error(400, "from is a date like 2026-11-29",
                                   "from は 2026-11-29 のような日付です"));
        return;
    }
    const auto items = call.studio.content().items();
    const auto playlists = call.studio.content().playlists();
    const auto groups = call.studio.screen_groups().list();
    if (!items || !playlists || !groups) {
        call.send_error(!items       ? items.error()
                        : !playlists ? playlists.error()
                                     : groups.error(),
                        500);
        return;
    }
    nlohmann::json content = content_to_publish(*playlists, *items, *groups);
    // One screen group's timeline: only the playlists its screens play, in its languages.
    const std::string group = call.request.get_param_value("group");
    std::vector<std::string> languages{"ja"};
    if (!group.empty()) {
        const auto found = std::ranges::find(*groups, group, &ScreenGroup::tag);
        if (found == groups->end() && group != every_screen) {
            call.send_error(http_error(404, fmt::format("there is no screen group \"{}\"", group),
                                       fmt::format("画面グループ「{}」はありません", group)));
            return;
        }
        if (found != groups->end()) {
            languages = found->languages;
        }
        const std::vector<std::string> shown = playlists_for_group(content, group);
        auto& list = content["playlists"];
        list.erase(std::remove_if(list.begin(), list.end(),
                                  [&](const nlohmann::json& playlist) {
                                      return std::ranges::find(shown, playlist.value("id", "")) ==
                                             shown.end();
                                  }),
                   list.end());
    }
    const Loaded loaded = load(content, call.studio.uploads().root());
    const date::time_zone& zone = call.studio.zone();
    const model::TimePoint from = schedule::local_midnight(*day, zone);
    const model::TimePoint to = from + std::chrono::days(days);
    const schedule::Timeline plan = schedule::build_timeline(
        loaded.items, loaded.hours ? &loaded.hours->hours : nullptr, from, to, zone);
    // Hour by hour, what plays for how long: a week of ten-second slots would be too many to
    // send, and an hour is what staff plan in.
    nlohmann::json hours = nlohmann::json::array();
    std::map<std::int64_t, nlohmann::json> by_hour;
    for (const schedule::Slot& slot : plan.slots) {
        for (model::TimePoint start = slot.start; start < slot.end;) {
            const model::TimePoint hour = std::chrono::floor<std::chrono::hours>(start);
            const model::TimePoint end = std::min(slot.end, hour + std::chrono::hours(1));
            nlohmann::json& bucket = by_hour[hour.time_since_epoch().count()];
            if (bucket.is_null()) {
                bucket = {{"start", iso_time(hour)},
                          {"items", nlohmann::json::object()},
                          {"idle", 0},
                          {"closed", 0}};
            }
            const std::int64_t seconds = (end - start).count();
            if (slot.kind == schedule::SlotKind::item) {
                nlohmann::json& played = bucket["items"][loaded.items[slot.item].id];
                played = played.is_null() ? seconds : played.get<std::int64_t>() + seconds;
            } else {
                const char* kind = slot.kind == schedule::SlotKind::idle ? "idle" : "closed";
                bucket[kind] = bucket[kind].get<std::int64_t>() + seconds;
            }
            start = end;
        }
    }
    for (auto& [hour, bucket] : by_hour) {
        hours.push_back(std::move(bucket));
    }
    const auto totals = schedule::totals(plan);
    nlohmann::json airtime = nlohmann::json::array();
    for (std::size_t i = 0; i < loaded.items.size(); ++i) {
        const double share = totals.playing.count() > 0 ? double(plan.airtime[i].total.count()) /
                                                              double(totals.playing.count())
                                                        : 0.0;
        airtime.push_back({{"item", loaded.items[i].id},
                           {"seconds", plan.airtime[i].total.count()},
                           {"slots", plan.airtime[i].slots},
                           {"share", share}});
    }
    call.send_json(200, {{"hours", std::move(hours)},
                         {"airtime", std::move(airtime)},
                         {"languages", language_airtime(loaded.items, plan, languages)}});
}

}  // namespace

void add_publish_routes(Router& router) {
    router.get("/api/publish", Access::signed_in, pending);
    router.post("/api/publish", Access::signed_in, publish);
    router.get("/api/versions", Access::signed_in, versions);
    router.post(R"(/api/versions/([0-9]+)/rollback)", Access::signed_in, rollback);
    router.get("/api/schedule", Access::signed_in, timeline);
}

}  // namespace keiji::studio

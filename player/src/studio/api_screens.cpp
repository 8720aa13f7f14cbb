// Screen groups, which playlists each plays, and the content key the screens must trust: what
// an administrator sets up once per site, and what IT needs to configure a new screen.
#include <fmt/format.h>
#include <httplib.h>

#include <set>

#include "alert/signing.hpp"
#include "studio/routes.hpp"
#include "sync/sha256.hpp"

namespace keiji::studio {

namespace {

void list_groups(Call& call) {
    send_list(call, call.studio.screen_groups().list(), "groups",
              [](const ScreenGroup& group) { return to_json(group); });
}

void save_groups(Call& call) {
    if (!call.allow({Role::admin})) {
        return;
    }
    const auto groups = screen_groups_from_json(call.body.value("groups", nlohmann::json()));
    if (!groups) {
        call.send_error(groups.error());
        return;
    }
    if (auto saved = call.studio.screen_groups().replace(*groups); !saved) {
        call.send_error(saved.error(), 500);
        return;
    }
    std::vector<std::string> tags;
    for (const ScreenGroup& group : *groups) {
        tags.push_back(group.tag);
    }
    call.audit("screens.save", fmt::format("{}", fmt::join(tags, ",")));
    list_groups(call);
}

// Which groups a playlist plays on: ["*"] (every screen) or some of the groups' tags. It goes
// to the screens with the next publish, like any other change.
void set_playlist_screens(Call& call) {
    if (!call.allow({Role::admin, Role::approver})) {
        return;
    }
    const auto groups = call.studio.screen_groups().list();
    if (!groups) {
        call.send_error(groups.error(), 500);
        return;
    }
    std::set<std::string> known{std::string(every_screen)};
    for (const ScreenGroup& group : *groups) {
        known.insert(group.tag);
    }
    const nlohmann::json wanted = call.body.value("screens", nlohmann::json());
    std::vector<std::string> screens;
    for (const auto& tag : wanted.is_array() ? wanted : nlohmann::json::array()) {
        if (!tag.is_string() || !known.contains(tag.get<std::string>())) {
            call.send_error(
                http_error(400, fmt::format("{} is not a screen group", tag.dump()),
                           fmt::format("{} という画面グループはありません", tag.dump())));
            return;
        }
        screens.push_back(tag.get<std::string>());
    }
    if (!wanted.is_array() || wanted.empty()) {
        call.send_error(
            http_error(400, "choose at least one screen group, or every screen",
                       "画面グループを1つ以上、または「すべての画面」を選んでください"));
        return;
    }
    if (std::ranges::find(screens, every_screen) != screens.end()) {
        screens = {std::string(every_screen)};  // Every screen includes every group.
    }
    const std::string playlist = call.match(1);
    if (auto set = call.studio.content().set_playlist_screens(playlist, screens); !set) {
        call.send_error(set.error());
        return;
    }
    call.audit("playlist.screens", playlist, fmt::format("{}", fmt::join(screens, ",")));
    call.send_json(200, {{"id", playlist}, {"screens", screens}});
}

// The public half of an Ed25519 secret key: libsodium keeps it as the last 32 of its 64 bytes.
std::string_view public_half(const alert::SecretKey& key) {
    return std::string_view(key.secret_key).substr(32);
}

// The key that signs published feeds, as a screen's keiji.json wants it.
nlohmann::json public_key_entry(const alert::SecretKey& key) {
    return {{"key_id", key.key_id}, {"public_key", alert::to_base64(public_half(key))}};
}

void keys(Call& call) {
    if (!call.allow({Role::admin})) {
        return;
    }
    // Four groups of four hex digits: short enough to compare over the telephone with what a
    // screen logs ("feed signed by …").
    const auto fingerprint = [](const alert::SecretKey& key) {
        const std::string hex = sync::sha256_hex(public_half(key)).substr(0, 16);
        return fmt::format("{} {} {} {}", hex.substr(0, 4), hex.substr(4, 4), hex.substr(8, 4),
                           hex.substr(12, 4));
    };
    const StudioSettings& settings = call.studio.settings();
    call.send_json(200, {{"content",
                          {{"key", public_key_entry(call.studio.content_key())},
                           {"fingerprint", fingerprint(call.studio.content_key())},
                           {"secret_file", settings.content_key.string()},
                           {"publish_folder", settings.publish.string()}}},
                         // The alert desk's key goes into each screen's alerts.public_keys.
                         {"desk",
                          {{"key", public_key_entry(call.studio.desk_key())},
                           {"fingerprint", fingerprint(call.studio.desk_key())},
                           {"secret_file", settings.desk_key.string()},
                           {"alert_folder", (settings.publish / "alerts").string()}}}});
}

void public_key_file(Call& call) {
    if (!call.allow({Role::admin})) {
        return;
    }
    const alert::SecretKey& key = call.studio.content_key();
    call.audit("keys.download", key.key_id);
    call.response.set_header("Content-Disposition",
                             fmt::format("attachment; filename=\"{}.public.json\"", key.key_id));
    call.send_bytes(nlohmann::json{{"keys", {public_key_entry(key)}}}.dump(2) + "\n",
                    "application/json");
}

}  // namespace

void add_screen_routes(Router& router) {
    router.get("/api/screens", Access::signed_in, list_groups);
    router.put("/api/screens", Access::signed_in, save_groups);
    router.put(R"(/api/playlists/([a-z0-9_-]+)/screens)", Access::signed_in, set_playlist_screens);
    router.get("/api/keys", Access::signed_in, keys);
    router.get("/api/keys/content.public.json", Access::signed_in, public_key_file);
}

}  // namespace keiji::studio

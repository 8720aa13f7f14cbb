// Playlists and items, and the workflow from draft to approval.
#include <date/date.h>
#include <fmt/format.h>
#include <httplib.h>

#include "studio/item_checks.hpp"
#include "studio/publication.hpp"
#include "studio/routes.hpp"

namespace keiji::studio {

namespace {

constexpr std::initializer_list<Role> editors = {Role::editor, Role::approver, Role::admin};

// The playlist's members besides its items, for checks and previews (its theme).
nlohmann::json extra_of(Call& call, const std::string& playlist) {
    const auto playlists = call.studio.content().playlists();
    if (playlists) {
        for (const PlaylistRecord& record : *playlists) {
            if (record.id == playlist) {
                return record.extra;
            }
        }
    }
    return nlohmann::json::object();
}

model::Errors problems_of(Call& call, const ItemRecord& item) {
    return item_problems(item.draft, extra_of(call, item.playlist), call.studio.uploads().root(),
                         call.studio.zone());
}

// The item named in the path, or an answer saying there is none.
std::optional<ItemRecord> find_item(Call& call) {
    const auto item = call.studio.content().item(call.match(1));
    if (!item) {
        call.send_error(item.error(), 500);
        return std::nullopt;
    }
    if (!*item) {
        call.send_error(http_error(404, "there is no such item", "その項目はありません"));
        return std::nullopt;
    }
    return *item;
}

void list_playlists(Call& call) {
    const auto playlists = call.studio.content().playlists();
    const auto items = call.studio.content().items();
    if (!playlists || !items) {
        call.send_error(!playlists ? playlists.error() : items.error(), 500);
        return;
    }
    nlohmann::json list = nlohmann::json::array();
    for (const PlaylistRecord& playlist : *playlists) {
        nlohmann::json summaries = nlohmann::json::array();
        for (const ItemRecord& item : *items) {
            if (item.playlist == playlist.id) {
                summaries.push_back(to_json(item));
            }
        }
        list.push_back({{"id", playlist.id},
                        {"title", playlist.title},
                        {"screens", playlist.screens},
                        {"items", std::move(summaries)}});
    }
    call.send_json(200, {{"playlists", std::move(list)}});
}

void add_playlist(Call& call) {
    const std::string id = call.body.value("id", "");
    if (id.empty() || id.size() > 64 ||
        id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_") != std::string::npos) {
        call.send_error(http_error(400, "a playlist id is 1 to 64 of a-z, 0-9, '-' and '_'",
                                   "プレイリストの ID は英小文字・数字・- _ の 64 文字以内です"));
        return;
    }
    const nlohmann::json title = call.body.value("title", nlohmann::json{{"ja", id}});
    const auto added = call.studio.content().add_playlist(id, title, nlohmann::json::object());
    if (!added) {
        call.send_error(added.error());
        return;
    }
    call.audit("playlist.add", id);
    call.send_json(201, {{"id", added->id}, {"title", added->title}});
}

void add_item(Call& call) {
    const std::string playlist = call.body.value("playlist", "");
    const std::string type = call.body.value("type", "");
    const std::string today = date::format("%F", call.studio.zone().to_local(call.now));
    const auto id = call.studio.content().new_item_id(
        type, std::string(today.substr(0, 4)) + today.substr(5, 2) + today.substr(8, 2));
    const auto draft = item_template(type, id.value_or(""), today);
    if (!id || !draft) {
        call.send_error(http_error(400, "the type must be promo, event, notice or video",
                                   "種類は promo・event・notice・video のいずれかです"));
        return;
    }
    const auto added =
        call.studio.content().add_item(playlist, *draft, call.user().name, call.now_text());
    if (!added) {
        call.send_error(added.error());
        return;
    }
    call.audit("item.add", added->id, playlist);
    call.send_json(201, {{"item", added->draft}, {"summary", to_json(*added)}});
}

void get_item(Call& call) {
    const auto item = find_item(call);
    if (!item) {
        return;
    }
    call.send_json(200, {{"item", item->draft},
                         {"summary", to_json(*item)},
                         {"published_item", item->live ? *item->live : nlohmann::json()},
                         {"problems", to_json(problems_of(call, *item))}});
}

void save_item(Call& call) {
    const auto item = find_item(call);
    if (!item) {
        return;
    }
    nlohmann::json draft = call.body.value("item", nlohmann::json());
    if (!draft.is_object()) {
        call.send_error(http_error(400, "the body needs the item", "項目の内容がありません"));
        return;
    }
    draft["id"] = item->id;  // An item keeps its id: screens and proof of play know it by it.
    const auto rules = call.studio.rules();
    const auto state = next_state(Step::save, item->state, call.user(), item->updated_by,
                                  rules.value_or(WorkflowRules{}));
    if (!state) {
        call.send_error(state.error());
        return;
    }
    const auto saved =
        call.studio.content().save(item->id, draft, call.body.value("revision", std::int64_t{0}),
                                   *state, call.user().name, call.now_text());
    if (!saved) {
        call.send_error(saved.error());
        return;
    }
    call.audit("item.save", item->id, title_of(draft));
    call.send_json(
        200, {{"summary", to_json(*saved)}, {"problems", to_json(problems_of(call, *saved))}});
}

void take_step(Call& call, Step step) {
    const auto item = find_item(call);
    if (!item) {
        return;
    }
    const auto rules = call.studio.rules().value_or(WorkflowRules{});
    const auto state = next_state(step, item->state, call.user(), item->updated_by, rules);
    if (!state) {
        call.send_error(state.error());
        return;
    }
    std::string reason;
    if (step == Step::reject) {
        reason = call.body.value("reason", "");
        if (reason.find_first_not_of(" \t\r\n　") == std::string::npos) {
            call.send_error(http_error(400, "say why it is rejected: the editor needs to know",
                                       "差し戻す理由を書いてください。編集者に伝わります"));
            return;
        }
    }
    if (step == Step::submit) {
        if (const model::Errors problems = problems_of(call, *item); has_errors(problems)) {
            call.send_json(422, {{"problems", to_json(problems)},
                                 {"error",
                                  {{"en", "fix the errors before submitting"},
                                   {"ja", "エラーを直してから申請してください"}}}});
            return;
        }
    }
    auto& content = call.studio.content();
    const auto changed =
        (step == Step::disable || step == Step::enable)
            ? content.set_enabled(item->id, step == Step::enable, call.user().name, call.now_text())
            : content.set_state(item->id, *state, reason, call.user().name, call.now_text());
    if (!changed) {
        call.send_error(changed.error());
        return;
    }
    constexpr const char* names[] = {"save",    "submit", "approve", "reject",
                                     "disable", "enable", "publish", "rollback"};
    call.audit(fmt::format("item.{}", names[int(step)]), item->id, reason);
    nlohmann::json answer = {{"summary", to_json(*changed)}};
    // Off the screens at once: a disabled item that is playing is published away now.
    if (step == Step::disable && item->live) {
        const auto version =
            call.studio.publishing().take_off(item->id, call.user().name, call.now_text());
        if (version) {
            call.audit("publish", fmt::format("version {}", version->id), "disabled " + item->id);
            answer["version"] = {{"id", version->id}, {"feed_sha256", version->feed_sha256}};
        } else if (status_of(version.error(), 500) != 409) {  // 409: it was not playing.
            call.send_error(version.error());
            return;
        }
    }
    call.send_json(200, answer);
}

}  // namespace

void add_content_routes(Router& router) {
    router.get("/api/playlists", Access::signed_in, list_playlists);
    router.post("/api/playlists", Access::signed_in, [](Call& call) {
        if (call.allow(editors)) {
            add_playlist(call);
        }
    });
    router.post("/api/items", Access::signed_in, [](Call& call) {
        if (call.allow(editors)) {
            add_item(call);
        }
    });
    router.get(R"(/api/items/([A-Za-z0-9_.-]+))", Access::signed_in, get_item);
    router.put(R"(/api/items/([A-Za-z0-9_.-]+))", Access::signed_in, save_item);
    for (const auto& [name, step] :
         {std::pair{"submit", Step::submit}, std::pair{"approve", Step::approve},
          std::pair{"reject", Step::reject}, std::pair{"disable", Step::disable},
          std::pair{"enable", Step::enable}}) {
        router.post(fmt::format(R"(/api/items/([A-Za-z0-9_.-]+)/{})", name), Access::signed_in,
                    [step](Call& call) { take_step(call, step); });
    }
}

}  // namespace keiji::studio

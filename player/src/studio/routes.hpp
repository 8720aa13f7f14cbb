#pragma once

#include <vector>

#include "studio/router.hpp"

namespace keiji::studio {

// The studio's routes, by subject (studio/API.md lists them all).
void add_session_routes(Router& router);  // login, logout, me, the pages
void add_content_routes(Router& router);  // playlists, items, the workflow
void add_media_routes(Router& router);    // uploads and previews
void add_publish_routes(Router& router);  // publish, versions, rollback, schedule
void add_admin_routes(Router& router);    // users, audit log, settings
void add_screen_routes(Router& router);   // screen groups, playlists' groups, the content key
void add_alert_routes(Router& router);    // the disaster office's desk

// The JSON of a user, an item summary, a problem: shared by the routes.
[[nodiscard]] nlohmann::json to_json(const User& user);
[[nodiscard]] nlohmann::json to_json(const ItemRecord& item);
[[nodiscard]] nlohmann::json to_json(const model::Error& problem);
[[nodiscard]] nlohmann::json to_json(const model::Errors& problems);

// Answers {"<member>": [each record as JSON]}, or the store's error as a 500.
template <class Record, class ToJson>
void send_list(Call& call, const model::Result<std::vector<Record>>& records, const char* member,
               ToJson to_json_of) {
    if (!records) {
        call.send_error(records.error(), 500);
        return;
    }
    nlohmann::json entries = nlohmann::json::array();
    for (const Record& record : *records) {
        entries.push_back(to_json_of(record));
    }
    call.send_json(200, {{member, std::move(entries)}});
}

}  // namespace keiji::studio

#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/error.hpp"
#include "model/message.hpp"
#include "studio/content_store.hpp"
#include "studio/database.hpp"
#include "studio/feed_folder.hpp"
#include "studio/publication.hpp"
#include "studio/screen_groups.hpp"

namespace keiji::studio {

struct Version {
    std::int64_t id = 0;
    std::string published_at;
    std::string published_by;
    model::Message summary;
    std::string feed_sha256;
};

// Publishing and its history: each publish writes the feed folder (write_feed_folder), records
// a numbered version with the content and the change in words, and marks the approved items as
// published; a rollback publishes an old version's content as a new version.
class Publishing {
public:
    Publishing(Database& database, ContentStore& content, ScreenGroups& groups, FeedFolder target)
        : m_database(database), m_content(content), m_groups(groups), m_target(std::move(target)) {}

    // What a publish would change now, against the last version.
    [[nodiscard]] model::Result<ChangesInWords> pending_changes();
    // Errors: 409 when nothing changed, 422 when nothing would play, or the feed's own error.
    [[nodiscard]] model::Result<Version> publish(std::string_view by, std::string_view now);
    // Takes one item off the screens at once: the last published content without it, published
    // as a new version; nothing else that waits to be published goes out with it.
    [[nodiscard]] model::Result<Version> take_off(std::string_view item, std::string_view by,
                                                  std::string_view now);
    [[nodiscard]] model::Result<Version> rollback(std::int64_t version, std::string_view by,
                                                  std::string_view now);
    [[nodiscard]] model::Result<std::vector<Version>> versions();

private:
    [[nodiscard]] model::Result<nlohmann::json> last_content();
    [[nodiscard]] model::Result<Version> record(const nlohmann::json& content,
                                                const ChangesInWords& changes, std::string_view by,
                                                std::string_view now);

    Database& m_database;
    ContentStore& m_content;
    ScreenGroups& m_groups;
    FeedFolder m_target;
};

}  // namespace keiji::studio

#pragma once

#include <date/tz.h>

#include <condition_variable>
#include <deque>
#include <filesystem>
#include <future>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>

#include "model/error.hpp"
#include "model/time.hpp"
#include "render/geometry.hpp"

namespace keiji::studio {

// Previews drawn by the player's own renderer (checks::preview_item) on one worker thread, as
// staff type. A request replaces the one its page made before if that one is still waiting, so
// typing never queues up work: only the newest picture of each page is drawn.
class PreviewService {
public:
    struct Request {
        std::string page;         // Who asks: a newer request from the same page replaces this.
        nlohmann::json playlist;  // {"theme"?, "items": [the item]}: the item in its playlist.
        render::Frame frame{1920, 1080};
        std::string language = "ja";
        model::TimePoint at{};
        // When set: an alert payload, drawn as the takeover in every language of its rotation
        // (play::preview_alert) instead of the playlist's item.
        std::string alert_payload;
    };
    struct AlertFrame {
        std::string language;
        std::string id;  // For png().
        std::vector<std::string> problems;
    };
    struct Drawn {
        std::string id;  // For png(); empty when the item has errors that stop it being drawn.
        render::Frame frame;
        model::Errors problems;  // Pointers relative to the item ("/title/ja").
        std::vector<AlertFrame> alert_frames;
    };

    PreviewService(std::filesystem::path uploads, const date::time_zone& zone);
    ~PreviewService();
    PreviewService(const PreviewService&) = delete;
    PreviewService& operator=(const PreviewService&) = delete;

    // Resolves when drawn, or with a 409 error when a newer request of the page replaced it.
    [[nodiscard]] std::future<model::Result<Drawn>> draw(Request request);
    // The picture of a drawn preview as PNG, `width` pixels wide when given; nullopt when it is
    // no longer kept (the last 16 are).
    [[nodiscard]] std::future<std::optional<std::string>> png(std::string id,
                                                              std::optional<int> width);

private:
    struct DrawJob {
        Request request;
        std::promise<model::Result<Drawn>> promise;
    };
    struct PngJob {
        std::string id;
        std::optional<int> width;
        std::promise<std::optional<std::string>> promise;
    };
    void run();

    std::filesystem::path m_uploads;
    const date::time_zone& m_zone;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::deque<std::string> m_order;           // Pages with a waiting draw, oldest first.
    std::map<std::string, DrawJob> m_waiting;  // The one waiting draw of each page.
    std::deque<PngJob> m_pngs;
    std::int64_t m_next_id = 1;
    std::thread m_thread;  // Last: starts after everything it uses exists.
};

}  // namespace keiji::studio

#include "studio/preview_service.hpp"

#include <fmt/format.h>

#include <list>
#include <memory>

#include "alert/alert_parser.hpp"
#include "checks/preview.hpp"
#include "play/alert_preview.hpp"
#include "render/png.hpp"
#include "render/sdl_runtime.hpp"
#include "storage/playlist_file.hpp"
#include "studio/workflow.hpp"

namespace keiji::studio {

namespace {

// The renderers and pictures the worker keeps, on its own thread only.
class Workbench {
public:
    Workbench(std::filesystem::path uploads, const date::time_zone& zone)
        : m_uploads(std::move(uploads)), m_zone(zone) {}

    model::Result<PreviewService::Drawn> draw(const PreviewService::Request& request,
                                              const std::string& id) {
        PreviewService::Drawn drawn{.frame = request.frame};
        if (!request.alert_payload.empty()) {
            return draw_alert(request, id, std::move(drawn));
        }
        auto file =
            storage::parse_playlist_file(request.playlist.dump(2), "item", m_uploads.string());
        if (!file) {
            drawn.problems = relative(std::move(file.error()));
            return drawn;
        }
        const checks::ScreenUnderCheck screen{.frame = request.frame,
                                              .language = request.language,
                                              .at = request.at,
                                              .zone = &m_zone};
        checks::CheckRenderer* renderer = KEIJI_TRY(renderer_for(screen));
        auto preview = KEIJI_TRY(checks::preview_item(*file, 0, screen, *renderer));
        drawn.problems = relative(std::move(preview.problems));
        drawn.id = id;
        keep(id, std::move(preview.picture));
        return drawn;
    }

    std::optional<std::string> png(const std::string& id, std::optional<int> width) {
        for (auto& [kept_id, picture] : m_pictures) {
            if (kept_id != id) {
                continue;
            }
            if (width && *width > 0 && *width < picture->w) {
                auto small = render::scaled_copy(*picture, *width);
                return small ? render::encode_png(**small).value_or("") : "";
            }
            return render::encode_png(*picture).value_or("");
        }
        return std::nullopt;
    }

private:
    model::Result<PreviewService::Drawn> draw_alert(const PreviewService::Request& request,
                                                    const std::string& id,
                                                    PreviewService::Drawn drawn) {
        auto alert = alert::parse_alert(request.alert_payload, "alert");
        if (!alert) {
            drawn.problems = std::move(alert.error());
            return drawn;
        }
        auto frames = KEIJI_TRY(play::preview_alert(*alert, request.frame, m_zone));
        for (std::size_t index = 0; index < frames.size(); ++index) {
            const std::string frame_id = fmt::format("{}-{}", id, index);
            drawn.alert_frames.push_back({.language = frames[index].language,
                                          .id = frame_id,
                                          .problems = frames[index].problems});
            keep(frame_id, std::move(frames[index].picture));
        }
        return drawn;
    }

    void keep(const std::string& id, render::SurfaceHandle picture) {
        m_pictures.emplace_back(id, std::move(picture));
        if (m_pictures.size() > 16) {
            m_pictures.pop_front();
        }
    }

    // The item is the first of its wrapping playlist: "/items/0/title" → "/title".
    static model::Errors relative(model::Errors problems) {
        for (model::Error& problem : problems) {
            std::string& pointer = problem.where.pointer;
            if (pointer.starts_with("/items/0")) {
                pointer.erase(0, 8);
            }
        }
        return problems;
    }

    model::Result<checks::CheckRenderer*> renderer_for(const checks::ScreenUnderCheck& screen) {
        const std::string key =
            fmt::format("{}x{} {}", screen.frame.width, screen.frame.height, screen.language);
        for (auto it = m_renderers.begin(); it != m_renderers.end(); ++it) {
            if (it->first == key) {
                m_renderers.splice(m_renderers.begin(), m_renderers, it);
                return m_renderers.front().second.get();
            }
        }
        // Three kept: a 4K one holds 33 MB of frame.
        if (m_renderers.size() >= 3) {
            m_renderers.pop_back();
        }
        m_renderers.emplace_front(key, KEIJI_TRY(checks::CheckRenderer::open(screen)));
        return m_renderers.front().second.get();
    }

    std::filesystem::path m_uploads;
    const date::time_zone& m_zone;
    std::list<std::pair<std::string, std::unique_ptr<checks::CheckRenderer>>> m_renderers;
    std::deque<std::pair<std::string, render::SurfaceHandle>> m_pictures;
};

}  // namespace

PreviewService::PreviewService(std::filesystem::path uploads, const date::time_zone& zone)
    : m_uploads(std::move(uploads)), m_zone(zone) {
    m_thread = std::thread([this] { run(); });
}

PreviewService::~PreviewService() {
    {
        const std::scoped_lock lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

std::future<model::Result<PreviewService::Drawn>> PreviewService::draw(Request request) {
    DrawJob job{.request = std::move(request)};
    auto future = job.promise.get_future();
    const std::string page = job.request.page;
    {
        const std::scoped_lock lock(m_mutex);
        if (auto found = m_waiting.find(page); found != m_waiting.end()) {
            found->second.promise.set_value(model::failure(http_error(
                409, "a newer preview replaced this one", "新しいプレビューに置き換えました")));
            found->second = std::move(job);
        } else {
            m_waiting.emplace(page, std::move(job));
            m_order.push_back(page);
        }
    }
    m_wake.notify_all();
    return future;
}

std::future<std::optional<std::string>> PreviewService::png(std::string id,
                                                            std::optional<int> width) {
    PngJob job{.id = std::move(id), .width = width};
    auto future = job.promise.get_future();
    {
        const std::scoped_lock lock(m_mutex);
        m_pngs.push_back(std::move(job));
    }
    m_wake.notify_all();
    return future;
}

void PreviewService::run() {
    const render::SdlRuntime sdl;
    Workbench bench(m_uploads, m_zone);
    while (true) {
        std::optional<DrawJob> draw;
        std::optional<PngJob> picture;
        std::string id;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_stopping || !m_order.empty() || !m_pngs.empty(); });
            if (m_stopping) {
                break;
            }
            // Pictures first: a page waiting for its image is further along than a new draw.
            if (!m_pngs.empty()) {
                picture.emplace(std::move(m_pngs.front()));
                m_pngs.pop_front();
            } else {
                const std::string page = m_order.front();
                m_order.pop_front();
                auto found = m_waiting.find(page);
                draw.emplace(std::move(found->second));
                m_waiting.erase(found);
                id = fmt::format("{}", m_next_id++);
            }
        }
        if (picture) {
            picture->promise.set_value(bench.png(picture->id, picture->width));
        } else if (!sdl.failure().empty()) {
            draw->promise.set_value(model::failure("cannot start SDL: " + sdl.failure()));
        } else {
            draw->promise.set_value(bench.draw(draw->request, id));
        }
    }
    // Whoever still waits is told the service stopped.
    const std::scoped_lock lock(m_mutex);
    for (auto& [page, job] : m_waiting) {
        job.promise.set_value(
            model::failure(http_error(503, "the studio is stopping", "スタジオを停止しています")));
    }
    for (PngJob& job : m_pngs) {
        job.promise.set_value(std::nullopt);
    }
}

}  // namespace keiji::studio

#include "play/file_screening.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "media/video_probe.hpp"
#include "render/image_file.hpp"

namespace keiji::play {

namespace {

// Why the item cannot play, or nothing when it can.
std::optional<model::Message> unusable(model::Item& item) {
    if (const std::string* image = model::image_of(item); image != nullptr && !image->empty()) {
        if (auto checked = render::check_image_file(*image); !checked) {
            return checked.error().message;
        }
    }
    model::VideoContent* video = model::video_of(item);
    if (video == nullptr) {
        return std::nullopt;
    }
    auto facts = media::probe_video(video->video);
    if (!facts) {
        return model::Message{
            fmt::format("the film {}: {}", video->video, facts.error().text("en")),
            fmt::format("動画 {}: {}", video->video, facts.error().text("ja"))};
    }
    if (!facts->decoder_available) {
        return model::Message{
            fmt::format("the film {} is {}, which this machine cannot decode; convert it "
                        "to H.264 (keiji validate {} gives the command)",
                        video->video, facts->codec, video->video),
            fmt::format("動画 {} は {} 形式で、この端末では再生できません。H.264 に変換してくだ"
                        "さい(keiji validate {} が変換コマンドを示します)",
                        video->video, facts->codec, video->video)};
    }
    if (video->play == model::VideoPlay::to_end && facts->duration.count() > 0) {
        item.duration = std::clamp(std::chrono::ceil<std::chrono::seconds>(facts->duration),
                                   std::chrono::seconds{3}, std::chrono::seconds{3600});
    }
    return std::nullopt;
}

}  // namespace

void skip_items_with_unusable_files(LoadedContent& content) {
    std::erase_if(content.items, [&](model::Item& item) {
        const std::optional<model::Message> why = unusable(item);
        if (!why) {
            return false;
        }
        content.problems.push_back(model::Error{
            .where = item.where,
            .message = {fmt::format("item \"{}\" is skipped: {}", item.id, why->en),
                        fmt::format("項目「{}」は表示しません: {}", item.id, why->ja)}});
        return true;
    });
}

}  // namespace keiji::play

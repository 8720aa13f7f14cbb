#pragma once

#include <array>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "model/error.hpp"
#include "model/localized_text.hpp"
#include "model/theme_spec.hpp"
#include "model/time.hpp"

namespace keiji::model {

// Which point of a photo stays in view when it is cropped to fill its frame, as fractions of
// the photo's width and height from its top-left corner (the centre by default).
struct FocalPoint {
    double x = 0.5;
    double y = 0.5;
};

// A partner municipality's promotion: "岐阜県 郡上市" with a title, a body and a photo.
struct PromoContent {
    LocalizedText prefecture;
    LocalizedText municipality;
    LocalizedText title;
    LocalizedText body;
    std::string image;  // Relative to the playlist's directory, or empty.
    FocalPoint image_focus;
    std::string url;  // Shown as a QR code, or empty.
};

// One occurrence of an event, e.g. Saturday 11:00–16:00.
struct Session {
    TimePoint start;
    TimePoint end;
};

// An event with one or more sessions, shown from `announce_days` before the first session until
// the last one ends.
struct EventContent {
    LocalizedText title;
    LocalizedText venue;
    LocalizedText body;
    std::vector<Session> sessions;  // Sorted by start, never empty.
    int announce_days = 30;
    std::string image;
    FocalPoint image_focus;
};

enum class Importance { normal, important };

// A public notice: a heading and a body.
struct NoticeContent {
    LocalizedText title;
    LocalizedText body;
    Importance importance = Importance::normal;
};

// A daily window from `start` to `end`; an `end` not after `start` runs past midnight
// (22:00–02:00).
struct TimeWindow {
    TimeOfDay start;
    TimeOfDay end;
};

// How a film fills its slot: again and again until the slot ends (loop), once and then its last
// picture until the slot ends (once), or the slot is the film's own length (to_end).
enum class VideoPlay { loop, once, to_end };

// A film (the shopping streets' PR films): the file, a band under it with its title and a
// caption in the template's style, and a poster shown in previews and until its first picture
// is decoded.
struct VideoContent {
    LocalizedText title;
    LocalizedText caption;
    std::string video;   // MP4/MOV or Matroska/WebM, relative to the playlist's directory.
    std::string poster;  // PNG or JPEG, or empty: the film's first picture.
    VideoPlay play = VideoPlay::loop;
    bool band = true;  // The title band under the film; false: the film alone.
    // 0–100; none: muted, as a lobby expects. Sound is not played yet (validate says so).
    std::optional<int> volume;
};

// When an item may play, in the ward's local time. Empty parts do not restrict.
struct ItemSchedule {
    std::optional<std::chrono::year_month_day> from;   // First local date, inclusive.
    std::optional<std::chrono::year_month_day> until;  // Last local date, inclusive.
    std::array<bool, 7> weekdays{true, true, true, true, true, true, true};  // Sunday first.
    std::vector<TimeWindow> windows;
};

using ItemContent = std::variant<PromoContent, EventContent, NoticeContent, VideoContent>;

struct Item {
    std::string id;
    std::chrono::seconds duration{10};
    int priority = 0;
    double weight = 1.0;
    ItemSchedule schedule;
    // The languages to show the item in, in order, instead of the screen's (its own "languages",
    // else its playlist's); empty: the screen's.
    std::vector<std::string> languages;
    ItemContent content;
    SourceLocation where;  // Where the item is defined, for log lines and validator messages.
    // The look of the playlist the item comes from; nullptr: the default theme.
    std::shared_ptr<const ThemeSpec> theme;
};

// "promo", "event", "notice" or "video".
[[nodiscard]] std::string_view type_name(const ItemContent& content);

// The item's title, whatever its type: the text every slide has, so the languages it is written
// in are the languages the item can be shown in.
[[nodiscard]] inline const LocalizedText& title_of(const Item& item) {
    return std::visit([](const auto& content) -> const LocalizedText& { return content.title; },
                      item.content);
}

// The photo an item shows (a path, relative to its playlist until content loading resolves it),
// or nullptr for an item that has none: the one place that knows which types carry an image.
// A film's is its poster.
[[nodiscard]] inline const std::string* image_of(const Item& item) {
    if (const auto* promo = std::get_if<PromoContent>(&item.content)) {
        return &promo->image;
    }
    if (const auto* event = std::get_if<EventContent>(&item.content)) {
        return &event->image;
    }
    if (const auto* video = std::get_if<VideoContent>(&item.content)) {
        return &video->poster;
    }
    return nullptr;
}
[[nodiscard]] inline std::string* image_of(Item& item) {
    return const_cast<std::string*>(image_of(std::as_const(item)));
}

// The film an item plays (a path, like image_of's), or nullptr for an item that is not one.
[[nodiscard]] inline const VideoContent* video_of(const Item& item) {
    return std::get_if<VideoContent>(&item.content);
}
[[nodiscard]] inline VideoContent* video_of(Item& item) {
    return std::get_if<VideoContent>(&item.content);
}

// Every file an item uses, as paths like image_of's: its photo or poster (when it names one) and
// its film. Content loading resolves them, the feed builder carries them as assets.
[[nodiscard]] inline std::vector<std::string*> files_of(Item& item) {
    std::vector<std::string*> files;
    if (std::string* image = image_of(item); image != nullptr && !image->empty()) {
        files.push_back(image);
    }
    if (VideoContent* video = video_of(item)) {
        files.push_back(&video->video);
    }
    return files;
}
[[nodiscard]] inline std::vector<const std::string*> files_of(const Item& item) {
    std::vector<const std::string*> files;
    for (std::string* file : files_of(const_cast<Item&>(item))) {
        files.push_back(file);
    }
    return files;
}

}  // namespace keiji::model

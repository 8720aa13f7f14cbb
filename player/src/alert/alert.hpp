#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "model/localized_text.hpp"
#include "model/time.hpp"

namespace keiji::alert {

// CAP 1.2 <status>: only Actual alerts are real; Exercise and Test must be marked on screen so
// nobody evacuates for a drill.
enum class Status { actual, exercise, test };
// CAP 1.2 <msgType>: an Update replaces what was shown for its identifier, a Cancel ends it.
enum class MessageType { alert, update, cancel };

// CAP 1.2 <info>, one per language.
struct Info {
    std::string language;  // BCP 47: "ja", "ja-x-easy", "en", "zh-Hans", "ko", ...
    std::string event;     // What happens, e.g. 大雨 / Heavy rain.
    std::string headline;
    std::string description;
    std::string instruction;
};

// A designated shelter (指定避難所 / 指定緊急避難場所), named in every language the office wrote.
struct Shelter {
    model::LocalizedText name;
    model::LocalizedText address;
};

// One alert as the disaster office issued it: CAP 1.2 field names where CAP has one, plus the
// `sequence` that orders the messages of one identifier, the evacuation level and shelters.
struct Alert {
    std::string identifier;  // Stable for the life of the incident; Update and Cancel reuse it.
    std::string sender;
    model::TimePoint sent{};
    Status status = Status::actual;
    MessageType message_type = MessageType::alert;
    std::vector<std::string> references;  // Identifiers this message updates or cancels.
    model::TimePoint expires{};
    long long sequence = 0;
    int level = 0;  // 警戒レベル 1–5; 0 for what has none (earthquake, tsunami, stranded).
    std::vector<Info> info;
    std::string area;  // CAP <areaDesc>.
    std::vector<Shelter> shelters;

    // The info in `language`, else Japanese, else the first; nullptr when there is none.
    [[nodiscard]] const Info* info_for(std::string_view language) const;
    [[nodiscard]] bool has_language(std::string_view language) const;
};

[[nodiscard]] std::string_view to_string(Status status);
[[nodiscard]] std::string_view to_string(MessageType type);

}  // namespace keiji::alert

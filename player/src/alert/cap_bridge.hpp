#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alert/cap_import.hpp"
#include "model/error.hpp"
#include "model/time.hpp"

namespace keiji::alert {

// Which of another agency's CAP messages a bridge passes on to the screens.
struct BridgeRules {
    // Empty: every area. Otherwise a message must name one of them: a part of an <areaDesc>
    // ("港区" matches "東京都港区"; letters compared without case) or a whole <geocode> value.
    std::vector<std::string> areas;
    std::string min_severity = "Severe";  // CAP <severity>: Minor, Moderate, Severe, Extreme.
    bool include_drills = false;  // Exercise and Test too (screens mark them 訓練 / TEST).
    CapImportOptions import;
};

// What the bridge has published, so that a message polled again is not published again and an
// Update or Cancel of it is passed on whatever the rules say. Kept in a file across restarts.
struct BridgeMemory {
    std::map<std::string, model::TimePoint> published;  // Identifier → its <expires>.

    [[nodiscard]] std::string to_json() const;
    [[nodiscard]] static model::Result<BridgeMemory> parse(std::string_view text);
    // Forgets what expired more than a day before `now` (its Cancel can no longer matter).
    void forget_old(model::TimePoint now);
};

// The bridge's answer for one CAP document.
struct BridgeDecision {
    std::string identifier;              // "" when the document could not be read.
    std::optional<std::string> payload;  // The alert payload to sign and publish, or nothing.
    model::TimePoint sent{};
    model::TimePoint expires{};
    // Why it is left out, or what is published ("level 4, Severe, 港区"), for the log.
    std::string summary;
    std::vector<std::string> notes;  // import_cap's notes: a default taken, a level derived.
    bool unreadable = false;         // Not CAP 1.2 or refused by import_cap (logged as a fault).
};

// Decides what to do with `cap_xml` at `now`. Pure: no clock, file or network.
[[nodiscard]] BridgeDecision decide_cap(std::string_view cap_xml, const BridgeRules& rules,
                                        const BridgeMemory& memory, model::TimePoint now);

}  // namespace keiji::alert

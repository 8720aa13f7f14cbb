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
    // Empty: every area. Otherwise an <info> block must name one of them: a whole <geocode>
    // value (131032), or a place in an <areaDesc> list ("港区、品川区"): the same name, the name
    // after its prefecture ("東京都港区"), or for names in Latin letters the whole words
    // ("Tuolumne County" in "… TUOLUMNE COUNTY IN CALIFORNIA"). 名古屋市港区 is not 港区.
    std::vector<std::string> areas;
    std::string min_severity = "Severe";  // CAP <severity>: Minor, Moderate, Severe, Extreme.
    bool include_drills = false;  // Exercise and Test too (screens mark them 訓練 / TEST).
    CapImportOptions import;
};

// What the bridge has published, and what later messages replaced, by "sender,identifier" (a
// message is that pair in CAP: another sender's same identifier is another message). A message
// polled again is not published again; an Update or Cancel of a published one follows it
// whatever the rules; an alert something already replaced (its Cancel came first, or with it)
// is never published. Kept in a file across restarts.
struct BridgeMemory {
    std::map<std::string, model::TimePoint> published;   // Key → its <expires>.
    std::map<std::string, model::TimePoint> superseded;  // Key → the replacing message's expiry.

    [[nodiscard]] std::string to_json() const;
    [[nodiscard]] static model::Result<BridgeMemory> parse(std::string_view text);
    // Forgets what expired more than a day before `now` (its Cancel can no longer matter).
    void forget_old(model::TimePoint now);
};

// "sender,identifier": how the memory names a message; a CAP reference
// ("sender,identifier,sent") names the same.
[[nodiscard]] std::string message_key(std::string_view sender, std::string_view identifier);
[[nodiscard]] std::string reference_key(std::string_view reference);

// The bridge's answer for one CAP document.
struct BridgeDecision {
    std::string identifier;              // "" when the document could not be read.
    std::string key;                     // message_key of it.
    std::optional<std::string> payload;  // The alert payload to sign and publish, or nothing.
    model::TimePoint sent{};
    model::TimePoint expires{};
    std::vector<std::string> replaces;  // Keys of the messages it updates or cancels.
    // Why it is left out, or what is published ("level 4, Severe, 港区"), for the log.
    std::string summary;
    std::vector<std::string> notes;  // import_cap's notes: a default taken, a level derived.
    bool unreadable = false;         // Not CAP 1.2 or refused by import_cap (logged as a fault).
};

// Decides what to do with `cap_xml` at `now`. Pure: no clock, file or network. Each <info>
// block is judged alone: the payload keeps only the blocks that pass, and a level taken from
// <severity> is theirs.
[[nodiscard]] BridgeDecision decide_cap(std::string_view cap_xml, const BridgeRules& rules,
                                        const BridgeMemory& memory, model::TimePoint now);

// Records what `decision` means for later messages: what it replaces, and, once published, it.
void remember(BridgeMemory& memory, const BridgeDecision& decision, bool published);

}  // namespace keiji::alert

#pragma once

#include <date/tz.h>

#include <expected>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.hpp"
#include "model/localized_text.hpp"
#include "model/time.hpp"

namespace keiji::studio {

// The languages every template is written in, in the order screens rotate them.
inline constexpr std::array<std::string_view, 5> desk_languages = {"ja", "ja-x-easy", "en",
                                                                   "zh-Hans", "ko"};

// One of the alert desk's templates (studio/web/data/alert-templates.json): an alert already
// written in every desk language, with {area} and {time} left for the form.
struct AlertTemplate {
    std::string id;  // "rain-4"
    model::LocalizedText name;
    int level = 0;               // 警戒レベル, or 0 for what has none (earthquake, tsunami).
    int hours = 12;              // How long it stays in force unless the form says otherwise.
    std::string shelters;        // "none", "optional" or "required".
    bool exercise_only = false;  // A drill is never Actual.
    nlohmann::json info;         // {"ja": {"event", "headline", "instruction"}, ...}
};

// The templates built into the studio; an error names the template and field at fault.
[[nodiscard]] model::Result<std::vector<AlertTemplate>> parse_alert_templates(
    std::string_view text);
[[nodiscard]] const std::vector<AlertTemplate>& alert_templates();
[[nodiscard]] nlohmann::json to_json(const AlertTemplate& alert_template);

// A shelter on the office's list (指定避難所), named in the languages the office wrote.
struct DeskShelter {
    std::string id;  // "shiba-es"
    model::LocalizedText name;
    model::LocalizedText address;
};
[[nodiscard]] model::Result<std::vector<DeskShelter>> shelters_from_json(
    const nlohmann::json& list);
[[nodiscard]] nlohmann::json to_json(const DeskShelter& shelter);

// What the desk's short form says.
struct AlertForm {
    std::string template_id;
    model::LocalizedText area;          // Japanese needed; other languages fall back.
    std::vector<std::string> shelters;  // Ids on the office's list.
    std::string status = "Exercise";    // "Exercise" unless someone chose "Actual".
    int hours = 0;                      // 0: the template's.
};
[[nodiscard]] model::Result<AlertForm> alert_form_from_json(const nlohmann::json& body);

// Which message of which incident this is: a new alert, or the next of an identifier.
struct AlertNumbering {
    std::string identifier;
    long long sequence = 1;
    std::string message_type = "Alert";  // "Alert" or "Update"
    std::string sender;
    model::TimePoint sent{};
};

// The alert payload (the format screens verify) that the template and form make, or what the
// form lacks, in English and Japanese. Pure: the time and the zone come in.
[[nodiscard]] model::Result<nlohmann::json> compose_alert(const AlertTemplate& alert_template,
                                                          const AlertForm& form,
                                                          const std::vector<DeskShelter>& known,
                                                          const AlertNumbering& numbering,
                                                          const date::time_zone& zone);

}  // namespace keiji::studio

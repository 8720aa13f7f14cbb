#pragma once

#include <expected>
#include <string>
#include <string_view>

#include "alert/alert.hpp"
#include "model/error.hpp"

namespace keiji::alert {

// Parses an alert payload (content-schema/alert.schema.json). Every problem is reported with
// file:line:col and JSON pointer in English and Japanese, all of them at once, so the disaster
// office can fix a draft in one pass. `source_name` names the payload in those messages.
[[nodiscard]] std::expected<Alert, model::Errors> parse_alert(std::string_view payload,
                                                              std::string source_name);

}  // namespace keiji::alert

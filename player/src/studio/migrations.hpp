#pragma once

#include "model/error.hpp"
#include "studio/database.hpp"

namespace keiji::studio {

// Brings the database to the schema this build needs, one numbered step at a time, each in its
// own transaction; a step that has run is never run again (meta.schema_version). An older keiji
// opening a newer database refuses rather than guess.
[[nodiscard]] model::Result<int> migrate(Database& database);

}  // namespace keiji::studio

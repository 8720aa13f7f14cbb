#pragma once

#include <optional>
#include <string_view>

#include "model/error.hpp"
#include "studio/accounts.hpp"

namespace keiji::studio {

// Where an item is on its way to the screens.
enum class ItemState { draft, submitted, approved, rejected, published };
[[nodiscard]] std::string_view to_string(ItemState state);
[[nodiscard]] std::optional<ItemState> parse_item_state(std::string_view text);

// What someone can do to an item, or to the content as a whole.
enum class Step { save, submit, approve, reject, disable, enable, publish, rollback };

struct WorkflowRules {
    // With approval, an approver other than the last editor approves before anything is
    // published; without it, submitting is approving, and editors publish too.
    bool approval_required = true;
};

// The state an item moves to when `user` takes `step` on it, or why they cannot: an error whose
// cause is the HTTP status to answer (403 not theirs to do, 409 not in this state), with a
// message in both languages. Pure: the rules of the workflow in one place, tested one by one.
// `last_editor` is who saved the item last.
[[nodiscard]] model::Result<ItemState> next_state(Step step, ItemState current, const User& user,
                                                  std::string_view last_editor,
                                                  const WorkflowRules& rules);

// An error that an HTTP handler answers with `status`.
[[nodiscard]] model::Error http_error(int status, std::string en, std::string ja);
// The status an error asks for (its http cause), else `otherwise`.
[[nodiscard]] int status_of(const model::Error& error, int otherwise);

}  // namespace keiji::studio

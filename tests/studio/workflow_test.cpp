// The workflow's rules, one by one: who may do what to an item in which state.
#include "studio/workflow.hpp"

#include <doctest/doctest.h>

using namespace keiji::studio;

namespace {

const User editor{.name = "sato", .role = Role::editor};
const User other_editor{.name = "suzuki", .role = Role::editor};
const User approver{.name = "tanaka", .role = Role::approver};
const User admin{.name = "admin", .role = Role::admin};
const User bousai{.name = "bousai", .role = Role::bousai};
const WorkflowRules with_approval{.approval_required = true};
const WorkflowRules without_approval{.approval_required = false};

int refusal(Step step, ItemState state, const User& user, const char* last_editor,
            const WorkflowRules& rules) {
    const auto next = next_state(step, state, user, last_editor, rules);
    REQUIRE_FALSE(next.has_value());
    CHECK_FALSE(next.error().message.ja.empty());
    return status_of(next.error(), 0);
}

}  // namespace

TEST_CASE("workflow: an edit makes a draft, whatever the item was") {
    for (const ItemState state : {ItemState::draft, ItemState::submitted, ItemState::approved,
                                  ItemState::rejected, ItemState::published}) {
        CHECK(next_state(Step::save, state, editor, "", with_approval) == ItemState::draft);
    }
    CHECK(refusal(Step::save, ItemState::draft, bousai, "", with_approval) == 403);
}

TEST_CASE(
    "workflow: a draft or a rejected item is submitted, and with no approval, it is approved") {
    CHECK(next_state(Step::submit, ItemState::draft, editor, "sato", with_approval) ==
          ItemState::submitted);
    CHECK(next_state(Step::submit, ItemState::rejected, editor, "sato", with_approval) ==
          ItemState::submitted);
    CHECK(next_state(Step::submit, ItemState::draft, editor, "sato", without_approval) ==
          ItemState::approved);
    CHECK(refusal(Step::submit, ItemState::published, editor, "sato", with_approval) == 409);
}

TEST_CASE("workflow: only another person approves, and only what was submitted") {
    CHECK(next_state(Step::approve, ItemState::submitted, approver, "sato", with_approval) ==
          ItemState::approved);
    CHECK(refusal(Step::approve, ItemState::submitted, editor, "sato", with_approval) == 403);
    CHECK(refusal(Step::approve, ItemState::submitted, other_editor, "sato", with_approval) == 403);
    CHECK(refusal(Step::approve, ItemState::submitted, approver, "tanaka", with_approval) == 403);
    CHECK(refusal(Step::approve, ItemState::draft, approver, "sato", with_approval) == 409);
    CHECK(next_state(Step::reject, ItemState::submitted, admin, "admin", with_approval) ==
          ItemState::rejected);
}

TEST_CASE("workflow: approvers publish, and without approval, editors too") {
    CHECK(next_state(Step::publish, ItemState::approved, approver, "", with_approval).has_value());
    CHECK(refusal(Step::publish, ItemState::approved, editor, "", with_approval) == 403);
    CHECK(next_state(Step::publish, ItemState::approved, editor, "", without_approval).has_value());
    CHECK(refusal(Step::rollback, ItemState::approved, bousai, "", without_approval) == 403);
}

TEST_CASE("workflow: anyone who edits takes an item off the screens, in any state") {
    CHECK(next_state(Step::disable, ItemState::published, editor, "x", with_approval) ==
          ItemState::published);
    CHECK(refusal(Step::disable, ItemState::published, bousai, "x", with_approval) == 403);
}

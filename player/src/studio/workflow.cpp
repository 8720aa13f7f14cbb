#include "studio/workflow.hpp"

#include <array>

namespace keiji::studio {

namespace {

constexpr std::array<std::string_view, 5> state_names = {"draft", "submitted", "approved",
                                                         "rejected", "published"};

bool can_edit(Role role) {
    return role == Role::editor || role == Role::approver || role == Role::admin;
}

bool can_approve(Role role) {
    return role == Role::approver || role == Role::admin;
}

model::Error not_yours(std::string en, std::string ja) {
    return http_error(403, std::move(en), std::move(ja));
}

}  // namespace

std::string_view to_string(ItemState state) {
    return state_names[std::size_t(state)];
}

std::optional<ItemState> parse_item_state(std::string_view text) {
    for (std::size_t i = 0; i < state_names.size(); ++i) {
        if (state_names[i] == text) {
            return ItemState(i);
        }
    }
    return std::nullopt;
}

model::Error http_error(int status, std::string en, std::string ja) {
    return model::Error{.message = {std::move(en), std::move(ja)},
                        .cause = {.kind = model::Cause::Kind::http, .code = status}};
}

int status_of(const model::Error& error, int otherwise) {
    return error.cause.kind == model::Cause::Kind::http ? int(error.cause.code) : otherwise;
}

model::Result<ItemState> next_state(Step step, ItemState current, const User& user,
                                    std::string_view last_editor, const WorkflowRules& rules) {
    switch (step) {
        case Step::save:
            if (!can_edit(user.role)) {
                return model::failure(
                    not_yours("only editors, approvers and admins edit content",
                              "コンテンツを編集できるのは編集者・承認者・管理者です"));
            }
            return ItemState::draft;
        case Step::submit:
            if (!can_edit(user.role)) {
                return model::failure(
                    not_yours("only editors submit content", "申請できるのは編集者です"));
            }
            if (current != ItemState::draft && current != ItemState::rejected) {
                return model::failure(http_error(409, "only a draft can be submitted",
                                                 "申請できるのは下書きだけです"));
            }
            return rules.approval_required ? ItemState::submitted : ItemState::approved;
        case Step::approve:
        case Step::reject:
            if (!can_approve(user.role)) {
                return model::failure(not_yours("only approvers approve or reject",
                                                "承認・差し戻しは承認者が行います"));
            }
            if (current != ItemState::submitted) {
                return model::failure(http_error(409, "only a submitted item can be decided on",
                                                 "申請中の項目だけが承認・差し戻しできます"));
            }
            if (step == Step::approve && rules.approval_required && user.name == last_editor) {
                return model::failure(
                    not_yours("someone other than its last editor must approve it",
                              "最後に編集した人とは別の人が承認してください"));
            }
            return step == Step::approve ? ItemState::approved : ItemState::rejected;
        case Step::disable:
        case Step::enable:
            if (!can_edit(user.role)) {
                return model::failure(not_yours("only editors take items off screens",
                                                "表示の停止・再開は編集者が行います"));
            }
            return current;
        case Step::publish:
        case Step::rollback:
            if (!(can_approve(user.role) || (!rules.approval_required && can_edit(user.role)))) {
                return model::failure(
                    not_yours("only approvers publish", "公開できるのは承認者です"));
            }
            return current;
    }
    return current;
}

}  // namespace keiji::studio

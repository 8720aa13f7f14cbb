#include "alert/alert.hpp"

#include <algorithm>

namespace keiji::alert {

const Info* Alert::info_for(std::string_view language) const {
    for (const std::string_view wanted : {language, std::string_view("ja")}) {
        const auto found = std::ranges::find(info, wanted, &Info::language);
        if (found != info.end()) {
            return &*found;
        }
    }
    return info.empty() ? nullptr : &info.front();
}

bool Alert::has_language(std::string_view language) const {
    return std::ranges::find(info, language, &Info::language) != info.end();
}

std::string_view to_string(Status status) {
    switch (status) {
        case Status::actual:
            return "Actual";
        case Status::exercise:
            return "Exercise";
        case Status::test:
            return "Test";
    }
    return "Actual";
}

std::string_view to_string(MessageType type) {
    switch (type) {
        case MessageType::alert:
            return "Alert";
        case MessageType::update:
            return "Update";
        case MessageType::cancel:
            return "Cancel";
    }
    return "Alert";
}

}  // namespace keiji::alert

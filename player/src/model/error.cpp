#include "model/error.hpp"

#include <fmt/format.h>

namespace keiji::model {

std::string Error::to_string(std::string_view language) const {
    const bool japanese = language.starts_with("ja");
    const char* kind = severity == Severity::error ? (japanese ? "エラー" : "error")
                                                   : (japanese ? "警告" : "warning");
    std::string out = where.file;
    if (where.line > 0) {
        out += fmt::format(":{}:{}", where.line, where.column);
    }
    out += fmt::format(": {}: ", kind);
    if (!where.pointer.empty()) {
        out += where.pointer + ": ";
    }
    out += message.in(language);
    return out;
}

}  // namespace keiji::model

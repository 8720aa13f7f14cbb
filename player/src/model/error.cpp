#include "model/error.hpp"

#include <fmt/format.h>

#include <cstring>

namespace keiji::model {

std::string Error::text(std::string_view language) const {
    const std::string& words = message.in(language);
    if (cause.detail.empty() || words.ends_with(cause.detail)) {
        return words;
    }
    return fmt::format("{}: {}", words, cause.detail);
}

std::string Error::to_string(std::string_view language) const {
    const bool japanese = language.starts_with("ja");
    const char* kind = severity == Severity::error ? (japanese ? "エラー" : "error")
                                                   : (japanese ? "警告" : "warning");
    std::string out = where.file;
    if (where.line > 0) {
        out += fmt::format(":{}:{}", where.line, where.column);
    }
    out += fmt::format("{}{}: ", out.empty() ? "" : ": ", kind);
    if (!where.pointer.empty()) {
        out += where.pointer + ": ";
    }
    out += text(language);
    return out;
}

Error Error::context(std::string_view en, std::string_view ja) && {
    Error wrapped = std::move(*this);
    const std::string japanese(ja.empty() ? en : ja);
    wrapped.message.en = fmt::format("{}: {}", en, wrapped.message.en);
    if (!wrapped.message.ja.empty()) {
        wrapped.message.ja = fmt::format("{}: {}", japanese, wrapped.message.ja);
    }
    return wrapped;
}

Error error(std::string en, std::string ja) {
    return Error{.message = {std::move(en), std::move(ja)}};
}

Error system_error(std::string_view what, std::string_view path, int errno_value) {
    return Error{.where = {.file = std::string(path)},
                 .message = {fmt::format("{} {}", what, path)},
                 .cause = {.kind = Cause::Kind::system,
                           .code = errno_value,
                           .detail = std::strerror(errno_value)}};
}

}  // namespace keiji::model

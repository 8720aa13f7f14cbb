#include "alert/desk.hpp"

#include <fmt/format.h>

#include "alert/alert_parser.hpp"
#include "alert/signing.hpp"
#include "storage/file_io.hpp"

namespace keiji::alert {

std::expected<Envelope, model::Errors> sign_alert(std::string payload, const std::string& source,
                                                  const SecretKey& key) {
    if (auto parsed = parse_alert(payload, source); !parsed) {
        return std::unexpected(std::move(parsed.error()));
    }
    auto signature = sign_detached(payload, key.secret_key);
    if (!signature) {
        return std::unexpected(model::Errors{std::move(signature.error())});
    }
    return Envelope{key.key_id, std::move(payload), std::move(*signature)};
}

Verdict verify_envelope(std::string_view envelope_text, const KeyRing& keys, model::TimePoint now) {
    AlertBook book(keys);
    return book.receive(envelope_text, now);
}

model::Result<std::filesystem::path> publish_to_folder(const std::filesystem::path& folder,
                                                       std::string_view envelope_text) {
    if (auto parsed = parse_envelope(envelope_text); !parsed) {
        return model::failure(
            std::move(parsed.error())
                .context("this is not a signed envelope; run keiji alert sign first",
                         "署名済みの封筒ではありません。先に keiji alert sign を実行してください"));
    }
    const std::filesystem::path path = folder / "alert.json";
    KEIJI_TRY(storage::write_file_atomically(path, envelope_text));
    return path;
}

}  // namespace keiji::alert

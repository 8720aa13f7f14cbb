#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "alert/alert_book.hpp"
#include "alert/envelope.hpp"
#include "alert/key_files.hpp"
#include "model/error.hpp"
#include "model/time.hpp"

namespace keiji::alert {

// The disaster office's abilities, for the command line and the studio's alert desk alike: they
// take values and return values, and print nothing.

// Checks an alert payload as a screen would (every mistake with its line and column, under the
// name `source`), then signs its exact bytes into an envelope.
[[nodiscard]] std::expected<Envelope, model::Errors> sign_alert(std::string payload,
                                                                const std::string& source,
                                                                const SecretKey& key);

// What a screen trusting `keys` would do with `envelope_text` at `now`.
[[nodiscard]] Verdict verify_envelope(std::string_view envelope_text, const KeyRing& keys,
                                      model::TimePoint now);

// Writes a signed envelope as `folder`/alert.json, atomically, for screens polling it over
// HTTP. Refuses anything that is not an envelope: a bare payload would reach no screen.
[[nodiscard]] model::Result<std::filesystem::path> publish_to_folder(
    const std::filesystem::path& folder, std::string_view envelope_text);

}  // namespace keiji::alert

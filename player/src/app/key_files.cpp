#include "app/key_files.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "alert/signing.hpp"
#include "storage/file_io.hpp"

namespace keiji::app {

std::expected<SecretKey, std::string> read_secret_key_file(const std::string& path) {
    const auto text = storage::read_file_if_exists(path);
    if (!text) {
        return std::unexpected(text.error());
    }
    if (!*text) {
        return std::unexpected(fmt::format("the key file {} does not exist", path));
    }
    const nlohmann::json key = nlohmann::json::parse(**text, nullptr, false);
    if (key.is_discarded() || !key.contains("secret_key") || !key.contains("key_id") ||
        !key["secret_key"].is_string() || !key["key_id"].is_string()) {
        return std::unexpected(
            fmt::format("{} is not a secret key file from keiji alert keygen", path));
    }
    auto secret = alert::from_base64(key["secret_key"].get<std::string>());
    if (!secret || secret->size() != 64) {
        return std::unexpected(fmt::format("the secret key in {} is damaged", path));
    }
    return SecretKey{key["key_id"].get<std::string>(), std::move(*secret)};
}

}  // namespace keiji::app

#include "alert/key_files.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "alert/signing.hpp"
#include "storage/file_io.hpp"

namespace keiji::alert {

model::Result<SecretKey> read_secret_key_file(const std::filesystem::path& path) {
    const std::string text = KEIJI_TRY(storage::read_file(path));
    const nlohmann::json key = nlohmann::json::parse(text, nullptr, false);
    if (key.is_discarded() || !key.contains("secret_key") || !key.contains("key_id") ||
        !key["secret_key"].is_string() || !key["key_id"].is_string()) {
        return model::failure(
            fmt::format("{} is not a secret key file from keiji alert keygen", path.string()),
            fmt::format("{} は keiji alert keygen で作った秘密鍵のファイルではありません",
                        path.string()));
    }
    auto secret = from_base64(key["secret_key"].get<std::string>());
    if (!secret || secret->size() != 64) {
        return model::failure(fmt::format("the secret key in {} is damaged", path.string()),
                              fmt::format("{} の秘密鍵が壊れています", path.string()));
    }
    return SecretKey{key["key_id"].get<std::string>(), std::move(*secret)};
}

model::Result<KeyFiles> write_new_key_pair(const std::filesystem::path& folder,
                                           const std::string& key_id) {
    const KeyPair keys = KEIJI_TRY(generate_key_pair());
    const KeyFiles files{.secret = folder / (key_id + ".secret.json"),
                         .public_keys = folder / (key_id + ".public.json")};
    const nlohmann::json secret = {{"key_id", key_id}, {"secret_key", to_base64(keys.secret_key)}};
    const nlohmann::json public_keys = {
        {"keys", {{{"key_id", key_id}, {"public_key", to_base64(keys.public_key)}}}}};
    KEIJI_TRY(storage::write_file_atomically(files.secret, secret.dump(2) + "\n",
                                             {.access = storage::Access::owner_only}));
    KEIJI_TRY(storage::write_file_atomically(files.public_keys, public_keys.dump(2) + "\n"));
    return files;
}

}  // namespace keiji::alert

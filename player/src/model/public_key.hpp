#pragma once

#include <string>

namespace keiji::model {

// A public key that may sign feeds or alerts, by the id envelopes and feeds name it with.
struct PublicKey {
    std::string key_id;
    std::string public_key;  // Base64 of the 32-byte Ed25519 key.
};

}  // namespace keiji::model

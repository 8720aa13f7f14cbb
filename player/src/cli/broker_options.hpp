#pragma once

#include <string>

#include "alert/mqtt_channel.hpp"
#include "model/error.hpp"

namespace CLI {
class App;
}

namespace keiji::cli {

// How the office's commands reach the broker: its address and the office's account on it.
struct BrokerOptions {
    std::string url;
    std::string username;
    std::string password_file;
    std::string ca_file;
};

// --mqtt URL, --mqtt-user NAME, --mqtt-password-file FILE, --mqtt-ca FILE.
void add_broker_options(CLI::App& command, BrokerOptions& options);

// The address with its account, or why not (a bad URL, an unreadable password file).
[[nodiscard]] model::Result<alert::MqttAddress> broker_address(const BrokerOptions& options);

}  // namespace keiji::cli

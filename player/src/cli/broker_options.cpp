#include "cli/broker_options.hpp"

#include <CLI/CLI.hpp>

namespace keiji::cli {

void add_broker_options(CLI::App& command, BrokerOptions& options) {
    command.add_option("--mqtt", options.url,
                       "Broker, e.g. mqtt://broker:1883 or, with TLS, mqtts://broker:8883");
    command.add_option("--mqtt-user", options.username, "The office's account on the broker");
    command
        .add_option("--mqtt-password-file", options.password_file,
                    "File whose first line is that account's password")
        ->check(CLI::ExistingFile);
    command
        .add_option("--mqtt-ca", options.ca_file,
                    "CA certificate of a TLS broker (default: the system's CAs)")
        ->check(CLI::ExistingFile);
}

model::Result<alert::MqttAddress> broker_address(const BrokerOptions& options) {
    auto address = alert::parse_mqtt_url(options.url);
    if (!address) {
        return address;
    }
    address->ca_file = options.ca_file;
    if (auto account = alert::set_mqtt_account(*address, options.username, options.password_file);
        !account) {
        return model::failure(account.error());
    }
    return address;
}

}  // namespace keiji::cli

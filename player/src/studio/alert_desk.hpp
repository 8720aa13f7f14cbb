#pragma once

#include <date/tz.h>

#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "alert/key_files.hpp"
#include "alert/mqtt_channel.hpp"
#include "model/error.hpp"
#include "model/time.hpp"
#include "studio/alert_templates.hpp"
#include "studio/database.hpp"

namespace keiji::studio {

// Where the desk's signed messages go: always the HTTP alert folder (publish/alerts/alert.json,
// for screens that poll), and the broker's alert topic (retained) when one is configured.
struct DeskDelivery {
    std::filesystem::path folder;
    std::optional<alert::MqttAddress> broker;
    std::string topic = "keiji/alert";
};

// One message the desk signed, as kept.
struct AlertMessage {
    std::string identifier;
    long long sequence = 0;
    std::string message_type;  // Alert, Update, Cancel
    std::string status;        // Exercise, Actual
    std::string template_id;
    nlohmann::json form;   // What the form said (to start an Update from).
    std::string envelope;  // The signed envelope, exactly as sent.
    std::string issued_by;
    std::string issued_at;
    std::string expires_at;
    nlohmann::json delivery;  // {"folder": "sent"|why not, "mqtt": "sent"|"not configured"|why not}
};
[[nodiscard]] nlohmann::json to_json(const AlertMessage& message);

// What a new message is: a first alert, the next of an incident, or its end.
struct DeskRequest {
    AlertForm form;
    std::string update_of;          // Empty: a new incident.
    bool actual_confirmed = false;  // The second confirmation an Actual alert needs.
    std::string user;
    model::TimePoint now{};
};

// The disaster office's desk: the shelter list, composing from templates, signing with the
// desk's own key and delivering, Update and Cancel. One message at a time (sequences are
// numbered under a lock); every message is kept.
class AlertDesk {
public:
    AlertDesk(Database& database, const alert::SecretKey& key, DeskDelivery delivery,
              const date::time_zone& zone)
        : m_database(database), m_key(key), m_delivery(std::move(delivery)), m_zone(zone) {}

    [[nodiscard]] model::Result<std::vector<DeskShelter>> shelters();
    [[nodiscard]] model::Result<void> replace_shelters(const std::vector<DeskShelter>& shelters);

    // The payload the request would send, unsigned: for the preview.
    [[nodiscard]] model::Result<nlohmann::json> compose(const DeskRequest& request);
    // Composes, signs and delivers; refuses Actual without its confirmation.
    [[nodiscard]] model::Result<AlertMessage> issue(const DeskRequest& request);
    // Ends an incident on every screen.
    [[nodiscard]] model::Result<AlertMessage> cancel(const std::string& identifier,
                                                     const std::string& user, model::TimePoint now);

    // The newest messages first.
    [[nodiscard]] model::Result<std::vector<AlertMessage>> messages(int limit);
    // The latest message of each incident that is neither cancelled nor expired at `now`.
    [[nodiscard]] model::Result<std::vector<AlertMessage>> in_force(model::TimePoint now);

    [[nodiscard]] const DeskDelivery& delivery() const { return m_delivery; }

    // The screens as the broker knows them (alert::to_json of alert::read_fleet), read at most
    // once every 5 seconds however many pages ask; an error when no broker is configured.
    [[nodiscard]] model::Result<nlohmann::json> fleet(model::TimePoint now);

private:
    model::Result<nlohmann::json> compose_locked(const DeskRequest& request);
    model::Result<std::optional<AlertMessage>> latest(const std::string& identifier);
    model::Result<AlertMessage> sign_and_deliver(const nlohmann::json& payload,
                                                 const std::string& template_id,
                                                 const nlohmann::json& form,
                                                 const std::string& user, model::TimePoint now);

    Database& m_database;
    const alert::SecretKey& m_key;
    DeskDelivery m_delivery;
    const date::time_zone& m_zone;
    std::mutex m_mutex;
    std::mutex m_fleet_mutex;  // One read of the broker at a time.
    std::optional<std::pair<model::TimePoint, nlohmann::json>> m_fleet;
};

}  // namespace keiji::studio

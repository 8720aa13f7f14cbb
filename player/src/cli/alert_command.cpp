#include "cli/alert_command.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <chrono>

#include "alert/cap_import.hpp"
#include "alert/desk.hpp"
#include "alert/key_files.hpp"
#include "alert/mqtt_publish.hpp"
#include "cli/alert_bridge.hpp"
#include "cli/alert_preview.hpp"
#include "cli/broker_options.hpp"
#include "cli/messages.hpp"
#include "play/settings.hpp"
#include "storage/file_io.hpp"

namespace keiji::cli {

namespace {

struct AlertOptions {
    std::string action;  // keygen, sign, verify, publish, import-cap: set by the parser.
    std::string key_id;
    std::string out_directory = ".";
    std::string key_file;  // sign: the secret key; verify: the trusted public keys.
    std::string input;     // The payload, envelope or CAP XML file.
    std::string output;    // Empty: stdout.
    BrokerOptions broker;
    std::string mqtt_topic = play::Settings{}.mqtt_topic;
    std::string directory;  // publish: a folder served over HTTP.
    std::optional<int> level;
    std::optional<long long> sequence;
    long lasting_minutes = 360;      // import-cap: how long an alert without <expires> stays.
    std::string language = "en";     // Of messages: "ja..." for Japanese.
    std::string size = "1920x1080";  // preview: the screen's size.
    BridgeOptions bridge;
};

constexpr const char* workflow = R"(Publish a signed disaster alert to every screen (防災課の手順).

Once, when setting up (the secret key never leaves the disaster office):
  1. keiji alert keygen --key-id minato-bousai-2026 --out-dir keys/
       writes keys/minato-bousai-2026.secret.json (keep it offline, mode 0600) and
       keys/minato-bousai-2026.public.json (install it on every screen as
       /etc/keiji/alert-keys.json).

For each alert:
  2. Write the alert as JSON (content-schema/alert.schema.json: identifier, sender, sent,
     status Actual/Exercise/Test, msgType Alert/Update/Cancel, expires, sequence, level 1-5,
     info[] per language with headline and instruction, shelters), or convert the CAP 1.2 XML
     your system produces:
       keiji alert import-cap alert.xml --level 4 --out alert.json
     See what every screen will show, in each of its languages:
       keiji alert preview alert.json --out preview/
  3. keiji alert sign --key keys/minato-bousai-2026.secret.json alert.json --out envelope.json
       checks the alert first (every mistake with line and column), then signs its exact bytes.
  4. keiji alert verify --keys keys/minato-bousai-2026.public.json envelope.json
       shows what a screen will do with it.
  5. keiji alert publish envelope.json --mqtt mqtt://broker:1883
       (retained: screens that start later get it too), and/or
     keiji alert publish envelope.json --dir /srv/www/keiji
       (writes alert.json there for screens polling it over HTTP).

To change an alert, publish an Update with the same identifier and a higher sequence. To end
it, publish a Cancel with the same identifier and a higher sequence. Screens refuse older
sequences, replays, expired alerts and anything not signed by a trusted key.

Another agency's CAP (a CAP document or an ATOM feed of them), passed on without a person:
  keiji alert keygen --key-id minato-bridge --out-dir keys/   (add its public key to the screens')
  keiji alert bridge --source https://agency.example/cap.atom --area 港区 \
      --key keys/minato-bridge.secret.json --mqtt mqtt://broker:1883 --state bridge.json
)";

model::Result<std::string> read_input(const std::string& path) {
    return path == "-" ? storage::read_standard_input() : storage::read_file(path);
}

int write_output(const std::string& output, const std::string& text) {
    if (output.empty() || output == "-") {
        print(text);
        return 0;
    }
    if (auto written = storage::write_file_atomically(output, text); !written) {
        return fail("alert", written.error());
    }
    return 0;
}

int keygen(const AlertOptions& options) {
    const auto files = alert::write_new_key_pair(options.out_directory, options.key_id);
    if (!files) {
        return fail("alert", files.error(), options.language);
    }
    print(
        fmt::format("secret key: {} (keep it offline; anyone with it can publish alerts)\n"
                    "public key: {} (install on every screen as "
                    "/etc/keiji/alert-keys.json)\n",
                    files->secret.string(), files->public_keys.string()));
    return 0;
}

int sign(const AlertOptions& options) {
    const auto key = alert::read_secret_key_file(options.key_file);
    if (!key) {
        return fail("alert", key.error(), options.language);
    }
    auto payload = read_input(options.input);
    if (!payload) {
        return fail("alert", payload.error(), options.language);
    }
    // A screen would reject a broken payload; say so now, with line and column.
    auto envelope = alert::sign_alert(std::move(*payload), options.input, *key);
    if (!envelope) {
        print_problems(envelope.error(), options.language);
        return 1;
    }
    return write_output(options.output, alert::to_json(*envelope) + "\n");
}

int verify(const AlertOptions& options) {
    auto key_text = read_input(options.key_file);
    auto envelope = read_input(options.input);
    if (!key_text || !envelope) {
        return fail("alert", !key_text ? key_text.error() : envelope.error(), options.language);
    }
    auto keys = alert::KeyRing::parse(*key_text);
    if (!keys) {
        return fail("alert", std::move(keys.error()).context(options.key_file), options.language);
    }
    // The office's tool reads the real clock at its edge, as the screen does.
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const alert::Verdict verdict = alert::verify_envelope(*envelope, *keys, now);
    std::fputs((verdict.describe() + "\n").c_str(), verdict.accepted() ? stdout : stderr);
    return verdict.accepted() ? 0 : 1;
}

int publish(const AlertOptions& options) {
    auto envelope = read_input(options.input);
    if (!envelope) {
        return fail("alert", envelope.error(), options.language);
    }
    // Only an envelope goes out: publishing a bare payload by mistake would reach no screen.
    if (auto parsed = alert::parse_envelope(*envelope); !parsed) {
        return fail("alert",
                    fmt::format("{} is not a signed envelope ({}); run keiji alert sign first",
                                options.input, parsed.error().text()));
    }
    if (options.broker.url.empty() && options.directory.empty()) {
        return fail("alert", "say where to publish: --mqtt URL and/or --dir FOLDER", 2);
    }
    if (!options.directory.empty()) {
        const auto path = alert::publish_to_folder(options.directory, *envelope);
        if (!path) {
            return fail("alert", path.error(), options.language);
        }
        print(fmt::format("published to {}\n", path->string()));
    }
    if (!options.broker.url.empty()) {
        auto address = broker_address(options.broker);
        if (!address) {
            return fail("alert", address.error(), options.language, 2);
        }
        if (auto sent = alert::publish_retained(*address, options.mqtt_topic, *envelope); !sent) {
            return fail("alert", sent.error(), options.language);
        }
        print(fmt::format("published to {} topic {} (retained)\n", options.broker.url,
                          options.mqtt_topic));
    }
    return 0;
}

int import_cap(const AlertOptions& options) {
    auto xml = read_input(options.input);
    if (!xml) {
        return fail("alert", xml.error(), options.language);
    }
    auto imported = alert::import_cap(
        *xml, alert::CapImportOptions{.level = options.level,
                                      .sequence = options.sequence,
                                      .lasting = std::chrono::minutes{options.lasting_minutes}});
    if (!imported) {
        return fail("alert", std::move(imported.error()).context(options.input), options.language);
    }
    for (const std::string& note : imported->notes) {
        std::fputs(fmt::format("keiji alert: {}: {}\n", options.input, note).c_str(), stderr);
    }
    return write_output(options.output, imported->payload);
}

int run_alert(const AlertOptions& options) {
    if (options.action == "keygen") {
        return keygen(options);
    }
    if (options.action == "sign") {
        return sign(options);
    }
    if (options.action == "verify") {
        return verify(options);
    }
    if (options.action == "publish") {
        return publish(options);
    }
    if (options.action == "import-cap") {
        return import_cap(options);
    }
    if (options.action == "bridge") {
        return run_alert_bridge(options.bridge, options.language);
    }
    if (options.action == "preview") {
        return run_alert_preview(options.input, options.out_directory, options.size,
                                 options.language);
    }
    return fail("alert",
                "say what to do: keygen, sign, verify, publish, import-cap, bridge or preview", 2);
}

}  // namespace

Command add_alert_command(CLI::App& app, const Context& context) {
    auto shared = std::make_shared<AlertOptions>();
    shared->language = context.message_language;
    shared->bridge.topic = shared->mqtt_topic;
    AlertOptions& options = *shared;
    auto* command = app.add_subcommand(
        "alert", "Disaster alerts: keygen, sign, verify, publish, import-cap, bridge (see --help)");
    command->description(workflow);
    command->require_subcommand(1);
    const auto on_parse = [shared](const char* action) {
        return [shared, action] { shared->action = action; };
    };

    auto* keygen_command =
        command->add_subcommand("keygen", "Make an Ed25519 key pair for signing alerts");
    keygen_command
        ->add_option("--key-id", options.key_id, "Name of the key, e.g. minato-bousai-2026")
        ->required();
    keygen_command->add_option("--out-dir", options.out_directory, "Folder for the two key files")
        ->capture_default_str();
    keygen_command->callback(on_parse("keygen"));

    auto* sign_command =
        command->add_subcommand("sign", "Check an alert payload and wrap it in a signed envelope");
    sign_command->add_option("--key", options.key_file, "The secret key file from keygen")
        ->required()
        ->check(CLI::ExistingFile);
    sign_command->add_option("PAYLOAD", options.input, "The alert JSON (- reads stdin)")
        ->required();
    sign_command->add_option("--out", options.output, "Write the envelope here (default stdout)");
    sign_command->callback(on_parse("sign"));

    auto* verify_command = command->add_subcommand(
        "verify", "Show what a screen with these keys would do with an envelope");
    verify_command->add_option("--keys", options.key_file, "The public key file screens use")
        ->required()
        ->check(CLI::ExistingFile);
    verify_command->add_option("ENVELOPE", options.input, "The signed envelope")->required();
    verify_command->callback(on_parse("verify"));

    auto* publish_command = command->add_subcommand(
        "publish", "Send a signed envelope to the screens (MQTT retained and/or an HTTP folder)");
    publish_command->add_option("ENVELOPE", options.input, "The signed envelope")->required();
    add_broker_options(*publish_command, options.broker);
    publish_command->add_option("--topic", options.mqtt_topic, "MQTT topic")->capture_default_str();
    publish_command->add_option("--dir", options.directory,
                                "Folder served over HTTP: writes alert.json there atomically");
    publish_command->callback(on_parse("publish"));

    auto* cap_command = command->add_subcommand(
        "import-cap", "Convert a CAP 1.2 XML alert into an alert payload (JSON)");
    cap_command->add_option("CAP", options.input, "The CAP 1.2 XML file")->required();
    cap_command
        ->add_option("--level", options.level,
                     "警戒レベル 1-5 when the CAP has no parameter for it")
        ->check(CLI::Range(1, 5));
    cap_command->add_option("--sequence", options.sequence,
                            "Sequence (default: the <sent> time in seconds since 1970)");
    cap_command
        ->add_option("--expires-after", options.lasting_minutes,
                     "Minutes an alert without <expires> stays after its <sent> (default 360)")
        ->check(CLI::Range(1, 7 * 24 * 60));
    cap_command->add_option("--out", options.output, "Write the payload here (default stdout)");
    cap_command->callback(on_parse("import-cap"));

    auto* bridge_command = command->add_subcommand(
        "bridge", "Poll another agency's CAP (a document or an ATOM feed) and pass it on, signed");
    add_bridge_options(*bridge_command, options.bridge);
    bridge_command->callback(on_parse("bridge"));

    auto* preview_command = command->add_subcommand(
        "preview", "Draw the takeover screen of an alert in each of its languages, as PNGs");
    preview_command->add_option("ALERT", options.input, "The alert JSON or a signed envelope")
        ->required();
    preview_command->add_option("--out", options.out_directory, "Folder for the PNG files")
        ->required();
    preview_command->add_option("--size", options.size, "The screen's size, WxH")
        ->capture_default_str();
    preview_command->footer(
        "Example: keiji alert preview alert.json --out preview/ (then open preview/01-ja.png)");
    preview_command->callback(on_parse("preview"));
    return Command{command, [shared] { return run_alert(*shared); }};
}

}  // namespace keiji::cli

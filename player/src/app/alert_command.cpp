#include "app/alert_command.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "alert/alert_book.hpp"
#include "alert/alert_parser.hpp"
#include "alert/cap_import.hpp"
#include "alert/envelope.hpp"
#include "alert/mqtt_publish.hpp"
#include "alert/signing.hpp"
#include "alert/state_store.hpp"
#include "app/key_files.hpp"
#include "storage/file_io.hpp"

namespace keiji::app {

namespace {

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
)";

std::expected<std::string, std::string> read_input(const std::string& path) {
    if (path == "-") {
        std::ostringstream contents;
        contents << std::cin.rdbuf();
        return contents.str();
    }
    std::ifstream stream(path, std::ios::binary);
    if (!stream) {
        return std::unexpected(fmt::format("cannot read {}", path));
    }
    std::ostringstream contents;
    contents << stream.rdbuf();
    return contents.str();
}

int fail(std::string_view message, int code = 1) {
    std::fputs(fmt::format("keiji alert: {}\n", message).c_str(), stderr);
    return code;
}

int write_output(const std::string& output, const std::string& text) {
    if (output.empty() || output == "-") {
        std::fputs(text.c_str(), stdout);
        return 0;
    }
    if (auto written = storage::write_file_atomically(output, text); !written) {
        return fail(written.error());
    }
    return 0;
}

int keygen(const AlertCommandOptions& options) {
    auto keys = alert::generate_key_pair();
    if (!keys) {
        return fail(keys.error());
    }
    const std::string secret_path =
        fmt::format("{}/{}.secret.json", options.out_directory, options.key_id);
    const std::string public_path =
        fmt::format("{}/{}.public.json", options.out_directory, options.key_id);
    const nlohmann::json secret = {{"key_id", options.key_id},
                                   {"secret_key", alert::to_base64(keys->secret_key)}};
    const nlohmann::json public_keys = {
        {"keys",
         {{{"key_id", options.key_id}, {"public_key", alert::to_base64(keys->public_key)}}}}};
    // The secret file is created private before any byte of the key is in it.
    const mode_t previous = ::umask(077);
    auto written = storage::write_file_atomically(secret_path, secret.dump(2) + "\n");
    ::umask(previous);
    if (written) {
        ::chmod(secret_path.c_str(), 0600);
        written = storage::write_file_atomically(public_path, public_keys.dump(2) + "\n");
    }
    if (!written) {
        return fail(written.error());
    }
    std::fputs(fmt::format("secret key: {} (keep it offline; anyone with it can publish alerts)\n"
                           "public key: {} (install on every screen as "
                           "/etc/keiji/alert-keys.json)\n",
                           secret_path, public_path)
                   .c_str(),
               stdout);
    return 0;
}

int sign(const AlertCommandOptions& options) {
    const auto key = read_secret_key_file(options.key_file);
    if (!key) {
        return fail(key.error());
    }
    auto payload = read_input(options.input);
    if (!payload) {
        return fail(payload.error());
    }
    // A screen would reject a broken payload; say so now, with line and column.
    if (auto parsed = alert::parse_alert(*payload, options.input); !parsed) {
        for (const model::Error& error : parsed.error()) {
            std::fputs((error.to_string(options.language) + "\n").c_str(), stderr);
        }
        return 1;
    }
    auto signature = alert::sign_detached(*payload, key->secret_key);
    if (!signature) {
        return fail(signature.error());
    }
    return write_output(options.output,
                        alert::to_json(alert::Envelope{key->key_id, *payload, *signature}) + "\n");
}

int verify(const AlertCommandOptions& options) {
    auto key_text = read_input(options.key_file);
    auto envelope = read_input(options.input);
    if (!key_text || !envelope) {
        return fail(!key_text ? key_text.error() : envelope.error());
    }
    auto keys = alert::KeyRing::parse(*key_text);
    if (!keys) {
        return fail(fmt::format("{}: {}", options.key_file, keys.error()));
    }
    alert::AlertBook book(*keys);
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const alert::Verdict verdict = book.receive(*envelope, now);
    std::fputs((verdict.describe() + "\n").c_str(), verdict.accepted() ? stdout : stderr);
    return verdict.accepted() ? 0 : 1;
}

int publish(const AlertCommandOptions& options) {
    auto envelope = read_input(options.input);
    if (!envelope) {
        return fail(envelope.error());
    }
    // Only an envelope goes out: publishing a bare payload by mistake would reach no screen.
    if (auto parsed = alert::parse_envelope(*envelope); !parsed) {
        return fail(fmt::format("{} is not a signed envelope ({}); run keiji alert sign first",
                                options.input, parsed.error()));
    }
    if (options.mqtt_url.empty() && options.directory.empty()) {
        return fail("say where to publish: --mqtt URL and/or --dir FOLDER", 2);
    }
    if (!options.directory.empty()) {
        const std::string path = options.directory + "/alert.json";
        if (auto written = storage::write_file_atomically(path, *envelope); !written) {
            return fail(written.error());
        }
        std::fputs(fmt::format("published to {}\n", path).c_str(), stdout);
    }
    if (!options.mqtt_url.empty()) {
        auto address = alert::parse_mqtt_url(options.mqtt_url);
        if (!address) {
            return fail(address.error(), 2);
        }
        if (auto sent = alert::publish_retained(*address, options.mqtt_topic, *envelope); !sent) {
            return fail(sent.error());
        }
        std::fputs(fmt::format("published to {} topic {} (retained)\n", options.mqtt_url,
                               options.mqtt_topic)
                       .c_str(),
                   stdout);
    }
    return 0;
}

int import_cap(const AlertCommandOptions& options) {
    auto xml = read_input(options.input);
    if (!xml) {
        return fail(xml.error());
    }
    auto payload = alert::import_cap(
        *xml, alert::CapImportOptions{.level = options.level, .sequence = options.sequence});
    if (!payload) {
        return fail(fmt::format("{}: {}", options.input, payload.error()));
    }
    return write_output(options.output, *payload);
}

}  // namespace

CLI::App* add_alert_command(CLI::App& app, AlertCommandOptions& options) {
    auto* command = app.add_subcommand(
        "alert", "Disaster alerts: keygen, sign, verify, publish, import-cap (see --help)");
    command->description(workflow);
    command->require_subcommand(1);
    const auto on_parse = [&options](const char* action) {
        return [&options, action] { options.action = action; };
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
    publish_command->add_option("--mqtt", options.mqtt_url, "Broker, e.g. mqtt://broker:1883");
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
    cap_command->add_option("--out", options.output, "Write the payload here (default stdout)");
    cap_command->callback(on_parse("import-cap"));
    return command;
}

int run_alert(const AlertCommandOptions& options) {
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
    return fail("say what to do: keygen, sign, verify, publish or import-cap", 2);
}

}  // namespace keiji::app

#include "cli/studio_command.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <thread>

#include "cli/broker_options.hpp"
#include "cli/messages.hpp"
#include "kiosk/log.hpp"
#include "play/settings_file.hpp"
#include "studio/http_server.hpp"
#include "studio/studio.hpp"

namespace keiji::cli {

namespace {

constexpr const char* description =
    R"(The web console where content staff edit, preview, submit, approve and publish.

It listens on 127.0.0.1 only unless told otherwise: put nginx in front of it for TLS (see the
README). On its first start it makes its data folder, prints the first administrator's password
once, makes the key that signs published feeds and the alert desk's key, and takes the bundled
playlists as its content. The alert desk (accounts with the role bousai) writes each alert to
PUBLISH/alerts/alert.json for screens that poll, and with --mqtt also publishes it, retained, to
the broker's alert topic.)";

struct StudioOptions {
    std::string listen = "127.0.0.1:8080";
    std::string data = "/var/lib/keiji-studio";
    std::string publish;
    std::string content_key;
    std::string import_from = "playlists";
    bool behind_proxy = false;
    std::string web;
    std::string desk_key;
    BrokerOptions broker;
    std::string alert_topic = "keiji/alert";
};

int run_studio(const StudioOptions& options) {
    const auto colon = options.listen.rfind(':');
    int port = -1;
    if (colon != std::string::npos) {
        try {
            port = std::stoi(options.listen.substr(colon + 1));
        } catch (const std::exception&) {
        }
    }
    if (colon == std::string::npos || port < 0 || port > 65535) {
        return fail(
            "studio",
            fmt::format("--listen \"{}\" is not HOST:PORT, e.g. 127.0.0.1:8080", options.listen),
            2);
    }
    // SIGTERM and SIGINT wait for a thread of their own, which stops the server cleanly.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    std::optional<alert::MqttAddress> broker;
    if (!options.broker.url.empty()) {
        auto address = broker_address(options.broker);
        if (!address) {
            return fail("studio", address.error(), "en", 2);
        }
        broker = std::move(*address);
    }
    studio::StudioSettings settings{.host = options.listen.substr(0, colon),
                                    .port = port,
                                    .data = options.data,
                                    .publish = options.publish,
                                    .content_key = options.content_key,
                                    .import_from = play::bundled_content(options.import_from),
                                    .behind_proxy = options.behind_proxy,
                                    .web_root = options.web,
                                    .desk_key = options.desk_key,
                                    .alert_broker = std::move(broker),
                                    .alert_topic = options.alert_topic};
    auto studio = studio::Studio::open(settings, [](const std::string& message) {
        print(fmt::format("keiji studio: {}\n", message));
    });
    if (!studio) {
        return fail("studio", studio.error());
    }
    studio::HttpServer server(**studio);
    const auto bound = server.bind(settings.host, settings.port);
    if (!bound) {
        return fail("studio", bound.error());
    }
    print(
        fmt::format("keiji studio: open http://{}:{}/ (Ctrl+C stops it)\n", settings.host, *bound));
    std::fflush(stdout);
    std::jthread stopper([&server, signals] {
        int received = 0;
        sigwait(&signals, &received);
        kiosk::log(kiosk::Priority::notice, "studio", "stopping");
        server.stop();
    });
    auto served = server.serve();
    // The stopper waits for a signal; one of our own ends it when the server stopped otherwise.
    pthread_kill(stopper.native_handle(), SIGTERM);
    if (!served) {
        return fail("studio", served.error());
    }
    return 0;
}

}  // namespace

Command add_studio_command(CLI::App& app, const Context&) {
    auto options = std::make_shared<StudioOptions>();
    auto* command = app.add_subcommand("studio", "The web console for content staff");
    command->description(description);
    command->add_option("--listen", options->listen, "Address and port to listen on")
        ->capture_default_str()
        ->type_name("HOST:PORT");
    command
        ->add_option("--data", options->data,
                     "The studio's folder: database, uploads, keys (mode 0700)")
        ->capture_default_str()
        ->type_name("DIR");
    command
        ->add_option("--publish", options->publish,
                     "Folder the published feed is written to, for nginx to serve (default "
                     "DATA/publish)")
        ->type_name("DIR");
    command
        ->add_option("--content-key", options->content_key,
                     "Secret key that signs published feeds (default "
                     "DATA/keys/content.secret.json, made if missing)")
        ->type_name("FILE");
    command->add_option("--import", options->import_from, "Playlists an empty studio starts with")
        ->capture_default_str()
        ->type_name("DIR");
    command->add_flag("--behind-proxy", options->behind_proxy,
                      "nginx on this machine serves it over TLS: Secure cookies, and the "
                      "browser's address from X-Real-IP");
    command
        ->add_option("--web", options->web,
                     "Serve the pages from this folder instead of the built-in ones (for "
                     "working on studio/web)")
        ->type_name("DIR");
    command
        ->add_option("--desk-key", options->desk_key,
                     "Secret key the alert desk signs with (default DATA/keys/bousai.secret.json, "
                     "made if missing)")
        ->type_name("FILE");
    add_broker_options(*command, options->broker);
    command->add_option("--alert-topic", options->alert_topic, "The broker's alert topic")
        ->capture_default_str();
    command->footer(
        "Example: keiji studio --data /var/lib/keiji-studio --listen 127.0.0.1:8080 \\\n"
        "           --mqtt mqtts://broker.local:8883 --mqtt-user bousai \\\n"
        "           --mqtt-password-file /etc/keiji/bousai.password --mqtt-ca /etc/keiji/ca.crt");
    return Command{command, [options] { return run_studio(*options); }};
}

}  // namespace keiji::cli

// Publish → first alert frame presented, through the real path: a real mosquitto on 127.0.0.1
// (or a real HTTP server for the poll fallback), the channel thread, the mailbox, the state
// machine with signature check, the takeover painted and presented on a headless 1920×1080
// screen. 100 runs each; prints p50, p99 and max. Run it on a release build:
//   keiji_alert_latency_bench [RUNS] [HTTP_POLL_MS]
#include <SDL.h>
#include <SDL_ttf.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>
#include <vector>

#include "alert/envelope.hpp"
#include "alert/mqtt_publish.hpp"
#include "alert/signing.hpp"
#include "alert/state_store.hpp"
#include "kiosk/alert_runtime.hpp"
#include "play/alert_takeover.hpp"
#include "play/real_clock.hpp"
#include "render/screen.hpp"
#include "storage/file_io.hpp"

extern char** environ;

using namespace keiji;
using Clock = std::chrono::steady_clock;

namespace {

// A child process (mosquitto, the HTTP server), stopped when this goes away.
class Child {
public:
    explicit Child(std::vector<std::string> arguments) {
        std::vector<char*> argv;
        for (auto& argument : arguments) {
            argv.push_back(argument.data());
        }
        argv.push_back(nullptr);
        // Quiet children: the figures are what this prints.
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
        if (posix_spawnp(&m_pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) {
            m_pid = -1;
        }
        posix_spawn_file_actions_destroy(&actions);
    }
    ~Child() {
        if (m_pid > 0) {
            kill(m_pid, SIGTERM);
            waitpid(m_pid, nullptr, 0);
        }
    }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;
    [[nodiscard]] bool ok() const { return m_pid > 0; }

private:
    pid_t m_pid = -1;
};

int free_port() {
    // Ports from our pid keep concurrent runs apart without a bind race worth worrying about here.
    return 20000 + int(getpid() % 20000);
}

void wait_for_port(int port) {
    for (int attempt = 0; attempt < 100; ++attempt) {
        const std::string probe = fmt::format("exec 3<>/dev/tcp/127.0.0.1/{} 2>/dev/null", port);
        if (std::system(fmt::format("bash -c '{}'", probe).c_str()) == 0) {
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

std::string envelope_for(const alert::KeyPair& keys, long long sequence) {
    const nlohmann::json payload = {
        {"identifier", "bench"},
        {"sender", "bousai@city.minato.tokyo.jp"},
        {"sent", "2026-09-01T09:55:00+09:00"},
        {"status", "Exercise"},
        {"msgType", sequence == 1 ? "Alert" : "Update"},
        {"expires", "2099-01-01T00:00:00+09:00"},
        {"sequence", sequence},
        {"level", 3 + int(sequence % 3)},
        {"info",
         {{{"language", "ja"},
           {"headline", fmt::format("港区に避難指示を発令しました（{}）", sequence)},
           {"instruction", "危険な場所から全員避難してください。"}}}}};
    const std::string text = payload.dump();
    return alert::to_json(
        alert::Envelope{"bench", text, alert::sign_detached(text, keys.secret_key).value()});
}

struct Figures {
    std::vector<double> milliseconds;
    void print(std::string_view name) {
        if (milliseconds.empty()) {
            fmt::print("{}: no run finished\n", name);
            return;
        }
        // The first run opens the fonts of the takeover: what the first alert after boot costs.
        const double cold = milliseconds.front();
        std::ranges::sort(milliseconds);
        const auto at = [&](double quantile) {
            return milliseconds[std::min(milliseconds.size() - 1,
                                         std::size_t(quantile * double(milliseconds.size())))];
        };
        fmt::print(
            "{}: {} runs, p50 {:.1f} ms, p99 {:.1f} ms, max {:.1f} ms (first run {:.1f} "
            "ms)\n",
            name, milliseconds.size(), at(0.5), at(0.99), milliseconds.back(), cold);
    }
};

// Waits until the takeover presents a frame of the alert with `sequence`; the latency from `t0`.
std::optional<double> wait_presented(kiosk::AlertRuntime& runtime, play::AlertTakeover& takeover,
                                     const model::Clock& clock, Clock::time_point t0) {
    const auto give_up = t0 + std::chrono::seconds(5);
    while (Clock::now() < give_up) {
        runtime.mailbox().wait_until(give_up);
        const auto wall = std::chrono::floor<std::chrono::seconds>(clock.now().wall);
        if (runtime.process(wall)) {
            takeover.show(runtime.active());
            if (takeover.update(clock.now()).presented) {
                return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
            }
        }
    }
    return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::atoi(argv[1]) : 100;
    const int poll_ms = argc > 2 ? std::atoi(argv[2]) : 250;
    // "cold": skip AlertTakeover::prepare(), to see what it saves.
    const bool prepare = !(argc > 3 && std::string_view(argv[3]) == "cold");
    const auto work =
        std::filesystem::temp_directory_path() / fmt::format("keiji-alert-bench-{}", getpid());
    std::filesystem::create_directories(work / "www");
    const auto keys = alert::generate_key_pair().value();
    const nlohmann::json key_file = {
        {"keys", {{{"key_id", "bench"}, {"public_key", alert::to_base64(keys.public_key)}}}}};
    (void)storage::write_file_atomically(work / "keys.json", key_file.dump());

    SDL_Init(0);
    TTF_Init();
    play::RealClock clock;
    auto screen = render::Screen::open_headless(1920, 1080).value();
    const date::time_zone& zone = *date::locate_zone("Asia/Tokyo");

    const int mqtt_port = free_port();
    {
        std::ofstream(work / "mosquitto.conf") << fmt::format(
            "listener {} 127.0.0.1\nallow_anonymous true\npersistence false\n"
            "log_type none\n",
            mqtt_port);
        const Child broker({"/usr/sbin/mosquitto", "-c", (work / "mosquitto.conf").string()});
        wait_for_port(mqtt_port);
        kiosk::AlertSettings settings{.state_directory = work / "state-mqtt",
                                      .keys_file = work / "keys.json",
                                      .mqtt_url = fmt::format("mqtt://127.0.0.1:{}", mqtt_port),
                                      .mqtt_topic = "keiji/bench"};
        auto runtime = kiosk::AlertRuntime::create(settings, clock).value();
        (void)runtime->start_channels([] {});
        play::AlertTakeover takeover(screen, zone, std::chrono::seconds(60));
        if (prepare) {
            takeover.prepare(clock.now());  // As the player does after its first frame of content.
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(500));  // Connected, subscribed.
        const alert::MqttAddress address{"127.0.0.1", mqtt_port};
        Figures figures;
        for (int run = 1; run <= runs; ++run) {
            const std::string envelope = envelope_for(keys, run);
            const auto t0 = Clock::now();
            std::thread publisher(
                [&] { (void)alert::publish_retained(address, "keiji/bench", envelope); });
            if (const auto latency = wait_presented(*runtime, takeover, clock, t0)) {
                figures.milliseconds.push_back(*latency);
            }
            publisher.join();
        }
        figures.print("MQTT on loopback, publish → alert frame presented");
        runtime->stop_channels();
    }
    {
        const int http_port = mqtt_port + 1;
        const Child server({"python3", "-m", "http.server", std::to_string(http_port), "--bind",
                            "127.0.0.1", "--directory", (work / "www").string()});
        wait_for_port(http_port);
        kiosk::AlertSettings settings{
            .state_directory = work / "state-http",
            .keys_file = work / "keys.json",
            .alert_url = fmt::format("http://127.0.0.1:{}/alert.json", http_port),
            .poll_interval = std::chrono::milliseconds(poll_ms)};
        auto runtime = kiosk::AlertRuntime::create(settings, clock).value();
        (void)runtime->start_channels([] {});
        play::AlertTakeover takeover(screen, zone, std::chrono::seconds(60));
        if (prepare) {
            takeover.prepare(clock.now());
        }
        Figures figures;
        // Alerts are published at any moment of the poll cycle, not just after a poll.
        std::mt19937 random(7);
        std::uniform_int_distribution<int> phase(0, poll_ms);
        for (int run = 1; run <= runs; ++run) {
            const std::string envelope = envelope_for(keys, run);
            std::this_thread::sleep_for(std::chrono::milliseconds(phase(random)));
            const auto t0 = Clock::now();
            (void)storage::write_file_atomically(work / "www" / "alert.json", envelope);
            if (const auto latency = wait_presented(*runtime, takeover, clock, t0)) {
                figures.milliseconds.push_back(*latency);
            }
        }
        figures.print(
            fmt::format("HTTP poll every {} ms, publish → alert frame presented", poll_ms));
        runtime->stop_channels();
    }
    std::filesystem::remove_all(work);
    TTF_Quit();
    SDL_Quit();
    return 0;
}

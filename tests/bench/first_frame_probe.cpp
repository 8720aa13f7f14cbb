// Starts a program and reports how long it takes until the X display shows a frame with content,
// measured from outside the program, so keiji and a Chromium kiosk are timed the same way.
//
//   keiji_first_frame_probe --report FILE [--timeout S] -- PROGRAM ARGS...
//
// The clock starts just before fork(). The probe then polls the root window of $DISPLAY (a few
// full-width rows spread over the screen, every 2 ms) and counts distinct colours: an empty X
// root, a black window and a browser's blank white page have one or two, a slide with its photo
// and anti-aliased text has hundreds. It writes to the report file:
//   pid N
//   first_frame_ms M   the rows hold at least --min-colours colours (the first frame with content)
//   full_frame_ms M    the left and the right half of the rows each hold that many (the bench
//                      slides have the photo on the left and their text on the right, so this is
//                      the first frame with both; a browser may paint the photo before its fonts)
// ("timeout" instead of M when it did not happen within --timeout). It keeps running until the
// program exits or the probe gets SIGTERM/SIGINT, which it passes on to the program's whole
// process group (the program runs in a group of its own), then SIGKILL after 10 s.
// Prints figures only; it asserts nothing about them.
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace {

volatile sig_atomic_t g_stop = 0;

void on_signal(int) {
    g_stop = 1;
}

double now_ms() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

void sleep_ms(double ms) {
    timespec ts{time_t(ms / 1e3), long(std::fmod(ms, 1e3) * 1e6)};
    nanosleep(&ts, nullptr);
}

struct Colours {
    std::size_t all = 0;
    std::size_t left = 0;
    std::size_t right = 0;
};

// Distinct colours over `rows` evenly spaced full-width rows of the root window, in all and in
// each half.
Colours distinct_colours(Display* display, Window root, int width, int height, int rows) {
    std::unordered_set<unsigned long> colours;
    std::unordered_set<unsigned long> left;
    std::unordered_set<unsigned long> right;
    for (int i = 0; i < rows; ++i) {
        const int y = height * (2 * i + 1) / (2 * rows);
        XImage* image = XGetImage(display, root, 0, y, unsigned(width), 1, AllPlanes, ZPixmap);
        if (image == nullptr) {
            continue;
        }
        for (int x = 0; x < width; ++x) {
            const unsigned long pixel = XGetPixel(image, x, 0);
            colours.insert(pixel);
            (x < width / 2 ? left : right).insert(pixel);
        }
        XDestroyImage(image);
    }
    return {colours.size(), left.size(), right.size()};
}

void usage() {
    std::fputs(
        "usage: keiji_first_frame_probe --report FILE [--timeout SECONDS] [--min-colours N] "
        "[--rows N] -- PROGRAM ARGS...\n",
        stderr);
}

}  // namespace

int main(int argc, char** argv) {
    std::string report_path;
    double timeout_s = 60;
    std::size_t min_colours = 24;
    int rows = 12;
    int command = argc;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--") {
            command = i + 1;
            break;
        }
        if (i + 1 >= argc) {
            usage();
            return 2;
        }
        if (arg == "--report") {
            report_path = argv[++i];
        } else if (arg == "--timeout") {
            timeout_s = std::atof(argv[++i]);
        } else if (arg == "--min-colours") {
            min_colours = std::size_t(std::atol(argv[++i]));
        } else if (arg == "--rows") {
            rows = std::atoi(argv[++i]);
        } else {
            usage();
            return 2;
        }
    }
    if (report_path.empty() || command >= argc || rows < 1) {
        usage();
        return 2;
    }
    Display* display = XOpenDisplay(nullptr);
    if (display == nullptr) {
        std::fputs("keiji_first_frame_probe: cannot open $DISPLAY\n", stderr);
        return 1;
    }
    const Window root = DefaultRootWindow(display);
    const int width = DisplayWidth(display, DefaultScreen(display));
    const int height = DisplayHeight(display, DefaultScreen(display));
    std::FILE* report = std::fopen(report_path.c_str(), "w");
    if (report == nullptr) {
        std::perror("keiji_first_frame_probe: report file");
        return 1;
    }

    struct sigaction action {};
    action.sa_handler = on_signal;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);

    const double start = now_ms();
    const pid_t child = fork();
    if (child < 0) {
        std::perror("keiji_first_frame_probe: fork");
        return 1;
    }
    if (child == 0) {
        setpgid(0, 0);
        signal(SIGTERM, SIG_DFL);
        signal(SIGINT, SIG_DFL);
        execvp(argv[command], argv + command);
        std::perror("keiji_first_frame_probe: exec");
        _exit(127);
    }
    setpgid(child, child);  // Also from this side, so the group exists before any kill below.
    std::fprintf(report, "pid %d\n", int(child));
    std::fflush(report);

    int status = 0;
    bool exited = false;
    bool first = false;
    bool full = false;
    while (!g_stop && !exited && !full) {
        if (waitpid(child, &status, WNOHANG) == child) {
            exited = true;
            break;
        }
        const double elapsed = now_ms() - start;
        const Colours colours = distinct_colours(display, root, width, height, rows);
        if (!first && colours.all >= min_colours) {
            std::fprintf(report, "first_frame_ms %.1f\n", elapsed);
            std::fflush(report);
            first = true;
        }
        if (first && colours.left >= min_colours && colours.right >= min_colours) {
            std::fprintf(report, "full_frame_ms %.1f\n", elapsed);
            full = true;
            break;
        }
        if (elapsed > timeout_s * 1e3) {
            break;
        }
        sleep_ms(2);
    }
    if (!first) {
        std::fputs("first_frame_ms timeout\n", report);
    }
    if (!full) {
        std::fputs("full_frame_ms timeout\n", report);
    }
    std::fclose(report);
    XCloseDisplay(display);

    // From here on the probe only waits, so it costs nothing while the program is measured.
    while (!g_stop && !exited) {
        const pid_t got = waitpid(child, &status, 0);
        if (got == child) {
            exited = true;
        } else if (got < 0 && errno != EINTR) {
            break;
        }
    }
    if (!exited) {
        kill(-child, SIGTERM);
        const double deadline = now_ms() + 10e3;
        while (now_ms() < deadline) {
            if (waitpid(child, &status, WNOHANG) == child) {
                exited = true;
                break;
            }
            sleep_ms(20);
        }
        // Whatever is left of the group (a browser's helpers) goes too.
        kill(-child, SIGKILL);
        if (!exited) {
            waitpid(child, &status, 0);
        }
    }
    return full ? 0 : 1;
}

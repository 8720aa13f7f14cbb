#pragma once

// Test videos, made by the tests themselves with Debian's ffmpeg (testsrc2 patterns), once per
// build tree: tests/media/videos/ under the build directory.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "test_paths.hpp"

namespace keiji::test {

// The path of video `name`, made with `ffmpeg -y -v error ARGUMENTS PATH` when it is missing.
inline std::string test_video(const std::string& name, const std::string& arguments) {
    const std::filesystem::path folder = binary_path("tests/media/videos");
    std::filesystem::create_directories(folder);
    const std::filesystem::path path = folder / name;
    if (!std::filesystem::exists(path)) {
        const std::filesystem::path partial = folder / ("making-" + name);
        const std::string command =
            "ffmpeg -nostdin -y -v error " + arguments + " '" + partial.string() + "'";
        INFO("made with: ", command);
        REQUIRE(std::system(command.c_str()) == 0);
        std::filesystem::rename(partial, path);
    }
    return path.string();
}

// 320×180 at 30 frames a second for `seconds`, H.264 High 8-bit 4:2:0, with a tone.
inline std::string small_h264(int seconds = 2) {
    const std::string length = std::to_string(seconds);
    return test_video("h264-" + length + "s.mp4",
                      "-f lavfi -i testsrc2=size=320x180:rate=30:duration=" + length +
                          " -f lavfi -i sine=frequency=440:duration=" + length +
                          " -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest");
}

// The same without a sound track.
inline std::string silent_h264(int seconds = 2) {
    const std::string length = std::to_string(seconds);
    return test_video("h264-silent-" + length + "s.mp4",
                      "-f lavfi -i testsrc2=size=320x180:rate=30:duration=" + length +
                          " -c:v libx264 -preset ultrafast -pix_fmt yuv420p -an");
}

}  // namespace keiji::test

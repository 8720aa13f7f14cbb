#pragma once

#include <mutex>
#include <string>

// Functions of these libraries are defined here, not by the libraries: their definitions stay
// inside keiji (never exported, so the libraries' own calls to themselves are not taken over).
#define KEIJI_ON_DEMAND extern "C" __attribute__((visibility("hidden")))

namespace keiji::ondemand {

// A shared library opened the first time one of its functions is called, not when keiji starts.
// libcurl and libmosquitto bring some forty libraries with them (TLS twice, LDAP, Kerberos,
// SSH, RTMP), FFmpeg's libavcodec a hundred more (every codec it knows): a screen that plays
// local content never needs them, and a screen with a feed, MQTT or films needs them only
// after its first frame is up. Without them keiji starts about 20 ms sooner and its memory is
// about 5 MiB smaller (FFmpeg's would have cost far more).
class SharedLibrary {
public:
    // `file`: the soname ("libcurl.so.4"); `package`: the Debian package that installs it;
    // `needed_for`: what does not work without it, for the message.
    SharedLibrary(const char* file, const char* package, const char* needed_for)
        : m_file(file), m_package(package), m_needed_for(needed_for) {}

    // The function `name` of the library, opened now if it was not yet. Null when the library
    // or the function cannot be found: the reason goes to the standard error once.
    [[nodiscard]] void* symbol(const char* name);
    // Whether the library is open (after a symbol() call found it).
    [[nodiscard]] bool is_open();

    // Cast to the function type of `name`, e.g. function<decltype(curl_easy_init)>("...").
    template <typename Function>
    [[nodiscard]] Function* function(const char* name) {
        return reinterpret_cast<Function*>(symbol(name));
    }

private:
    void open();

    const char* m_file;
    const char* m_package;
    const char* m_needed_for;
    std::once_flag m_opened;
    void* m_handle = nullptr;
};

// The libraries keiji opens on demand: libcurl, libmosquitto, and FFmpeg's four (their
// sonames from the headers keiji was built with).
SharedLibrary& curl_library();
SharedLibrary& mosquitto_library();
enum class Ffmpeg { avutil, avcodec, avformat, swscale, swresample };
SharedLibrary& ffmpeg_library(Ffmpeg which);

}  // namespace keiji::ondemand

#include "ondemand/shared_library.hpp"

#include <dlfcn.h>
#include <fmt/format.h>

extern "C" {
#include <libavcodec/version.h>
#include <libavformat/version.h>
#include <libavutil/macros.h>
#include <libavutil/version.h>
#include <libswresample/version.h>
#include <libswscale/version.h>
}

#include <cstdio>

namespace keiji::ondemand {

void SharedLibrary::open() {
    // RTLD_LOCAL: its symbols serve only the calls made through symbol().
    m_handle = ::dlopen(m_file, RTLD_NOW | RTLD_LOCAL);
    if (m_handle == nullptr) {
        const char* reason = ::dlerror();
        fmt::print(stderr,
                   "keiji: {} cannot be opened ({}): {} will not work; install Debian's {} "
                   "(apt-get install {})\n",
                   m_file, reason != nullptr ? reason : "not found", m_needed_for, m_package,
                   m_package);
    }
}

void* SharedLibrary::symbol(const char* name) {
    std::call_once(m_opened, [this] { open(); });
    if (m_handle == nullptr) {
        return nullptr;
    }
    void* found = ::dlsym(m_handle, name);
    if (found == nullptr) {
        fmt::print(stderr, "keiji: {} has no function {}: install the {} that Debian 12 ships\n",
                   m_file, name, m_package);
    }
    return found;
}

bool SharedLibrary::is_open() {
    std::call_once(m_opened, [this] { open(); });
    return m_handle != nullptr;
}

SharedLibrary& curl_library() {
    static SharedLibrary library("libcurl.so.4", "libcurl4", "the feed and HTTP alerts");
    return library;
}

SharedLibrary& mosquitto_library() {
    static SharedLibrary library("libmosquitto.so.1", "libmosquitto1", "MQTT alerts");
    return library;
}

SharedLibrary& ffmpeg_library(Ffmpeg which) {
    static SharedLibrary avutil("libavutil.so." AV_STRINGIFY(LIBAVUTIL_VERSION_MAJOR),
                                "libavutil" AV_STRINGIFY(LIBAVUTIL_VERSION_MAJOR), "video");
    static SharedLibrary avcodec("libavcodec.so." AV_STRINGIFY(LIBAVCODEC_VERSION_MAJOR),
                                 "libavcodec" AV_STRINGIFY(LIBAVCODEC_VERSION_MAJOR), "video");
    static SharedLibrary avformat("libavformat.so." AV_STRINGIFY(LIBAVFORMAT_VERSION_MAJOR),
                                  "libavformat" AV_STRINGIFY(LIBAVFORMAT_VERSION_MAJOR), "video");
    static SharedLibrary swscale("libswscale.so." AV_STRINGIFY(LIBSWSCALE_VERSION_MAJOR),
                                 "libswscale" AV_STRINGIFY(LIBSWSCALE_VERSION_MAJOR), "video");
    static SharedLibrary swresample("libswresample.so." AV_STRINGIFY(LIBSWRESAMPLE_VERSION_MAJOR),
                                    "libswresample" AV_STRINGIFY(LIBSWRESAMPLE_VERSION_MAJOR),
                                    "film sound");
    switch (which) {
        case Ffmpeg::avutil:
            return avutil;
        case Ffmpeg::avcodec:
            return avcodec;
        case Ffmpeg::avformat:
            return avformat;
        case Ffmpeg::swresample:
            return swresample;
        case Ffmpeg::swscale:
            break;
    }
    return swscale;
}

}  // namespace keiji::ondemand

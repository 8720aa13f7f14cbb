// libcurl and libmosquitto are opened when first called, and a missing library is a failure
// the callers already handle, not a crash.
#include "ondemand/shared_library.hpp"

#include <curl/curl.h>
#include <doctest/doctest.h>
#include <mosquitto.h>

#include <string>

using keiji::ondemand::SharedLibrary;

TEST_CASE("on demand: a library that is not installed gives no functions, and says so") {
    SharedLibrary missing("libkeiji-not-installed.so.9", "keiji-nothing", "nothing at all");
    CHECK_FALSE(missing.is_open());
    CHECK(missing.symbol("curl_easy_init") == nullptr);
    auto* init = missing.function<decltype(curl_easy_init)>("curl_easy_init");
    CHECK(reinterpret_cast<void*>(init) == nullptr);
}

TEST_CASE("on demand: libcurl's functions reach libcurl, variadic options included") {
    CURL* handle = curl_easy_init();
    REQUIRE(handle != nullptr);
    CHECK(keiji::ondemand::curl_library().is_open());
    // One option of each kind of argument: a long, a string, a function, an off_t.
    CHECK(curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L) == CURLE_OK);
    CHECK(curl_easy_setopt(handle, CURLOPT_URL, "file:///nonexistent/keiji") == CURLE_OK);
    const auto discard = +[](char*, size_t size, size_t count, void*) { return size * count; };
    CHECK(curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, discard) == CURLE_OK);
    CHECK(curl_easy_setopt(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(1) << 20) == CURLE_OK);
    CHECK(curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, 2000L) == CURLE_OK);
    CHECK(curl_easy_perform(handle) == CURLE_FILE_COULDNT_READ_FILE);
    long code = -1;
    CHECK(curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &code) == CURLE_OK);
    CHECK(code == 0);
    CHECK(std::string(curl_easy_strerror(CURLE_FILE_COULDNT_READ_FILE)).find("file") !=
          std::string::npos);
    curl_easy_cleanup(handle);

    CURLU* url = curl_url();
    REQUIRE(url != nullptr);
    CHECK(curl_url_set(url, CURLUPART_URL, "https://www.city.minato.tokyo.jp/a/../b", 0) ==
          CURLUE_OK);
    char* path = nullptr;
    REQUIRE(curl_url_get(url, CURLUPART_PATH, &path, 0) == CURLUE_OK);
    CHECK(std::string(path) == "/b");
    curl_free(path);
    curl_url_cleanup(url);
    CHECK(curl_getdate("Sun, 29 Nov 2026 00:00:00 GMT", nullptr) == 1795910400);
}

TEST_CASE("on demand: libmosquitto's functions reach libmosquitto") {
    CHECK(mosquitto_lib_init() == MOSQ_ERR_SUCCESS);
    CHECK(keiji::ondemand::mosquitto_library().is_open());
    mosquitto* client = mosquitto_new("keiji-test", true, nullptr);
    REQUIRE(client != nullptr);
    // Nothing listens on port 1 of loopback: refused, and said in libmosquitto's words.
    const int connected = mosquitto_connect(client, "127.0.0.1", 1, 10);
    CHECK(connected != MOSQ_ERR_SUCCESS);
    CHECK(std::string(mosquitto_strerror(MOSQ_ERR_NOMEM)).find("memory") != std::string::npos);
    CHECK(std::string(mosquitto_connack_string(5)).find("authori") != std::string::npos);
    mosquitto_destroy(client);
}

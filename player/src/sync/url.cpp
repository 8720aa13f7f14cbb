#include "sync/url.hpp"

#include <curl/curl.h>
#include <fmt/format.h>

#include <filesystem>
#include <memory>

namespace keiji::sync {

namespace {

using UrlHandle = std::unique_ptr<CURLU, decltype(&curl_url_cleanup)>;

std::string part(CURLU* url, CURLUPart which) {
    char* text = nullptr;
    if (curl_url_get(url, which, &text, 0) != CURLUE_OK || text == nullptr) {
        return {};
    }
    std::string value(text);
    curl_free(text);
    return value;
}

bool has_scheme(std::string_view location) {
    const auto colon = location.find("://");
    return colon != std::string_view::npos && colon > 0 &&
           location.substr(0, colon).find('/') == std::string_view::npos;
}

}  // namespace

model::Result<std::string> feed_location_to_url(std::string_view location) {
    if (location.empty()) {
        return model::failure(std::string("no feed address is configured"));
    }
    if (has_scheme(location)) {
        UrlHandle url(curl_url(), &curl_url_cleanup);
        if (curl_url_set(url.get(), CURLUPART_URL, std::string(location).c_str(), 0) != CURLUE_OK) {
            return model::failure(fmt::format("\"{}\" is not a valid address", location));
        }
        const std::string scheme = part(url.get(), CURLUPART_SCHEME);
        if (scheme != "http" && scheme != "https" && scheme != "file") {
            return model::failure(fmt::format(
                "\"{}\": only http://, https:// and file:// feeds are supported", location));
        }
        return part(url.get(), CURLUPART_URL);
    }
    std::error_code error;
    std::filesystem::path path = std::filesystem::absolute(std::filesystem::path(location), error);
    if (error) {
        return model::failure(fmt::format("\"{}\": {}", location, error.message()));
    }
    if (std::filesystem::is_directory(path, error)) {
        path /= "feed.json";
    }
    UrlHandle url(curl_url(), &curl_url_cleanup);
    curl_url_set(url.get(), CURLUPART_SCHEME, "file", 0);
    curl_url_set(url.get(), CURLUPART_PATH, path.lexically_normal().c_str(), CURLU_URLENCODE);
    return part(url.get(), CURLUPART_URL);
}

model::Result<std::string> resolve_reference(std::string_view base, std::string_view reference) {
    UrlHandle url(curl_url(), &curl_url_cleanup);
    if (curl_url_set(url.get(), CURLUPART_URL, std::string(base).c_str(), 0) != CURLUE_OK) {
        return model::failure(fmt::format("\"{}\" is not a valid address", base));
    }
    const std::string base_scheme = part(url.get(), CURLUPART_SCHEME);
    const std::string base_path = part(url.get(), CURLUPART_PATH);
    // With a base set, curl resolves a relative reference the way a browser does (RFC 3986).
    if (curl_url_set(url.get(), CURLUPART_URL, std::string(reference).c_str(), 0) != CURLUE_OK) {
        return model::failure(fmt::format("\"{}\" is not a valid address", reference));
    }
    const std::string scheme = part(url.get(), CURLUPART_SCHEME);
    const std::string folder = base_path.substr(0, base_path.rfind('/') + 1);
    const std::string path = part(url.get(), CURLUPART_PATH);
    // A relative reference that climbs above the feed's folder is a mistake or an attack
    // ("../../etc/passwd"); a web feed may name files elsewhere only by a full address.
    const bool relative = !has_scheme(reference) && !reference.starts_with("//");
    if ((base_scheme == "file" || relative) && !path.starts_with(folder)) {
        return model::failure(
            fmt::format("\"{}\" points outside the feed's folder {}; refused", reference, folder));
    }
    if (base_scheme == "file") {
        if (scheme != "file") {
            return model::failure(fmt::format(
                "\"{}\" is not a file in the feed's folder {}; refused", reference, folder));
        }
    } else if (scheme != "http" && scheme != "https") {
        return model::failure(fmt::format(
            "\"{}\" is not an http(s) address; a web feed may only point to web files", reference));
    }
    return part(url.get(), CURLUPART_URL);
}

}  // namespace keiji::sync

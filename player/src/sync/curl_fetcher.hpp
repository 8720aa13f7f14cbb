#pragma once

#include <curl/curl.h>

#include <memory>

#include "model/error.hpp"
#include "sync/fetcher.hpp"

namespace keiji::sync {

// Fetcher over libcurl: http, https (certificates verified) and file; redirects followed a few
// times and only to http(s); proxies from the usual environment variables (https_proxy, …).
// One handle is reused, so the files of one sync share a connection. Not thread-safe: one
// fetcher per thread.
class CurlFetcher final : public Fetcher {
public:
    explicit CurlFetcher(FetchLimits limits = {});
    [[nodiscard]] model::Result<FetchResult> fetch(const FetchRequest& request,
                                                   const BodySink& sink) override;

private:
    FetchLimits m_limits;
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> m_curl;
};

}  // namespace keiji::sync

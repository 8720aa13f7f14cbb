#pragma once

// An in-memory web server for sync tests: a map from URL to body, with ETags, 304s, and faults.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sync/fetcher.hpp"

namespace keiji::test {

class FakeFetcher final : public sync::Fetcher {
public:
    struct Page {
        std::string body;
        std::string etag;
        std::optional<std::string> failure;    // Fetching fails with this, like a dead server.
        std::optional<std::size_t> cut_after;  // The connection drops after this many bytes.
    };
    std::map<std::string, Page> pages;
    std::vector<std::string> requested;  // Every URL asked for, in order.

    keiji::model::Result<sync::FetchResult> fetch(const sync::FetchRequest& request,
                                                  const sync::BodySink& sink) override {
        requested.push_back(request.url);
        const auto found = pages.find(request.url);
        if (found == pages.end()) {
            return keiji::model::failure(request.url + ": the server answered HTTP 404");
        }
        const Page& page = found->second;
        if (page.failure) {
            return keiji::model::failure(*page.failure);
        }
        sync::FetchResult result{.etag = page.etag, .header_bytes = 100};
        if (!page.etag.empty() && request.if_none_match == page.etag) {
            result.not_modified = true;
            return result;
        }
        std::string_view body = page.body;
        if (page.cut_after) {
            body = body.substr(0, *page.cut_after);
        }
        if (request.max_bytes > 0 && std::int64_t(body.size()) > request.max_bytes) {
            return keiji::model::failure(request.url + ": larger than allowed");
        }
        // Two pieces, as a network would deliver them.
        const std::size_t half = body.size() / 2;
        if (!sink(body.substr(0, half)) || !sink(body.substr(half))) {
            return keiji::model::failure(request.url + ": refused");
        }
        if (page.cut_after) {
            return keiji::model::failure(request.url + ": Transferred a partial file");
        }
        result.body_bytes = std::int64_t(body.size());
        return result;
    }
};

}  // namespace keiji::test

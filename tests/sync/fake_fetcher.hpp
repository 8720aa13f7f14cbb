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
        bool ignores_range = false;            // Answers a resumed request with the whole body.
    };
    std::map<std::string, Page> pages;
    std::vector<std::string> requested;      // Every URL asked for, in order.
    std::vector<std::int64_t> resumed_from;  // Every request's resume_from, in order.

    keiji::model::Result<sync::FetchResult> fetch(const sync::FetchRequest& request,
                                                  const sync::BodySink& sink) override {
        requested.push_back(request.url);
        resumed_from.push_back(request.resume_from);
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
        if (request.resume_from > 0 && !page.ignores_range) {
            if (request.resume_from >= std::int64_t(body.size())) {
                return keiji::model::failure(request.url + ": the server answered HTTP 416");
            }
            body = body.substr(std::size_t(request.resume_from));  // 206, the rest.
            result.resumed = true;
        } else if (request.resume_from > 0 && (!request.start_over || !request.start_over())) {
            return keiji::model::failure(request.url + ": refused");
        }
        const bool cut = page.cut_after && *page.cut_after < body.size();
        if (cut) {
            body = body.substr(0, *page.cut_after);
        }
        if (request.max_bytes > 0 &&
            std::int64_t(body.size()) + (result.resumed ? request.resume_from : 0) >
                request.max_bytes) {
            return keiji::model::failure(request.url + ": larger than allowed");
        }
        // Two pieces, as a network would deliver them.
        const std::size_t half = body.size() / 2;
        if (!sink(body.substr(0, half)) || !sink(body.substr(half))) {
            return keiji::model::failure(request.url + ": refused");
        }
        if (cut) {
            return keiji::model::failure(request.url + ": Transferred a partial file");
        }
        result.body_bytes = std::int64_t(body.size());
        return result;
    }
};

}  // namespace keiji::test

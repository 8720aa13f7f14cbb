// The alert state machine, table-driven, with the time passed in.
#include "alert/alert_book.hpp"

#include <doctest/doctest.h>

#include <functional>

#include "alert_fixtures.hpp"

using namespace keiji;
using alert::Reason;
using test::alert_payload;
using test::at;

namespace {

const model::TimePoint now = test::at("2026-09-01T10:00:00+09:00");

struct Case {
    const char* name;
    // Builds the envelope under test from the trusted signer and an untrusted one.
    std::function<std::string(const test::Signer& trusted, const test::Signer& other)> envelope;
    Reason expected;
};

}  // namespace

TEST_CASE("alert book: what a fresh screen accepts and rejects") {
    const test::Signer trusted = test::Signer::make("minato-bousai-2026");
    const test::Signer other = test::Signer::make("minato-bousai-2026");
    const Case cases[] = {
        {"a valid signed alert",
         [](const auto& t, const auto&) { return t.sign(alert_payload("a", 1).dump()); },
         Reason::accepted_new},
        {"not JSON", [](const auto&, const auto&) { return std::string("hello"); },
         Reason::malformed_envelope},
        {"unsigned",
         [](const auto&, const auto&) {
             return nlohmann::json{{"key_id", "minato-bousai-2026"},
                                   {"payload", alert_payload("a", 1).dump()}}
                 .dump();
         },
         Reason::malformed_envelope},
        {"signed by a key that is not configured",
         [](const auto&, const auto& o) {
             test::Signer renamed = o;
             renamed.key_id = "someone-else";
             return renamed.sign(alert_payload("a", 1).dump());
         },
         Reason::unknown_key},
        {"a configured key_id but the wrong key",
         [](const auto&, const auto& o) { return o.sign(alert_payload("a", 1).dump()); },
         Reason::bad_signature},
        {"tampered payload",
         [](const auto& t, const auto&) {
             auto envelope = nlohmann::json::parse(t.sign(alert_payload("a", 1).dump()));
             auto payload = alert_payload("a", 1);
             payload["level"] = 5;
             envelope["payload"] = payload.dump();
             return envelope.dump();
         },
         Reason::bad_signature},
        {"signed but not an alert",
         [](const auto& t, const auto&) { return t.sign(R"({"identifier": "a"})"); },
         Reason::invalid_payload},
        {"expired",
         [](const auto& t, const auto&) {
             return t.sign(alert_payload("a", 1, "Alert", 4, "2026-09-01T09:59:59+09:00").dump());
         },
         Reason::expired},
        {"a Cancel for something never shown",
         [](const auto& t, const auto&) { return t.sign(alert_payload("a", 1, "Cancel").dump()); },
         Reason::accepted_cancel},
    };
    for (const Case& entry : cases) {
        CAPTURE(entry.name);
        alert::AlertBook book(trusted.ring());
        const alert::Verdict verdict = book.receive(entry.envelope(trusted, other), now);
        CHECK(verdict.reason == entry.expected);
        CHECK(book.active().size() == (entry.expected == Reason::accepted_new ? 1U : 0U));
        CHECK_FALSE(verdict.describe().empty());
    }
}

TEST_CASE("alert book: sequences of one identifier") {
    const test::Signer signer = test::Signer::make("k");
    struct Step {
        std::string payload;
        Reason expected;
        std::size_t active_after;
        int level_on_screen;  // 0: nothing on screen.
    };
    const Step steps[] = {
        {alert_payload("a", 2).dump(), Reason::accepted_new, 1, 4},
        {alert_payload("a", 2).dump(), Reason::replayed, 1, 4},
        {alert_payload("a", 1, "Alert", 3).dump(), Reason::older_sequence, 1, 4},
        {alert_payload("a", 3, "Update", 5).dump(), Reason::accepted_update, 1, 5},
        {alert_payload("a", 4, "Cancel").dump(), Reason::accepted_cancel, 0, 0},
        {alert_payload("a", 3, "Update", 5).dump(), Reason::older_sequence, 0, 0},
        {alert_payload("a", 5, "Alert", 3).dump(), Reason::accepted_new, 1, 3},
    };
    alert::AlertBook book(signer.ring());
    int index = 0;
    for (const Step& step : steps) {
        CAPTURE(index++);
        CHECK(book.receive(signer.sign(step.payload), now).reason == step.expected);
        REQUIRE(book.active().size() == step.active_after);
        if (step.level_on_screen != 0) {
            CHECK(book.active().front()->alert.level == step.level_on_screen);
        }
    }
}

TEST_CASE("alert book: the exact same envelope twice is a replay") {
    const test::Signer signer = test::Signer::make("k");
    alert::AlertBook book(signer.ring());
    const std::string envelope = signer.sign(alert_payload("a", 1).dump());
    CHECK(book.receive(envelope, now).reason == Reason::accepted_new);
    CHECK(book.receive(envelope, now).reason == Reason::replayed);
}

TEST_CASE("alert book: an Update or Cancel may name other identifiers in references") {
    const test::Signer signer = test::Signer::make("k");
    alert::AlertBook book(signer.ring());
    CHECK(book.receive(signer.sign(alert_payload("old", 1).dump()), now).accepted());
    auto update = alert_payload("new", 1, "Update", 5);
    update["references"] = {"bousai@city.minato.tokyo.jp,old,2026-09-01T09:55:00+09:00"};
    CHECK(book.receive(signer.sign(update.dump()), now).reason == Reason::accepted_update);
    REQUIRE(book.active().size() == 1);
    CHECK(book.active().front()->alert.identifier == "new");
    auto cancel = alert_payload("end", 1, "Cancel");
    cancel["references"] = {"new"};
    CHECK(book.receive(signer.sign(cancel.dump()), now).reason == Reason::accepted_cancel);
    CHECK(book.active().empty());
}

TEST_CASE("alert book: several alerts are ordered by level, then real before drills") {
    const test::Signer signer = test::Signer::make("k");
    alert::AlertBook book(signer.ring());
    auto drill = alert_payload("drill", 1, "Alert", 5);
    drill["status"] = "Exercise";
    const nlohmann::json payloads[] = {alert_payload("three", 1, "Alert", 3), drill,
                                       alert_payload("five", 1, "Alert", 5),
                                       alert_payload("four", 1, "Alert", 4)};
    for (const auto& payload : payloads) {
        REQUIRE(book.receive(signer.sign(payload.dump()), now).accepted());
    }
    std::vector<std::string> order;
    for (const auto* active : book.active()) {
        order.push_back(active->alert.identifier);
    }
    CHECK(order == std::vector<std::string>{"five", "drill", "four", "three"});
}

TEST_CASE("alert book: alerts expire at their time, and the next expiry is known") {
    const test::Signer signer = test::Signer::make("k");
    alert::AlertBook book(signer.ring());
    REQUIRE(
        book.receive(signer.sign(
                         alert_payload("soon", 1, "Alert", 3, "2026-09-01T10:30:00+09:00").dump()),
                     now)
            .accepted());
    REQUIRE(book.receive(signer.sign(alert_payload("later", 1).dump()), now).accepted());
    CHECK(book.next_expiry() == at("2026-09-01T10:30:00+09:00"));
    CHECK(book.expire(at("2026-09-01T10:29:59+09:00")).empty());
    CHECK(book.expire(at("2026-09-01T10:30:00+09:00")) == std::vector<std::string>{"soon"});
    CHECK(book.active().size() == 1);
    CHECK(book.next_expiry() == at("2026-09-01T18:00:00+09:00"));
}

TEST_CASE("alert book: restored state keeps the alerts and still refuses replays") {
    const test::Signer signer = test::Signer::make("k");
    alert::AlertBook book(signer.ring());
    const std::string first = signer.sign(alert_payload("a", 1).dump());
    REQUIRE(book.receive(first, now).accepted());
    REQUIRE(book.receive(signer.sign(alert_payload("b", 7, "Cancel").dump()), now).accepted());
    const std::string state = book.serialize();

    std::vector<alert::Verdict> log;
    alert::AlertBook restored =
        alert::AlertBook::restore(state, signer.ring(), at("2026-09-01T11:00:00+09:00"), &log);
    REQUIRE(restored.active().size() == 1);
    CHECK(restored.active().front()->alert.identifier == "a");
    CHECK(restored.receive(first, now).reason == Reason::replayed);
    CHECK(restored.receive(signer.sign(alert_payload("b", 6).dump()), now).reason ==
          Reason::older_sequence);

    SUBCASE("after expiry nothing comes back") {
        alert::AlertBook late =
            alert::AlertBook::restore(state, signer.ring(), at("2026-09-02T00:00:00+09:00"));
        CHECK(late.active().empty());
    }
    SUBCASE("a key removed from the configuration no longer shows its alerts") {
        alert::AlertBook revoked = alert::AlertBook::restore(state, alert::KeyRing{}, now);
        CHECK(revoked.active().empty());
    }
    SUBCASE("garbage state starts empty") {
        alert::AlertBook empty = alert::AlertBook::restore("{", signer.ring(), now, &log);
        CHECK(empty.active().empty());
    }
}

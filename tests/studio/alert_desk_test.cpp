// The disaster office's desk: every template composes into an alert screens accept, in every
// language; who may send; the shelter list; preview, Exercise and Actual, Update and Cancel; and
// what reaches the alert folder is signed by the desk's key.
#include <doctest/doctest.h>

#include "alert/alert_parser.hpp"
#include "alert/desk.hpp"
#include "alert/key_files.hpp"
#include "schedule/local_time.hpp"
#include "storage/file_io.hpp"
#include "studio/alert_templates.hpp"
#include "studio_fixture.hpp"

using keiji::test::Browser;
using keiji::test::colleague;
using keiji::test::StudioFixture;
using namespace keiji;

namespace {

const nlohmann::json shelters = {
    {{"id", "shiba-es"},
     {"name", {{"ja", "港区立芝小学校"}, {"en", "Shiba Elementary School"}}},
     {"address", {{"ja", "芝公園四丁目"}, {"en", "Shibakoen 4"}}}},
    {{"id", "shibakoen"},
     {"name", {{"ja", "芝公園"}, {"ja-x-easy", "芝公園《しばこうえん》"}, {"en", "Shiba Park"}}},
     {"address", nlohmann::json::object()}}};

const nlohmann::json rain_form = {{"template", "rain-4"},
                                  {"area", {{"ja", "芝地区"}, {"en", "Shiba"}}},
                                  {"shelters", {"shiba-es", "shibakoen"}}};

}  // namespace

TEST_CASE("alert desk: every template makes an alert screens accept, in five languages") {
    const auto& templates = studio::alert_templates();
    REQUIRE(templates.size() == 8);
    const std::vector<studio::DeskShelter> known = studio::shelters_from_json(shelters).value();
    const auto zone = schedule::find_time_zone().value();
    for (const studio::AlertTemplate& alert_template : templates) {
        CAPTURE(alert_template.id);
        const studio::AlertForm form{
            .template_id = alert_template.id,
            .area = model::LocalizedText({{"ja", "港区全域"}, {"en", "all of Minato City"}}),
            .shelters = alert_template.shelters == "none" ? std::vector<std::string>{}
                                                          : std::vector<std::string>{"shiba-es"}};
        const auto payload =
            studio::compose_alert(alert_template, form, known,
                                  {.identifier = "studio-test",
                                   .sender = "bousai@keiji-studio",
                                   .sent = *model::parse_timestamp("2026-09-01T05:30:00Z")},
                                  *zone);
        REQUIRE(payload.has_value());
        const std::string text = payload->dump();
        CHECK(text.find("{area}") == std::string::npos);
        CHECK(text.find("{time}") == std::string::npos);
        const auto alert = alert::parse_alert(text, "composed");
        REQUIRE_MESSAGE(alert.has_value(), (alert ? "" : alert.error().front().text()));
        CHECK(alert->info.size() == 5);
        CHECK(alert->status == alert::Status::exercise);  // The default.
        CHECK(alert->level == alert_template.level);
        for (const std::string_view language : studio::desk_languages) {
            CHECK(alert->has_language(language));
        }
    }
    // The area and the time land in each language as that language writes them (14:30 JST).
    const auto rain = std::ranges::find(templates, "rain-4", &studio::AlertTemplate::id);
    const auto payload = studio::compose_alert(
        *rain,
        {.template_id = "rain-4",
         .area = model::LocalizedText({{"ja", "芝地区"}, {"en", "Shiba"}})},
        known,
        {.identifier = "x", .sender = "s", .sent = *model::parse_timestamp("2026-09-01T05:30:00Z")},
        *zone);
    REQUIRE(payload.has_value());
    CHECK((*payload)["info"][0]["headline"] == "芝地区に避難指示を発令しました");
    CHECK((*payload)["info"][0]["instruction"].get<std::string>().find("(14時30分発令)") !=
          std::string::npos);
    CHECK((*payload)["info"][2]["headline"] == "Evacuation order: Shiba");
    CHECK((*payload)["info"][4]["headline"] ==
          "Shiba에 피난 지시 발령");                         // Korean: the English name.
    CHECK((*payload)["expires"] == "2026-09-01T17:30:00Z");  // The template's 12 hours.
    // Shelters: Korean screens read the English name rather than kanji.
    const auto with_shelter = studio::compose_alert(
        *rain,
        {.template_id = "rain-4",
         .area = model::LocalizedText(
             std::map<std::string, std::string, std::less<>>{{"ja", "芝地区"}}),
         .shelters = {"shiba-es"}},
        known,
        {.identifier = "x", .sender = "s", .sent = *model::parse_timestamp("2026-09-01T05:30:00Z")},
        *zone);
    REQUIRE(with_shelter.has_value());
    CHECK((*with_shelter)["shelters"][0]["name"]["ko"] == "Shiba Elementary School");
    CHECK((*with_shelter)["shelters"][0]["name"]["ja"] == "港区立芝小学校");
    CHECK((*with_shelter)["info"][2]["headline"] ==
          "Evacuation order: 芝地区");  // No English name.
}

TEST_CASE("alert desk: what the form lacks is said, and a drill is never Actual") {
    const auto& templates = studio::alert_templates();
    const auto zone = schedule::find_time_zone().value();
    const auto template_of = [&](std::string_view id) {
        return *std::ranges::find(templates, id, &studio::AlertTemplate::id);
    };
    const studio::AlertNumbering numbering{
        .identifier = "x", .sender = "s", .sent = *model::parse_timestamp("2026-09-01T05:30:00Z")};
    const auto ja = [](const model::Result<nlohmann::json>& result) {
        return result ? std::string() : result.error().text("ja");
    };
    CHECK(ja(studio::compose_alert(template_of("rain-4"), {.template_id = "rain-4"}, {}, numbering,
                                   *zone)) == "対象の地域を日本語で入れてください(例:港区全域)");
    const model::LocalizedText area(
        std::map<std::string, std::string, std::less<>>{{"ja", "港区全域"}});
    CHECK(ja(studio::compose_alert(
              template_of("drill"), {.template_id = "drill", .area = area, .status = "Actual"}, {},
              numbering, *zone)) == "防災訓練のテンプレートは訓練としてだけ送れます");
    CHECK(ja(studio::compose_alert(template_of("shelter-open"),
                                   {.template_id = "shelter-open", .area = area}, {}, numbering,
                                   *zone)) == "開設した避難所を 1 つ以上選んでください");
    CHECK(ja(studio::compose_alert(template_of("rain-4"),
                                   {.template_id = "rain-4", .area = area, .shelters = {"nowhere"}},
                                   {}, numbering, *zone)) == "避難所「nowhere」は一覧にありません");
    CHECK(ja(studio::compose_alert(template_of("rain-4"),
                                   {.template_id = "rain-4", .area = area, .hours = 500}, {},
                                   numbering, *zone)) == "表示する時間は 1〜72 時間にしてください");
}

TEST_CASE("alert desk: only the disaster office sends, and it previews, updates and cancels") {
    StudioFixture fixture("alert-desk");
    Browser admin(fixture.port);
    REQUIRE(admin.login("admin", fixture.admin_password) == 200);
    Browser editor = colleague(fixture, admin, "sato", "editor");
    Browser bousai = colleague(fixture, admin, "bousai1", "bousai");

    CHECK(editor.get("/api/alerts/templates").first == 403);
    CHECK(editor.send("POST", "/api/alerts", rain_form).first == 403);
    CHECK(admin.get("/api/alerts/templates").first == 200);                    // Admins may look...
    CHECK(admin.send("POST", "/api/alerts", rain_form).first == 403);          // ...not send.
    CHECK(bousai.send("POST", "/api/alerts", rain_form, false).first == 403);  // No CSRF token.

    // The shelter list: a typo'd id first, then the real list.
    nlohmann::json wrong = shelters;
    wrong[1]["id"] = "Shiba Koen";
    const auto [refused, why] = bousai.send("PUT", "/api/alerts/shelters", {{"shelters", wrong}});
    CHECK(refused == 400);
    CHECK(why["error"]["ja"].get<std::string>().find("避難所 2 行目") != std::string::npos);
    REQUIRE(bousai.send("PUT", "/api/alerts/shelters", {{"shelters", shelters}}).first == 200);
    CHECK(bousai.get("/api/alerts/shelters").second["shelters"].size() == 2);

    // The preview: the takeover in each language, as PNG pictures at 1920×1080.
    const auto [previewed, drawn] = bousai.send("POST", "/api/alerts/preview", rain_form);
    REQUIRE(previewed == 200);
    REQUIRE(drawn["frames"].size() == 5);
    CHECK(drawn["frames"][1]["language"] == "ja-x-easy");
    auto picture =
        bousai.client.Get(drawn["frames"][0]["url"].get<std::string>(), bousai.headers());
    REQUIRE(picture);
    REQUIRE(picture->status == 200);
    CHECK(picture->body.substr(1, 3) == "PNG");
    const auto be32 = [&](std::size_t at) {
        return (unsigned(std::uint8_t(picture->body[at])) << 24) |
               (unsigned(std::uint8_t(picture->body[at + 1])) << 16) |
               (unsigned(std::uint8_t(picture->body[at + 2])) << 8) |
               unsigned(std::uint8_t(picture->body[at + 3]));
    };
    CHECK(be32(16) == 1920);
    CHECK(be32(20) == 1080);

    // Exercise by default; Actual needs its second confirmation.
    const auto [sent, first] = bousai.send("POST", "/api/alerts", rain_form);
    REQUIRE(sent == 201);
    const std::string identifier = first["message"]["identifier"];
    CHECK(first["message"]["status"] == "Exercise");
    CHECK(first["message"]["delivery"]["folder"] == "sent");
    CHECK(first["message"]["delivery"]["mqtt"] == "not configured");
    nlohmann::json actual = rain_form;
    actual["status"] = "Actual";
    const auto [unconfirmed, warning] = bousai.send("POST", "/api/alerts", actual);
    CHECK(unconfirmed == 409);
    CHECK(warning["error"]["ja"].get<std::string>().find("もう一度確認") != std::string::npos);

    // What reached the folder is signed by the desk's key and a screen accepts it.
    const auto envelope =
        storage::read_file(fixture.data / "publish" / "alerts" / "alert.json").value();
    const auto keys = alert::KeyRing::parse(
        storage::read_file(fixture.data / "keys" / "keiji-studio-bousai.public.json").value());
    REQUIRE(keys.has_value());
    const alert::Verdict verdict = alert::verify_envelope(
        envelope, *keys,
        std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
    CHECK_MESSAGE(verdict.reason == alert::Reason::accepted_new, verdict.describe());
    CHECK(verdict.identifier == identifier);

    // An update of the same incident is its next message; a cancel ends it.
    nlohmann::json update = rain_form;
    update["template"] = "rain-5";
    update["update_of"] = identifier;
    update["shelters"] = nlohmann::json::array();
    const auto [updated, second] = bousai.send("POST", "/api/alerts", update);
    REQUIRE(updated == 201);
    CHECK(second["message"]["identifier"] == identifier);
    CHECK(second["message"]["sequence"] == 2);
    CHECK(second["message"]["msgType"] == "Update");
    CHECK(bousai.get("/api/alerts").second["in_force"].size() == 1);
    const auto [cancelled, third] =
        bousai.send("POST", "/api/alerts/" + identifier + "/cancel", nlohmann::json::object());
    REQUIRE(cancelled == 201);
    CHECK(third["message"]["sequence"] == 3);
    CHECK(third["message"]["msgType"] == "Cancel");
    CHECK(bousai.get("/api/alerts").second["in_force"].empty());
    CHECK(bousai.get("/api/alerts").second["recent"].size() == 3);
    CHECK(bousai.send("POST", "/api/alerts/" + identifier + "/cancel", nlohmann::json::object())
              .first == 404);
    update["update_of"] = identifier;
    CHECK(bousai.send("POST", "/api/alerts", update).first == 404);  // Nothing left to update.

    const auto [audited, log] = admin.get("/api/audit");
    REQUIRE(audited == 200);
    std::string actions;
    for (const auto& entry : log["entries"]) {
        actions += entry["action"].get<std::string>() + " ";
    }
    CHECK(actions.find("alert.cancel") != std::string::npos);
    CHECK(actions.find("alert.update") != std::string::npos);
    CHECK(actions.find("alert.issue") != std::string::npos);
}

#include "model/localized_text.hpp"

#include <doctest/doctest.h>

using keiji::model::is_known_language_tag;
using keiji::model::LocalizedText;

TEST_CASE("localized text: exact language, then Japanese, then anything") {
    const LocalizedText text({{"ja", "郡上市"}, {"en", "Gujo City"}});
    CHECK(text.pick("en") == "Gujo City");
    CHECK(text.pick("ja") == "郡上市");
    CHECK(text.pick("ko") == "郡上市");
    const LocalizedText english_only(
        std::map<std::string, std::string, std::less<>>{{"en", "only English"}});
    CHECK(english_only.pick("ja") == "only English");
    CHECK(LocalizedText().pick("ja").empty());
}

TEST_CASE("language tags: the ones staff write, and their typos") {
    for (const char* good : {"ja", "ja-x-easy", "en", "zh-Hans", "zh-Hant", "ko", "pt-BR", "vi"}) {
        CAPTURE(good);
        CHECK(is_known_language_tag(good));
    }
    for (const char* bad : {"jp", "en_US", "", "ja-", "english", "zh--Hans", "cn"}) {
        CAPTURE(bad);
        CHECK_FALSE(is_known_language_tag(bad));
    }
}

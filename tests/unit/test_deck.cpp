#include <doctest/doctest.h>

#include <map>
#include <string>

#include "content/deck.hpp"
#include "temp_dir.hpp"

using namespace claimdeck;
using claimdeck::testing::TempDir;

namespace {

const std::string kArticleA = "Headline A\n\nThe valley lies 80km north of Kabul.\n\nSecond paragraph here.\n";
const std::string kArticleB = "Headline B\n\nIt is 80 kilometres from the capital.\n";

using Fields = std::map<std::string, std::string>;  // field name -> raw JSON value

// The one claim of a small deck that passes every check; each test changes
// or removes fields of it.
Fields good_claim() {
    return {{"id", R"("a-distance")"},
            {"article", R"("a")"},
            {"text", R"("The valley is 80 km north of Kabul.")"},
            {"quote", R"("The valley lies 80km north of Kabul.")"},
            {"span", "[12, 48]"},
            {"topic", R"("distance")"},
            {"verdict", R"("verified")"},
            {"rationale", R"("Maps agree.")"},
            {"techniques", "[]"},
            {"evidence", R"([{"article": "b", "quote": "It is 80 kilometres from the capital.",
                              "span": [12, 49], "stance": "corroborates"}])"}};
}

std::string to_json(const Fields& fields) {
    std::string json = "{";
    for (const auto& [name, value] : fields) json += (json.size() > 1 ? ", \"" : "\"") + name + "\": " + value;
    return json + "}";
}

std::string good_deck(const Fields& changes = {}, const std::string& extra_claims = "") {
    Fields claim = good_claim();
    for (const auto& [name, value] : changes) claim[name] = value;
    return R"({
  "format_version": 1, "id": "mini", "version": 1, "title": "Mini",
  "articles": [
    {"id": "a", "file": "a.txt", "title": "Headline A", "byline": "", "provenance": "test"},
    {"id": "b", "file": "b.txt", "title": "Headline B"}
  ],
  "topics": [{"id": "distance", "title": "Distance from Kabul"}],
  "claims": [)" +
           to_json(claim) + extra_claims + "]}";
}

struct MiniDeck {
    TempDir dir;
    std::filesystem::path deck_file;
    explicit MiniDeck(const std::string& json) {
        dir.write("articles/a.txt", kArticleA);
        dir.write("articles/b.txt", kArticleB);
        deck_file = dir.write("decks/mini.json", json);
    }
    DeckLoadResult load(const DeckLimits& limits = {}) const { return load_deck(deck_file, limits); }
};

bool mentions(const DeckLoadResult& result, const std::string& place, const std::string& words) {
    for (const Problem& p : result.problems)
        if (p.place.find(place) != std::string::npos && p.message.find(words) != std::string::npos) return true;
    return false;
}

std::string all_problems(const DeckLoadResult& result) { return describe_all(result.problems); }

}  // namespace

TEST_CASE("a well-formed deck loads with its article texts and indexes") {
    MiniDeck mini(good_deck());
    DeckLoadResult result = mini.load();
    REQUIRE_MESSAGE(result.problems.empty(), all_problems(result));
    REQUIRE(result.deck);
    const Deck& deck = *result.deck;
    CHECK(deck.claims.size() == 1);
    CHECK(deck.article("b")->text == kArticleB);
    CHECK(deck.claim("a-distance")->evidence.at(0).stance == Stance::Corroborates);
    CHECK(deck.claim("nope") == nullptr);
}

TEST_CASE("malformed JSON is reported with its line and column") {
    MiniDeck mini("{\n  \"format_version\": 1,\n  \"id\": \"x\" \"title\": 2\n}");
    DeckLoadResult result = mini.load();
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].place == "line 3, column 13");
    CHECK(result.problems[0].file == mini.deck_file.string());
    CHECK_FALSE(result.deck);
}

TEST_CASE("deeply nested JSON and oversized strings are refused before parsing") {
    MiniDeck nested(std::string(10000, '[') + std::string(10000, ']'));
    CHECK(mentions(nested.load(), "", "list"));
    MiniDeck deep("{\"a\":" + std::string(100, '[') + std::string(100, ']') + "}");
    CHECK(mentions(deep.load(), "line 1", "nested more than 16 levels"));
    MiniDeck long_string("{\"id\": \"" + std::string(70000, 'x') + "\"}");
    CHECK(mentions(long_string.load(), "line 1", "longer than the limit"));
}

TEST_CASE("a file over the size cap is refused without reading it") {
    MiniDeck mini(good_deck());
    DeckLimits limits;
    limits.max_deck_bytes = 100;
    DeckLoadResult result = mini.load(limits);
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].message.find("more than the limit of 100") != std::string::npos);
}

TEST_CASE("every missing field of a claim is reported by claim id and field") {
    MiniDeck mini(good_deck({{"verdict", R"("propaganda")"}}, R"(, {"id": "bare", "article": "a"})"));
    DeckLoadResult result = mini.load();
    for (const char* field : {"text", "quote", "span", "topic", "verdict", "rationale", "evidence"})
        CHECK_MESSAGE(mentions(result, std::string("claim \"bare\", field \"") + field + "\"", "missing"), field);
    CHECK_FALSE(mentions(result, "claim \"bare\", field \"known_now\"", ""));
}

TEST_CASE("each content check names the claim and the field") {
    SUBCASE("unknown article") {
        CHECK(mentions(MiniDeck(good_deck({{"article", R"("zzz")"}})).load(), "claim \"a-distance\", field \"article\"",
                       "not an article"));
    }
    SUBCASE("quote not at its span, with the place where it is") {
        auto result = MiniDeck(good_deck({{"span", R"([0, 36])"}})).load();
        CHECK(mentions(result, "field \"quote\"", "is in the article at [12, 48]"));
    }
    SUBCASE("quote not in the article at all") {
        auto result = MiniDeck(good_deck({{"quote", R"("The valley lies 90km north of Kabul.")"}})).load();
        CHECK(mentions(result, "field \"quote\"", "not in the article word for word"));
    }
    SUBCASE("span past the end of the article") {
        CHECK(
            mentions(MiniDeck(good_deck({{"span", R"([12, 4000])"}})).load(), "field \"quote\"", "runs past the end"));
    }
    SUBCASE("unknown verdict") {
        CHECK(mentions(MiniDeck(good_deck({{"verdict", R"("true")"}})).load(), "field \"verdict\"",
                       "not one of verified, contested, propaganda"));
    }
    SUBCASE("unknown technique and words not in the quote") {
        auto result = MiniDeck(good_deck({{"techniques", R"([{"name": "Lying", "words": ["Paris"]}])"}})).load();
        CHECK(mentions(result, "field \"techniques\"", "\"Lying\" is not one of the 18"));
        CHECK(mentions(result, "field \"techniques\"", "\"Paris\""));
    }
    SUBCASE("an empty entry among a technique's words, next to a good one") {
        auto result =
            MiniDeck(good_deck({{"techniques", R"([{"name": "Loaded Language", "words": ["valley", ""]}])"}})).load();
        CHECK_FALSE(result.deck.has_value());
        REQUIRE(result.problems.size() == 1);
        CHECK(result.problems[0].message == "the words \"\" of \"Loaded Language\" are not in the quote");
    }
    SUBCASE("propaganda without a technique") {
        CHECK(mentions(MiniDeck(good_deck({{"verdict", R"("propaganda")"}})).load(), "field \"techniques\"",
                       "needs at least one technique"));
    }
    SUBCASE("duplicate claim ids") {
        CHECK(mentions(MiniDeck(good_deck({}, ", " + to_json(good_claim()))).load(), "claim \"a-distance\"",
                       "used twice"));
    }
    SUBCASE("evidence citing the claim's own article") {
        auto result = MiniDeck(good_deck({{"evidence", R"([{"article": "a", "quote": "Second paragraph here.",
                                                             "span": [50, 72], "stance": "qualifies"}])"}}))
                          .load();
        CHECK(mentions(result, "field \"evidence[0]\"", "own article"));
    }
    SUBCASE("empty rationale") {
        CHECK(mentions(MiniDeck(good_deck({{"rationale", R"("  ")"}})).load(), "field \"rationale\"", "is empty"));
    }
    SUBCASE("wrong type") {
        CHECK(mentions(MiniDeck(good_deck({{"text", R"(42)"}})).load(), "field \"text\"", "must be text"));
    }
    SUBCASE("unknown stance") {
        auto result = MiniDeck(good_deck({{"evidence", R"([{"article": "b", "span": [12, 49], "stance": "agrees",
                                                             "quote": "It is 80 kilometres from the capital."}])"}}))
                          .load();
        CHECK(mentions(result, "field \"stance\"", "not one of corroborates"));
    }
}

TEST_CASE("article files resolve only inside the deck's articles folder") {
    for (const char* file : {"../secret.txt", "/etc/passwd", "sub/a.txt", ".hidden"}) {
        std::string json = good_deck();
        json.replace(json.find("\"a.txt\""), 7, std::string("\"") + file + "\"");
        CHECK_MESSAGE(mentions(MiniDeck(json).load(), "article \"a\", field \"file\"", "bare file name"), file);
    }
}

TEST_CASE("each stance has its own word in deck files, read back to the same stance") {
    CHECK(to_string(Stance::Corroborates) == "corroborates");
    CHECK(to_string(Stance::Contradicts) == "contradicts");
    CHECK(to_string(Stance::Qualifies) == "qualifies");
    CHECK(parse_stance("corroborates") == Stance::Corroborates);
    CHECK(parse_stance("contradicts") == Stance::Contradicts);
    CHECK(parse_stance("qualifies") == Stance::Qualifies);
    CHECK_FALSE(parse_stance("agrees").has_value());
}

TEST_CASE("the hint is the paragraph around the quote") {
    Article article;
    article.text = kArticleA;
    CHECK(surrounding_paragraph(article, {12, 20}) == "The valley lies 80km north of Kabul.");
    CHECK(surrounding_paragraph(article, {50, 60}) == "Second paragraph here.");
    CHECK(surrounding_paragraph(article, {9999, 10000}).empty());
}

TEST_CASE("empty ids and an empty article file are problems, not silently skipped checks") {
    CHECK(mentions(MiniDeck(good_deck({{"id", R"("")"}})).load(), "field \"id\"", "is empty"));
    CHECK(mentions(MiniDeck(good_deck({{"article", R"("")"}})).load(), "field \"article\"", "is empty"));
    CHECK(mentions(MiniDeck(good_deck({{"topic", R"("")"}})).load(), "field \"topic\"", "is empty"));
    MiniDeck empty_article(good_deck());
    empty_article.dir.write("articles/b.txt", "");
    CHECK(mentions(empty_article.load(), "article \"b\", field \"file\"", "\"b.txt\" is empty"));
}

TEST_CASE("strings must be whole UTF-8 characters, escapes included") {
    CHECK(mentions(MiniDeck(good_deck({{"text", R"("half a character: \udc00")"}})).load(), "line",
                   "not a whole character"));
}

TEST_CASE("an article's url and publication date are read, and a date that is not YYYY-MM-DD is named") {
    std::string deck = good_deck();
    const std::string plain = R"("provenance": "test"})";
    std::string dated = deck;
    dated.replace(dated.find(plain), plain.size(),
                  R"("provenance": "test", "url": "https://example.org/a", "published": "2021-09-06"})");
    DeckLoadResult result = MiniDeck(dated).load();
    REQUIRE_MESSAGE(result.problems.empty(), all_problems(result));
    CHECK(result.deck->article("a")->url == "https://example.org/a");
    CHECK(result.deck->article("a")->published == "2021-09-06");

    std::string misdated = deck;
    misdated.replace(misdated.find(plain), plain.size(), R"("provenance": "test", "published": "6 Sept 2021"})");
    CHECK(mentions(MiniDeck(misdated).load(), "article \"a\"", "\"6 Sept 2021\" is not a date written YYYY-MM-DD"));
}

TEST_CASE("a deck read from memory takes its articles from the source it is given and is checked alike") {
    std::map<std::string, std::string> texts = {{"a.txt", kArticleA}, {"b.txt", kArticleB}};
    auto source = [&](const std::string& name) {
        auto found = texts.find(name);
        return found == texts.end() ? TextFileResult{"", name + " is not in the package"}
                                    : TextFileResult{found->second, ""};
    };
    DeckLoadResult read = read_deck(good_deck(), "mini.json", source);
    REQUIRE_MESSAGE(read.problems.empty(), all_problems(read));
    CHECK(read.deck->article("a")->text == kArticleA);

    texts.erase("b.txt");
    DeckLoadResult missing = read_deck(good_deck(), "mini.json", source);
    CHECK(mentions(missing, "article \"b\", field \"file\"", "b.txt is not in the package"));
}

TEST_CASE("check_deck finds a quote that no longer matches its span in a deck being edited") {
    MiniDeck mini(good_deck());
    Deck deck = *mini.load().deck;
    CHECK(check_deck(deck, "mini.json").empty());
    deck.claims[0].quote = "The valley lies 90km north of Kabul.";
    std::vector<Problem> problems = check_deck(deck, "mini.json");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].place == "claim \"a-distance\", field \"quote\"");
}

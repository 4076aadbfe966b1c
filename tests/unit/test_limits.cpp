// Resource bounds on untrusted input (docs/SECURITY.md): each oversized or
// malformed input is refused early, with a message that says why, and
// without reading it whole. Every test here runs in well under a second.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "base/json_input.hpp"
#include "base/text_file.hpp"
#include "content/deck.hpp"
#include "learning/replay.hpp"
#include "temp_dir.hpp"

using namespace claimdeck;
using claimdeck::testing::TempDir;

namespace {

const std::string kArticleA = "Headline A\n\nThe valley lies 80km north of Kabul.\n\nSecond paragraph here.\n";

// A deck with one article and the given claims list (raw JSON).
std::string deck_with_claims(const std::string& claims) {
    return R"({"format_version": 1, "id": "limits", "version": 1, "title": "Limits",
  "articles": [{"id": "a", "file": "a.txt", "title": "Headline A"}],
  "topics": [{"id": "t", "title": "Topic"}],
  "claims": )" +
           claims + "}";
}

std::string claim_with_span(const std::string& span) {
    return R"([{"id": "c1", "article": "a", "text": "The valley is 80 km north of Kabul.",
    "quote": "The valley lies 80km north of Kabul.", "span": )" +
           span + R"(, "topic": "t", "verdict": "verified", "rationale": "Maps agree.",
    "techniques": [], "evidence": []}])";
}

struct DeckFolder {
    TempDir dir;
    DeckFolder() { dir.write("articles/a.txt", kArticleA); }
    std::filesystem::path deck(const std::string& json) const { return dir.write("decks/limits.json", json); }
};

// The one problem a refused deck must report, as "FILE: PLACE: MESSAGE".
std::string only_problem(const DeckLoadResult& result) {
    CHECK_FALSE(result.deck.has_value());
    REQUIRE(result.problems.size() >= 1);
    return result.problems.front().describe();
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("a 2 GB deck file is refused by its size before it is read") {
    DeckFolder folder;
    const std::filesystem::path file = folder.deck("{}");
    std::filesystem::resize_file(file, std::uintmax_t{2} << 30);  // sparse: no disk, no memory
    const DeckLoadResult result = load_deck(file);
    const std::string problem = only_problem(result);
    CAPTURE(problem);
    CHECK(contains(problem, "2147483648 bytes, more than the limit of 134217728"));
}

TEST_CASE("an article of 100 MB is refused by its size, and named") {
    DeckFolder folder;
    std::filesystem::resize_file(folder.dir / "articles/a.txt", std::uintmax_t{100} << 20);
    const DeckLoadResult result = load_deck(folder.deck(deck_with_claims(claim_with_span("[12, 48]"))));
    const std::string problem = only_problem(result);
    CAPTURE(problem);
    CHECK(contains(problem, "article \"a\", field \"file\""));
    CHECK(contains(problem, "104857600 bytes, more than the limit of 4194304"));
}

TEST_CASE("read_text_file refuses a file past its cap without reading it") {
    TempDir dir;
    const std::filesystem::path file = dir.write("big.txt", "");
    std::filesystem::resize_file(file, std::uintmax_t{2} << 30);
    const TextFileResult read = read_text_file(file, 1024);
    CHECK(read.text.empty());
    CHECK(contains(read.error, "is 2147483648 bytes, more than the limit of 1024"));
}

TEST_CASE("a 100 MB string is refused by the shape check") {
    std::string json = "{\"title\": \"";
    json.append(std::size_t{100} << 20, 'x');
    json += "\"}";
    const auto problem = check_json_shape(json, "big.json", JsonShapeLimits{});
    REQUIRE(problem.has_value());
    CAPTURE(problem->describe());
    CHECK(problem->message == "a string of 104857600 bytes is longer than the limit of 65536");
    CHECK(problem->place == "line 1, column 11");
}

TEST_CASE("a deck with a string past the cap is refused with its place") {
    DeckFolder folder;
    const std::string long_title(DeckLimits{}.max_string_bytes + 1, 'x');
    const DeckLoadResult result = load_deck(folder.deck(R"({"format_version": 1, "title": ")" + long_title + "\"}"));
    const std::string problem = only_problem(result);
    CAPTURE(problem);
    CHECK(contains(problem, "line 1, column 32: a string of 65537 bytes is longer than the limit of 65536"));
}

TEST_CASE("a deck of a million claims is refused by the claim cap") {
    DeckFolder folder;
    std::string claims = "[{}";
    claims.reserve(3'000'010);
    for (int i = 0; i < 1'000'000; ++i) claims += ",{}";
    claims += "]";
    const DeckLoadResult result = load_deck(folder.deck(deck_with_claims(claims)));
    CHECK_FALSE(result.deck.has_value());
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].describe() == (folder.dir / "decks/limits.json").string() +
                                               ": field \"claims\": has 1000001 items; at most 200000 are allowed");
}

TEST_CASE("deeply nested JSON is refused before cereal parses it") {
    for (const char* open : {"[", "{\"a\":"}) {
        CAPTURE(open);
        std::string json = "{\"x\":";
        for (int i = 0; i < 100'000; ++i) json += open;
        // Left unclosed: the check must stop at the depth cap, not at the end.
        const auto problem = check_json_shape(json, "deep.json", JsonShapeLimits{});
        REQUIRE(problem.has_value());
        CHECK(problem->message == "nested more than 16 levels deep");
    }
    DeckFolder folder;
    const DeckLoadResult result =
        load_deck(folder.deck("{\"claims\": " + std::string(5000, '[') + std::string(5000, ']') + "}"));
    CHECK(contains(only_problem(result), "nested more than 16 levels deep"));
}

TEST_CASE("JSON nested exactly to the depth cap is accepted, one level more is refused") {
    // The root object is the first level: "{" then 15 more is 16 levels.
    auto nested = [](int levels) {
        std::string json = "{\"x\":";
        for (int i = 1; i < levels; ++i) json += "[";
        json += "1";
        for (int i = 1; i < levels; ++i) json += "]";
        return json + "}";
    };
    const JsonShapeLimits limits;
    REQUIRE(limits.max_depth == 16);
    CHECK_FALSE(check_json_shape(nested(15), "f.json", limits).has_value());
    CHECK_FALSE(check_json_shape(nested(16), "f.json", limits).has_value());
    const auto problem = check_json_shape(nested(17), "f.json", limits);
    REQUIRE(problem.has_value());
    CHECK(problem->message == "nested more than 16 levels deep");
}

TEST_CASE("a span past the end of an article is a clear problem") {
    DeckFolder folder;
    const DeckLoadResult result = load_deck(folder.deck(deck_with_claims(claim_with_span("[12, 5000]"))));
    const std::string problem = only_problem(result);
    CAPTURE(problem);
    CHECK(contains(problem, "claim \"c1\", field \"quote\": the span [12, 5000] runs past the end of \"a.txt\" (" +
                                std::to_string(kArticleA.size()) + " bytes)"));
}

TEST_CASE("a span beyond any size_t arithmetic is a clear problem") {
    DeckFolder folder;
    for (const char* span : {"[9223372036854775807, 9223372036854775807]", "[0, 9223372036854775807]"}) {
        CAPTURE(span);
        const std::string problem = only_problem(load_deck(folder.deck(deck_with_claims(claim_with_span(span)))));
        CAPTURE(problem);
        CHECK(contains(problem, "runs past the end of \"a.txt\""));
    }
    for (const char* span : {"[-1, 4]", "[5, 4]", "[18446744073709551615, 1]"}) {
        CAPTURE(span);
        const std::string problem = only_problem(load_deck(folder.deck(deck_with_claims(claim_with_span(span)))));
        CAPTURE(problem);
        CHECK(contains(problem, "field \"span\""));
    }
}

TEST_CASE("a replay line past the line cap is refused without buffering it") {
    std::istringstream in("card,reviewed_at,rating\n" + std::string(std::size_t{10} << 20, 'x') + "\n");
    std::ostringstream out, err;
    CHECK(replay_reviews(in, "big.csv", out, err) == 1);
    CHECK(out.str().empty());
    CHECK(err.str() == "big.csv:2: line is longer than 4096 bytes\n");
}

TEST_CASE("a replay past the row cap is refused") {
    std::string csv = "card,reviewed_at,rating\n";
    for (int i = 0; i < 11; ++i) csv += "c,2021-09-01T10:00:00Z,3\n";
    std::istringstream in(csv);
    std::ostringstream out, err;
    ReplayLimits limits;
    limits.max_rows = 10;
    CHECK(replay_reviews(in, "rows.csv", out, err, 0.9, limits) == 1);
    CHECK(out.str().empty());
    CHECK(err.str() == "rows.csv:12: more than 10 rows\n");
}

// ---- Bounds found by fuzzing -------------------------------------------------

TEST_CASE("a deck of many empty items is refused with a bounded number of problems") {
    // 2,000 claims of 1,000 empty evidence objects: a 6 MB file, every cap
    // respected. Each empty object adds four "is missing" problems, so this
    // made 8 million problems, 1.4 GB and 11 s (a 256 MB deck: tens of GB).
    DeckFolder folder;
    std::string evidence = "[{}";
    for (int i = 1; i < 1000; ++i) evidence += ",{}";
    evidence += "]";
    std::string claims = "[";
    for (int i = 0; i < 2000; ++i) claims += (i ? ",{\"evidence\": " : "{\"evidence\": ") + evidence + "}";
    claims += "]";
    const DeckLoadResult result = load_deck(folder.deck(deck_with_claims(claims)));
    CHECK_FALSE(result.deck.has_value());
    CHECK(result.problems.size() <= 1001);
}

TEST_CASE("a quote that is not in a 4 MB article is reported") {
    // The "the quote is in the article at [x, y]" hint searched with
    // std::string::find, quadratic here: 30 s for this one claim. Speed is
    // not asserted here (no timed tests); the fuzz targets' -timeout catches
    // a search that turns quadratic again.
    DeckFolder folder;
    folder.dir.write("articles/a.txt", std::string(std::size_t{4} << 20, 'a'));
    std::string claim = claim_with_span("[0, 1]");
    const std::string quote = std::string(65535, 'a') + "b";
    claim.replace(claim.find("The valley lies 80km north of Kabul."), 36, quote);
    const DeckLoadResult result = load_deck(folder.deck(deck_with_claims(claim)));
    CHECK(contains(only_problem(result), "the quote is not in the article word for word"));
}

TEST_CASE("UTF-8 is checked as RFC 3629 defines it") {
    CHECK(is_valid_utf8("plain, “curly” and é"));
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong "/"
    CHECK_FALSE(is_valid_utf8("\xED\xB0\x80"));      // a lone surrogate, U+DC00
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
    CHECK_FALSE(is_valid_utf8("\xE2\x80"));          // cut short
}

TEST_CASE("find_text finds what std::string_view::find finds") {
    const std::string text = "the Khawak Pass, the Anjuman Pass";
    for (std::string_view pattern : {"Pass", "Anjuman", "the", "", "Salang", "s, t"})
        CHECK(find_text(text, pattern) == std::string_view(text).find(pattern));
    // Patterns that overlap themselves, where a naive restart goes wrong.
    const std::string repeats = "aaabaaaabaab";
    for (std::string_view pattern : {"aaab", "aaaab", "abaa", "aab", "baab", "aaaaa"})
        CHECK(find_text(repeats, pattern) == std::string_view(repeats).find(pattern));
}

// The deck the app ships with, held to the editorial rules of content/EDITORIAL.md.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>

#include "content/deck.hpp"
#include "temp_dir.hpp"

using namespace claimdeck;

namespace {

const std::filesystem::path kDeckFile = std::filesystem::path(CLAIMDECK_CONTENT_DIR) / "decks/panjshir-2021.json";

const Deck& bundled_deck() {
    static const DeckLoadResult result = load_deck(kDeckFile);
    REQUIRE_MESSAGE(result.problems.empty(), describe_all(result.problems));
    return *result.deck;
}

}  // namespace

TEST_CASE("the bundled deck loads without a single problem") { CHECK(bundled_deck().claims.size() >= 45); }

TEST_CASE("every quote and evidence quote stands byte for byte in its article file") {
    const Deck& deck = bundled_deck();
    const std::filesystem::path articles = articles_folder_for(kDeckFile);
    auto check_quote = [&](const std::string& article_id, const std::string& quote, Span span) {
        // Read the file afresh rather than trusting the loader's copy.
        std::string text = claimdeck::testing::read_file(articles / deck.article(article_id)->file);
        REQUIRE(span.end <= text.size());
        CHECK(text.substr(span.begin, span.end - span.begin) == quote);
    };
    for (const Claim& claim : deck.claims) {
        check_quote(claim.article, claim.quote, claim.span);
        for (const Evidence& evidence : claim.evidence) {
            CHECK(evidence.article != claim.article);
            check_quote(evidence.article, evidence.quote, evidence.span);
        }
    }
}

TEST_CASE("each verdict holds at least a quarter of the claims, so one button always scores badly") {
    const Deck& deck = bundled_deck();
    std::map<Verdict, int> per_verdict;
    for (const Claim& claim : deck.claims) ++per_verdict[claim.verdict];
    for (Verdict verdict : kAllVerdicts)
        CHECK_MESSAGE(per_verdict[verdict] * 4 >= static_cast<int>(deck.claims.size()), to_string(verdict));
}

TEST_CASE("every article gives at least six claims") {
    const Deck& deck = bundled_deck();
    REQUIRE(deck.articles.size() == 5);
    std::map<std::string, int> per_article;
    for (const Claim& claim : deck.claims) ++per_article[claim.article];
    for (const Article& article : deck.articles) CHECK_MESSAGE(per_article[article.id] >= 6, article.id);
}

TEST_CASE("propaganda claims name their techniques and argue their verdict") {
    for (const Claim& claim : bundled_deck().claims) {
        if (claim.verdict == Verdict::Propaganda) CHECK_MESSAGE(!claim.techniques.empty(), claim.id);
        CHECK_MESSAGE(claim.rationale.size() >= 80, claim.id);
    }
}

TEST_CASE("topics tie claims across articles: cross-source evidence exists") {
    const Deck& deck = bundled_deck();
    int claims_with_evidence = 0;
    for (const Claim& claim : deck.claims) claims_with_evidence += claim.evidence.empty() ? 0 : 1;
    CHECK(claims_with_evidence * 2 >= static_cast<int>(deck.claims.size()));
}

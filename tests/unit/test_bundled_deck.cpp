// The deck the app ships with, held to the editorial rules of content/EDITORIAL.md.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>

#include "content/deck.hpp"
#include "content/deck_writer.hpp"
#include "learning/session.hpp"
#include "store_samples.hpp"
#include "temp_dir.hpp"

using namespace claimdeck;

namespace {

const std::filesystem::path kDeckFile = std::filesystem::path(CLAIMDECK_CONTENT_DIR) / "decks/panjshir-2021.json";

const Deck& bundled_deck() {
    static const DeckLoadResult result = load_deck(kDeckFile);
    REQUIRE_MESSAGE(result.problems.empty(), describe_all(result.problems));
    return *result.deck;
}

// The claim ids of deck version 2 as it shipped. A learner's answers are stored
// under the deck id and the claim id only, so a later version must keep these
// ids for every claim that is still the same fact, or the history is orphaned.
// Version 3 kept all 65; drop an id here only with the claim, and say why.
// clang-format off
const std::vector<std::string> kVersion2ClaimIds = {
    "mark-50-men", "mark-putin-backing", "mark-russian-weapons", "mark-tajik-hindu-kush", "mark-massoud-son",
    "mark-biden-dealings", "mark-russia-fear", "mark-stalemate", "mark-land-ends-empires", "lions-headline",
    "lions-waterloo", "lions-saleh-led", "lions-not-controlled", "lions-always-unconquered", "lions-soviets",
    "lions-1990s-backers", "lions-caretaker", "lions-one-road", "lions-killing-grounds", "lions-cia-tunnels",
    "lions-huge-force", "lions-imminent-danger", "lions-baghlan", "lions-tajik-uzbek", "lions-russia-hates",
    "lions-saleh-handover", "lions-muttaqi", "lions-ceasefire-impatient", "lions-nazary-monday", "lions-khawak-350",
    "lions-taliban-version", "lions-no-reason", "lions-bloody-nose", "lions-hunting-hyenas", "blog-anjuman",
    "blog-century", "blog-80km-last-stronghold", "blog-hindu-kush", "blog-led-by-son", "blog-every-invader",
    "blog-soviets-1980s", "blog-al-qaeda", "blog-mujahid-talks", "punjir-headline", "punjir-only-province",
    "punjir-five-days", "punjir-massoud-vow", "punjir-offered-post", "punjir-began-tuesday", "punjir-rumours-fallen",
    "punjir-saleh-vp", "punjir-saleh-defended", "punjir-1996-2001", "repulsion-held-off", "repulsion-wednesday",
    "repulsion-massoud-terms", "repulsion-no-concessions", "repulsion-blackout", "repulsion-propagandists",
    "repulsion-hard-to-verify", "repulsion-kapisa-districts", "repulsion-gulbahar", "repulsion-dashty-40",
    "repulsion-inclusive", "repulsion-g7"};
// clang-format on

// A store with one answer on each version-2 claim, written and closed before
// the newer deck is opened, as an update of the app would find it.
void answer_every_version2_claim(const std::filesystem::path& store_file, const std::string& deck_id) {
    auto store = ProgressStore::open(store_file);
    const Profile ada = store->create_profile("Ada");
    for (const std::string& claim_id : kVersion2ClaimIds) {
        Review review = claimdeck::testing::sample_review(ada.id, claim_id, claimdeck::testing::kSampleTime);
        review.deck_id = deck_id;
        store->record_review(review, claimdeck::testing::sample_state(claim_id, claimdeck::testing::kSampleTime));
    }
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

TEST_CASE("each verdict holds between a quarter and 45 % of the claims, so one button always scores badly") {
    const Deck& deck = bundled_deck();
    std::map<Verdict, int> per_verdict;
    for (const Claim& claim : deck.claims) ++per_verdict[claim.verdict];
    const int claims = static_cast<int>(deck.claims.size());
    for (Verdict verdict : kAllVerdicts) {
        CHECK_MESSAGE(per_verdict[verdict] * 4 >= claims, to_string(verdict));
        CHECK_MESSAGE(per_verdict[verdict] * 100 <= claims * 45, to_string(verdict));
    }
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

TEST_CASE("answers given on version 2 of the deck still show on version 3 for every claim it kept") {
    const Deck& deck = bundled_deck();
    CHECK(deck.version == 3);
    for (const std::string& claim_id : kVersion2ClaimIds) CHECK_MESSAGE(deck.claim(claim_id) != nullptr, claim_id);

    claimdeck::testing::TempDir dir;
    answer_every_version2_claim(dir / "progress.sqlite", deck.id);
    auto store = ProgressStore::open(dir / "progress.sqlite");
    const Profile ada = *store->find_profile("Ada");

    // The home screen's counts: every version-2 card counts as learned, only the new ones as fresh.
    const DeckCounts counts = count_cards(deck, store->card_states(ada.id, deck.id), claimdeck::testing::kSampleTime);
    CHECK(counts.learned == static_cast<int>(kVersion2ClaimIds.size()));
    CHECK(counts.fresh == static_cast<int>(deck.claims.size() - kVersion2ClaimIds.size()));
    std::vector<std::string> version3_ids;
    for (const Claim& claim : deck.claims) version3_ids.push_back(claim.id);
    CHECK(store->orphaned_cards(ada.id, deck.id, version3_ids).empty());
}

TEST_CASE("the bundled deck written back by the deck writer is the same file byte for byte") {
    TextFileResult original = read_text_file(kDeckFile, 1u << 26);
    REQUIRE(original.error.empty());
    CHECK(write_deck_json(bundled_deck()) == original.text);
}

#include <doctest/doctest.h>

#include <set>

#include "content/techniques.hpp"
#include "deck_samples.hpp"
#include "learning/technique_cards.hpp"
#include "learning/technique_practice.hpp"
#include "store_samples.hpp"
#include "temp_dir.hpp"

using namespace claimdeck;
using namespace claimdeck::testing;

namespace {

// `count` claims whose quotes carry Loaded Language in "a brutal" and, for
// every second one, Doubt in "so-called"; the last claim names no words.
Deck technique_deck(int count) {
    Deck deck = sample_deck(count);
    for (std::size_t i = 0; i < deck.claims.size(); ++i) {
        Claim& claim = deck.claims[i];
        claim.quote = "The so-called army met a brutal end, said the officer.";
        claim.techniques.push_back({"Loaded Language", {"a brutal"}});
        if (i % 2 == 1) claim.techniques.push_back({"Doubt", {"so-called"}});
    }
    deck.claims.back().techniques = {{"Slogans", {}}};
    return deck;
}

std::vector<bool> tapped(std::initializer_list<int> indexes, std::size_t size) {
    std::vector<bool> picked(size, false);
    for (int i : indexes) picked[static_cast<std::size_t>(i)] = true;
    return picked;
}

std::map<std::string, CardState> seen_claims(const Deck& deck, int count) {
    std::map<std::string, CardState> states;
    for (int i = 0; i < count; ++i) {
        const std::string& id = deck.claims[static_cast<std::size_t>(i)].id;
        states[id] = sample_state(id, kSampleTime - kDayMs);
    }
    return states;
}

}  // namespace

TEST_CASE("technique cards: one per technique use that names its words, with an id apart from the claims'") {
    const Deck deck = technique_deck(4);  // claims 1 and 3 have two uses; claim 3's Slogans has no words
    const std::vector<TechniqueCard> cards = technique_cards(deck);
    REQUIRE(cards.size() == 4);
    CHECK(cards[0].id == "c0#Loaded Language");
    CHECK(cards[2].id == "c1#Doubt");
    CHECK(cards[2].claim_index == 1);
    CHECK(cards[2].use_index == 1);
    CHECK(cards[3].id == "c2#Loaded Language");
}

TEST_CASE("technique cards: the quote is split into words, and those inside the deck's words carry the technique") {
    const std::string quote = "The so-called army met a brutal end, said the officer.";
    const std::vector<QuoteWord> words = quote_words(quote, {"a brutal", "officer"});
    REQUIRE(words.size() == 10);
    CHECK(quote.substr(words[1].span.begin, words[1].span.end - words[1].span.begin) == "so-called");
    CHECK(quote.substr(words[9].span.begin, words[9].span.end - words[9].span.begin) == "officer.");
    std::vector<int> carrying;
    for (std::size_t i = 0; i < words.size(); ++i)
        if (words[i].carries) carrying.push_back(static_cast<int>(i));
    CHECK(carrying == std::vector<int>{4, 5, 9});
}

TEST_CASE("technique cards: the words score is the overlap of the two sets, so too many taps cost as too few do") {
    const std::vector<QuoteWord> words = quote_words("The so-called army met a brutal end", {"a brutal"});
    CHECK(words_overlap(words, tapped({4, 5}, words.size())) == doctest::Approx(1.0));
    CHECK(words_overlap(words, tapped({}, words.size())) == doctest::Approx(0.0));
    CHECK(words_overlap(words, tapped({0, 1}, words.size())) == doctest::Approx(0.0));
    CHECK(words_overlap(words, tapped({5}, words.size())) == doctest::Approx(2.0 / 3.0));
    CHECK(words_overlap(words, tapped({3, 4, 5}, words.size())) == doctest::Approx(0.8));
    CHECK(words_overlap(words, tapped({0, 1, 2, 3, 4, 5, 6}, words.size())) == doctest::Approx(4.0 / 9.0));
}

TEST_CASE("technique cards: four different names, the right one among them and no other at work in the quote") {
    const Deck deck = technique_deck(4);
    const std::vector<TechniqueCard> cards = technique_cards(deck);
    for (std::uint64_t seed = 0; seed < 50; ++seed) {
        CAPTURE(seed);
        const TechniqueQuestion question = technique_question(deck, cards[1], seed);  // c1's Loaded Language
        REQUIRE(question.choices.size() == kTechniqueChoices);
        CHECK(std::set<std::string_view>(question.choices.begin(), question.choices.end()).size() == 4);
        CHECK(std::count(question.choices.begin(), question.choices.end(), "Loaded Language") == 1);
        CHECK(std::count(question.choices.begin(), question.choices.end(), "Doubt") == 0);
        for (std::string_view name : question.choices) CHECK(find_technique(name));
    }
    const TechniqueQuestion once = technique_question(deck, cards[1], 7);
    CHECK(technique_question(deck, cards[1], 7).choices == once.choices);
}

TEST_CASE("technique cards: the wrong names are those the deck uses while it has them, the names never used after") {
    const Deck deck = technique_deck(4);  // uses Loaded Language, Doubt and Slogans
    const std::vector<TechniqueCard> cards = technique_cards(deck);
    for (std::uint64_t seed = 0; seed < 30; ++seed) {
        const TechniqueQuestion question = technique_question(deck, cards[0], seed);  // c0: Loaded Language alone
        CAPTURE(seed);
        CHECK(std::count(question.choices.begin(), question.choices.end(), "Doubt") == 1);
        CHECK(std::count(question.choices.begin(), question.choices.end(), "Slogans") == 1);
    }
}

TEST_CASE("technique cards: another technique's words in the same quote count neither as found nor as wrong") {
    const Deck deck = technique_deck(4);
    const TechniqueQuestion question = technique_question(deck, technique_cards(deck)[1], 1);  // c1's Loaded Language
    REQUIRE(question.words.size() == 10);
    CHECK(question.words[1].carries_another);  // "so-called": Doubt's
    CHECK_FALSE(question.words[1].carries);
    CHECK(question.words[4].carries);
    CHECK(words_overlap(question.words, tapped({1, 4, 5}, 10)) == doctest::Approx(1.0));
    CHECK(words_overlap(question.words, tapped({0, 4, 5}, 10)) == doctest::Approx(0.8));
}

TEST_CASE("technique cards: the wrong name is Again, the right one Good with half the words or more, else Hard") {
    CHECK(technique_grade(false, 1.0) == fsrs::Rating::Again);
    CHECK(technique_grade(true, 0.5) == fsrs::Rating::Good);
    CHECK(technique_grade(true, 1.0) == fsrs::Rating::Good);
    CHECK(technique_grade(true, 0.49) == fsrs::Rating::Hard);
}

TEST_CASE("technique cards: none of a claim not yet answered, the most overdue first, then new ones up to the day's") {
    const Deck deck = technique_deck(12);
    const std::vector<TechniqueCard> cards = technique_cards(deck);
    const std::int64_t now = kSampleTime;
    std::map<std::string, CardState> techniques;

    SUBCASE("a claim not yet answered has no technique card on offer") {
        CHECK_FALSE(choose_technique_card(cards, deck, techniques, {}, {}, true, now, 3));
        const auto chosen = choose_technique_card(cards, deck, techniques, seen_claims(deck, 1), {}, true, now, 3);
        REQUIRE(chosen);
        CHECK(cards[*chosen].claim_index == 0);
    }
    SUBCASE("the most overdue card comes before any new one") {
        techniques[cards[3].id] = sample_state(cards[3].id, now - 5 * kDayMs);  // due 2 days ago
        techniques[cards[5].id] = sample_state(cards[5].id, now - 9 * kDayMs);  // due 6 days ago
        techniques[cards[6].id] = sample_state(cards[6].id, now - kDayMs);      // due in 2 days
        const auto chosen = choose_technique_card(cards, deck, techniques, seen_claims(deck, 12), {}, true, now, 0);
        CHECK(chosen == std::optional<std::size_t>(5));
    }
    SUBCASE("a claim answered since the last technique card is left out, due or new") {
        techniques[cards[5].id] = sample_state(cards[5].id, now - 9 * kDayMs);  // due, of claim c3
        const auto seen = seen_claims(deck, 1);                                 // c0, new
        const std::set<std::string> just = {deck.claims[3].id, deck.claims[0].id};
        CHECK(choose_technique_card(cards, deck, techniques, seen, {}, true, now, 0) == std::optional<std::size_t>(5));
        CHECK_FALSE(choose_technique_card(cards, deck, techniques, seen, just, true, now, 0));
    }
    SUBCASE("new cards stop at the day's limit, unless the limit is off") {
        for (int i = 0; i < kNewTechniqueCardsPerDay; ++i) {
            const std::string& id = cards[static_cast<std::size_t>(i)].id;
            techniques[id] = sample_state(id, now - 1000);  // first seen today, due in 3 days
        }
        CHECK_FALSE(choose_technique_card(cards, deck, techniques, seen_claims(deck, 12), {}, true, now, 0));
        CHECK(choose_technique_card(cards, deck, techniques, seen_claims(deck, 12), {}, false, now, 0));
    }
}

TEST_CASE("technique cards: the figures add up every technique, the most answered first, and say so in words") {
    const TechniqueFigures none = technique_figures({});
    CHECK(none.answers == 0);
    CHECK(describe_technique_figures(none).find("once you have seen 10 claims") != std::string::npos);

    const TechniqueFigures figures =
        technique_figures({{"Doubt", 1, 0, 0.5}, {"Loaded Language", 3, 2, 2.1}, {"Slogans", 1, 1, 1.0}});
    CHECK(figures.answers == 5);
    CHECK(figures.named == 3);
    CHECK(figures.mean_overlap == doctest::Approx(0.72));
    REQUIRE(figures.per_technique.size() == 3);
    CHECK(figures.per_technique[0].technique == "Loaded Language");
    CHECK(figures.per_technique[1].technique == "Doubt");
    CHECK(describe_technique_figures(figures) ==
          "You named the technique in 3 of 5 technique cards (60 %). The words you tapped matched the words that carry "
          "it by 72 %, on average.");
    CHECK(describe_technique_tally(figures.per_technique[0]) == "Loaded Language: named 2 of 3, words matched 70 %");
}

namespace {

struct PracticeFixture {
    TempDir dir;
    std::unique_ptr<ProgressStore> store = ProgressStore::open(dir / "progress.sqlite");
    Deck deck = technique_deck(12);
    Profile ada = store->create_profile("Ada");
    std::int64_t now = kSampleTime;
    StudySettings settings;
    TechniquePractice practice{deck, *store, ada, [this] { return now; }};

    void answer_claims(int count) {
        for (int i = 0; i < count; ++i) practice.claim_answered(deck.claims[static_cast<std::size_t>(i) % 12].id);
    }
    // Answers the card on screen with the right name and exactly its words.
    TechniqueOutcome answer_right() {
        const TechniqueQuestion& question = *practice.question();
        std::vector<bool> words;
        for (const QuoteWord& word : question.words) words.push_back(word.carries);
        return practice.answer(question.use->name, words);
    }
};

}  // namespace

TEST_CASE("technique practice: a card comes after ten claims seen and three answered since the last one") {
    PracticeFixture f;
    f.answer_claims(5);
    CHECK_FALSE(f.practice.offer(f.settings, seen_claims(f.deck, 9), 1));
    CHECK(f.practice.offer(f.settings, seen_claims(f.deck, 10), 1));
    REQUIRE(f.practice.question());
    f.answer_right();
    CHECK_FALSE(f.practice.question());
    f.answer_claims(2);
    CHECK_FALSE(f.practice.offer(f.settings, seen_claims(f.deck, 12), 2));
    f.answer_claims(1);
    CHECK(f.practice.offer(f.settings, seen_claims(f.deck, 12), 2));
}

TEST_CASE("technique practice: the new card is of none of the last three claims answered") {
    PracticeFixture f;
    f.answer_claims(12);  // claims c0 to c11, in this order
    for (std::uint64_t seed = 0; seed < 20; ++seed) {
        CAPTURE(seed);
        f.answer_claims(0);
        for (int i : {9, 10, 11}) f.practice.claim_answered(f.deck.claims[static_cast<std::size_t>(i)].id);
        REQUIRE(f.practice.offer(f.settings, seen_claims(f.deck, 12), seed));
        const std::string& claim = f.practice.question()->claim->id;
        CHECK(claim != "c9");
        CHECK(claim != "c10");
        CHECK(claim != "c11");
        f.practice.put_away();
    }
}

TEST_CASE("technique practice: an answer undone does not count towards the next card") {
    PracticeFixture f;
    f.answer_claims(3);
    f.practice.claim_taken_back(f.deck.claims[2].id);
    CHECK_FALSE(f.practice.offer(f.settings, seen_claims(f.deck, 12), 1));
    f.practice.claim_answered(f.deck.claims[2].id);
    CHECK(f.practice.offer(f.settings, seen_claims(f.deck, 12), 1));
}

TEST_CASE("technique practice: with the setting off no card comes") {
    PracticeFixture f;
    f.settings.technique_cards = false;
    f.answer_claims(20);
    CHECK_FALSE(f.practice.offer(f.settings, seen_claims(f.deck, 12), 1));
}

TEST_CASE("technique practice: an answer is graded, logged with its card's state, and counted in the figures") {
    PracticeFixture f;
    f.answer_claims(3);
    REQUIRE(f.practice.offer(f.settings, seen_claims(f.deck, 12), 4));
    const std::string card = f.practice.question()->card_id;
    f.now += 6'000;
    const TechniqueOutcome outcome = f.practice.answer("Slogans", {});
    CHECK_FALSE(outcome.named);
    CHECK(outcome.overlap == doctest::Approx(0.0));
    CHECK(outcome.grade == fsrs::Rating::Again);
    CHECK(outcome.save_error.empty());

    const auto states = f.store->technique_states(f.ada.id, f.deck.id);
    REQUIRE(states.count(card) == 1);
    CHECK(states.at(card).reps == 1);
    CHECK(states.at(card).last_review_ms == f.now);
    CHECK(f.store->card_states(f.ada.id, f.deck.id).empty());  // the claims' schedule is untouched
    CHECK(f.store->review_count(f.ada.id) == 0);               // and so is their log

    const std::vector<TechniqueTally> stored = f.store->technique_tallies(f.ada.id, f.deck.id);
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].answers == 1);
    CHECK(stored[0].named == 0);
    CHECK(f.practice.figures().answers == 1);

    // Read again from the store, as the next start does.
    TechniquePractice again(f.deck, *f.store, f.ada, [&] { return f.now; });
    CHECK(again.figures().answers == 1);
}

TEST_CASE("technique practice: a full disk says the answer was not saved, and counts nothing") {
    PracticeFixture f;
    f.answer_claims(3);
    REQUIRE(f.practice.offer(f.settings, seen_claims(f.deck, 12), 4));
    f.store->set_query_only(true);
    const TechniqueOutcome outcome = f.answer_right();
    CHECK(outcome.named);
    CHECK_MESSAGE(outcome.save_error.find("cannot be written") != std::string::npos, outcome.save_error);
    CHECK(f.practice.figures().answers == 0);
    f.store->set_query_only(false);
    CHECK(f.store->technique_tallies(f.ada.id, f.deck.id).empty());
}

TEST_CASE("store: removing a deck's progress takes its technique cards' answers and states too") {
    PracticeFixture f;
    f.answer_claims(3);
    REQUIRE(f.practice.offer(f.settings, seen_claims(f.deck, 12), 4));
    f.answer_right();
    record_answers(*f.store, f.ada.id, 2);
    CHECK(f.store->deck_answer_count(f.ada.id, f.deck.id) == 3);
    f.store->delete_deck_progress(f.ada.id, f.deck.id);
    CHECK(f.store->deck_answer_count(f.ada.id, f.deck.id) == 0);
    CHECK(f.store->technique_states(f.ada.id, f.deck.id).empty());
    CHECK(f.store->technique_tallies(f.ada.id, f.deck.id).empty());
}

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "content/cue_audit.hpp"

using namespace claimdeck;

namespace {

constexpr Verdict V = Verdict::Verified;
constexpr Verdict C = Verdict::Contested;
constexpr Verdict P = Verdict::Propaganda;

struct Card {
    Verdict verdict;
    std::string text;
    std::string article = "a";
    std::string topic = "t";
};

// A deck of the given cards, with the articles and topics they name.
Deck deck_of(const std::vector<Card>& cards) {
    Deck deck;
    deck.id = "cues";
    for (const Card& card : cards) {
        if (!deck.article(card.article))
            deck.articles.push_back({card.article, card.article + ".txt", "", "", "", "", "", ""});
        if (!deck.topic(card.topic)) deck.topics.push_back({card.topic, card.topic});
        Claim claim;
        claim.id = "c" + std::to_string(deck.claims.size());
        claim.article = card.article;
        claim.topic = card.topic;
        claim.text = card.text;
        claim.verdict = card.verdict;
        deck.claims.push_back(claim);
        deck.index();
    }
    return deck;
}

const Cue& cue_of(const CueAudit& audit, CueKind kind, const std::string& value = "") {
    for (const Cue& cue : audit.cues)
        if (cue.kind == kind && cue.value == value) return cue;
    FAIL("no cue ", to_string(kind), " ", value);
    throw std::logic_error("unreachable");
}

bool has_cue(const CueAudit& audit, CueKind kind, const std::string& value) {
    for (const Cue& cue : audit.cues)
        if (cue.kind == kind && cue.value == value) return true;
    return false;
}

int with(const Cue& cue, Verdict verdict) { return cue.per_verdict[index_of(verdict)].with; }
int of(const Cue& cue, Verdict verdict) { return cue.per_verdict[index_of(verdict)].cards; }

// Every verdict gets the same four texts, on the same topics: nothing but
// the content could tell the verdicts apart.
Deck balanced_deck() {
    const std::vector<std::pair<std::string, std::string>> texts = {
        {"The blog says the valley is “historically unconquerable”.", "history"},
        {"According to the article, 40 fighters were captured.", "casualties"},
        {"The blog says talks failed on Tuesday.", "talks"},
        {"According to the article, the road leads to 'killing grounds'.", "geography"},
    };
    std::vector<Card> cards;
    for (Verdict verdict : kAllVerdicts)
        for (const auto& [text, topic] : texts) cards.push_back({verdict, text, "a", topic});
    return deck_of(cards);
}

}  // namespace

TEST_CASE("a deck where every propaganda card has quotation marks is flagged with each verdict's share") {
    const CueAudit audit = audit_cues(deck_of({
        {V, "The valley is 80 km north of Kabul."},
        {V, "The Soviets failed to take the valley."},
        {V, "Talks failed on Tuesday."},
        {C, "The NRF says 350 Taliban died."},
        {C, "The Taliban say they hold the “whole valley”."},
        {C, "The resistance says it holds the pass."},
        {P, "The “Lions of Panjshir” hunt the “hyenas”."},
        {P, "The article calls the Taliban “desperate”."},
        {P, "It says the land \"ends empires\"."},
        {P, "The author says the 'Waterloo moment' has come."},
    }));
    const Cue& quotes = cue_of(audit, CueKind::QuotationMarks);
    CHECK(with(quotes, V) == 0);
    CHECK(of(quotes, V) == 3);
    CHECK(with(quotes, C) == 1);
    CHECK(of(quotes, C) == 3);
    CHECK(with(quotes, P) == 4);
    CHECK(of(quotes, P) == 4);
    CHECK(quotes.per_verdict[index_of(P)].percent() == doctest::Approx(100.0));
    CHECK(quotes.spread_points == doctest::Approx(100.0));
    CHECK(quotes.flagged);
    CHECK(audit.flagged());
}

TEST_CASE("a deck whose cues are spread evenly over the verdicts is not flagged") {
    const CueAudit audit = audit_cues(balanced_deck());
    for (const Cue& cue : audit.cues) {
        CAPTURE(to_string(cue.kind));
        CAPTURE(cue.value);
        CHECK_FALSE(cue.flagged);
        CHECK(cue.spread_points == doctest::Approx(0.0));
    }
    CHECK(cue_of(audit, CueKind::QuotationMarks).per_verdict[index_of(C)].percent() == doctest::Approx(50.0));
    CHECK(cue_of(audit, CueKind::Digits).per_verdict[index_of(P)].percent() == doctest::Approx(25.0));
    CHECK(with(cue_of(audit, CueKind::Opener, "the blog"), V) == 2);
    CHECK(with(cue_of(audit, CueKind::AttributionVerb, "say"), P) == 2);
    CHECK(with(cue_of(audit, CueKind::Topic, "talks"), C) == 1);
    CHECK_FALSE(audit.classifier.flagged);
    CHECK_FALSE(audit.flagged());
    CHECK(audit.flagged_cues() == 0);
}

TEST_CASE("a cue is flagged only when two verdicts' shares differ by more than 25 points") {
    // 1 of 4 verified cards against 0 of 4 elsewhere is exactly 25 points.
    std::vector<Card> cards;
    for (Verdict verdict : kAllVerdicts)
        for (int i = 0; i < 4; ++i) cards.push_back({verdict, "plain words"});
    cards[0].text = "plain words in 2021";
    CHECK_FALSE(cue_of(audit_cues(deck_of(cards)), CueKind::Digits).flagged);
    CHECK(cue_of(audit_cues(deck_of(cards)), CueKind::Digits).spread_points == doctest::Approx(25.0));
    cards[1].text = "plain words in 1996";
    CHECK(cue_of(audit_cues(deck_of(cards)), CueKind::Digits).flagged);
}

TEST_CASE("openers, attribution verbs, articles and topics each count as a cue") {
    const CueAudit audit = audit_cues(deck_of({
        {V, "The blog says the valley is narrow.", "blog", "geography"},
        {V, "The blog says Massoud led the fight.", "blog", "history"},
        {C, "According to the NRF, 40 fighters died.", "news", "casualties"},
        {C, "According to the Taliban, the valley fell.", "news", "holding"},
        {P, "The article says what it calls hyenas are fleeing.", "lions", "casualties"},
        {P, "The article calls the Taliban desperate.", "lions", "holding"},
    }));
    const Cue& blog_opener = cue_of(audit, CueKind::Opener, "the blog");
    CHECK(with(blog_opener, V) == 2);
    CHECK(blog_opener.flagged);
    CHECK(cue_of(audit, CueKind::Opener, "according to").flagged);
    const Cue& calls = cue_of(audit, CueKind::AttributionVerb, "call");
    CHECK(with(calls, P) == 2);
    CHECK(with(calls, V) == 0);
    CHECK(calls.flagged);
    CHECK(with(cue_of(audit, CueKind::AttributionVerb, "say"), V) == 2);
    CHECK(with(cue_of(audit, CueKind::AttributionVerb, "say"), P) == 1);
    CHECK(cue_of(audit, CueKind::Article, "lions").flagged);
    CHECK(with(cue_of(audit, CueKind::Article, "lions"), P) == 2);
    const Cue& casualties = cue_of(audit, CueKind::Topic, "casualties");
    CHECK(with(casualties, C) == 1);
    CHECK(with(casualties, P) == 1);
    CHECK(casualties.flagged);  // 0 % of verified cards against 50 % of the others
}

TEST_CASE("an opening used on a single card is not listed: one card is no pattern") {
    const CueAudit audit = audit_cues(deck_of({
        {V, "Citing Indian sources, the author says so."},
        {C, "The blog says so."},
        {P, "The blog says more."},
    }));
    CHECK_FALSE(has_cue(audit, CueKind::Opener, "citing indian"));
    CHECK(has_cue(audit, CueKind::Opener, "the blog"));
    CHECK_FALSE(has_cue(audit, CueKind::AttributionVerb, "tweet"));  // on no card
}

TEST_CASE("a classifier whose verdicts one word predicts scores 100 % leave-one-out and is flagged") {
    std::vector<Card> cards;
    // Each filler twice per verdict, so holding a card out never leaves
    // its filler to the other verdicts alone.
    const std::vector<std::string> fillers = {"the valley was quiet", "the road is long", "the valley was quiet",
                                              "the road is long"};
    for (const std::string& filler : fillers) {
        cards.push_back({V, "history " + filler});
        cards.push_back({C, "disputed " + filler});
        cards.push_back({P, "hyenas " + filler});
    }
    const ClassifierCheck check = audit_cues(deck_of(cards)).classifier;
    CHECK(check.cards == 12);
    CHECK(check.right == 12);
    CHECK(check.accuracy_percent() == doctest::Approx(100.0));
    CHECK(check.baseline_percent() == doctest::Approx(100.0 / 3));
    CHECK(check.flagged);
}

TEST_CASE("the classifier predicts each card from the others only, so words no other card has tell it nothing") {
    std::vector<Card> cards;
    const std::vector<std::string> words = {"alpha",   "bravo", "charlie", "delta", "echo",
                                            "foxtrot", "golf",  "hotel",   "india"};
    for (std::size_t i = 0; i < words.size(); ++i) cards.push_back({kAllVerdicts[i % 3], words[i]});
    const ClassifierCheck check = audit_cues(deck_of(cards)).classifier;
    CHECK(check.right == 0);  // a model that had seen the card would get all nine
    CHECK_FALSE(check.flagged);
}

TEST_CASE("a classifier on identical card texts scores the majority baseline and is not flagged") {
    std::vector<Card> cards;
    for (Verdict verdict : {V, V, V, V, V, C, C, C, P, P})
        cards.push_back({verdict, "The article says the valley held."});
    const ClassifierCheck check = audit_cues(deck_of(cards)).classifier;
    CHECK(check.majority == V);
    CHECK(check.majority_cards == 5);
    CHECK(check.baseline_percent() == doctest::Approx(50.0));
    CHECK(check.accuracy_percent() == doctest::Approx(50.0));
    CHECK_FALSE(check.flagged);
}

TEST_CASE("an empty deck and a one-card deck are audited without flags") {
    const CueAudit empty = audit_cues(deck_of({}));
    CHECK(empty.classifier.cards == 0);
    CHECK(empty.classifier.accuracy_percent() == doctest::Approx(0.0));
    CHECK_FALSE(empty.flagged());
    const CueAudit single = audit_cues(deck_of({{P, "Only “one” card."}}));
    CHECK(single.classifier.right == 0);
    CHECK_FALSE(single.flagged());
}

TEST_CASE("card words are lower-cased letters and digits, split at the punctuation of every script") {
    CHECK(card_words("According to the “Lions of Panjshir”, 50,000 fighters—Taliban's") ==
          std::vector<std::string>{"according", "to", "the", "lions", "of", "panjshir", "50", "000", "fighters",
                                   "taliban", "s"});
    CHECK(card_words("Café\u00A0Kabul \u202Eevil") == std::vector<std::string>{"café", "kabul", "evil"});
    CHECK(card_words("  ...  ").empty());
}

TEST_CASE("quotation marks are found in every style but an apostrophe inside a word is not one") {
    for (const char* quoted : {"the “word”", "the \"word\"", "the 'word'", "the ‘word’", "the «word»", "’word’ first",
                               "'Quoted' at the start"}) {
        CAPTURE(quoted);
        CHECK(has_quotation_marks(quoted));
    }
    for (const char* plain : {"the Taliban's word", "the Taliban’s word", "no marks at all", "ends with '"}) {
        CAPTURE(plain);
        CHECK_FALSE(has_quotation_marks(plain));
    }
}

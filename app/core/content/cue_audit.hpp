// The cue audit: can a learner guess a card's verdict from how the card is
// written rather than from what it claims? A learner who learns that quoted
// words mean "propaganda" or that "The blog says" means "verified" learns
// nothing about claims, so every deck is measured for the cues its writer
// controls, and by a classifier that reads only the card's words.
// Pure and deterministic: the same deck always gives the same audit.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/verdict.hpp"
#include "content/deck.hpp"

namespace claimdeck {

// A cue is flagged when its share of cards differs by more than this many
// percentage points between two verdicts.
inline constexpr int kCueSpreadLimitPoints = 25;
// The classifier is flagged when it beats always pressing the most common
// verdict by more than this many percentage points.
inline constexpr int kClassifierMarginLimitPoints = 12;

enum class CueKind {
    QuotationMarks,   // “ ” „ « » " anywhere, or a single mark opening a word
    Digits,           // any of 0-9
    Opener,           // the card's first two words, e.g. "according to", "the blog"
    AttributionVerb,  // says, claims, reports, calls (as in "what it calls") ...
    Article,          // the article the claim comes from
    Topic,
};

// "quotation marks", "digits", "opens with", "attribution verb", "article", "topic"
std::string_view to_string(CueKind kind);

// `with` of the `cards` of one verdict show the cue.
struct CueShare {
    int with = 0;
    int cards = 0;
    // In percent; 0 for a verdict without cards.
    double percent() const;
};

struct Cue {
    CueKind kind = CueKind::Digits;
    // Which opener, verb (its base form), article id or topic id; empty for
    // quotation marks and digits. Article and topic ids come from the deck.
    std::string value;
    std::array<CueShare, 3> per_verdict{};  // by index_of(verdict)
    // The largest difference in share between two verdicts that have cards.
    double spread_points = 0;
    bool flagged = false;
};

// Multinomial naive Bayes on the card text's lower-cased words (Laplace
// smoothing), each card predicted from all the others (leave-one-out).
struct ClassifierCheck {
    int cards = 0;
    int right = 0;
    Verdict majority = Verdict::Contested;  // the most common verdict; the first in kAllVerdicts on a tie
    int majority_cards = 0;
    bool flagged = false;
    // Shares in percent; 0 for a deck without cards.
    double accuracy_percent() const;
    double baseline_percent() const;
};

struct CueAudit {
    std::array<int, 3> cards_per_verdict{};  // by index_of(verdict)
    // Quotation marks, digits, then openers in order of first use (only those
    // on two cards or more: one card is no pattern to learn), attribution
    // verbs in the order of attribution_verbs(), articles and topics in deck
    // order (those with cards).
    std::vector<Cue> cues;
    ClassifierCheck classifier;

    int flagged_cues() const;
    bool flagged() const;  // a cue or the classifier
};

CueAudit audit_cues(const Deck& deck);

// The audit in two steps, so that the Studio reads again only the cards an
// edit touched: each card read once (its words by id), then the whole audit
// from the readings. audit_cues(deck) is read_card() of every claim, then this.
using WordId = std::uint32_t;
class WordIds {
public:
    WordId id_of(const std::string& word);  // a new word gets the next id
    std::size_t size() const { return ids_.size(); }

private:
    std::unordered_map<std::string, WordId> ids_;
};

// What the audit reads of a card: its verdict, its words and the cues its text shows.
struct CardReading {
    Verdict verdict = Verdict::Contested;
    std::vector<WordId> words;            // card_words() of its text, by id
    std::string opener;                   // its first two words
    std::vector<std::string_view> verbs;  // the attribution verbs it uses, by base form
    bool quotation_marks = false;
    bool digits = false;
};
CardReading read_card(const Claim& claim, WordIds& word_ids);
bool operator==(const CardReading& a, const CardReading& b);
inline bool operator!=(const CardReading& a, const CardReading& b) { return !(a == b); }

// `cards` are the readings of the deck's claims, in order, all by the same
// WordIds, which has given `word_ids` ids.
CueAudit audit_cues(const Deck& deck, const std::vector<const CardReading*>& cards, std::size_t word_ids);

// The attribution verbs the audit looks for, by base form, with the forms
// that count as each: {"say", {"say", "says", "said"}}, ...
struct AttributionVerb {
    std::string_view base;
    std::vector<std::string_view> forms;
};
const std::vector<AttributionVerb>& attribution_verbs();

// The words of a card text as the classifier and the opener cue read them:
// lower-cased runs of letters and digits. ASCII punctuation, Latin-1
// punctuation (U+0080-U+00BF: no-break space, « », ...) and general
// punctuation (U+2000-U+206F: curly quotes, dashes, ...) separate words;
// every other non-ASCII character counts as a letter.
std::vector<std::string> card_words(std::string_view text);

// Whether a card text holds quotation marks, typographic or straight. An
// apostrophe inside a word ("Taliban's", "Taliban’s") is not one.
bool has_quotation_marks(std::string_view text);

}  // namespace claimdeck

// The cue audit: can a learner guess a card's verdict from how the card is
// written rather than from what it claims? A learner who learns that quoted
// words mean "propaganda" or that "The blog says" means "verified" learns
// nothing about claims, so every deck is measured for the cues its writer
// controls, and by a classifier that reads only the card's words.
// Pure and deterministic: the same deck always gives the same audit.
#pragma once

#include <array>
#include <string>
#include <string_view>
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

#include "content/cue_audit.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <initializer_list>
#include <optional>
#include <set>
#include <unordered_map>
#include <utility>

namespace claimdeck {
namespace {

bool is_ascii_letter_or_digit(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Bytes in the UTF-8 sequence that `lead` starts; a stray or invalid byte
// counts as one.
std::size_t sequence_length(unsigned char lead) {
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    if (lead >= 0xE0) return lead <= 0xEF ? 3 : 1;
    return lead >= 0xC2 ? 2 : 1;
}

// U+0080-U+00BF (C2 xx) and U+2000-U+206F (E2 80 xx, E2 81 xx): spaces,
// quotation marks, dashes and the invisible controls, never letters.
bool is_punctuation_sequence(std::string_view text, std::size_t at) {
    const auto lead = static_cast<unsigned char>(text[at]);
    if (lead == 0xC2) return true;
    if (lead != 0xE2 || at + 1 >= text.size()) return false;
    const auto second = static_cast<unsigned char>(text[at + 1]);
    return second == 0x80 || second == 0x81;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_any(std::string_view text, std::size_t at, std::initializer_list<std::string_view> marks) {
    return std::any_of(marks.begin(), marks.end(),
                       [&](std::string_view mark) { return text.substr(at, mark.size()) == mark; });
}

// Marks that quote wherever they stand: double marks of every style, and
// the opening single marks that are never apostrophes.
bool quotes_anywhere(std::string_view text, std::size_t at) {
    return starts_with_any(
        text, at,
        {"\"", "\u201C", "\u201D", "\u201E", "\u201F", "\u00AB", "\u00BB", "\u2039", "\u203A", "\u2018", "\u201A"});
}

// ' or ’ at the start of a word opens a quotation ('peacefully'); inside a
// word it is an apostrophe (Taliban's). An elision such as '90s counts too:
// rare, and it reads like a quotation mark to a learner anyway.
bool opens_single_quote(std::string_view text, std::size_t at) {
    const std::size_t length = text[at] == '\'' ? 1 : starts_with_any(text, at, {"\u2019"}) ? 3 : 0;
    if (length == 0 || at + length >= text.size()) return false;
    const bool word_before = at > 0 && (is_ascii_letter_or_digit(static_cast<unsigned char>(text[at - 1])) ||
                                        static_cast<unsigned char>(text[at - 1]) >= 0x80);
    const auto next = static_cast<unsigned char>(text[at + length]);
    return !word_before && (is_ascii_letter_or_digit(next) || next >= 0x80);
}

bool has_digit(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// ---- The cues a card shows ----------------------------------------------------

std::string opener_of(const std::vector<std::string>& words) {
    if (words.size() < 2) return words.empty() ? "" : words[0];
    return words[0] + " " + words[1];
}

// The base form of every attribution verb among `words`, each once.
std::set<std::string_view> verbs_in(const std::vector<std::string>& words) {
    std::set<std::string_view> found;
    for (const AttributionVerb& verb : attribution_verbs())
        for (const std::string& word : words)
            if (std::find(verb.forms.begin(), verb.forms.end(), word) != verb.forms.end()) found.insert(verb.base);
    return found;
}

// ---- Shares and flags ---------------------------------------------------------

// Whether the shares of two verdicts differ by more than the limit, in exact
// integer arithmetic so that a difference of exactly 25 points is never
// flagged by a rounding error: |a/n - b/m| > L/100  <=>  100|a·m - b·n| > L·n·m.
bool differ_beyond_limit(const CueShare& a, const CueShare& b) {
    const long long cross = static_cast<long long>(a.with) * b.cards - static_cast<long long>(b.with) * a.cards;
    return 100 * std::llabs(cross) > static_cast<long long>(kCueSpreadLimitPoints) * a.cards * b.cards;
}

void measure_spread(Cue& cue) {
    for (const CueShare& a : cue.per_verdict) {
        for (const CueShare& b : cue.per_verdict) {
            if (a.cards == 0 || b.cards == 0) continue;
            cue.spread_points = std::max(cue.spread_points, a.percent() - b.percent());
            cue.flagged = cue.flagged || differ_beyond_limit(a, b);
        }
    }
}

Cue measure_cue(CueKind kind, std::string value, const std::array<int, 3>& cards_per_verdict,
                const std::vector<Verdict>& verdicts_with_cue) {
    Cue cue{kind, std::move(value), {}, 0, false};
    for (Verdict verdict : kAllVerdicts)
        cue.per_verdict[index_of(verdict)].cards = cards_per_verdict[index_of(verdict)];
    for (Verdict verdict : verdicts_with_cue) ++cue.per_verdict[index_of(verdict)].with;
    measure_spread(cue);
    return cue;
}

// For each value of one kind of cue (each opener, each article ...), the
// verdicts of the cards that show it, in the order the values were declared
// or first seen.
class CueTally {
public:
    void declare(const std::string& value) { slot(value); }
    void add(const std::string& value, Verdict verdict) { slot(value).push_back(verdict); }

    // The values shown by at least `fewest_cards` cards, measured.
    void append_to(CueAudit& audit, CueKind kind, std::size_t fewest_cards) const {
        for (const auto& [value, verdicts] : values_)
            if (verdicts.size() >= fewest_cards)
                audit.cues.push_back(measure_cue(kind, value, audit.cards_per_verdict, verdicts));
    }

private:
    std::vector<Verdict>& slot(const std::string& value) {
        auto [found, added] = index_.try_emplace(value, values_.size());  // no node made for a value seen before
        if (added) values_.push_back({value, {}});
        return values_[found->second].second;
    }
    std::unordered_map<std::string, std::size_t> index_;
    std::vector<std::pair<std::string, std::vector<Verdict>>> values_;
};

// One card is not a pattern a learner can pick up, and listing every
// one-off opening would bury the ones that are.
constexpr std::size_t kFewestCardsForAnOpener = 2;

// Quotation marks and digits are always listed, at 0 % too: a clean deck
// shows that it was measured.
void add_text_cues(CueAudit& audit, const std::vector<const CardReading*>& cards) {
    CueTally quotes, digits, openers, verbs;
    quotes.declare("");
    digits.declare("");
    for (const AttributionVerb& verb : attribution_verbs()) verbs.declare(std::string(verb.base));
    for (const CardReading* card : cards) {
        if (card->quotation_marks) quotes.add("", card->verdict);
        if (card->digits) digits.add("", card->verdict);
        if (!card->words.empty()) openers.add(card->opener, card->verdict);
        for (std::string_view verb : card->verbs) verbs.add(std::string(verb), card->verdict);
    }
    quotes.append_to(audit, CueKind::QuotationMarks, 0);
    digits.append_to(audit, CueKind::Digits, 0);
    openers.append_to(audit, CueKind::Opener, kFewestCardsForAnOpener);
    verbs.append_to(audit, CueKind::AttributionVerb, 1);
}

void add_source_cues(CueAudit& audit, const Deck& deck) {
    CueTally articles, topics;
    for (const Article& article : deck.articles) articles.declare(article.id);
    for (const Topic& topic : deck.topics) topics.declare(topic.id);
    for (const Claim& claim : deck.claims) {
        articles.add(claim.article, claim.verdict);
        topics.add(claim.topic, claim.verdict);
    }
    articles.append_to(audit, CueKind::Article, 1);
    topics.append_to(audit, CueKind::Topic, 1);
}

// ---- The classifier -----------------------------------------------------------

// Multinomial naive Bayes over every card of a deck, able to leave any one
// card out of its training by subtracting that card's counts, so the n
// leave-one-out predictions cost one pass over the deck, not n. Words are
// counted by their ids, in arrays.
class LeaveOneOutBayes {
public:
    LeaveOneOutBayes(const std::vector<const CardReading*>& cards, std::size_t word_ids)
        : cards_(cards), deck_counts_(word_ids), own_(word_ids), seen_(word_ids) {
        for (VerdictModel& model : models_) model.counts.assign(word_ids, 0);
        for (const CardReading* card : cards) {
            VerdictModel& model = models_[index_of(card->verdict)];
            ++model.cards;
            model.words += static_cast<long long>(card->words.size());
            for (const WordId word : card->words) {
                ++model.counts[word];
                if (deck_counts_[word]++ == 0) ++vocabulary_;
            }
        }
    }

    // The verdict of card `held_out` as the other cards predict it; the first
    // in kAllVerdicts on a tie; none when no other card is left to learn from.
    std::optional<Verdict> predict_without(std::size_t held_out) {
        const CardReading& card = *cards_[held_out];
        for (const WordId word : card.words) ++own_[word];
        const long long vocabulary = training_vocabulary(card);
        std::optional<Verdict> best;
        double best_score = 0;
        for (Verdict verdict : kAllVerdicts) {
            std::optional<double> score = log_score(verdict, card, vocabulary);
            if (score && (!best || *score > best_score)) {
                best = verdict;
                best_score = *score;
            }
        }
        for (const WordId word : card.words) own_[word] = 0;
        return best;
    }

private:
    struct VerdictModel {
        int cards = 0;
        long long words = 0;
        std::vector<int> counts;
    };

    // Words the other cards use: a word only the held-out card has is unseen.
    long long training_vocabulary(const CardReading& card) {
        long long only_here = 0;
        for (const WordId word : card.words) {
            if (seen_[word]) continue;
            seen_[word] = true;
            if (deck_counts_[word] == own_[word]) ++only_here;
        }
        for (const WordId word : card.words) seen_[word] = false;
        return vocabulary_ - only_here;
    }

    // log P(verdict) + Σ log P(word | verdict) over the card's words the
    // training cards know, with add-one (Laplace) smoothing; none when the
    // training cards hold no card of this verdict.
    std::optional<double> log_score(Verdict verdict, const CardReading& card, long long vocabulary) const {
        const VerdictModel& model = models_[index_of(verdict)];
        const bool same = verdict == card.verdict;
        const int cards = model.cards - (same ? 1 : 0);
        if (cards == 0) return std::nullopt;
        const long long words = model.words - (same ? static_cast<long long>(card.words.size()) : 0);
        double score = std::log(static_cast<double>(cards) / static_cast<double>(cards_.size() - 1));
        for (const WordId word : card.words) {
            const int own_count = own_[word];
            if (deck_counts_[word] == own_count) continue;  // unseen in training
            const int count = model.counts[word] - (same ? own_count : 0);
            score += std::log(static_cast<double>(count + 1) / static_cast<double>(words + vocabulary));
        }
        return score;
    }

    const std::vector<const CardReading*>& cards_;
    std::array<VerdictModel, 3> models_{};
    std::vector<int> deck_counts_;
    long long vocabulary_ = 0;  // words with a count in deck_counts_
    std::vector<int> own_;      // the held-out card's counts; all 0 between predictions
    std::vector<bool> seen_;
};

Verdict most_common(const std::array<int, 3>& cards_per_verdict) {
    Verdict majority = kAllVerdicts[0];
    for (Verdict verdict : kAllVerdicts)
        if (cards_per_verdict[index_of(verdict)] > cards_per_verdict[index_of(majority)]) majority = verdict;
    return majority;
}

// accuracy - baseline > L points  <=>  100 (right - majority) > L · cards, exactly.
bool beats_baseline_beyond_limit(const ClassifierCheck& check) {
    return 100LL * (check.right - check.majority_cards) >
           static_cast<long long>(kClassifierMarginLimitPoints) * check.cards;
}

ClassifierCheck check_classifier(const std::vector<const CardReading*>& cards, std::size_t word_ids,
                                 const std::array<int, 3>& cards_per_verdict) {
    ClassifierCheck check;
    check.cards = static_cast<int>(cards.size());
    check.majority = most_common(cards_per_verdict);
    check.majority_cards = cards_per_verdict[index_of(check.majority)];
    LeaveOneOutBayes bayes(cards, word_ids);
    for (std::size_t i = 0; i < cards.size(); ++i)
        if (bayes.predict_without(i) == cards[i]->verdict) ++check.right;
    check.flagged = beats_baseline_beyond_limit(check);
    return check;
}

double percent_of(long long part, long long whole) {
    return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

std::string_view to_string(CueKind kind) {
    switch (kind) {
        case CueKind::QuotationMarks: return "quotation marks";
        case CueKind::Digits: return "digits";
        case CueKind::Opener: return "opens with";
        case CueKind::AttributionVerb: return "attribution verb";
        case CueKind::Article: return "article";
        case CueKind::Topic: return "topic";
    }
    return "cue";
}

double CueShare::percent() const { return percent_of(with, cards); }
double ClassifierCheck::accuracy_percent() const { return percent_of(right, cards); }
double ClassifierCheck::baseline_percent() const { return percent_of(majority_cards, cards); }

int CueAudit::flagged_cues() const {
    return static_cast<int>(std::count_if(cues.begin(), cues.end(), [](const Cue& cue) { return cue.flagged; }));
}

bool CueAudit::flagged() const { return classifier.flagged || flagged_cues() > 0; }

WordId WordIds::id_of(const std::string& word) {
    return ids_.emplace(word, static_cast<WordId>(ids_.size())).first->second;
}

CardReading read_card(const Claim& claim, WordIds& word_ids) {
    CardReading card;
    card.verdict = claim.verdict;
    const std::vector<std::string> words = card_words(claim.text);
    for (const std::string& word : words) card.words.push_back(word_ids.id_of(word));
    card.opener = opener_of(words);
    const std::set<std::string_view> verbs = verbs_in(words);
    card.verbs.assign(verbs.begin(), verbs.end());
    card.quotation_marks = has_quotation_marks(claim.text);
    card.digits = has_digit(claim.text);
    return card;
}

bool operator==(const CardReading& a, const CardReading& b) {
    return a.verdict == b.verdict && a.words == b.words && a.opener == b.opener && a.verbs == b.verbs &&
           a.quotation_marks == b.quotation_marks && a.digits == b.digits;
}

CueAudit audit_cues(const Deck& deck) {
    WordIds word_ids;
    std::vector<CardReading> cards;
    cards.reserve(deck.claims.size());
    for (const Claim& claim : deck.claims) cards.push_back(read_card(claim, word_ids));
    std::vector<const CardReading*> read;
    for (const CardReading& card : cards) read.push_back(&card);
    return audit_cues(deck, read, word_ids.size());
}

CueAudit audit_cues(const Deck& deck, const std::vector<const CardReading*>& cards, std::size_t word_ids) {
    CueAudit audit;
    for (const CardReading* card : cards) ++audit.cards_per_verdict[index_of(card->verdict)];
    add_text_cues(audit, cards);
    add_source_cues(audit, deck);
    audit.classifier = check_classifier(cards, word_ids, audit.cards_per_verdict);
    return audit;
}

const std::vector<AttributionVerb>& attribution_verbs() {
    // "calls" is here for "what it calls": words put in a source's mouth.
    static const std::vector<AttributionVerb> verbs = {
        {"say", {"say", "says", "said"}},
        {"claim", {"claim", "claims", "claimed"}},
        {"report", {"report", "reports", "reported"}},
        {"call", {"call", "calls", "called"}},
        {"argue", {"argue", "argues", "argued"}},
        {"declare", {"declare", "declares", "declared"}},
        {"conclude", {"conclude", "concludes", "concluded"}},
        {"predict", {"predict", "predicts", "predicted"}},
        {"describe", {"describe", "describes", "described"}},
        {"ask", {"ask", "asks", "asked"}},
        {"state", {"state", "states", "stated"}},
        {"announce", {"announce", "announces", "announced"}},
        {"confirm", {"confirm", "confirms", "confirmed"}},
        {"deny", {"deny", "denies", "denied"}},
        {"tell", {"tell", "tells", "told"}},
        {"write", {"write", "writes", "wrote"}},
        {"tweet", {"tweet", "tweets", "tweeted"}},
        {"insist", {"insist", "insists", "insisted"}},
        {"allege", {"allege", "alleges", "alleged"}},
        {"accuse", {"accuse", "accuses", "accused"}},
        {"admit", {"admit", "admits", "admitted"}},
        {"warn", {"warn", "warns", "warned"}},
    };
    return verbs;
}

std::vector<std::string> card_words(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    for (std::size_t at = 0; at < text.size();) {
        const auto c = static_cast<unsigned char>(text[at]);
        const std::size_t length = std::min(sequence_length(c), text.size() - at);
        const bool letter = c < 0x80 ? is_ascii_letter_or_digit(c) : !is_punctuation_sequence(text, at);
        if (letter) {
            for (std::size_t i = 0; i < length; ++i) word += lower(text[at + i]);
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
        at += length;
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

bool has_quotation_marks(std::string_view text) {
    for (std::size_t at = 0; at < text.size(); ++at)
        if (quotes_anywhere(text, at) || opens_single_quote(text, at)) return true;
    return false;
}

}  // namespace claimdeck

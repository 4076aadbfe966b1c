#include "learning/technique_cards.hpp"

#include <algorithm>
#include <random>

#include "base/calendar.hpp"
#include "content/quote_marks.hpp"
#include "content/techniques.hpp"
#include "learning/scoring.hpp"

namespace claimdeck {

std::vector<TechniqueCard> technique_cards(const Deck& deck) {
    std::vector<TechniqueCard> cards;
    for (std::size_t c = 0; c < deck.claims.size(); ++c) {
        const Claim& claim = deck.claims[c];
        for (std::size_t u = 0; u < claim.techniques.size(); ++u)
            if (!claim.techniques[u].words.empty()) cards.push_back({claim.id + "#" + claim.techniques[u].name, c, u});
    }
    return cards;
}

namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

bool overlaps(const Span& a, const Span& b) { return a.begin < b.end && b.begin < a.end; }

}  // namespace

std::vector<QuoteWord> quote_words(std::string_view quote, const std::vector<std::string>& carrying,
                                   const std::vector<std::string>& carrying_others) {
    // Every place the deck's words occur, as the reveal marks them.
    const std::vector<Span> carried = find_words(quote, carrying);
    const std::vector<Span> carried_by_others = find_words(quote, carrying_others);
    const auto within = [](const std::vector<Span>& spans, const Span& word) {
        return std::any_of(spans.begin(), spans.end(), [&](const Span& s) { return overlaps(s, word); });
    };
    std::vector<QuoteWord> words;
    std::size_t at = 0;
    while (at < quote.size()) {
        while (at < quote.size() && is_space(quote[at])) ++at;
        const std::size_t begin = at;
        while (at < quote.size() && !is_space(quote[at])) ++at;
        if (at == begin) break;
        QuoteWord word{{begin, at}, false, false};
        word.carries = within(carried, word.span);
        word.carries_another = !word.carries && within(carried_by_others, word.span);
        words.push_back(word);
    }
    return words;
}

double words_overlap(const std::vector<QuoteWord>& words, const std::vector<bool>& picked) {
    int found = 0, wrong = 0, missed = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (words[i].carries_another) continue;
        const bool chosen = i < picked.size() && picked[i];
        if (chosen && words[i].carries) ++found;
        if (chosen && !words[i].carries) ++wrong;
        if (!chosen && words[i].carries) ++missed;
    }
    const int total = 2 * found + wrong + missed;
    return total == 0 ? 0.0 : 2.0 * found / total;
}

namespace {

// Three names not at work in the quote, each drawn as often as the deck uses
// it; names the deck never uses only when it uses too few.
template <class AtWork>
std::vector<std::string_view> wrong_names(const Deck& deck, const AtWork& at_work, std::mt19937_64& random) {
    // One pass over the deck, however many names: a deck may hold 200 000 claims.
    std::map<std::string_view, double> deck_uses;
    for (const Claim& claim : deck.claims)
        for (const TechniqueUse& use : claim.techniques) ++deck_uses[use.name];
    std::vector<std::string_view> names;
    std::vector<double> uses;
    for (const TechniqueInfo& technique : propaganda_techniques()) {
        if (at_work(technique.name)) continue;
        names.push_back(technique.name);
        const auto used = deck_uses.find(technique.name);
        uses.push_back(used == deck_uses.end() ? 0 : used->second);
    }
    std::vector<std::string_view> chosen;
    while (chosen.size() + 1 < kTechniqueChoices && !names.empty()) {
        if (std::none_of(uses.begin(), uses.end(), [](double count) { return count > 0; }))
            std::fill(uses.begin(), uses.end(), 1.0);
        std::discrete_distribution<std::size_t> draw(uses.begin(), uses.end());
        const auto at = static_cast<std::ptrdiff_t>(draw(random));
        chosen.push_back(names[static_cast<std::size_t>(at)]);
        names.erase(names.begin() + at);
        uses.erase(uses.begin() + at);
    }
    return chosen;
}

}  // namespace

TechniqueQuestion technique_question(const Deck& deck, const TechniqueCard& card, std::uint64_t seed) {
    TechniqueQuestion question;
    question.claim = &deck.claims.at(card.claim_index);
    question.use = &question.claim->techniques.at(card.use_index);
    question.card_id = card.id;
    std::vector<std::string> others;
    for (const TechniqueUse& use : question.claim->techniques)
        if (&use != question.use) others.insert(others.end(), use.words.begin(), use.words.end());
    question.words = quote_words(question.claim->quote, question.use->words, others);

    // A name at work elsewhere in the same quote would be a second right answer.
    const auto at_work = [&](std::string_view name) {
        return std::any_of(question.claim->techniques.begin(), question.claim->techniques.end(),
                           [&](const TechniqueUse& use) { return use.name == name; });
    };
    std::mt19937_64 random(seed);
    const TechniqueInfo* right = find_technique(question.use->name);
    question.choices = wrong_names(deck, at_work, random);
    question.choices.push_back(right ? right->name : std::string_view(question.use->name));
    std::shuffle(question.choices.begin(), question.choices.end(), random);
    return question;
}

fsrs::Rating technique_grade(bool named, double overlap) {
    if (!named) return fsrs::Rating::Again;
    return overlap >= 0.5 ? fsrs::Rating::Good : fsrs::Rating::Hard;
}

std::optional<std::size_t> choose_technique_card(const std::vector<TechniqueCard>& cards, const Deck& deck,
                                                 const std::map<std::string, CardState>& technique_states,
                                                 const std::map<std::string, CardState>& claim_states,
                                                 const std::set<std::string>& just_answered, bool daily_limit,
                                                 std::int64_t now_ms, std::uint64_t seed) {
    std::optional<std::size_t> most_overdue;
    std::vector<std::size_t> fresh;
    int new_today = 0;
    const std::int64_t today = start_of_utc_day(now_ms);
    for (std::size_t i = 0; i < cards.size(); ++i) {
        const std::string& claim = deck.claims[cards[i].claim_index].id;
        const auto state = technique_states.find(cards[i].id);
        if (state == technique_states.end()) {
            if (claim_states.count(claim) && !just_answered.count(claim)) fresh.push_back(i);
            continue;
        }
        if (state->second.first_review_ms >= today) ++new_today;
        if (state->second.due_ms <= now_ms && !just_answered.count(claim) &&
            (!most_overdue || state->second.due_ms < technique_states.at(cards[*most_overdue].id).due_ms))
            most_overdue = i;
    }
    if (most_overdue) return most_overdue;
    if (fresh.empty() || (daily_limit && new_today >= kNewTechniqueCardsPerDay)) return std::nullopt;
    return fresh[seed % fresh.size()];
}

TechniqueFigures technique_figures(std::vector<TechniqueTally> tallies) {
    TechniqueFigures figures;
    double overlap_sum = 0;
    for (const TechniqueTally& tally : tallies) {
        figures.answers += tally.answers;
        figures.named += tally.named;
        overlap_sum += tally.words_overlap_sum;
    }
    if (figures.answers > 0) figures.mean_overlap = overlap_sum / figures.answers;
    std::stable_sort(tallies.begin(), tallies.end(), [](const TechniqueTally& a, const TechniqueTally& b) {
        return a.answers != b.answers ? a.answers > b.answers : a.technique < b.technique;
    });
    figures.per_technique = std::move(tallies);
    return figures;
}

std::string describe_technique_figures(const TechniqueFigures& figures) {
    if (figures.answers == 0)
        return "Technique cards come once you have seen " + std::to_string(kClaimsSeenBeforeTechniqueCards) +
               " claims: a quote you have judged, which technique is at work in it, and which words carry it.";
    return "You named the technique in " + std::to_string(figures.named) + " of " + std::to_string(figures.answers) +
           (figures.answers == 1 ? " technique card (" : " technique cards (") +
           whole_percent(static_cast<double>(figures.named) / figures.answers) +
           "). The words you tapped matched the words that carry it by " + whole_percent(figures.mean_overlap) +
           ", on average.";
}

std::string describe_technique_tally(const TechniqueTally& tally) {
    const double overlap = tally.answers > 0 ? tally.words_overlap_sum / tally.answers : 0;
    return tally.technique + ": named " + std::to_string(tally.named) + " of " + std::to_string(tally.answers) +
           ", words matched " + whole_percent(overlap);
}

}  // namespace claimdeck

#include "studio/studio_checks.hpp"

#include <algorithm>
#include <utility>

namespace claimdeck {
namespace {

// The text between the first pair of double quotes at or after `from`.
std::string quoted_after(const std::string& text, std::size_t from) {
    const std::size_t open = text.find('"', from);
    if (open == std::string::npos) return {};
    const std::size_t close = text.find('"', open + 1);
    return close == std::string::npos ? std::string() : text.substr(open + 1, close - open - 1);
}

bool starts_with(const std::string& text, const char* prefix) { return text.rfind(prefix, 0) == 0; }

Problem lost_quote_problem(const LostQuote& lost, const std::string& file) {
    const std::string field = lost.evidence ? "evidence[" + std::to_string(*lost.evidence) + "]" : "quote";
    return {file, "claim \"" + lost.claim + "\", field \"" + field + "\"",
            "the article's text changed and these words are no longer in it; select the quote again"};
}

void add_found(std::vector<StudioProblem>& found, Problem problem) {
    FieldRef where = field_of(problem);
    found.push_back({std::move(problem), std::move(where)});
}

void add_all(std::vector<StudioProblem>& found, std::vector<Problem> problems) {
    for (Problem& problem : problems) add_found(found, std::move(problem));
}

// Adds a claim's problems, found with no file name, under `file`, as long as the list takes them.
bool add_claim_problems(std::vector<Problem>& problems, const std::vector<Problem>& claim, const std::string& file) {
    for (Problem problem : claim) {
        problem.file = file;
        if (!add_problem(problems, std::move(problem))) return false;
    }
    return true;
}

bool cites(const Claim& claim, const std::string& article) {
    return claim.article == article || std::any_of(claim.evidence.begin(), claim.evidence.end(),
                                                   [&](const Evidence& e) { return e.article == article; });
}

bool names_any(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

FieldRef field_of(const Problem& problem) {
    const std::string& place = problem.place;
    FieldRef ref;
    if (starts_with(place, "claim "))
        ref.kind = FieldRef::Kind::Claim;
    else if (starts_with(place, "article "))
        ref.kind = FieldRef::Kind::Article;
    else if (starts_with(place, "topic "))
        ref.kind = FieldRef::Kind::Topic;
    else
        return ref;
    ref.id = quoted_after(place, 0);
    const std::size_t field = place.find("field ");
    if (field != std::string::npos) ref.field = quoted_after(place, field);
    return ref;
}

std::vector<StudioProblem> studio_checks(const StudioDocument& document, const std::string& file) {
    std::vector<StudioProblem> found;
    for (const LostQuote& lost : document.lost_quotes()) add_found(found, lost_quote_problem(lost, file));
    add_all(found, check_deck(document.deck(), file));
    add_all(found, check_house_style(document.deck(), file));
    return found;
}

void LiveChecks::check_all(const StudioDocument& document, const std::string& file) {
    claims_.assign(document.deck().claims.size(), ClaimResults{});
    tallies_ = {};
    word_ids_ = {};
    audit_stale_ = true;
    check_stale_claims(document.deck());
    list(document, file);
}

void LiveChecks::update(const StudioDocument& document, const std::string& file) {
    follow_claim_changes(document.last_change());
    // Never expected; a wrong list of problems is better than reading past the deck's claims.
    if (claims_.size() != document.deck().claims.size()) return check_all(document, file);
    mark_claims_citing(document.deck(), document.last_change());
    check_stale_claims(document.deck());
    list(document, file);
}

void LiveChecks::follow_claim_changes(const DeckChange& change) {
    for (const DeckChange::ClaimChange& claim : change.claims) {
        if (claim.step != DeckChange::ClaimStep::Replaced) audit_stale_ = true;
        const auto at = claims_.begin() + static_cast<std::ptrdiff_t>(std::min(claim.index, claims_.size()));
        switch (claim.step) {
            case DeckChange::ClaimStep::Inserted: claims_.insert(at, ClaimResults{}); break;
            case DeckChange::ClaimStep::Erased:
                if (at == claims_.end()) break;
                uncount(*at);
                claims_.erase(at);
                break;
            case DeckChange::ClaimStep::Replaced:
                if (at != claims_.end()) at->stale = true;
                break;
        }
    }
}

// A claim is checked against its articles (its quotes, that they exist) and
// its topic (that it is declared): a change to one checks its claims again.
void LiveChecks::mark_claims_citing(const Deck& deck, const DeckChange& change) {
    if (change.articles.empty() && change.topics.empty()) return;
    audit_stale_ = true;  // the deck's lists of articles and topics may have changed
    for (std::size_t i = 0; i < deck.claims.size() && i < claims_.size(); ++i) {
        const Claim& claim = deck.claims[i];
        const bool touched = names_any(change.topics, claim.topic) ||
                             std::any_of(change.articles.begin(), change.articles.end(),
                                         [&](const std::string& article) { return cites(claim, article); });
        if (touched) claims_[i].stale = true;
    }
}

void LiveChecks::check_stale_claims(const Deck& deck) {
    const DeckValidator validator(deck, "");
    const HouseStyleChecker house_style(deck, "");
    for (std::size_t i = 0; i < claims_.size(); ++i) {
        ClaimResults& results = claims_[i];
        if (!results.stale) continue;
        const Claim& claim = deck.claims[i];
        uncount(results);
        results.validator.clear();
        validator.check_claim(claim, results.validator);
        results.house_style.clear();
        house_style.check_claim(claim, results.house_style);
        CardReading card = read_card(claim, word_ids_);
        if (card != results.card || claim.article != results.article || claim.topic != results.topic)
            audit_stale_ = true;
        results.card = std::move(card);
        results.article = claim.article;
        results.topic = claim.topic;
        results.verdict = claim.verdict;
        tallies_.count(claim.article, claim.topic, claim.verdict, 1);
        results.counted = true;
        results.stale = false;
    }
}

void LiveChecks::uncount(ClaimResults& results) {
    if (results.counted) tallies_.count(results.article, results.topic, results.verdict, -1);
    results.counted = false;
}

// The problems in the order studio_checks() finds them, each list as full as it would let it be.
void LiveChecks::list(const StudioDocument& document, const std::string& file) {
    const Deck& deck = document.deck();
    problems_.clear();
    for (const LostQuote& lost : document.lost_quotes()) add_found(problems_, lost_quote_problem(lost, file));

    std::vector<Problem> invalid;
    DeckValidator(deck, file).check_ids(invalid);
    for (const ClaimResults& claim : claims_)
        if (!add_claim_problems(invalid, claim.validator, file)) break;
    add_all(problems_, std::move(invalid));

    const HouseStyleChecker house_style(deck, file);
    std::vector<Problem> style;
    house_style.check_deck_items(tallies_, style);
    for (const ClaimResults& claim : claims_)
        if (!add_claim_problems(style, claim.house_style, file)) break;
    house_style.check_shares(tallies_, audit(deck), style);
    add_all(problems_, std::move(style));
}

const CueAudit& LiveChecks::audit(const Deck& deck) {
    if (!audit_stale_) return audit_;
    std::vector<const CardReading*> cards;
    cards.reserve(claims_.size());
    for (const ClaimResults& claim : claims_) cards.push_back(&claim.card);
    audit_ = deck.claims.empty() ? CueAudit{} : audit_cues(deck, cards, word_ids_.size());
    audit_stale_ = false;
    return audit_;
}

}  // namespace claimdeck

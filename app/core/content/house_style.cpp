#include "content/house_style.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "content/cue_audit.hpp"

namespace claimdeck {

double VerdictShares::percent(Verdict verdict) const {
    return total == 0 ? 0.0 : 100.0 * claims[index_of(verdict)] / total;
}

bool VerdictShares::in_range(Verdict verdict, const HouseStyleRules& rules) const {
    if (total == 0) return true;
    // Compared in whole claims so that 9 of 20 (exactly 45 %) is in range.
    const int count = claims[index_of(verdict)];
    return count * 100 >= rules.min_verdict_percent * total && count * 100 <= rules.max_verdict_percent * total;
}

VerdictShares verdict_shares(const Deck& deck) {
    VerdictShares shares;
    for (const Claim& claim : deck.claims) ++shares.claims[index_of(claim.verdict)];
    shares.total = static_cast<int>(deck.claims.size());
    return shares;
}

namespace {

bool starts_with(std::string_view text, std::size_t at, std::string_view piece) {
    return text.substr(at, piece.size()) == piece;
}

// The length of the closing mark at `at` (" ' ” ’ or a bracket), or 0.
std::size_t closing_mark_at(std::string_view text, std::size_t at) {
    if (at < text.size() && (text[at] == '"' || text[at] == '\'' || text[at] == ')')) return 1;
    if (starts_with(text, at, "\u201d") || starts_with(text, at, "\u2019")) return 3;
    return 0;
}

std::size_t space_at(std::string_view text, std::size_t at) {
    if (at < text.size() && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r')) return 1;
    return starts_with(text, at, "\u00a0") ? 2 : 0;
}

bool opens_sentence_at(std::string_view text, std::size_t at) {
    if (at >= text.size()) return false;
    const char c = text[at];
    if ((c >= 'A' && c <= 'Z') || c == '\'' || c == '"' || c == '(') return true;
    return starts_with(text, at, "\u2018") || starts_with(text, at, "\u201c");
}

// Whether a sentence ends at `at` (just past . ! or ?), and where the next begins.
std::size_t next_sentence_start(std::string_view text, std::size_t at) {
    while (std::size_t mark = closing_mark_at(text, at)) at += mark;
    const std::size_t spaces_from = at;
    while (std::size_t space = space_at(text, at)) at += space;
    if (at == spaces_from || !opens_sentence_at(text, at)) return std::string_view::npos;
    return at;
}

std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::size_t count_of(std::string_view text, std::string_view piece) {
    std::size_t count = 0;
    for (std::size_t at = text.find(piece); at != std::string_view::npos; at = text.find(piece, at + piece.size()))
        ++count;
    return count;
}

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::string whole_percent(double percent) {
    char text[16];
    std::snprintf(text, sizeof text, "%.0f %%", percent);
    return text;
}

std::string field_of(std::string_view kind, std::string_view id, std::string_view field) {
    return std::string(kind) + " " + in_quotes(id) + ", field " + in_quotes(field);
}

std::string describe_cue(const Cue& cue) {
    std::string label(to_string(cue.kind));
    if (!cue.value.empty()) label += " " + in_quotes(cue.value);
    std::string shares;
    for (Verdict verdict : kAllVerdicts)
        if (cue.per_verdict[index_of(verdict)].cards > 0)
            shares += (shares.empty() ? "" : ", ") + whole_percent(cue.per_verdict[index_of(verdict)].percent()) +
                      " of " + std::string(to_string(verdict)) + " cards";
    return label + ": on " + shares + ", " + std::to_string(static_cast<int>(cue.spread_points + 0.5)) +
           " points apart (limit " + std::to_string(kCueSpreadLimitPoints) +
           "); a learner can guess the verdict from it";
}

int count_in(const std::unordered_map<std::string, int>& counts, const std::string& key) {
    const auto found = counts.find(key);
    return found == counts.end() ? 0 : found->second;
}

}  // namespace

void ClaimTallies::count(const std::string& article, const std::string& topic, Verdict verdict, int by) {
    claims_per_article[article] += by;
    claims_per_topic[topic] += by;
    verdicts.claims[index_of(verdict)] += by;
    verdicts.total += by;
}

ClaimTallies tally_claims(const Deck& deck) {
    ClaimTallies tallies;
    for (const Claim& claim : deck.claims) tallies.count(claim.article, claim.topic, claim.verdict, 1);
    return tallies;
}

HouseStyleChecker::HouseStyleChecker(const Deck& deck, std::string file, const HouseStyleRules& rules)
    : deck_(deck), file_(std::move(file)), rules_(rules) {}

void HouseStyleChecker::check(std::vector<Problem>& problems) const {
    const ClaimTallies tallies = tally_claims(deck_);
    check_deck_items(tallies, problems);
    for (const Claim& claim : deck_.claims) check_claim(claim, problems);
    check_shares(tallies, deck_.claims.empty() ? CueAudit{} : audit_cues(deck_), problems);
}

void HouseStyleChecker::report(std::vector<Problem>& problems, const std::string& place, std::string message) const {
    add_problem(problems, Problem{file_, place, std::move(message)});
}

void HouseStyleChecker::check_typing(const std::string& place, std::string_view text,
                                     std::vector<Problem>& problems) const {
    std::string problem = typing_problem(text);
    if (!problem.empty()) report(problems, place, problem);
}

void HouseStyleChecker::check_id(std::string_view kind, std::string_view id, std::vector<Problem>& problems) const {
    if (!is_kebab_case(id))
        report(problems, field_of(kind, id, "id"),
               "ids are lower-case kebab-case: letters and digits in words joined by single hyphens");
}

void HouseStyleChecker::check_deck_items(const ClaimTallies& tallies, std::vector<Problem>& problems) const {
    check_id("deck", deck_.id, problems);
    for (const Article& article : deck_.articles) check_id("article", article.id, problems);
    for (const Topic& topic : deck_.topics) check_id("topic", topic.id, problems);
    check_typing("deck, field \"title\"", deck_.title, problems);
    check_typing("deck, field \"description\"", deck_.description, problems);
    for (const Topic& topic : deck_.topics) check_typing(field_of("topic", topic.id, "title"), topic.title, problems);
    for (const Article& article : deck_.articles) check_article(article, tallies, problems);
    for (const Topic& topic : deck_.topics)
        if (count_in(tallies.claims_per_topic, topic.id) == 0)
            report(problems, "topic " + in_quotes(topic.id), "declared but no claim uses it");
}

// The title is the headline the reader shows above the text, so it must
// be the file's first line (FORMAT.md); article texts stay verbatim, so
// their typing is not checked.
void HouseStyleChecker::check_article(const Article& article, const ClaimTallies& tallies,
                                      std::vector<Problem>& problems) const {
    const std::string_view first_line = std::string_view(article.text).substr(0, article.text.find('\n'));
    if (!article.text.empty() && article.title != first_line)
        report(problems, field_of("article", article.id, "title"),
               "differs from the first line of " + in_quotes(article.file) + ", the headline");
    const auto claims = static_cast<std::size_t>(count_in(tallies.claims_per_article, article.id));
    if (claims < rules_.min_claims_per_article)
        report(problems, "article " + in_quotes(article.id),
               std::to_string(claims) + " claims, fewer than " + std::to_string(rules_.min_claims_per_article));
}

void HouseStyleChecker::check_claim(const Claim& claim, std::vector<Problem>& problems) const {
    check_id("claim", claim.id, problems);
    check_typing(field_of("claim", claim.id, "text"), claim.text, problems);
    check_typing(field_of("claim", claim.id, "rationale"), claim.rationale, problems);
    check_typing(field_of("claim", claim.id, "known_now"), claim.known_now, problems);
    check_sentences(claim, problems);
    check_one_evidence_per_article(claim, problems);
}

void HouseStyleChecker::check_sentences(const Claim& claim, std::vector<Problem>& problems) const {
    const int text = count_sentences(claim.text);
    if (text > rules_.max_text_sentences)
        report(
            problems, field_of("claim", claim.id, "text"),
            std::to_string(text) + " sentences; house style is at most " + std::to_string(rules_.max_text_sentences));
    const int rationale = count_sentences(claim.rationale);
    if (rationale < rules_.min_rationale_sentences || rationale > rules_.max_rationale_sentences)
        report(problems, field_of("claim", claim.id, "rationale"),
               std::to_string(rationale) + (rationale == 1 ? " sentence" : " sentences") + "; house style is " +
                   std::to_string(rules_.min_rationale_sentences) + " to " +
                   std::to_string(rules_.max_rationale_sentences));
}

void HouseStyleChecker::check_one_evidence_per_article(const Claim& claim, std::vector<Problem>& problems) const {
    std::set<std::string_view> cited;
    for (std::size_t i = 0; i < claim.evidence.size(); ++i)
        if (!cited.insert(claim.evidence[i].article).second)
            report(problems, field_of("claim", claim.id, "evidence[" + std::to_string(i) + "]"),
                   "a second entry from " + in_quotes(claim.evidence[i].article) +
                       "; house style is one entry per article, its clearest sentence");
}

void HouseStyleChecker::check_shares(const ClaimTallies& tallies, const CueAudit& audit,
                                     std::vector<Problem>& problems) const {
    if (deck_.claims.size() < rules_.min_claims)
        report(problems, "deck",
               std::to_string(deck_.claims.size()) + " claims, fewer than " + std::to_string(rules_.min_claims));
    const VerdictShares& shares = tallies.verdicts;
    for (Verdict verdict : kAllVerdicts)
        if (!shares.in_range(verdict, rules_))
            report(problems, "deck",
                   "verdict " + in_quotes(to_string(verdict)) + " holds " + whole_percent(shares.percent(verdict)) +
                       " of the claims (" + std::to_string(shares.claims[index_of(verdict)]) + " of " +
                       std::to_string(shares.total) + "); house style is " +
                       std::to_string(rules_.min_verdict_percent) + " to " +
                       std::to_string(rules_.max_verdict_percent) + " % each, so that pressing one button never pays");
    if (!deck_.claims.empty()) check_cues(audit, problems);
}

void HouseStyleChecker::check_cues(const CueAudit& audit, std::vector<Problem>& problems) const {
    for (const Cue& cue : audit.cues)
        if (cue.flagged) report(problems, "deck, cue audit", describe_cue(cue));
    if (audit.classifier.flagged)
        report(problems, "deck, cue audit",
               "a classifier reading only the cards' words gets " + whole_percent(audit.classifier.accuracy_percent()) +
                   " right against " + whole_percent(audit.classifier.baseline_percent()) + " for always pressing " +
                   in_quotes(to_string(audit.classifier.majority)) +
                   "; the wording gives verdicts away (claimdeck-cli audit-cues shows which words)");
}

std::vector<Problem> check_house_style(const Deck& deck, const std::string& file, const HouseStyleRules& rules) {
    std::vector<Problem> problems;
    HouseStyleChecker(deck, file, rules).check(problems);
    return problems;
}

int count_sentences(std::string_view text) {
    text = trimmed(text);
    if (text.empty()) return 0;
    int sentences = 1;
    for (std::size_t at = 0; at < text.size(); ++at) {
        if (text[at] != '.' && text[at] != '!' && text[at] != '?') continue;
        const std::size_t next = next_sentence_start(text, at + 1);
        if (next == std::string_view::npos) continue;
        ++sentences;
        at = next - 1;
    }
    return sentences;
}

bool is_kebab_case(std::string_view id) {
    if (id.empty() || id.front() == '-' || id.back() == '-' || id.find("--") != std::string_view::npos) return false;
    return std::all_of(id.begin(), id.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::string typing_problem(std::string_view text) {
    if (text.find("  ") != std::string_view::npos) return "a double space";
    if (!text.empty() && (text.front() == ' ' || text.back() == ' ')) return "a space at the start or the end";
    if (count_of(text, "\u201c") != count_of(text, "\u201d")) return "a “ without its ” (or the other way round)";
    if (count_of(text, "\u00ab") != count_of(text, "\u00bb")) return "a « without its » (or the other way round)";
    if (count_of(text, "\"") % 2 != 0) return "a \" without its partner";
    return "";
}

}  // namespace claimdeck

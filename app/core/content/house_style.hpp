// House style: what makes a deck that loads into a deck that teaches. The
// validator (check_deck) says whether the app can use a deck at all; these
// checks say whether it follows EDITORIAL.md: verdicts balanced so that
// pressing one button never pays, rationales of a few plain sentences, ids a
// reader can type, clean text, and cards whose wording does not give their
// verdict away (the cue audit). `claimdeck-cli deck check`, the Studio's live
// checks and the tests all run these, so there is one home for each rule.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/problems.hpp"
#include "base/verdict.hpp"
#include "content/cue_audit.hpp"
#include "content/deck.hpp"

namespace claimdeck {

struct HouseStyleRules {
    // Every verdict holds between these shares of the claims (in percent).
    int min_verdict_percent = 25;
    int max_verdict_percent = 45;
    int min_rationale_sentences = 2;
    int max_rationale_sentences = 4;
    int max_text_sentences = 2;
    // Size minimums; 0 checks nothing. A shared deck asks for them (the
    // bundled deck: 48 claims, 7 per article); a teacher's first draft does not.
    std::size_t min_claims = 0;
    std::size_t min_claims_per_article = 0;
};

// How the deck's claims divide between the verdicts: what the Studio's meter
// draws, and what the balance check reads.
struct VerdictShares {
    std::array<int, 3> claims{};  // by index_of(verdict)
    int total = 0;

    // In percent; 0 for a deck without claims.
    double percent(Verdict verdict) const;
    // Within the rules' range; a deck without claims is not out of range.
    bool in_range(Verdict verdict, const HouseStyleRules& rules) const;
};

VerdictShares verdict_shares(const Deck& deck);

// Every house-style problem, placed like the validator's
// (`claim "id", field "rationale"`), the cue audit's flags among them.
// Article texts must be filled in (the headline check reads them).
std::vector<Problem> check_house_style(const Deck& deck, const std::string& file, const HouseStyleRules& rules = {});

// What the deck-wide rules count of the claims: kept as counts so that the
// Studio, after an edit, takes the old claim out and puts the new one in
// rather than counting the deck again.
struct ClaimTallies {
    std::unordered_map<std::string, int> claims_per_article;
    std::unordered_map<std::string, int> claims_per_topic;
    VerdictShares verdicts;
    // `by` is 1 for a claim counted in, -1 for one taken out.
    void count(const std::string& article, const std::string& topic, Verdict verdict, int by);
};
ClaimTallies tally_claims(const Deck& deck);

// check_house_style() in its parts, so that the Studio can check again only
// the claims an edit touched: the deck's own items (ids, titles, articles,
// topics), each claim, and the shares (verdict balance, cue audit). check()
// is the three in that order. The deck must not change while it is in use.
class HouseStyleChecker {
public:
    HouseStyleChecker(const Deck& deck, std::string file, const HouseStyleRules& rules = {});
    void check(std::vector<Problem>& problems) const;
    void check_deck_items(const ClaimTallies& tallies, std::vector<Problem>& problems) const;
    void check_claim(const Claim& claim, std::vector<Problem>& problems) const;
    // `audit` is audit_cues() of the deck; unread when it has no claims.
    void check_shares(const ClaimTallies& tallies, const CueAudit& audit, std::vector<Problem>& problems) const;

private:
    void report(std::vector<Problem>& problems, const std::string& place, std::string message) const;
    void check_typing(const std::string& place, std::string_view text, std::vector<Problem>& problems) const;
    void check_id(std::string_view kind, std::string_view id, std::vector<Problem>& problems) const;
    void check_article(const Article& article, const ClaimTallies& tallies, std::vector<Problem>& problems) const;
    void check_sentences(const Claim& claim, std::vector<Problem>& problems) const;
    void check_one_evidence_per_article(const Claim& claim, std::vector<Problem>& problems) const;
    void check_cues(const CueAudit& audit, std::vector<Problem>& problems) const;

    const Deck& deck_;
    std::string file_;
    HouseStyleRules rules_;
};

// Sentences in a text as an editor counts them: a break after . ! or ?
// (closing quotes and brackets may follow) then white space and a capital
// letter, an opening quote or a bracket. "Mr. Smith" counts as two; house
// style writes around it.
int count_sentences(std::string_view text);

// Lower-case letters and digits in words joined by single hyphens: "lions-350".
bool is_kebab_case(std::string_view id);

// What is wrong with the typing of a text a learner reads, or "" when
// nothing is: a double space, a space at either end, or quotation marks that
// do not pair up (“ without ”, « without », an odd number of ").
std::string typing_problem(std::string_view text);

}  // namespace claimdeck

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
#include <vector>

#include "base/problems.hpp"
#include "base/verdict.hpp"
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

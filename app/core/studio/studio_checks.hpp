// The Studio's live checks: every problem the validator finds in the deck
// being written, each tied to the field it concerns so a click can go there.
#pragma once

#include <array>
#include <functional>
#include <string>
#include <vector>

#include "base/problems.hpp"
#include "content/deck.hpp"
#include "studio/studio_document.hpp"

namespace claimdeck {

// The field a problem is about, read from its place ("claim \"x\", field \"quote\"").
struct FieldRef {
    enum class Kind { Deck, Article, Topic, Claim };
    Kind kind = Kind::Deck;
    std::string id;     // empty for the deck itself
    std::string field;  // e.g. "quote", "evidence[1]"; empty when the whole item
};
FieldRef field_of(const Problem& problem);

struct StudioProblem {
    Problem problem;
    FieldRef where;
};

// Where problems come from. Another checker (house style, the cue audit)
// joins the Studio's checks by adding one line to this list.
using ProblemSource = std::function<std::vector<Problem>(const Deck& deck, const std::string& file)>;
const std::vector<ProblemSource>& studio_problem_sources();

// Every source's problems, plus the quotes an article edit lost.
std::vector<StudioProblem> studio_checks(const StudioDocument& document, const std::string& file);
// The same for a copy of a document's deck and lost quotes (checked on another thread).
std::vector<StudioProblem> studio_checks(const Deck& deck, const std::vector<LostQuote>& lost_quotes,
                                         const std::string& file);

}  // namespace claimdeck

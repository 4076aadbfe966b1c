#include "studio/studio_checks.hpp"

#include "content/house_style.hpp"

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

const std::vector<ProblemSource>& studio_problem_sources() {
    static const std::vector<ProblemSource> sources = {
        check_deck,
        [](const Deck& deck, const std::string& file) { return check_house_style(deck, file); },
    };
    return sources;
}

std::vector<StudioProblem> studio_checks(const StudioDocument& document, const std::string& file) {
    return studio_checks(document.deck(), document.lost_quotes(), file);
}

std::vector<StudioProblem> studio_checks(const Deck& deck, const std::vector<LostQuote>& lost_quotes,
                                         const std::string& file) {
    std::vector<StudioProblem> found;
    auto add = [&](Problem problem) {
        FieldRef where = field_of(problem);
        found.push_back({std::move(problem), std::move(where)});
    };
    for (const LostQuote& lost : lost_quotes) add(lost_quote_problem(lost, file));
    for (const ProblemSource& source : studio_problem_sources())
        for (Problem& problem : source(deck, file)) add(std::move(problem));
    return found;
}

}  // namespace claimdeck

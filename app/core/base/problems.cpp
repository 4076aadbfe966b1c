#include "base/problems.hpp"

namespace claimdeck {

std::string Problem::describe() const {
    std::string line = file;
    if (!place.empty()) line += ": " + place;
    return line + ": " + message;
}

std::string describe_all(const std::vector<Problem>& problems) {
    std::string all;
    for (const Problem& problem : problems) all += problem.describe() + "\n";
    return all;
}

bool problems_full(const std::vector<Problem>& problems) { return problems.size() > kMaxProblems; }

bool add_problem(std::vector<Problem>& problems, Problem problem) {
    if (problems_full(problems)) return false;
    if (problems.size() == kMaxProblems) {
        problems.push_back(
            {problem.file, "", "more than " + std::to_string(kMaxProblems) + " problems; the rest are not listed"});
        return false;
    }
    problems.push_back(std::move(problem));
    return true;
}

}  // namespace claimdeck

#include "problems.hpp"

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

}  // namespace claimdeck

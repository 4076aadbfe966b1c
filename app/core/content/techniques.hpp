// The 18 propaganda techniques of the Propaganda Techniques Corpus
// (Da San Martino et al., 2019), with the one-line definition the reveal shows.
#pragma once

#include <string_view>
#include <vector>

namespace claimdeck {

struct TechniqueInfo {
    std::string_view name;        // exactly as deck files spell it
    std::string_view definition;  // one line, for learners
};

const std::vector<TechniqueInfo>& propaganda_techniques();
// nullptr when the name is not one of the 18.
const TechniqueInfo* find_technique(std::string_view name);

}  // namespace claimdeck

// What several commands read the same way: a deck, a learner's name, and
// the problems of a file, turned into the errors main() prints.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "arguments.hpp"
#include "base/problems.hpp"
#include "content/deck.hpp"

namespace claimdeck::cli {

// Every problem, one a line, for a runtime error.
std::string problem_list(const std::vector<Problem>& problems);

// The deck at `path`; a runtime error listing its problems if it has any.
Deck load_deck_or_fail(const std::filesystem::path& path);

// --profile, trimmed; a UsageError when it breaks the rules for names.
std::string profile_name_from(const Arguments& args);

}  // namespace claimdeck::cli

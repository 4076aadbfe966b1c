// A problem found in a file the app reads: where it is and what is wrong, in
// words a teacher editing the file by hand can act on.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace claimdeck {

struct Problem {
    std::string file;   // as given by the user
    std::string place;  // e.g. `line 3, column 7` or `claim "lions-350", field "quote"`
    std::string message;

    // "FILE: PLACE: MESSAGE", the form every tool prints.
    std::string describe() const;
};

std::string describe_all(const std::vector<Problem>& problems);

// A file with more problems than this is not worth listing further, and a
// hostile one could otherwise make millions of them.
inline constexpr std::size_t kMaxProblems = 1000;

// Adds a problem unless the list is full; the first one past the limit is
// replaced by a note that the rest were left out. Returns false once full.
bool add_problem(std::vector<Problem>& problems, Problem problem);
bool problems_full(const std::vector<Problem>& problems);

}  // namespace claimdeck

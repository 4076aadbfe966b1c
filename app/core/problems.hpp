// A problem found in a file the app reads: where it is and what is wrong, in
// words a teacher editing the file by hand can act on.
#pragma once

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

}  // namespace claimdeck

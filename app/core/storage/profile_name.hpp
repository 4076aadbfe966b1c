// The one home of the rules for a learner's name, used wherever a name comes
// in: the app's dialog and --profile, claimdeck-cli's --profile, and progress
// files being imported.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace claimdeck {

// Long enough for a full name, short enough to fit on Home and in a results
// file name; counted in letters (code points), not bytes.
inline constexpr std::size_t kMaxProfileNameLetters = 40;

// The name as it is stored: blanks at either end removed.
std::string trimmed_profile_name(std::string_view name);

// Why `name`, once trimmed, cannot be a learner's name (empty, too long, or
// holding a control character or a bidirectional override, which would
// break lines or reorder text where the name is shown); empty when it can.
std::string profile_name_problem(std::string_view name);

}  // namespace claimdeck

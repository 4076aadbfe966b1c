// Numbers as the screens write them, so every screen writes them alike.
#pragma once

#include <string>

namespace claimdeck::ui {

// "61 %" for 0.61.
std::string percent_text(double fraction);
// Two decimals, with a real minus sign (U+2212) as describe_detection()
// writes it: "0.85", "−0.12".
std::string signed_number(double value);
// "1 pupil", "3 pupils": nouns whose plural takes an s.
std::string count_of(int count, const char* noun);

}  // namespace claimdeck::ui

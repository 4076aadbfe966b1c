#include "number_text.hpp"

#include <cmath>
#include <cstdio>

#include "learning/scoring.hpp"

namespace claimdeck::ui {

std::string percent_text(double fraction) { return whole_percent(fraction); }

std::string signed_number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%s%.2f", value < -0.005 ? "\u2212" : "", std::fabs(value));
    return text;
}

std::string count_of(int count, const char* noun) {
    return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

}  // namespace claimdeck::ui

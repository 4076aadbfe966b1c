// The words and marks the screens show for each verdict and stance: every
// entry pinned, so a swapped label cannot pass unnoticed.
#include <doctest/doctest.h>

#include <string>

#include "theme.hpp"

using claimdeck::Stance;
using claimdeck::ui::stance_label;

TEST_CASE("each stance is shown with its own word") {
    CHECK(std::string(stance_label(Stance::Corroborates)).find("corroborates") != std::string::npos);
    CHECK(std::string(stance_label(Stance::Contradicts)).find("contradicts") != std::string::npos);
    CHECK(std::string(stance_label(Stance::Qualifies)).find("qualifies") != std::string::npos);
}

#include <doctest/doctest.h>

#include "base/verdict.hpp"

using namespace claimdeck;

TEST_CASE("verdict names round-trip and reject unknown words") {
    for (Verdict v : kAllVerdicts) CHECK(parse_verdict(to_string(v)) == v);
    CHECK_FALSE(parse_verdict("Verified").has_value());
    CHECK_FALSE(parse_verdict("true").has_value());
}

TEST_CASE("each verdict has its own file word and its own display name") {
    // Pinned one by one: a round trip alone passes with two names swapped.
    CHECK(to_string(Verdict::Verified) == "verified");
    CHECK(to_string(Verdict::Contested) == "contested");
    CHECK(to_string(Verdict::Propaganda) == "propaganda");
    CHECK(display_name(Verdict::Verified) == "Verified");
    CHECK(display_name(Verdict::Contested) == "Contested");
    CHECK(display_name(Verdict::Propaganda) == "Propaganda");
    CHECK(parse_verdict("propaganda") == Verdict::Propaganda);
}

TEST_CASE("the verdicts are listed in key order: 1 verified, 2 contested, 3 propaganda") {
    CHECK(kAllVerdicts[0] == Verdict::Verified);
    CHECK(kAllVerdicts[1] == Verdict::Contested);
    CHECK(kAllVerdicts[2] == Verdict::Propaganda);
}

TEST_CASE("the confidence steps are 50, 70 and 90 percent, in key order") {
    REQUIRE(kStatedConfidences.size() == 3);
    CHECK(percent(kStatedConfidences[0]) == 50);
    CHECK(percent(kStatedConfidences[1]) == 70);
    CHECK(percent(kStatedConfidences[2]) == 90);
    CHECK(confidence_from_percent(50) == Confidence::Fifty);
    CHECK(confidence_from_percent(90) == Confidence::Ninety);
}

TEST_CASE("confidence accepts only the three stated levels or unstated") {
    CHECK(confidence_from_percent(70) == Confidence::Seventy);
    CHECK(confidence_from_percent(0) == Confidence::Unstated);
    CHECK_FALSE(confidence_from_percent(60).has_value());
}

#include <doctest/doctest.h>

#include "base/verdict.hpp"

using namespace claimdeck;

TEST_CASE("verdict names round-trip and reject unknown words") {
    for (Verdict v : kAllVerdicts) CHECK(parse_verdict(to_string(v)) == v);
    CHECK_FALSE(parse_verdict("Verified").has_value());
    CHECK_FALSE(parse_verdict("true").has_value());
}

TEST_CASE("confidence accepts only the three stated levels or unstated") {
    CHECK(confidence_from_percent(70) == Confidence::Seventy);
    CHECK(confidence_from_percent(0) == Confidence::Unstated);
    CHECK_FALSE(confidence_from_percent(60).has_value());
}

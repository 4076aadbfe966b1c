#include <doctest/doctest.h>

#include "base/calendar.hpp"

using namespace claimdeck;

TEST_CASE("days from civil and back agree on known dates") {
    CHECK(days_from_civil(1970, 1, 1) == 0);
    CHECK(days_from_civil(2000, 3, 1) == 11017);
    CHECK(days_from_civil(2021, 9, 6) == 18876);
    for (std::int64_t day : {-719468LL, -1LL, 0LL, 11016LL, 18876LL, 2932896LL}) {
        CivilDate date = civil_from_days(day);
        CHECK(days_from_civil(date.year, date.month, date.day) == day);
    }
}

TEST_CASE("utc_date formats the UTC day of an instant") {
    CHECK(utc_date(0) == "1970-01-01");
    CHECK(utc_date(18876LL * 86'400'000 + 86'399'999) == "2021-09-06");
    CHECK(utc_date(-1) == "1969-12-31");
    CHECK(utc_date(days_from_civil(2024, 2, 29) * 86'400'000) == "2024-02-29");
}

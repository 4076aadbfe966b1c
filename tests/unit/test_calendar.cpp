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

TEST_CASE("days before 1970 belong to the day they fall on, not the one after") {
    CHECK(floor_div(7, 7) == 1);
    CHECK(floor_div(6, 7) == 0);
    CHECK(floor_div(-1, 7) == -1);
    CHECK(floor_div(-7, 7) == -1);
    CHECK(floor_div(-8, 7) == -2);
    CHECK(utc_day(-1) == -1);
    CHECK(utc_day(-kMsPerDay) == -1);
    CHECK(utc_day(kMsPerDay - 1) == 0);
    CHECK(start_of_utc_day(-1) == -kMsPerDay);
    CHECK(start_of_utc_day(3 * kMsPerDay + 5) == 3 * kMsPerDay);
}

TEST_CASE("calendar days count UTC midnights crossed") {
    const std::int64_t day = kMsPerDay;
    CHECK(calendar_days_between(10 * day + 1, 10 * day + day - 1) == 0);
    CHECK(calendar_days_between(10 * day + day - 1, 11 * day) == 1);
    CHECK(calendar_days_between(10 * day, 13 * day + 5) == 3);
    CHECK(calendar_days_between(-1, 0) == 1);
    CHECK(calendar_days_between(13 * day, 10 * day) == 0);
}

TEST_CASE("February has 29 days in leap years, including 2000 but not 2100") {
    CHECK(days_in_month(2024, 2) == 29);
    CHECK(days_in_month(2023, 2) == 28);
    CHECK(days_in_month(2000, 2) == 29);
    CHECK(days_in_month(2100, 2) == 28);
    CHECK(days_in_month(2021, 4) == 30);
    CHECK(days_in_month(2021, 12) == 31);
}

TEST_CASE("weeks start on Monday on both sides of a week boundary and of 1970") {
    const std::int64_t sunday = days_from_civil(2021, 9, 5), monday = days_from_civil(2021, 9, 6);
    CHECK(weekday(sunday) == 6);
    CHECK(weekday(monday) == 0);
    CHECK(week_of_day(monday) == week_of_day(sunday) + 1);
    CHECK(week_of_day(monday + 6) == week_of_day(monday));
    CHECK(start_of_week(sunday) == monday - 7);
    CHECK(start_of_week(monday + 6) == monday);
    // 1970-01-01 was a Thursday; the Monday before it is 1969-12-29.
    CHECK(weekday(0) == 3);
    CHECK(start_of_week(0) == days_from_civil(1969, 12, 29));
    CHECK(weekday(days_from_civil(1969, 12, 28)) == 6);
    CHECK(week_of_day(days_from_civil(1969, 12, 28)) == week_of_day(0) - 1);
}

TEST_CASE("an instant and its date and time of day convert both ways") {
    const CivilTime time{{2021, 9, 6}, 17, 30, 5};
    const std::int64_t ms = ms_from_civil(time);
    CHECK(ms == days_from_civil(2021, 9, 6) * kMsPerDay + ((17 * 60 + 30) * 60 + 5) * 1000);
    const CivilTime back = civil_time(ms + 999);
    CHECK(back.date.year == 2021);
    CHECK(back.date.month == 9);
    CHECK(back.date.day == 6);
    CHECK(back.hour == 17);
    CHECK(back.minute == 30);
    CHECK(back.second == 5);
    CHECK(civil_time(-1).date.day == 31);
    CHECK(civil_time(-1).hour == 23);
}

TEST_CASE("a timestamp is read by its layout, in either form the app writes") {
    const ParsedStamp iso = parse_utc_stamp("2021-09-06T17:30:05Z", "YYYY-MM-DDThh:mm:ss");
    REQUIRE(iso.fault == StampFault::None);
    CHECK(ms_from_civil(iso.time) == ms_from_civil({{2021, 9, 6}, 17, 30, 5}));
    const ParsedStamp file = parse_utc_stamp("20210906-173005", "YYYYMMDD-hhmmss");
    REQUIRE(file.fault == StampFault::None);
    CHECK(ms_from_civil(file.time) == ms_from_civil(iso.time));
}

TEST_CASE("a timestamp that does not have its layout is a form fault") {
    const char* layout = "YYYY-MM-DDThh:mm:ss";
    CHECK(parse_utc_stamp("2021-09-06 17:30:05", layout).fault == StampFault::Form);
    CHECK(parse_utc_stamp("2021-09-06T17:30", layout).fault == StampFault::Form);
    CHECK(parse_utc_stamp("2021-9-06T17:30:05", layout).fault == StampFault::Form);
    CHECK(parse_utc_stamp("2021-09-0xT17:30:05", layout).fault == StampFault::Form);
    CHECK(parse_utc_stamp("", layout).fault == StampFault::Form);
}

TEST_CASE("29 February exists only in leap years, 2000 included and 2100 not") {
    const char* layout = "YYYYMMDD-hhmmss";
    CHECK(parse_utc_stamp("20240229-000000", layout).fault == StampFault::None);
    CHECK(parse_utc_stamp("20000229-000000", layout).fault == StampFault::None);
    CHECK(parse_utc_stamp("21000229-000000", layout).fault == StampFault::Date);
    CHECK(parse_utc_stamp("20230229-000000", layout).fault == StampFault::Date);
    CHECK(parse_utc_stamp("20210431-000000", layout).fault == StampFault::Date);
    CHECK(parse_utc_stamp("20211301-000000", layout).fault == StampFault::Date);
    CHECK(parse_utc_stamp("20210100-000000", layout).fault == StampFault::Date);
}

TEST_CASE("a time of day past 23:59:59 is a time fault") {
    const char* layout = "YYYYMMDD-hhmmss";
    CHECK(parse_utc_stamp("20210906-235959", layout).fault == StampFault::None);
    CHECK(parse_utc_stamp("20210906-240000", layout).fault == StampFault::TimeOfDay);
    CHECK(parse_utc_stamp("20210906-236000", layout).fault == StampFault::TimeOfDay);
    CHECK(parse_utc_stamp("20210906-235960", layout).fault == StampFault::TimeOfDay);
}

TEST_CASE("a layout without a time of day reads a date at midnight and still checks the day") {
    const ParsedStamp date = parse_utc_stamp("2021-09-06", "YYYY-MM-DD");
    CHECK(date.fault == StampFault::None);
    CHECK(date.time.hour == 0);
    CHECK(date.time.date.day == 6);
    CHECK(parse_utc_stamp("2021-02-29", "YYYY-MM-DD").fault == StampFault::Date);
    CHECK(parse_utc_stamp("6 Sept 21", "YYYY-MM-DD").fault == StampFault::Form);
}

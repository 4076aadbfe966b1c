// Calendar arithmetic in UTC without the C library's time zone or locale,
// so the same instant gives the same day on every machine.
#pragma once

#include <cstdint>
#include <string>

namespace claimdeck {

struct CivilDate {
    int year;
    int month;  // 1-12
    int day;    // 1-31
};

// Days since 1970-01-01 of a proleptic Gregorian date, and back
// (Howard Hinnant's days_from_civil / civil_from_days).
std::int64_t days_from_civil(int year, int month, int day);
CivilDate civil_from_days(std::int64_t days);

// The UTC day (days since 1970-01-01) of an instant in milliseconds.
std::int64_t utc_day(std::int64_t ms);

// "2021-09-06" for an instant in milliseconds since the epoch.
std::string utc_date(std::int64_t ms);

}  // namespace claimdeck

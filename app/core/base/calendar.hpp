// Calendar arithmetic in UTC without the C library's time zone or locale,
// so the same instant gives the same day on every machine. The one home for
// days, weeks and timestamps: everything else counts in the units given here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace claimdeck {

inline constexpr std::int64_t kMsPerDay = 86'400'000;

struct CivilDate {
    int year;
    int month;  // 1-12
    int day;    // 1-31
};

// A UTC date and time of day to the second.
struct CivilTime {
    CivilDate date;
    int hour = 0;    // 0-23
    int minute = 0;  // 0-59
    int second = 0;  // 0-59
};

// value / divisor rounded towards minus infinity (divisor > 0), so instants
// before 1970 fall on the day they belong to rather than the one after.
std::int64_t floor_div(std::int64_t value, std::int64_t divisor);

// Days since 1970-01-01 of a proleptic Gregorian date, and back
// (Howard Hinnant's days_from_civil / civil_from_days).
std::int64_t days_from_civil(int year, int month, int day);
CivilDate civil_from_days(std::int64_t days);
int days_in_month(int year, int month);

// The UTC day (days since 1970-01-01) of an instant in milliseconds, and the
// instant that day starts.
std::int64_t utc_day(std::int64_t ms);
std::int64_t start_of_utc_day(std::int64_t ms);

// Whole UTC calendar days from one instant to a later one (0 if it is not later).
int calendar_days_between(std::int64_t earlier_ms, std::int64_t later_ms);

// Weeks start on Mondays. weekday() is Monday 0 … Sunday 6 of a UTC day;
// week_of_day() numbers the weeks so that days of one week share a number.
int weekday(std::int64_t day);
std::int64_t week_of_day(std::int64_t day);
std::int64_t start_of_week(std::int64_t day);

CivilTime civil_time(std::int64_t ms);
std::int64_t ms_from_civil(const CivilTime& time);

// "2021-09-06" for an instant in milliseconds since the epoch.
std::string utc_date(std::int64_t ms);

// The number written with `count` decimal digits at `pos`, or nullopt if the
// text is shorter or any of them is not a digit (count <= 9, so it fits).
std::optional<int> digits_at(std::string_view text, std::size_t pos, std::size_t count);

// Reading a UTC timestamp laid out as `layout` at the start of `text`. In the
// layout Y, M, D, h, m and s stand for the digits of the year, month, day,
// hour, minute and second, every other character stands for itself:
// "YYYY-MM-DDThh:mm:ss" (ISO 8601) or "YYYYMMDD-hhmmss" (backup file names);
// a layout without the time of day ("YYYY-MM-DD") reads midnight.
// What follows the layout in `text` is left to the caller.
enum class StampFault {
    None,
    Form,       // the text does not have the layout
    Date,       // it has, but there is no such day (2021-02-29)
    TimeOfDay,  // it has, but there is no such time (24:00:00)
};
struct ParsedStamp {
    CivilTime time;  // meaningful when fault is None
    StampFault fault = StampFault::None;
};
ParsedStamp parse_utc_stamp(std::string_view text, std::string_view layout);

}  // namespace claimdeck

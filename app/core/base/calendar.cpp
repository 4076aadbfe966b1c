#include "base/calendar.hpp"

#include <algorithm>
#include <cstdio>

namespace claimdeck {

std::int64_t floor_div(std::int64_t value, std::int64_t divisor) {
    return value >= 0 ? value / divisor : (value - divisor + 1) / divisor;
}

std::int64_t days_from_civil(int year, int month, int day) {
    const std::int64_t y = year - (month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t year_of_era = y - era * 400;
    const std::int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

CivilDate civil_from_days(std::int64_t days) {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const std::int64_t day_of_era = days - era * 146097;
    const std::int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const std::int64_t month_index = (5 * day_of_year + 2) / 153;
    const int day = static_cast<int>(day_of_year - (153 * month_index + 2) / 5 + 1);
    const int month = static_cast<int>(month_index < 10 ? month_index + 3 : month_index - 9);
    const int year = static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0));
    return {year, month, day};
}

int days_in_month(int year, int month) {
    constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap_year = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap_year ? 29 : kDays[month - 1];
}

std::int64_t utc_day(std::int64_t ms) { return floor_div(ms, kMsPerDay); }

std::int64_t start_of_utc_day(std::int64_t ms) { return utc_day(ms) * kMsPerDay; }

int calendar_days_between(std::int64_t earlier_ms, std::int64_t later_ms) {
    return static_cast<int>(std::max<std::int64_t>(0, utc_day(later_ms) - utc_day(earlier_ms)));
}

// 1970-01-01 was a Thursday; shifting by three days starts weeks on Mondays.
std::int64_t week_of_day(std::int64_t day) { return floor_div(day + 3, 7); }

int weekday(std::int64_t day) { return static_cast<int>(day + 3 - week_of_day(day) * 7); }

std::int64_t start_of_week(std::int64_t day) { return day - weekday(day); }

CivilTime civil_time(std::int64_t ms) {
    const std::int64_t second_of_day = (ms - start_of_utc_day(ms)) / 1000;
    return {civil_from_days(utc_day(ms)), static_cast<int>(second_of_day / 3600),
            static_cast<int>(second_of_day / 60 % 60), static_cast<int>(second_of_day % 60)};
}

std::int64_t ms_from_civil(const CivilTime& time) {
    const std::int64_t second_of_day = (time.hour * 60 + time.minute) * 60 + time.second;
    return days_from_civil(time.date.year, time.date.month, time.date.day) * kMsPerDay + second_of_day * 1000;
}

std::string utc_date(std::int64_t ms) {
    const CivilDate date = civil_from_days(utc_day(ms));
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year, date.month, date.day);
    return text;
}

std::optional<int> digits_at(std::string_view text, std::size_t pos, std::size_t count) {
    if (pos > text.size() || count > text.size() - pos) return std::nullopt;
    int value = 0;
    for (char c : text.substr(pos, count)) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

namespace {

// Where the field named by `letter` ("YYYY", "MM", …) sits in the layout.
struct FieldPlace {
    std::size_t pos = 0;
    std::size_t count = 0;
};

FieldPlace field_in(std::string_view layout, char letter) {
    const std::size_t pos = layout.find(letter);
    if (pos == std::string_view::npos) return {};
    const std::size_t end = layout.find_first_not_of(letter, pos);
    return {pos, (end == std::string_view::npos ? layout.size() : end) - pos};
}

bool is_field_letter(char c) { return std::string_view("YMDhms").find(c) != std::string_view::npos; }

// Every character of the layout that is not a field is in the text as it is.
bool separators_match(std::string_view text, std::string_view layout) {
    if (text.size() < layout.size()) return false;
    for (std::size_t i = 0; i < layout.size(); ++i)
        if (!is_field_letter(layout[i]) && text[i] != layout[i]) return false;
    return true;
}

std::optional<int> field(std::string_view text, std::string_view layout, char letter) {
    const FieldPlace place = field_in(layout, letter);
    return place.count == 0 ? std::nullopt : digits_at(text, place.pos, place.count);
}

// A time of day the layout leaves out is midnight: "YYYY-MM-DD" reads a date.
std::optional<int> time_field(std::string_view text, std::string_view layout, char letter) {
    return field_in(layout, letter).count == 0 ? 0 : field(text, layout, letter);
}

}  // namespace

ParsedStamp parse_utc_stamp(std::string_view text, std::string_view layout) {
    const auto year = field(text, layout, 'Y'), month = field(text, layout, 'M'), day = field(text, layout, 'D');
    const auto hour = time_field(text, layout, 'h'), minute = time_field(text, layout, 'm');
    const auto second = time_field(text, layout, 's');
    if (!separators_match(text, layout) || !year || !month || !day || !hour || !minute || !second)
        return {{}, StampFault::Form};
    const CivilTime time{{*year, *month, *day}, *hour, *minute, *second};
    if (*month < 1 || *month > 12 || *day < 1 || *day > days_in_month(*year, *month)) return {time, StampFault::Date};
    if (*hour > 23 || *minute > 59 || *second > 59) return {time, StampFault::TimeOfDay};
    return {time, StampFault::None};
}

}  // namespace claimdeck

#include "learning/replay.hpp"

#include <algorithm>
#include <cstdint>
#include <iomanip>
#include <istream>
#include <limits>
#include <locale>
#include <optional>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "base/calendar.hpp"
#include "learning/fsrs.hpp"

namespace claimdeck {

namespace {

constexpr std::string_view kInputHeader = "card,reviewed_at,rating";
constexpr std::string_view kOutputHeader = "card,reviewed_at,rating,elapsed_days,stability,difficulty,interval_days";
constexpr std::string_view kUtf8ByteOrderMark = "\xEF\xBB\xBF";

// Why a line was refused; replay_reviews adds the file and line.
struct InputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// ---- Reading lines -------------------------------------------------------

// Reads lines one at a time, never buffering more than one line of at most
// max_line_bytes, however long the line in the input is.
class LineReader {
public:
    LineReader(std::istream& in, std::size_t max_line_bytes) : buffer_(in.rdbuf()), max_line_bytes_(max_line_bytes) {}

    // The next line without its line break (LF or CRLF), or nullopt at the
    // end of the input. Throws InputError for an overlong line.
    std::optional<std::string_view> next() {
        line_.clear();
        int c = buffer_ ? buffer_->sbumpc() : std::char_traits<char>::eof();
        if (c == std::char_traits<char>::eof()) return std::nullopt;
        ++line_number_;
        // One byte of slack for the CR of a CRLF line break.
        while (c != std::char_traits<char>::eof() && c != '\n') {
            if (line_.size() > max_line_bytes_) throw_too_long();
            line_.push_back(static_cast<char>(c));
            c = buffer_->sbumpc();
        }
        if (!line_.empty() && line_.back() == '\r') line_.pop_back();
        if (line_.size() > max_line_bytes_) throw_too_long();
        return line_;
    }

    std::size_t line_number() const { return line_number_; }

private:
    [[noreturn]] void throw_too_long() const {
        throw InputError("line is longer than " + std::to_string(max_line_bytes_) + " bytes");
    }

    std::streambuf* buffer_;
    std::size_t max_line_bytes_;
    std::string line_;
    std::size_t line_number_ = 0;
};

// ---- Splitting rows ------------------------------------------------------

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

struct Fields {
    std::string_view card, reviewed_at, rating;
};

// The three comma-separated fields, trimmed; nullopt if there are not three.
std::optional<Fields> split_fields(std::string_view line) {
    if (std::count(line.begin(), line.end(), ',') != 2) return std::nullopt;
    const auto first_comma = line.find(',');
    const auto second_comma = line.find(',', first_comma + 1);
    return Fields{trim(line.substr(0, first_comma)), trim(line.substr(first_comma + 1, second_comma - first_comma - 1)),
                  trim(line.substr(second_comma + 1))};
}

// A field quoted for an error message: at most 40 bytes, control and
// non-ASCII bytes shown as '?', since the input is untrusted.
std::string quoted(std::string_view field) {
    constexpr std::size_t kMaxShown = 40;
    std::string shown = "\"";
    for (char c : field.substr(0, kMaxShown)) shown += (c >= ' ' && c <= '~') ? c : '?';
    if (field.size() > kMaxShown) shown += "...";
    return shown + "\"";
}

// ---- Timestamps ----------------------------------------------------------

// An instant in UTC, ordered by day then time of day.
struct UtcTime {
    std::int64_t day = 0;  // days since 1970-01-01
    std::int64_t nanosecond_of_day = 0;

    bool operator<(const UtcTime& other) const {
        return std::tie(day, nanosecond_of_day) < std::tie(other.day, other.nanosecond_of_day);
    }
};

// Parses YYYY-MM-DDTHH:MM:SS[.fraction](Z|+00:00); throws InputError.
UtcTime parse_utc_time(std::string_view text) {
    const auto form_error = [&] {
        return InputError("reviewed_at " + quoted(text) + " is not an ISO 8601 UTC time like 2021-09-01T10:00:00Z");
    };
    constexpr std::string_view kLayout = "YYYY-MM-DDThh:mm:ss";
    const ParsedStamp stamp = parse_utc_stamp(text, kLayout);
    if (stamp.fault == StampFault::Form) throw form_error();

    std::size_t pos = kLayout.size();
    std::int64_t nanoseconds = 0;
    if (pos < text.size() && text[pos] == '.') {
        // Up to nanoseconds, which also keeps digits_at's int from overflowing.
        constexpr std::size_t kMaxFractionDigits = 9;
        const std::size_t fraction_end = std::min(text.find_first_not_of("0123456789", pos + 1), text.size());
        const std::size_t count = fraction_end - (pos + 1);
        if (count == 0 || count > kMaxFractionDigits) throw form_error();
        nanoseconds = *digits_at(text, pos + 1, count);
        for (std::size_t i = count; i < kMaxFractionDigits; ++i) nanoseconds *= 10;
        pos = fraction_end;
    }
    const std::string_view zone = text.substr(pos);
    if (zone != "Z" && zone != "+00:00") {
        const bool is_offset = zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':' &&
                               digits_at(zone, 1, 2).has_value() && digits_at(zone, 4, 2).has_value();
        if (!is_offset) throw form_error();
        throw InputError("reviewed_at " + quoted(text) + " is not in UTC (end it with Z or +00:00)");
    }

    if (stamp.fault == StampFault::Date)
        throw InputError("reviewed_at " + quoted(text) + " is not a valid calendar date");
    if (stamp.fault == StampFault::TimeOfDay)
        throw InputError("reviewed_at " + quoted(text) + " is not a valid time of day");
    const std::int64_t ms = ms_from_civil(stamp.time);
    return {utc_day(ms), (ms - start_of_utc_day(ms)) * 1'000'000 + nanoseconds};
}

// ---- Rows ----------------------------------------------------------------

struct Review {
    std::string_view card;
    std::string_view reviewed_at;
    UtcTime time;
    fsrs::Rating rating;
};

fsrs::Rating parse_rating(std::string_view text) {
    if (text.size() != 1 || text[0] < '1' || text[0] > '4')
        throw InputError("rating " + quoted(text) + " is not 1, 2, 3 or 4");
    return static_cast<fsrs::Rating>(text[0] - '0');
}

Review parse_review(std::string_view line) {
    const auto fields = split_fields(line);
    if (!fields) {
        const auto count = std::count(line.begin(), line.end(), ',') + 1;
        throw InputError("expected 3 fields (card,reviewed_at,rating), found " + std::to_string(count));
    }
    if (fields->card.empty()) throw InputError("card is empty");
    return {fields->card, fields->reviewed_at, parse_utc_time(fields->reviewed_at), parse_rating(fields->rating)};
}

void check_header(std::optional<std::string_view> line) {
    const std::string expected = "the header `" + std::string(kInputHeader) + "`";
    if (!line) throw InputError("the input is empty; expected " + expected);
    std::string_view text = *line;
    if (text.substr(0, kUtf8ByteOrderMark.size()) == kUtf8ByteOrderMark) text.remove_prefix(kUtf8ByteOrderMark.size());
    const auto fields = split_fields(text);
    if (!fields || fields->card != "card" || fields->reviewed_at != "reviewed_at" || fields->rating != "rating")
        throw InputError("expected " + expected + " as the first line");
}

// ---- Replaying -----------------------------------------------------------

// Feeds reviews in time order through the scheduler, one history per card,
// and writes an output row for each.
class Replay {
public:
    Replay(const fsrs::Scheduler& scheduler, std::ostream& out) : scheduler_(scheduler), out_(out) {}

    void add(const Review& review) {
        if (review.time < latest_)
            throw InputError("row is earlier than the row before it; rows must be in time order");
        latest_ = review.time;

        auto [history, is_new] = cards_.try_emplace(std::string(review.card));
        CardHistory& card = history->second;
        const std::int64_t elapsed_days = is_new ? 0 : review.time.day - card.last_review_day;
        card.state = is_new ? scheduler_.first_review(review.rating)
                            : scheduler_.next_review(card.state, static_cast<int>(elapsed_days), review.rating);
        card.last_review_day = review.time.day;

        out_ << review.card << ',' << review.reviewed_at << ',' << static_cast<int>(review.rating) << ','
             << elapsed_days << ',' << card.state.stability << ',' << card.state.difficulty << ','
             << scheduler_.next_interval_days(card.state.stability) << '\n';
    }

private:
    struct CardHistory {
        fsrs::MemoryState state;
        std::int64_t last_review_day = 0;
    };

    const fsrs::Scheduler& scheduler_;
    std::ostream& out_;
    std::unordered_map<std::string, CardHistory> cards_;
    UtcTime latest_{std::numeric_limits<std::int64_t>::min(), 0};
};

}  // namespace

int replay_reviews(std::istream& in, const std::string& source_name, std::ostream& out, std::ostream& err,
                   double desired_retention, ReplayLimits limits) {
    std::optional<fsrs::Scheduler> scheduler;
    try {
        fsrs::Parameters parameters;
        parameters.desired_retention = desired_retention;
        scheduler.emplace(parameters);
    } catch (const std::invalid_argument& error) {
        err << source_name << ": " << error.what() << '\n';
        return 1;
    }

    // Rows go to a buffer first, so a bad row leaves `out` untouched. The
    // classic locale keeps the decimal point a '.' and numbers ungrouped
    // whatever the program's global locale is.
    std::stringstream rows;
    rows.imbue(std::locale::classic());
    rows << std::fixed << std::setprecision(8) << kOutputHeader << '\n';

    LineReader reader(in, limits.max_line_bytes);
    try {
        check_header(reader.next());
        Replay replay(*scheduler, rows);
        std::size_t row_count = 0;
        while (const auto line = reader.next()) {
            if (trim(*line).empty()) continue;
            if (++row_count > limits.max_rows)
                throw InputError("more than " + std::to_string(limits.max_rows) + " rows");
            replay.add(parse_review(*line));
        }
    } catch (const InputError& error) {
        err << source_name << ':' << std::max<std::size_t>(reader.line_number(), 1) << ": " << error.what() << '\n';
        return 1;
    }
    out << rows.rdbuf();
    return 0;
}

}  // namespace claimdeck

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "learning/replay.hpp"

using claimdeck::replay_reviews;
using claimdeck::ReplayLimits;

namespace {

constexpr const char* kHeader = "card,reviewed_at,rating\n";

struct ReplayResult {
    int status;
    std::string out;
    std::string err;
};

ReplayResult replay(const std::string& input, double desired_retention = 0.9, ReplayLimits limits = {}) {
    std::istringstream in(input);
    std::ostringstream out, err;
    const int status = replay_reviews(in, "reviews.csv", out, err, desired_retention, limits);
    return {status, out.str(), err.str()};
}

std::string read_data_file(const std::string& name) {
    std::ifstream file(std::string(CLAIMDECK_TEST_DATA_DIR "/fsrs/") + name, std::ios::binary);
    REQUIRE(file.is_open());
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::istringstream stream(text);
    for (std::string part; std::getline(stream, part, separator);) parts.push_back(part);
    return parts;
}

// Checks one output row against one expected row: stability and difficulty
// (columns 4 and 5) to a relative 1e-6, every other column exactly.
void check_row(const std::string& actual, const std::string& expected) {
    CAPTURE(expected);
    const auto actual_fields = split(actual, ','), expected_fields = split(expected, ',');
    REQUIRE(actual_fields.size() == 7);
    REQUIRE(expected_fields.size() == 7);
    for (std::size_t i = 0; i < expected_fields.size(); ++i) {
        if (i == 4 || i == 5) {
            const double value = std::stod(actual_fields[i]), reference = std::stod(expected_fields[i]);
            CHECK(std::abs(value - reference) <= 1e-6 * reference);
        } else {
            CHECK(actual_fields[i] == expected_fields[i]);
        }
    }
}

// The elapsed_days column of the output row for `reviewed_at`.
std::string elapsed_days_at(const std::string& output, const std::string& reviewed_at) {
    for (const auto& row : split(output, '\n')) {
        const auto fields = split(row, ',');
        if (fields.size() == 7 && fields[1] == reviewed_at) return fields[3];
    }
    FAIL("no row for " << reviewed_at);
    return {};
}

// Checks that `input` is refused with "reviews.csv:LINE: ..." naming `reason`
// and that nothing reaches the output.
void check_refused(const std::string& input, int line, const std::string& reason) {
    const ReplayResult result = replay(input);
    CHECK(result.status == 1);
    CHECK(result.out.empty());
    const std::string expected_prefix = "reviews.csv:" + std::to_string(line) + ": ";
    CHECK(result.err.rfind(expected_prefix, 0) == 0);
    CHECK(result.err.find(reason) != std::string::npos);
    CHECK(result.err.back() == '\n');
    MESSAGE(result.err);
}

}  // namespace

TEST_CASE("a replayed log matches ts-fsrs row for row") {
    const ReplayResult result = replay(read_data_file("replay-input.csv"));
    REQUIRE(result.status == 0);
    CHECK(result.err.empty());

    const auto actual = split(result.out, '\n');
    const auto expected = split(read_data_file("replay-expected.csv"), '\n');
    REQUIRE(actual.size() == expected.size());
    CHECK(actual[0] == "card,reviewed_at,rating,elapsed_days,stability,difficulty,interval_days");
    for (std::size_t i = 1; i < expected.size(); ++i) check_row(actual[i], expected[i]);

    SUBCASE("elapsed days count UTC calendar days per card") {
        // Same card, same day, ten minutes apart.
        CHECK(elapsed_days_at(result.out, "2021-09-01T10:15:30.250Z") == "0");
        // Two seconds apart, either side of midnight UTC.
        CHECK(elapsed_days_at(result.out, "2021-09-02T00:00:01+00:00") == "1");
        // Interleaved cards: counted from this card's 09-02 review, not the other card's 09-05.
        CHECK(elapsed_days_at(result.out, "2021-09-12T19:30:00Z") == "10");
        // Through the 2024 leap day.
        CHECK(elapsed_days_at(result.out, "2024-02-29T12:00:00Z") == "862");
    }
}

TEST_CASE("replay tolerates CRLF, a byte order mark, blank lines and spaces around fields") {
    const ReplayResult result = replay(
        "\xEF\xBB\xBF"
        "card, reviewed_at ,rating\r\n\r\n  a card ,\t2021-09-01T10:00:00.123456789Z , 3\r\n\n");
    REQUIRE(result.status == 0);
    CHECK(result.out ==
          "card,reviewed_at,rating,elapsed_days,stability,difficulty,interval_days\n"
          "a card,2021-09-01T10:00:00.123456789Z,3,0,2.30650000,2.11810397,2\n");
}

TEST_CASE("29 February is a date in 2000 and 2024 (leap years), not in 1900 or 2100") {
    // 2000 is the 400-year exception to "not in years divisible by 100".
    const ReplayResult result = replay(std::string(kHeader) + "a,2000-02-28T10:00:00Z,3\n" +
                                       "a,2000-02-29T10:00:00Z,3\n" + "a,2000-03-01T10:00:00Z,3\n");
    REQUIRE(result.status == 0);
    CHECK(elapsed_days_at(result.out, "2000-02-29T10:00:00Z") == "1");
    CHECK(elapsed_days_at(result.out, "2000-03-01T10:00:00Z") == "1");
    CHECK(replay(std::string(kHeader) + "a,2024-02-29T10:00:00Z,3\n").status == 0);
    check_refused(std::string(kHeader) + "a,1900-02-29T10:00:00Z,3\n", 2, "is not a valid calendar date");
    check_refused(std::string(kHeader) + "a,2100-02-29T10:00:00Z,3\n", 2, "is not a valid calendar date");
}

TEST_CASE("a header alone replays to a header alone") {
    const ReplayResult result = replay(kHeader);
    CHECK(result.status == 0);
    CHECK(result.out == "card,reviewed_at,rating,elapsed_days,stability,difficulty,interval_days\n");
}

TEST_CASE("the desired retention sets the intervals") {
    const std::string input = std::string(kHeader) + "a,2021-09-01T10:00:00Z,4\n";
    CHECK(replay(input, 0.9).out.find(",8.29560000,1.00000000,8\n") != std::string::npos);
    CHECK(replay(input, 0.8).out.find(",8.29560000,1.00000000,28\n") != std::string::npos);

    const ReplayResult refused = replay(input, 1.5);
    CHECK(refused.status == 1);
    CHECK(refused.out.empty());
    CHECK(refused.err == "reviews.csv: desired retention must be in (0, 1]\n");
}

TEST_CASE("bad input is refused with its line number and no output") {
    struct BadInput {
        const char* what;
        std::string input;
        int line;
        const char* reason;
    };
    const std::string header = kHeader;
    const std::string good_row = "a,2021-09-01T10:00:00Z,3\n";
    const std::vector<BadInput> cases = {
        {"no header", good_row, 1, "expected the header `card,reviewed_at,rating`"},
        {"empty input", "", 1, "the input is empty"},
        {"too few fields", header + good_row + "b,2021-09-01T11:00:00Z\n", 3,
         "expected 3 fields (card,reviewed_at,rating), found 2"},
        {"too many fields", header + "a,b,2021-09-01T10:00:00Z,3\n", 2, "found 4"},
        {"empty card", header + "  ,2021-09-01T10:00:00Z,3\n", 2, "card is empty"},
        {"not a time", header + "a,yesterday,3\n", 2, "reviewed_at \"yesterday\" is not an ISO 8601 UTC time"},
        {"date only", header + "a,2021-09-01,3\n", 2, "is not an ISO 8601 UTC time"},
        {"no time zone", header + "a,2021-09-01T10:00:00,3\n", 2, "is not an ISO 8601 UTC time"},
        {"empty fraction", header + "a,2021-09-01T10:00:00.Z,3\n", 2, "is not an ISO 8601 UTC time"},
        {"ten fraction digits", header + "a,2021-09-01T10:00:00.1234567890Z,3\n", 2, "is not an ISO 8601 UTC time"},
        {"February 30th", header + "a,2021-02-30T10:00:00Z,3\n", 2, "is not a valid calendar date"},
        {"February 29th, 2100", header + "a,2100-02-29T10:00:00Z,3\n", 2, "is not a valid calendar date"},
        {"month 13", header + "a,2021-13-01T10:00:00Z,3\n", 2, "is not a valid calendar date"},
        {"hour 24", header + "a,2021-09-01T24:00:00Z,3\n", 2, "is not a valid time of day"},
        {"not UTC", header + "a,2021-09-01T10:00:00+02:00,3\n", 2, "is not in UTC"},
        {"rating 0", header + "a,2021-09-01T10:00:00Z,0\n", 2, "rating \"0\" is not 1, 2, 3 or 4"},
        {"rating 5", header + "a,2021-09-01T10:00:00Z,5\n", 2, "rating \"5\" is not"},
        {"rating 3.0", header + "a,2021-09-01T10:00:00Z,3.0\n", 2, "rating \"3.0\" is not"},
        {"no rating", header + "a,2021-09-01T10:00:00Z,\n", 2, "rating \"\" is not"},
        {"out of time order across cards", header + good_row + "b,2021-09-01T09:59:59.999Z,3\n", 3,
         "row is earlier than the row before it"},
        {"a bad row after good ones", header + good_row + good_row + "\nb,2021-09-01T10:00:00Z,9\n", 5, "rating \"9\""},
    };
    for (const BadInput& bad : cases) {
        CAPTURE(bad.what);
        check_refused(bad.input, bad.line, bad.reason);
    }
}

TEST_CASE("replay limits the line length") {
    const std::string row_end = ",2021-09-01T10:00:00Z,3";
    const std::string longest_card(ReplayLimits{}.max_line_bytes - row_end.size(), 'c');

    CHECK(replay(kHeader + longest_card + row_end + "\r\n").status == 0);
    check_refused(kHeader + longest_card + "c" + row_end + "\n", 2, "line is longer than 4096 bytes");
    // A single endless line is refused after 4 KiB, not read into memory.
    check_refused(kHeader + std::string("a,") + std::string(20'000'000, 'x'), 2, "line is longer than 4096 bytes");
}

TEST_CASE("replay limits the number of rows") {
    const std::string rows = std::string(kHeader) + "a,2021-09-01T10:00:00Z,3\n\n" + "a,2021-09-02T10:00:00Z,3\n";
    ReplayLimits two_rows;
    two_rows.max_rows = 2;
    CHECK(replay(rows, 0.9, two_rows).status == 0);

    const ReplayResult refused = replay(rows + "a,2021-09-03T10:00:00Z,3\n", 0.9, two_rows);
    CHECK(refused.status == 1);
    CHECK(refused.out.empty());
    CHECK(refused.err == "reviews.csv:5: more than 2 rows\n");
}

TEST_CASE("replay survives arbitrary bytes") {
    // Seeded garbage after a valid header: every outcome must be a clean 0 or 1.
    std::uint32_t seed = 12345;
    const auto next_byte = [&seed] {
        seed = seed * 1664525u + 1013904223u;
        return static_cast<char>(seed >> 24);
    };
    const std::string alphabet = "0123456789-T:Z.+,\n\r ab\xff";
    for (int trial = 0; trial < 500; ++trial) {
        std::string input = kHeader;
        for (int i = 0; i < 80; ++i)
            input += static_cast<unsigned char>(next_byte()) % 4 == 0
                         ? next_byte()
                         : alphabet[static_cast<unsigned char>(next_byte()) % alphabet.size()];
        const ReplayResult result = replay(input);
        CHECK((result.status == 0 || result.status == 1));
        CHECK(result.out.empty() == (result.status == 1));
    }
}

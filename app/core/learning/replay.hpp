// Replaying a review log through the FSRS-6 scheduler: for every review, the
// card's memory state afterwards and the interval until its next review.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>

namespace claimdeck {

// Input limits; a file beyond them is refused rather than read into memory.
struct ReplayLimits {
    std::size_t max_line_bytes = 4096;  // excluding the line break
    std::size_t max_rows = 10'000'000;  // excluding the header and blank lines
};

// Input: CSV whose first line is the header `card,reviewed_at,rating`, then one
// row per review in time order:
//   card         any non-empty text without commas (no CSV quoting)
//   reviewed_at  ISO 8601 UTC time, 2021-09-01T10:00:00Z; 1 to 9 fractional
//                second digits and +00:00 for Z are accepted
//   rating       1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)
// Spaces and tabs around fields, blank lines, CRLF line breaks and a UTF-8
// byte order mark are tolerated. Rows with the same time are in order.
//
// Output: CSV with the header
// `card,reviewed_at,rating,elapsed_days,stability,difficulty,interval_days`,
// one row per input row, card and reviewed_at copied as given, where
//   elapsed_days   whole UTC calendar days since the card's previous review
//                  (0 for its first review and for same-day reviews)
//   stability, difficulty  the FSRS-6 memory state after the review, printed
//                  with 8 decimals: ts-fsrs rounds every state to 8 decimals,
//                  so this prints its values exactly
//   interval_days  the next interval, rounded, in [1, 36500]
//
// Returns 0 on success. On the first bad row (or a bad desired_retention),
// writes "SOURCE:LINE: reason" to err, writes nothing at all to out (so a
// script never reads half a result) and returns 1. The output is therefore
// held in memory until the whole input has been checked: memory use grows
// with the input, which `limits` caps.
int replay_reviews(std::istream& in, const std::string& source_name, std::ostream& out, std::ostream& err,
                   double desired_retention = 0.9, ReplayLimits limits = {});

}  // namespace claimdeck

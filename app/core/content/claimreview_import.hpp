// Importing fact-checks published as schema.org ClaimReview JSON-LD: a single
// ClaimReview, an array of them, or an @graph. Each review becomes a claim;
// the place the claim appeared (itemReviewed.appearance) becomes an article
// holding the claim as the fact-checker quotes it, with its URL and date.
//
// Fact-checkers rate in their own words ("Pants on Fire", "Four Pinocchios",
// "3/5"), so the rating-to-verdict mapping is shown to the editor, who
// accepts it or edits it as a mapping file, one rating a line:
//
//   # rating = verdict
//   mostly true = verified
//   half true = contested
//
// A propaganda verdict needs the techniques in the quote, which a review does
// not name, so a mapping may give only verified or contested; the editor
// marks propaganda in the Studio.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "content/deck_import.hpp"

namespace claimdeck {

struct ReviewedClaim {
    std::string place;  // "review 3" in the file's order
    std::string claim_text;
    std::string rationale;
    std::string rating;           // the key mapped to a verdict: alternateName in lower case, else "value/best"
    std::string rating_label;     // as the fact-checker wrote it
    double rating_fraction = -1;  // a numeric rating's place on its scale, 0 worst to 1 best; -1 for none
    std::string claimant;         // who made the claim (itemReviewed.author.name)
    std::string reviewer;         // who reviewed it (author.name)
    std::string review_url;
    std::string source_url;  // where the claim appeared
    std::string source_headline;
    std::string source_published;  // YYYY-MM-DD or ""
};

struct ReviewFile {
    std::vector<ReviewedClaim> reviews;
    std::vector<Problem> skipped;   // reviews without a claim or a rating
    std::vector<Problem> problems;  // the file cannot be read at all
};

ReviewFile read_claim_reviews(std::string_view json, const std::string& file);

// Rating key -> verdict.
using RatingMapping = std::map<std::string, Verdict>;

// What ClaimDeck proposes for the ratings it knows: true, mostly true,
// correct, accurate ... verified; false, half true, misleading, unproven ...
// contested (EDITORIAL.md: a factual error is contested, not verified); a
// numeric rating in the top quarter of its scale verified, the rest contested.
RatingMapping proposed_mapping(const std::vector<ReviewedClaim>& reviews);

// The mapping in the file form above, each rating with how many reviews use
// it; a rating without a verdict written "= ?" for the editor to fill in.
std::string describe_mapping(const std::vector<ReviewedClaim>& reviews, const RatingMapping& mapping);

// Reads the file form; problems name the line.
RatingMapping read_mapping(std::string_view text, const std::string& file, std::vector<Problem>& problems);

struct ReviewImportOptions {
    std::string deck_id;
    std::string title;
};

// The deck; reviews whose rating the mapping leaves out are skipped and listed.
DeckImport import_reviews(const ReviewFile& reviews, const RatingMapping& mapping, const std::string& file,
                          const ReviewImportOptions& options);

}  // namespace claimdeck

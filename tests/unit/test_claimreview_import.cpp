#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "content/claimreview_import.hpp"

using namespace claimdeck;

namespace {

const std::string kReview = R"({
  "@context": "https://schema.org", "@type": "ClaimReview",
  "url": "https://checker.example/1", "claimReviewed": "The valley\nfell in a day.",
  "author": {"@type": "Organization", "name": "Checker"},
  "reviewRating": {"@type": "Rating", "alternateName": " Mostly  False", "ratingExplanation": "It took a week. Maps show it."},
  "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "A. Speaker"},
    "appearance": [{"@type": "CreativeWork", "url": "https://news.example/a", "headline": "Valley falls",
                    "datePublished": "2021-09-06T10:00:00Z"}]}
})";

std::string review_with(const std::string& claim, const std::string& rating, const std::string& url) {
    return R"({"@type": ["ClaimReview"], "claimReviewed": ")" + claim + R"(", "reviewRating": )" + rating +
           R"(, "itemReviewed": {"appearance": ")" + url + R"("}})";
}

std::vector<std::string> described(const std::vector<Problem>& problems) {
    std::vector<std::string> lines;
    for (const Problem& problem : problems) lines.push_back(problem.describe());
    return lines;
}

}  // namespace

TEST_CASE("A single ClaimReview gives its claim, rating, rationale, reviewer and where the claim appeared") {
    const ReviewFile file = read_claim_reviews(kReview, "r.json");
    CHECK(file.problems.empty());
    REQUIRE(file.reviews.size() == 1);
    const ReviewedClaim& review = file.reviews[0];
    CHECK(review.claim_text == "The valley fell in a day.");
    CHECK(review.rating == "mostly false");
    CHECK(review.rating_label == "Mostly False");
    CHECK(review.rationale == "It took a week. Maps show it.");
    CHECK(review.reviewer == "Checker");
    CHECK(review.claimant == "A. Speaker");
    CHECK(review.source_url == "https://news.example/a");
    CHECK(review.source_headline == "Valley falls");
    CHECK(review.source_published == "2021-09-06");
}

TEST_CASE("Reviews come from an array or an @graph, reviews without a claim or a rating are listed as skipped") {
    const std::string json = "[" + review_with("A is true.", R"({"ratingValue": 5, "bestRating": 5})", "u1") + "," +
                             R"({"@graph": [{"@type": "WebPage"},)" +
                             review_with("B is half true.", R"({"alternateName": "Half True"})", "u1") + "," +
                             review_with("", R"({"alternateName": "False"})", "u2") + "," +
                             review_with("C.", R"({"name": "no rating"})", "u2") + "]}]";
    const ReviewFile file = read_claim_reviews(json, "r.json");
    REQUIRE(file.reviews.size() == 2);
    CHECK(file.reviews[0].rating == "5/5");
    CHECK(file.reviews[0].rating_fraction == 1.0);
    CHECK(file.reviews[1].rating == "half true");
    CHECK(described(file.skipped) ==
          std::vector<std::string>{"r.json: review 3: has no \"claimReviewed\", the claim's words",
                                   "r.json: review 4: has no \"reviewRating\" with an alternateName or a ratingValue"});
}

TEST_CASE(
    "The proposed mapping knows common ratings, reads numeric ones by their place on the scale, and leaves "
    "the rest to the editor") {
    const std::string json = "[" + review_with("A.", R"({"alternateName": "TRUE"})", "") + "," +
                             review_with("B.", R"({"alternateName": "Pants on Fire"})", "") + "," +
                             review_with("C.", R"({"ratingValue": "2", "worstRating": 1, "bestRating": 5})", "") + "," +
                             review_with("D.", R"({"ratingValue": 4.5, "bestRating": 5})", "") + "," +
                             review_with("E.", R"({"alternateName": "Four Pinocchios"})", "") + "," +
                             review_with("F.", R"({"alternateName": "Spicy"})", "") + "," +
                             review_with("G.", R"({"alternateName": "true"})", "") + "]";
    const ReviewFile file = read_claim_reviews(json, "r.json");
    const RatingMapping mapping = proposed_mapping(file.reviews);
    CHECK(mapping.at("true") == Verdict::Verified);
    CHECK(mapping.at("pants on fire") == Verdict::Contested);
    CHECK(mapping.at("2/5") == Verdict::Contested);
    CHECK(mapping.at("4.5/5") == Verdict::Verified);
    CHECK(mapping.count("spicy") == 0);
    CHECK(describe_mapping(file.reviews, mapping) ==
          "# rating = verdict (verified or contested)   # how many reviews give it\n"
          "2/5 = contested   # 1 review\n"
          "4.5/5 = verified   # 1 review\n"
          "four pinocchios = contested   # 1 review\n"
          "pants on fire = contested   # 1 review\n"
          "spicy = ?   # 1 review\n"
          "true = verified   # 2 reviews\n");
}

TEST_CASE("A mapping file reads back what describe_mapping writes, and refuses propaganda and unknown verdicts") {
    std::vector<Problem> problems;
    const RatingMapping mapping = read_mapping(
        "# comment\n\nTrue = verified   # 2 reviews\nspicy = ?\nhalf  true=Contested\nodd = propaganda\nx = maybe\nno "
        "equals sign\n",
        "map.txt", problems);
    CHECK(mapping == RatingMapping{{"true", Verdict::Verified}, {"half true", Verdict::Contested}});
    CHECK(described(problems) ==
          std::vector<std::string>{"map.txt: line 6: propaganda needs the techniques in the quote, which a review "
                                   "does not name; map it to contested and mark the techniques in the Studio",
                                   "map.txt: line 7: \"maybe\" is not verified or contested",
                                   "map.txt: line 8: write it as: rating = verdict"});
}

TEST_CASE(
    "Imported reviews make a valid deck: one article per source with its URL and date, unmapped ratings "
    "skipped") {
    const std::string json = "[" + kReview + "," +
                             review_with("Second claim.", R"({"alternateName": "True"})", "https://news.example/a") +
                             "," + review_with("Third claim.", R"({"alternateName": "Spicy"})", "") + "]";
    const ReviewFile file = read_claim_reviews(json, "r.json");
    const DeckImport imported =
        import_reviews(file, proposed_mapping(file.reviews), "r.json", {"checks", "Fact-checks"});
    CHECK(described(imported.skipped) ==
          std::vector<std::string>{"r.json: review 3: the rating \"spicy\" has no verdict in the mapping"});
    REQUIRE(imported.deck);
    const Deck& deck = *imported.deck;
    CHECK(check_deck(deck, "d.json").empty());
    REQUIRE(deck.articles.size() == 1);
    CHECK(deck.articles[0].url == "https://news.example/a");
    CHECK(deck.articles[0].published == "2021-09-06");
    CHECK(deck.articles[0].byline == "A. Speaker");
    CHECK(deck.articles[0].text == "Valley falls\n\nThe valley fell in a day.\n\nSecond claim.\n");
    REQUIRE(deck.claims.size() == 2);
    CHECK(deck.claims[0].verdict == Verdict::Contested);
    CHECK(deck.claims[0].rationale == "It took a week. Maps show it.");
    CHECK(deck.claims[1].verdict == Verdict::Verified);
    CHECK(deck.claims[1].rationale == "The fact-checker rated it \"True\".");
    CHECK(deck.claims[1].span.begin == 41);
}

TEST_CASE("A file that is not JSON, or holds no review, is a problem with its place") {
    CHECK(described(read_claim_reviews("{\"@type\": ", "r.json").problems).size() == 1);
    CHECK(described(read_claim_reviews("{\"@type\": \"WebPage\"}", "r.json").problems) ==
          std::vector<std::string>{"r.json: holds no ClaimReview with a claim and a rating"});
    CHECK(read_claim_reviews("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]"
                             "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
                             "r.json")
              .problems.size() == 1);
}

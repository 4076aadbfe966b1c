#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "content/house_style.hpp"

using namespace claimdeck;

namespace {

const std::string kArticleA = "Headline A\n\nThe valley is north of Kabul.\n";
const std::string kArticleB = "Headline B\n\nIt lies in the mountains.\n";
const std::string kRationale = "Maps agree on where it is. Nothing here is in doubt.";

// Six claims, two of each verdict, all house style: the base each test
// breaks one rule of.
Deck good_deck() {
    Deck deck;
    deck.format_version = 1;
    deck.id = "valley";
    deck.version = 1;
    deck.title = "The valley";
    deck.articles.push_back({"a", "a.txt", "Headline A", "", "", kArticleA, "", ""});
    deck.articles.push_back({"b", "b.txt", "Headline B", "", "", kArticleB, "", ""});
    deck.topics.push_back({"place", "Where the valley is"});
    const Verdict verdicts[] = {Verdict::Verified,  Verdict::Contested,  Verdict::Propaganda,
                                Verdict::Contested, Verdict::Propaganda, Verdict::Verified};
    // No attribution verbs and one opener on every card: the cue audit flags nothing.
    const char* texts[] = {"The valley is north of Kabul.", "The valley lies north.",
                           "The valley lies near Kabul.",   "The valley is in the north.",
                           "The valley is by Kabul.",       "The valley is in the north of the country."};
    for (int i = 0; i < 6; ++i) {
        Claim claim;
        claim.id = "c" + std::to_string(i);
        claim.article = i < 3 ? "a" : "b";  // one claim of each verdict in each
        claim.text = texts[i];
        claim.topic = "place";
        claim.verdict = verdicts[i];
        claim.rationale = kRationale;
        deck.claims.push_back(claim);
    }
    deck.index();
    return deck;
}

std::vector<std::string> described(const std::vector<Problem>& problems) {
    std::vector<std::string> lines;
    for (const Problem& problem : problems) lines.push_back(problem.describe());
    return lines;
}

bool has_problem(const Deck& deck, const std::string& line, const HouseStyleRules& rules = {}) {
    const std::vector<std::string> lines = described(check_house_style(deck, "d.json", rules));
    for (const std::string& found : lines)
        if (found == line) return true;
    return false;
}

}  // namespace

TEST_CASE("A deck that follows the house style has no house-style problems") {
    CHECK(described(check_house_style(good_deck(), "d.json")) == std::vector<std::string>{});
}

TEST_CASE("Sentences are counted at . ! or ? followed by a space and a capital, an opening quote or a bracket") {
    CHECK(count_sentences("") == 0);
    CHECK(count_sentences("  One.  ") == 1);
    CHECK(count_sentences("One. Two! Three? Four") == 4);
    CHECK(count_sentences("It is 2.5 km away. it goes on.") == 1);
    CHECK(count_sentences("He said \u201cGo.\u201d Then he left.") == 2);
    CHECK(count_sentences("Stop. (Then go.) \u2018Now.\u2019 \"Yes.\"") == 4);
    CHECK(count_sentences("One.\u00a0Two.") == 2);
}

TEST_CASE("Ids are kebab-case: lower-case letters and digits joined by single hyphens") {
    CHECK(is_kebab_case("lions-350"));
    CHECK(is_kebab_case("a"));
    CHECK_FALSE(is_kebab_case(""));
    CHECK_FALSE(is_kebab_case("Lions"));
    CHECK_FALSE(is_kebab_case("-a"));
    CHECK_FALSE(is_kebab_case("a-"));
    CHECK_FALSE(is_kebab_case("a--b"));
    CHECK_FALSE(is_kebab_case("a_b"));
}

TEST_CASE("Double spaces, spaces at the ends and quotation marks without partners are typing problems") {
    CHECK(typing_problem("A clean \u201cquoted\u201d text with \"straight\" ones and it\u2019s fine.") == "");
    CHECK(typing_problem("Two  spaces.") == "a double space");
    CHECK(typing_problem(" Leading.") == "a space at the start or the end");
    CHECK(typing_problem("Trailing. ") == "a space at the start or the end");
    CHECK(typing_problem("An \u201copen quote.") == "a \u201c without its \u201d (or the other way round)");
    CHECK(typing_problem("A \u00abguillemet.") == "a \u00ab without its \u00bb (or the other way round)");
    CHECK(typing_problem("A \"stray mark.") == "a \" without its partner");
}

TEST_CASE("Typing problems in card texts, rationales and titles are named by claim and field") {
    Deck deck = good_deck();
    deck.claims[2].text = "The valley lies  near Kabul.";
    deck.claims[3].rationale = "Maps agree on \u201cwhere it is. Nothing here is in doubt.";
    deck.topics[0].title = "Where the \"valley is";
    CHECK(has_problem(deck, "d.json: claim \"c2\", field \"text\": a double space"));
    CHECK(has_problem(
        deck, "d.json: claim \"c3\", field \"rationale\": a \u201c without its \u201d (or the other way round)"));
    CHECK(has_problem(deck, "d.json: topic \"place\", field \"title\": a \" without its partner"));
}

TEST_CASE("Verdict shares count each verdict's claims, and a share outside 25-45 % is out of range") {
    Deck deck = good_deck();
    VerdictShares shares = verdict_shares(deck);
    CHECK(shares.total == 6);
    CHECK(shares.claims == std::array<int, 3>{2, 2, 2});
    CHECK(shares.percent(Verdict::Verified) == doctest::Approx(33.333).epsilon(0.001));
    deck.claims[1].verdict = Verdict::Verified;  // 3 verified, 1 contested, 2 propaganda
    shares = verdict_shares(deck);
    CHECK_FALSE(shares.in_range(Verdict::Verified, {}));
    CHECK_FALSE(shares.in_range(Verdict::Contested, {}));
    CHECK(shares.in_range(Verdict::Propaganda, {}));
    CHECK(verdict_shares(Deck{}).in_range(Verdict::Verified, {}));
    CHECK(verdict_shares(Deck{}).percent(Verdict::Verified) == 0);
}

TEST_CASE("Exactly 45 % and exactly 25 % are within the range") {
    VerdictShares shares;
    shares.claims = {9, 5, 6};
    shares.total = 20;
    CHECK(shares.in_range(Verdict::Verified, {}));
    CHECK(shares.in_range(Verdict::Contested, {}));
}

TEST_CASE("An unbalanced deck is a problem of the deck naming the verdict and its share") {
    Deck deck = good_deck();
    deck.claims[1].verdict = Verdict::Verified;
    CHECK(has_problem(deck,
                      "d.json: deck: verdict \"verified\" holds 50 % of the claims (3 of 6); house style is 25 "
                      "to 45 % each, so that pressing one button never pays"));
    CHECK(has_problem(deck,
                      "d.json: deck: verdict \"contested\" holds 17 % of the claims (1 of 6); house style is 25 "
                      "to 45 % each, so that pressing one button never pays"));
}

TEST_CASE("A rationale of one sentence or five is a problem, a card text of three sentences is too") {
    Deck deck = good_deck();
    deck.claims[0].rationale = "Only one sentence here.";
    deck.claims[1].rationale = "One. Two. Three. Four. Five.";
    deck.claims[2].text = "One. Two. Three.";
    CHECK(has_problem(deck, "d.json: claim \"c0\", field \"rationale\": 1 sentence; house style is 2 to 4"));
    CHECK(has_problem(deck, "d.json: claim \"c1\", field \"rationale\": 5 sentences; house style is 2 to 4"));
    CHECK(has_problem(deck, "d.json: claim \"c2\", field \"text\": 3 sentences; house style is at most 2"));
}

TEST_CASE("Ids that are not kebab-case, unused topics and a title that is not the headline are problems") {
    Deck deck = good_deck();
    deck.claims[0].id = "Claim_0";
    deck.topics.push_back({"spare", "Spare"});
    deck.articles[1].title = "Another headline";
    CHECK(has_problem(deck,
                      "d.json: claim \"Claim_0\", field \"id\": ids are lower-case kebab-case: letters and "
                      "digits in words joined by single hyphens"));
    CHECK(has_problem(deck, "d.json: topic \"spare\": declared but no claim uses it"));
    CHECK(has_problem(deck,
                      "d.json: article \"b\", field \"title\": differs from the first line of \"b.txt\", the "
                      "headline"));
}

TEST_CASE("Two evidence entries from one article are a problem at the second") {
    Deck deck = good_deck();
    deck.claims[0].evidence.push_back({"b", "It lies", {12, 19}, Stance::Corroborates});
    deck.claims[0].evidence.push_back({"b", "mountains", {27, 36}, Stance::Qualifies});
    CHECK(has_problem(deck,
                      "d.json: claim \"c0\", field \"evidence[1]\": a second entry from \"b\"; house style is "
                      "one entry per article, its clearest sentence"));
}

TEST_CASE("The minimum claims per deck and per article are checked only when asked for") {
    Deck deck = good_deck();
    HouseStyleRules rules;
    rules.min_claims = 7;
    rules.min_claims_per_article = 4;
    CHECK(has_problem(deck, "d.json: deck: 6 claims, fewer than 7", rules));
    CHECK(has_problem(deck, "d.json: article \"a\": 3 claims, fewer than 4", rules));
    CHECK(check_house_style(deck, "d.json").empty());
}

TEST_CASE("A cue the audit flags is a house-style problem of the deck") {
    Deck deck = good_deck();
    // Every propaganda card, and only those, now holds quotation marks.
    deck.claims[2].text = "The valley lies near \u201cKabul\u201d.";
    deck.claims[4].text = "The valley is by \u201cKabul\u201d.";
    CHECK(has_problem(deck,
                      "d.json: deck, cue audit: quotation marks: on 0 % of verified cards, 0 % of contested "
                      "cards, 100 % of propaganda cards, 100 points apart (limit 25); a learner can guess the "
                      "verdict from it"));
}

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <stdexcept>

#include "content/deck_writer.hpp"
#include "content/house_style.hpp"
#include "studio/studio_checks.hpp"
#include "studio/studio_document.hpp"

using namespace claimdeck;

namespace {

const std::string kFirst = "Valley falls\n\nThe Taliban said they took the valley on Monday.\n";
const std::string kSecond = "Resistance holds\n\nThe resistance said it still held the valley.\n";

Span span_of(const std::string& text, const std::string& words) {
    const std::size_t at = text.find(words);
    REQUIRE(at != std::string::npos);
    return {at, at + words.size()};
}

// Two articles and one claim from the first, quoting "took the valley".
StudioDocument two_articles_one_claim() {
    StudioDocument document;
    document.apply(edit::AddArticle{"Valley falls", kFirst});
    document.apply(edit::AddArticle{"Resistance holds", kSecond});
    document.apply(edit::NewClaim{"valley-falls", span_of(kFirst, "took the valley")});
    return document;
}

const Claim& only_claim(const StudioDocument& document) { return document.deck().claims.at(0); }

}  // namespace

TEST_CASE("a new claim from a selection quotes exactly the selected bytes at their span") {
    const StudioDocument document = two_articles_one_claim();
    const Claim& claim = only_claim(document);
    CHECK(claim.quote == "took the valley");
    CHECK(kFirst.substr(claim.span.begin, claim.span.end - claim.span.begin) == "took the valley");
    CHECK(claim.article == "valley-falls");
    CHECK(document.last_new_claim() == claim.id);
}

TEST_CASE("a selection that is empty or cuts a character in two makes no claim and changes nothing") {
    StudioDocument document;
    document.apply(edit::AddArticle{"Caf\xc3\xa9", "Un caf\xc3\xa9 noir"});
    const std::uint64_t before = document.revision();
    CHECK_THROWS_AS(document.apply(edit::NewClaim{"caf", {3, 3}}), std::invalid_argument);
    CHECK_THROWS_AS(document.apply(edit::NewClaim{"caf", {3, 7}}), std::invalid_argument);  // ends inside "é"
    CHECK(document.deck().claims.empty());
    CHECK(document.revision() == before);
}

TEST_CASE("every kind of edit undoes and redoes") {
    StudioDocument document = two_articles_one_claim();
    const std::string id = only_claim(document).id;
    document.apply(edit::SetVerdict{id, Verdict::Propaganda});
    document.apply(edit::AddTechniqueWords{id, "Loaded Language", {0, 4}});
    document.apply(
        edit::AddEvidence{id, "resistance-holds", span_of(kSecond, "still held the valley"), Stance::Contradicts});
    CHECK(only_claim(document).techniques.at(0).words == std::vector<std::string>{"took"});
    CHECK(only_claim(document).evidence.at(0).quote == "still held the valley");

    document.undo();
    CHECK(only_claim(document).evidence.empty());
    document.undo();
    CHECK(only_claim(document).techniques.empty());
    document.undo();
    CHECK(only_claim(document).verdict == Verdict::Contested);
    document.redo();
    document.redo();
    document.redo();
    CHECK(only_claim(document).evidence.size() == 1);
    CHECK_FALSE(document.can_redo());
}

TEST_CASE("a deck's version is raised as a whole number, undone like any edit, and nothing else is taken") {
    StudioDocument document = two_articles_one_claim();
    REQUIRE(document.deck().version == 1);
    document.apply(edit::SetDeckField{DeckField::Version, "2"});
    CHECK(document.deck().version == 2);
    for (const char* typed : {"", "0", "-3", "2.5", "two", "9999999"}) {
        CAPTURE(typed);
        CHECK_THROWS_AS(document.apply(edit::SetDeckField{DeckField::Version, typed}), std::invalid_argument);
        CHECK(document.deck().version == 2);
    }
    document.undo();
    CHECK(document.deck().version == 1);
    document.redo();
    CHECK(document.deck().version == 2);
}

TEST_CASE("keystrokes in one field undo as one step, and a new edit clears what could be redone") {
    StudioDocument document = two_articles_one_claim();
    const std::string id = only_claim(document).id;
    for (const char* typed : {"B", "Be", "Bec", "Because"})
        document.apply(edit::SetClaimField{id, ClaimField::Rationale, typed});
    CHECK(only_claim(document).rationale == "Because");
    document.undo();
    CHECK(only_claim(document).rationale.empty());
    document.redo();
    CHECK(only_claim(document).rationale == "Because");
    document.undo();
    document.apply(edit::SetVerdict{id, Verdict::Verified});
    CHECK_FALSE(document.can_redo());
}

namespace {

// Everything a deck holds, its articles' texts and the quotes flagged as lost.
std::string everything_in(const StudioDocument& document) {
    std::string all = write_deck_json(document.deck());
    for (const Article& article : document.deck().articles) all += "\n--\n" + article.text;
    for (const LostQuote& lost : document.lost_quotes())
        all += "\nlost " + lost.claim + " " + std::to_string(lost.evidence.value_or(99));
    return all;
}

// One edit of any kind, picked by `random`, on a claim or article that exists.
StudioEdit random_edit(const Deck& deck, std::mt19937& random) {
    const auto pick = [&](std::size_t count) { return static_cast<std::size_t>(random() % count); };
    const Claim& claim = deck.claims[pick(deck.claims.size())];
    const std::string typed = "Typed " + std::to_string(random() % 1000) + ".";
    switch (random() % 12) {
        case 0: return edit::SetDeckField{DeckField::Title, typed};
        case 1: return edit::AddArticle{"Another " + typed, "Another " + typed + "\n\nMore words here.\n"};
        case 2: return edit::SetArticleField{"valley-falls", ArticleField::Text, typed + kFirst};  // quotes move
        case 3: return edit::SetArticleField{"resistance-holds", ArticleField::Byline, typed};
        case 4: return edit::NewClaim{"valley-falls", span_of(kFirst, "took the valley")};
        case 5: return edit::SetClaimField{claim.id, ClaimField::Rationale, typed};
        case 6: return edit::SetVerdict{claim.id, kAllVerdicts[pick(3)]};
        case 7: return edit::SetTopic{claim.id, "Topic " + std::to_string(pick(3))};
        case 8: return edit::AddTechniqueWords{claim.id, "Loaded Language", {0, 4}};
        case 9:
            return edit::AddEvidence{claim.id, "resistance-holds", span_of(kSecond, "still held the valley"),
                                     Stance::Contradicts};
        case 10: return edit::RemoveEvidence{claim.id, 0};
        default:
            return deck.claims.size() > 1 ? StudioEdit(edit::RemoveClaim{claim.id})
                                          : edit::SetVerdict{claim.id, Verdict::Verified};
    }
}

}  // namespace

TEST_CASE("undoing random edits step by step goes back through earlier decks to the first, and redo retraces them") {
    std::mt19937 random(7);
    for (int round = 0; round < 20; ++round) {
        StudioDocument document(two_articles_one_claim().deck());
        std::vector<std::string> states{everything_in(document)};
        while (states.size() < 25) {
            try {
                document.apply(random_edit(document.deck(), random));
                states.push_back(everything_in(document));
            } catch (const std::invalid_argument&) {
                CHECK(everything_in(document) == states.back());  // a refused edit changes nothing
            }
        }
        // Keystrokes in one field are one step, so undo may skip a state, never land elsewhere.
        std::vector<std::string> undone{everything_in(document)};
        while (document.can_undo()) {
            document.undo();
            undone.push_back(everything_in(document));
            CHECK(std::find(states.begin(), states.end(), undone.back()) != states.end());
        }
        CHECK(undone.back() == states.front());
        for (auto state = undone.rbegin() + 1; state != undone.rend(); ++state) {
            document.redo();
            CHECK(everything_in(document) == *state);
        }
        CHECK_FALSE(document.can_redo());
    }
}

TEST_CASE("evidence must come from another article than the claim's") {
    StudioDocument document = two_articles_one_claim();
    CHECK_THROWS_AS(
        document.apply(edit::AddEvidence{only_claim(document).id, "valley-falls", {0, 6}, Stance::Corroborates}),
        std::invalid_argument);
}

TEST_CASE("editing an article's text moves every span with its words and flags a quote that is gone") {
    StudioDocument document = two_articles_one_claim();
    const std::string id = only_claim(document).id;
    document.apply(edit::AddEvidence{id, "resistance-holds", span_of(kSecond, "still held"), Stance::Contradicts});

    const std::string longer = "Valley falls\n\nBy a reporter.\n\nThe Taliban said they took the valley on Monday.\n";
    document.apply(edit::SetArticleField{"valley-falls", ArticleField::Text, longer});
    CHECK(only_claim(document).span.begin == longer.find("took the valley"));
    CHECK(document.lost_quotes().empty());
    CHECK(studio_checks(document, "d.json").empty() == false);  // a new deck lacks rationale, etc.

    document.apply(edit::SetArticleField{"resistance-holds", ArticleField::Text, "Resistance holds\n\nNothing.\n"});
    REQUIRE(document.lost_quotes().size() == 1);
    CHECK(document.lost_quotes()[0].claim == id);
    CHECK(document.lost_quotes()[0].evidence == std::optional<std::size_t>(0));
    document.undo();
    CHECK(document.lost_quotes().empty());
}

TEST_CASE("a topic is picked by id or title, or created from a new title") {
    StudioDocument document = two_articles_one_claim();
    const std::string id = only_claim(document).id;
    document.apply(edit::SetTopic{id, "Who holds the valley"});
    REQUIRE(document.deck().topics.size() == 1);
    CHECK(only_claim(document).topic == "who-holds-the-valley");
    document.apply(edit::SetTopic{id, "Who holds the valley"});
    CHECK(document.deck().topics.size() == 1);
}

TEST_CASE("the topic view names the articles that do not speak to the fact yet") {
    StudioDocument document = two_articles_one_claim();
    const std::string id = only_claim(document).id;
    document.apply(edit::SetTopic{id, "Control"});
    std::vector<TopicOverview> overview = document.topic_overview();
    REQUIRE(overview.size() == 1);
    CHECK(overview[0].claims == std::vector<std::string>{id});
    CHECK(overview[0].uncited_articles == std::vector<std::string>{"resistance-holds"});
    document.apply(edit::AddEvidence{id, "resistance-holds", {0, 10}, Stance::Contradicts});
    CHECK(document.topic_overview()[0].uncited_articles.empty());
}

TEST_CASE("each live check names the field it is about") {
    StudioDocument document = two_articles_one_claim();
    const std::string id = only_claim(document).id;
    document.apply(edit::SetTopic{id, "Control"});
    auto about_rationale = [&] {
        std::vector<StudioProblem> found;
        for (const StudioProblem& problem : studio_checks(document, "d.json"))
            if (problem.where.kind == FieldRef::Kind::Claim && problem.where.id == id &&
                problem.where.field == "rationale")
                found.push_back(problem);
        return found;
    };
    CHECK(about_rationale().size() == 2);  // empty (validator), no sentences (house style)
    document.apply(edit::SetClaimField{id, ClaimField::Rationale, "Both sides claimed the valley. Neither showed it."});
    CHECK(about_rationale().empty());
}

TEST_CASE("verdict shares are each verdict's part of the deck") {
    StudioDocument document = two_articles_one_claim();
    document.apply(edit::NewClaim{"valley-falls", span_of(kFirst, "on Monday")});
    document.apply(edit::SetVerdict{document.last_new_claim(), Verdict::Verified});
    const VerdictShares shares = verdict_shares(document.deck());
    CHECK(shares.percent(Verdict::Verified) == doctest::Approx(50));
    CHECK(shares.percent(Verdict::Contested) == doctest::Approx(50));
    CHECK(shares.percent(Verdict::Propaganda) == doctest::Approx(0));
}

TEST_CASE("ids are made from titles and never repeat") {
    CHECK(unique_id("The Fight, 2021!", {}) == "the-fight-2021");
    CHECK(unique_id("Same", {"same", "same-2"}) == "same-3");
    CHECK(unique_id("\xc3\xa9\xc3\xa9", {}) == "item");
}

TEST_CASE("Find words selects the words typed, in any case, then the next place, then from the top again") {
    const std::string text = "The valley fell. Then THE VALLEY held.";
    const std::optional<Span> first = find_words(text, "the valley", 0);
    REQUIRE(first);
    CHECK(text.substr(first->begin, first->end - first->begin) == "The valley");
    const std::optional<Span> second = find_words(text, "the valley", first->begin + 1);
    REQUIRE(second);
    CHECK(text.substr(second->begin, second->end - second->begin) == "THE VALLEY");
    CHECK(find_words(text, "the valley", second->begin + 1)->begin == first->begin);
    CHECK_FALSE(find_words(text, "the hills", 0));
    CHECK_FALSE(find_words(text, "", 0));
}

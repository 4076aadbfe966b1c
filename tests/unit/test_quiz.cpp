#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "classroom/quiz.hpp"
#include "classroom_samples.hpp"
#include "temp_dir.hpp"

using namespace claimdeck;
using claimdeck::testing::make_class_deck;
using claimdeck::testing::TempDir;

namespace {

std::map<Verdict, int> verdict_mix(const Deck& deck, const Quiz& quiz) {
    std::map<Verdict, int> mix;
    for (const std::string& id : quiz.claim_ids) ++mix[deck.claim(id)->verdict];
    return mix;
}

std::map<std::string, int> topic_mix(const Deck& deck, const Quiz& quiz) {
    std::map<std::string, int> mix;
    for (const std::string& id : quiz.claim_ids) ++mix[deck.claim(id)->topic];
    return mix;
}

std::multiset<std::pair<Verdict, std::string>> verdict_and_topic(const Deck& deck, const Quiz& quiz) {
    std::multiset<std::pair<Verdict, std::string>> cells;
    for (const std::string& id : quiz.claim_ids) cells.emplace(deck.claim(id)->verdict, deck.claim(id)->topic);
    return cells;
}

QuizSettings settings() {
    QuizSettings settings;
    settings.title = "Week 3";
    settings.time_limit_seconds = 30;
    settings.reveal = RevealMode::AtEnd;
    settings.created_ms = 1'630'000'000'000;
    return settings;
}

}  // namespace

TEST_CASE("a balanced quiz has the three verdicts equally often, spread over the topics") {
    const Deck deck = make_class_deck(4, 3);  // 36 claims, 3 per topic and verdict
    const Quiz quiz = balanced_quiz(deck, {}, 12, settings(), 42);
    REQUIRE(quiz.claim_ids.size() == 12);
    CHECK(verdict_mix(deck, quiz) ==
          std::map<Verdict, int>{{Verdict::Verified, 4}, {Verdict::Contested, 4}, {Verdict::Propaganda, 4}});
    for (const auto& [topic, count] : topic_mix(deck, quiz)) CHECK(count == 3);
    CHECK(std::set<std::string>(quiz.claim_ids.begin(), quiz.claim_ids.end()).size() == 12);
    CHECK(quiz.deck_id == "class-deck");
    CHECK(quiz.deck_version == 1);
    CHECK(quiz.title == "Week 3");
    CHECK(quiz.time_limit_seconds == 30);
    CHECK(quiz.reveal == RevealMode::AtEnd);
    CHECK(quiz.form == QuizForm::Single);

    SUBCASE("the same seed gives the same claims in the same order; another seed, another quiz") {
        CHECK(balanced_quiz(deck, {}, 12, settings(), 42).claim_ids == quiz.claim_ids);
        CHECK(balanced_quiz(deck, {}, 12, settings(), 43).claim_ids != quiz.claim_ids);
    }
    SUBCASE("every quiz gets its own id") { CHECK(balanced_quiz(deck, {}, 12, settings(), 42).id != quiz.id); }
}

TEST_CASE("when a verdict runs short, the others make up the count as evenly as they can") {
    Deck deck = make_class_deck(2, 3);
    // Keep only one propaganda claim.
    deck.claims.erase(
        std::remove_if(deck.claims.begin(), deck.claims.end(),
                       [](const Claim& c) { return c.verdict == Verdict::Propaganda && c.id != "t0-propaganda-0"; }),
        deck.claims.end());
    deck.index();
    const Quiz quiz = balanced_quiz(deck, {}, 9, settings(), 1);
    CHECK(verdict_mix(deck, quiz) ==
          std::map<Verdict, int>{{Verdict::Verified, 4}, {Verdict::Contested, 4}, {Verdict::Propaganda, 1}});
}

TEST_CASE("filters pick claims by topic, article and verdict") {
    const Deck deck = make_class_deck(3, 2);
    SUBCASE("topic") {
        const Quiz quiz = quiz_of_matching_claims(deck, {"t1", "", std::nullopt}, settings(), 1);
        CHECK(quiz.claim_ids.size() == 6);
        CHECK(topic_mix(deck, quiz) == std::map<std::string, int>{{"t1", 6}});
    }
    SUBCASE("article and verdict together") {
        const Quiz quiz = quiz_of_matching_claims(deck, {"", "b", Verdict::Contested}, settings(), 1);
        CHECK(quiz.claim_ids.size() == 3);
        for (const std::string& id : quiz.claim_ids) {
            CHECK(deck.claim(id)->article == "b");
            CHECK(deck.claim(id)->verdict == Verdict::Contested);
        }
    }
    SUBCASE("a count within a filter") {
        const Quiz quiz = balanced_quiz(deck, {"", "a", std::nullopt}, 6, settings(), 5);
        CHECK(verdict_mix(deck, quiz).at(Verdict::Verified) == 2);
        for (const std::string& id : quiz.claim_ids) CHECK(deck.claim(id)->article == "a");
    }
    SUBCASE("neighbours differ in topic where they can") {
        const Quiz quiz = quiz_of_matching_claims(deck, {}, settings(), 9);
        CHECK(deck.claim(quiz.claim_ids[0])->topic != deck.claim(quiz.claim_ids[1])->topic);
    }
}

TEST_CASE("a quiz that cannot be built says why") {
    const Deck deck = make_class_deck(2, 1);  // 6 claims
    CHECK_THROWS_WITH_AS(quiz_of_matching_claims(deck, {"nope", "", std::nullopt}, settings(), 1),
                         "the deck has no topic \"nope\"", std::invalid_argument);
    CHECK_THROWS_WITH_AS(quiz_of_matching_claims(deck, {"", "zz", std::nullopt}, settings(), 1),
                         "the deck has no article \"zz\"", std::invalid_argument);
    CHECK_THROWS_WITH_AS(balanced_quiz(deck, {}, 7, settings(), 1), "asked for 7 but only 6 claims fit",
                         std::invalid_argument);
    CHECK_THROWS_AS(balanced_quiz(deck, {}, 0, settings(), 1), std::invalid_argument);
    QuizSettings too_long = settings();
    too_long.time_limit_seconds = kMaxTimeLimitSeconds + 1;
    CHECK_THROWS_AS(balanced_quiz(deck, {}, 3, too_long, 1), std::invalid_argument);
}

TEST_CASE("pretest and posttest forms are parallel and share no claim") {
    const Deck deck = make_class_deck(4, 3);
    const ParallelForms forms = parallel_forms(deck, 10, settings(), 7);
    REQUIRE(forms.pre.claim_ids.size() == 10);
    REQUIRE(forms.post.claim_ids.size() == 10);
    CHECK(forms.pre.form == QuizForm::PreA);
    CHECK(forms.post.form == QuizForm::PostB);
    CHECK(forms.pre.id != forms.post.id);
    CHECK(forms.pre.title == "Week 3 (pretest, form A)");

    std::set<std::string> in_pre(forms.pre.claim_ids.begin(), forms.pre.claim_ids.end());
    for (const std::string& id : forms.post.claim_ids) CHECK(in_pre.count(id) == 0);
    CHECK(verdict_and_topic(deck, forms.pre) == verdict_and_topic(deck, forms.post));
    const std::map<Verdict, int> mix = verdict_mix(deck, forms.pre);
    for (const auto& [verdict, count] : mix) CHECK((count == 3 || count == 4));

    SUBCASE("asking for more pairs than the deck has") {
        // 4 topics x 3 verdicts, one pair per cell of three claims: 12 pairs.
        CHECK_THROWS_WITH_AS(parallel_forms(deck, 13, settings(), 7),
                             "asked for 13 but only 12 pairs of claims with the same verdict and topic are available",
                             std::invalid_argument);
    }
}

TEST_CASE("a delayed posttest is a third parallel form, meant for some days after the posttest") {
    const Deck deck = make_class_deck(4, 3);  // 12 cells of three claims
    const ParallelForms forms = parallel_forms(deck, 8, settings(), 7, 21);
    REQUIRE(forms.delayed);
    const Quiz& delayed = *forms.delayed;
    CHECK(delayed.form == QuizForm::DelayedC);
    CHECK(delayed.days_after_post == 21);
    CHECK(delayed.title == "Week 3 (delayed posttest, form C)");
    CHECK(delayed.format_version() == 2);
    CHECK(forms.post.format_version() == 1);
    REQUIRE(delayed.claim_ids.size() == 8);
    CHECK(verdict_and_topic(deck, delayed) == verdict_and_topic(deck, forms.pre));
    CHECK(verdict_and_topic(deck, delayed) == verdict_and_topic(deck, forms.post));
    std::set<std::string> in_a_form;
    for (const Quiz* form : {&forms.pre, &forms.post, &delayed})
        for (const std::string& id : form->claim_ids) CHECK(in_a_form.insert(id).second);

    SUBCASE("without a delay there are two forms") { CHECK_FALSE(parallel_forms(deck, 8, settings(), 7).delayed); }
    SUBCASE("asking for more sets of three than the deck has") {
        CHECK_THROWS_WITH_AS(parallel_forms(deck, 13, settings(), 7, 14),
                             "asked for 13 but only 12 sets of 3 claims with the same verdict and topic are available",
                             std::invalid_argument);
    }
    SUBCASE("a delay of no days or of more than a year") {
        CHECK_THROWS_AS(parallel_forms(deck, 8, settings(), 7, 0), std::invalid_argument);
        CHECK_THROWS_AS(parallel_forms(deck, 8, settings(), 7, kMaxDaysAfterPost + 1), std::invalid_argument);
    }
    SUBCASE("its file says when it is meant to be taken, and reads back equal") {
        const std::string json = quiz_to_json(delayed);
        CHECK(json.find("\"format_version\": 2") != std::string::npos);
        CHECK(json.find("\"days_after_post\": 21") != std::string::npos);
        QuizLoadResult loaded = parse_quiz(json, "c.json");
        REQUIRE(loaded.quiz);
        CHECK(*loaded.quiz == delayed);
        CHECK(quiz_to_json(forms.post).find("days_after_post") == std::string::npos);
    }
    SUBCASE("a form C file without its days is refused") {
        std::string json = quiz_to_json(delayed);
        const std::size_t field = json.find("\"days_after_post\": 21,");
        REQUIRE(field != std::string::npos);
        json.erase(field, std::string("\"days_after_post\": 21,").size());
        const QuizLoadResult loaded = parse_quiz(json, "c.json");
        CHECK_FALSE(loaded.quiz);
        CHECK(describe_all(loaded.problems).find("c.json: field \"days_after_post\"") != std::string::npos);
    }
}

TEST_CASE("each reveal mode and quiz form has its own word in quiz files") {
    // Pinned one by one: a swap would pass the round trip below, and a quiz
    // meant to reveal only at the end would show each verdict to the class.
    CHECK(to_string(RevealMode::AfterEach) == "after_each");
    CHECK(to_string(RevealMode::AtEnd) == "at_end");
    CHECK(parse_reveal_mode("at_end") == RevealMode::AtEnd);
    CHECK(parse_reveal_mode("after_each") == RevealMode::AfterEach);
    CHECK_FALSE(parse_reveal_mode("never").has_value());
    CHECK(to_string(QuizForm::Single).empty());
    CHECK(to_string(QuizForm::PreA) == "A");
    CHECK(to_string(QuizForm::PostB) == "B");
    CHECK(parse_quiz_form("A") == QuizForm::PreA);
    CHECK(parse_quiz_form("B") == QuizForm::PostB);
    CHECK(to_string(QuizForm::DelayedC) == "C");
    CHECK(parse_quiz_form("C") == QuizForm::DelayedC);
    CHECK(parse_quiz_form("") == QuizForm::Single);
    CHECK(to_string(OtherSources::Off) == "off");
    CHECK(to_string(OtherSources::Offered) == "offered");
    CHECK(to_string(OtherSources::Required) == "required");
    CHECK(parse_other_sources("offered") == OtherSources::Offered);
    CHECK(parse_other_sources("required") == OtherSources::Required);
    CHECK(parse_other_sources("off") == OtherSources::Off);
    CHECK_FALSE(parse_other_sources("sometimes").has_value());
}

TEST_CASE("a quiz that offers the other sources says so in a version 3 file, and one that does not stays version 1") {
    const Deck deck = make_class_deck(2, 2);
    QuizSettings chosen = settings();
    chosen.other_sources = OtherSources::Required;
    const Quiz quiz = balanced_quiz(deck, {}, 6, chosen, 3);
    const std::string json = quiz_to_json(quiz);
    CHECK(json.find(R"("format_version": 3,)") != std::string::npos);
    CHECK(json.find(R"("other_sources": "required",)") != std::string::npos);
    QuizLoadResult loaded = parse_quiz(json, "q.json");
    REQUIRE(loaded.quiz);
    CHECK(*loaded.quiz == quiz);

    const std::string plain = quiz_to_json(balanced_quiz(deck, {}, 6, settings(), 3));
    CHECK(plain.find(R"("format_version": 1,)") != std::string::npos);
    CHECK(plain.find("other_sources") == std::string::npos);

    const std::size_t at = json.find(R"("required")");
    std::string edited = json;
    edited.replace(at, 10, R"("always")");
    CHECK(describe_all(parse_quiz(edited, "q.json").problems)
              .find("q.json: field \"other_sources\": \"always\" is not one of off, offered, required") !=
          std::string::npos);
}

TEST_CASE("a deck of one article has no other sources for a quiz to offer") {
    Deck deck = make_class_deck(1, 1);
    deck.articles.pop_back();
    for (Claim& claim : deck.claims) claim.article = "a";
    deck.index();
    QuizSettings chosen = settings();
    chosen.other_sources = OtherSources::Offered;
    CHECK_THROWS_WITH_AS(quiz_of_matching_claims(deck, {}, chosen, 1),
                         "the quiz lets pupils check other sources, but deck \"class-deck\" has only one article, "
                         "so there are none",
                         std::invalid_argument);
    // A quiz file made for the deck before it lost an article cannot run on it.
    Quiz quiz = quiz_of_matching_claims(deck, {}, settings(), 1);
    quiz.other_sources = OtherSources::Required;
    CHECK(quiz_deck_mismatch(quiz, deck).value_or("").find("has only one article") != std::string::npos);
}

TEST_CASE("a quiz file reads back equal to what was written") {
    const Deck deck = make_class_deck(2, 2);
    const Quiz quiz = balanced_quiz(deck, {}, 6, settings(), 3);
    TempDir dir;
    REQUIRE(write_quiz_file(dir / "quiz.json", quiz).empty());
    QuizLoadResult loaded = load_quiz(dir / "quiz.json");
    CHECK(loaded.problems.empty());
    REQUIRE(loaded.quiz);
    CHECK(*loaded.quiz == quiz);

    const ParallelForms forms = parallel_forms(deck, 2, settings(), 3);
    QuizLoadResult post = parse_quiz(quiz_to_json(forms.post), "post.json");
    REQUIRE(post.quiz);
    CHECK(*post.quiz == forms.post);
}

TEST_CASE("a broken quiz file names every problem") {
    const std::string json = R"({"format": "claimdeck-quiz", "format_version": 1, "id": "", "title": "T",
        "deck_id": "d", "deck_version": 0, "claims": ["x", "x"], "time_limit_seconds": -1,
        "reveal": "sometimes", "form": "D", "created_ms": 5})";
    QuizLoadResult loaded = parse_quiz(json, "q.json");
    CHECK_FALSE(loaded.quiz);
    const std::string all = describe_all(loaded.problems);
    CHECK(all.find("q.json: field \"id\": is empty") != std::string::npos);
    CHECK(all.find("field \"deck_version\": is 0") != std::string::npos);
    CHECK(all.find("field \"claims\": holds \"x\" twice") != std::string::npos);
    CHECK(all.find("field \"time_limit_seconds\": is -1") != std::string::npos);
    CHECK(all.find("field \"reveal\": \"sometimes\" is not one of after_each, at_end") != std::string::npos);
    CHECK(all.find("field \"form\": \"D\" is not one of \"\", \"A\", \"B\", \"C\"") != std::string::npos);

    SUBCASE("a results file handed over as a quiz") {
        QuizLoadResult wrong = parse_quiz(R"({"format": "claimdeck-results", "format_version": 1})", "r.json");
        REQUIRE(wrong.problems.size() == 1);
        CHECK(wrong.problems[0].describe() ==
              "r.json: field \"format\": is \"claimdeck-results\"; expected \"claimdeck-quiz\" (is this the right "
              "file?)");
    }
}

TEST_CASE("a quiz only runs on its own deck and version") {
    Deck deck = make_class_deck(1, 1);
    const Quiz quiz = quiz_of_matching_claims(deck, {}, settings(), 1);
    CHECK_FALSE(quiz_deck_mismatch(quiz, deck));
    deck.version = 2;
    CHECK(quiz_deck_mismatch(quiz, deck) ==
          std::optional<std::string>("the quiz is for version 1 of deck \"class-deck\", but this deck is version 2"));
    deck.version = 1;
    deck.claims.pop_back();
    deck.index();
    CHECK(quiz_deck_mismatch(quiz, deck).value_or("").find("the deck has no claim") == 0);
}

TEST_CASE("a quiz id that is not a bare name is refused, naming the file and the field") {
    const Quiz quiz = balanced_quiz(make_class_deck(2, 2), {}, 3, settings(), 3);
    const std::string long_id(65, 'q');
    for (const std::string& hostile :
         std::vector<std::string>{"../../../escaped", "/tmp/victim", "a\\\\b", "..", "week 3", long_id}) {
        CAPTURE(hostile);
        std::string json = quiz_to_json(quiz);
        json.replace(json.find(quiz.id), quiz.id.size(), hostile);
        QuizLoadResult loaded = parse_quiz(json, "hostile.json");
        CHECK_FALSE(loaded.quiz);
        CHECK(describe_all(loaded.problems).find("hostile.json: field \"id\": ") != std::string::npos);
        CHECK(describe_all(loaded.problems).find("use only letters, digits, - and _, at most 64") != std::string::npos);
    }
    CHECK(parse_quiz(quiz_to_json(quiz), "made-here.json").quiz);
}

TEST_CASE("a quiz file saved with a UTF-8 byte order mark (Notepad) is read") {
    const Quiz quiz = balanced_quiz(make_class_deck(2, 2), {}, 3, settings(), 3);
    QuizLoadResult loaded = parse_quiz("\xEF\xBB\xBF" + quiz_to_json(quiz), "notepad.json");
    CHECK(loaded.problems.empty());
    REQUIRE(loaded.quiz);
    CHECK(*loaded.quiz == quiz);
}

// Quizzes: a fixed list of a deck's claims that a whole class answers in the
// same order, under the same rules, so their results can be compared.
//
// A quiz file (JSON, written with cereal) looks like
//   { "format": "claimdeck-quiz", "format_version": 1,
//     "id": "quiz-0190a1b2c3d4e-5f6a...", "title": "Week 3",
//     "deck_id": "panjshir-2021", "deck_version": 1,
//     "claims": ["lions-350", "punjir-12", ...],
//     "time_limit_seconds": 0, "reveal": "after_each", "form": "",
//     "created_ms": 1630000000000 }
// `form` is "" for a plain quiz, "A" for the pretest and "B" for the
// posttest of a pre/post pair, and "C" for a delayed posttest, which also
// says when it is meant to be taken: "days_after_post": 14 (format version
// 2). A quiz that lets pupils check the deck's other sources before
// answering says so after "reveal": "other_sources": "offered" or
// "required" (format version 3). Every other quiz is still written as
// version 1, so older apps read it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/problems.hpp"
#include "content/deck.hpp"

namespace claimdeck {

// When the learner sees whether they were right: after every card, or only
// once the whole quiz is done (so early cards cannot teach the later ones).
enum class RevealMode { AfterEach, AtEnd };
// A pretest and posttest pair shows the verdicts only at the end unless the
// teacher chooses otherwise: a pretest that reveals after each card teaches
// the class its answers before the posttest measures what they learned.
inline constexpr RevealMode kPrePostRevealDefault = RevealMode::AtEnd;
std::string_view to_string(RevealMode mode);
std::optional<RevealMode> parse_reveal_mode(std::string_view text);

// Whether pupils may look at what the deck's other articles say before
// answering ("Check other sources", as in study): not at all, when they
// choose, or before every answer. Required makes the class practise lateral
// reading; offered lets the report compare answers given with and without.
enum class OtherSources { Off, Offered, Required };
// "off", "offered", "required", as in quiz files.
std::string_view to_string(OtherSources sources);
std::optional<OtherSources> parse_other_sources(std::string_view text);

// Form C, the delayed posttest, asks whether what training taught lasted:
// the effect of media-literacy games fades within weeks unless boosted.
enum class QuizForm { Single, PreA, PostB, DelayedC };
// "", "A", "B" and "C", as in quiz and results files.
std::string_view to_string(QuizForm form);
std::optional<QuizForm> parse_quiz_form(std::string_view text);
// The forms a file may name, for its error messages.
inline constexpr const char* kQuizFormNames = "\"\", \"A\", \"B\", \"C\"";

// Longest time limit per card a quiz may set: an hour.
inline constexpr int kMaxTimeLimitSeconds = 3600;
// A delayed posttest is meant for two weeks after the posttest unless the
// teacher says otherwise, and for at most a school year after it.
inline constexpr int kDefaultDaysAfterPost = 14;
inline constexpr int kMaxDaysAfterPost = 365;
// "1 day", "14 days": how every screen and report says a delay.
std::string days_text(long days);
// Most claims a quiz (and so a results file) may hold.
inline constexpr std::size_t kMaxQuizClaims = 10000;

struct Quiz {
    std::string id;  // random and unique, so results can name the quiz they answer
    std::string title;
    std::string deck_id;
    int deck_version = 0;
    std::vector<std::string> claim_ids;  // asked in this order
    int time_limit_seconds = 0;          // per card; 0 = no limit
    RevealMode reveal = RevealMode::AfterEach;
    OtherSources other_sources = OtherSources::Off;
    QuizForm form = QuizForm::Single;
    int days_after_post = 0;  // form C only: when it is meant to be taken
    std::int64_t created_ms = 0;

    bool operator==(const Quiz& other) const;
    bool offers_other_sources() const { return other_sources != OtherSources::Off; }
    int format_version() const {
        if (offers_other_sources()) return 3;
        return form == QuizForm::DelayedC ? 2 : 1;
    }
};

// What a teacher chooses about a quiz besides its claims.
struct QuizSettings {
    std::string title;
    int time_limit_seconds = 0;
    RevealMode reveal = RevealMode::AfterEach;
    OtherSources other_sources = OtherSources::Off;
    std::int64_t created_ms = 0;
};

// Narrows the deck to some claims; an empty field lets everything through.
struct ClaimFilter {
    std::string topic;
    std::string article;
    std::optional<Verdict> verdict;
};

// Builders. Each throws std::invalid_argument, with a sentence for the
// teacher, when the deck cannot give what was asked (an unknown topic, too
// few claims). Claims are put in an order where neighbours differ in topic
// and verdict, as in study sessions. The same seed, deck and build give the
// same quiz.

// Every claim the filter lets through.
Quiz quiz_of_matching_claims(const Deck& deck, const ClaimFilter& filter, const QuizSettings& settings,
                             std::uint64_t seed);

// `count` claims from those the filter lets through: the three verdicts as
// equally often as the deck allows, each spread over as many topics as it can.
Quiz balanced_quiz(const Deck& deck, const ClaimFilter& filter, std::size_t count, const QuizSettings& settings,
                   std::uint64_t seed);

// A pretest (form A) and a posttest (form B) of `count_per_form` claims each,
// and with `delayed_days_after_post` a delayed posttest (form C) too: for
// every claim in A there is one in each other form with the same verdict and
// topic, and no claim is in two forms.
struct ParallelForms {
    Quiz pre;
    Quiz post;
    std::optional<Quiz> delayed;
};
ParallelForms parallel_forms(const Deck& deck, std::size_t count_per_form, const QuizSettings& settings,
                             std::uint64_t seed, std::optional<int> delayed_days_after_post = std::nullopt);

// What a pupil about to take form C is told: "A delayed posttest, meant for
// 14 days after the posttest: it shows what you still remember."
std::string delayed_posttest_note(const Quiz& quiz);

// Why this deck cannot be used to take the quiz (another deck, another
// version of it, a claim it no longer has); nullopt when it can.
std::optional<std::string> quiz_deck_mismatch(const Quiz& quiz, const Deck& deck);

// Files
std::string quiz_to_json(const Quiz& quiz);
// Empty on success, otherwise a sentence naming the file.
std::string write_quiz_file(const std::filesystem::path& path, const Quiz& quiz);

struct QuizLoadResult {
    std::optional<Quiz> quiz;  // set only when there are no problems
    std::vector<Problem> problems;
};
// Quiz files travel between teachers and pupils, so they are read as
// untrusted input: size cap, shape check, every field validated.
QuizLoadResult parse_quiz(std::string_view json, const std::string& file_name);
QuizLoadResult load_quiz(const std::filesystem::path& path);

}  // namespace claimdeck

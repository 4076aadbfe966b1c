// Taking a quiz: which card is asked, the clock on it, what an answer
// records, and when the verdicts are revealed. It draws nothing; the GUI and
// `claimdeck-cli quiz take` both drive it.
//
// Every answered card is also logged in the progress store as a review of
// kind Quiz. Such reviews leave the learner's card states alone unless they
// chose to let the quiz count towards their schedule; then the card moves as
// it would in a study session. A card that timed out has no verdict to log,
// so it lives only in the results.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "classroom/quiz.hpp"
#include "classroom/results.hpp"
#include "content/deck.hpp"
#include "learning/fsrs.hpp"
#include "learning/lateral_reading.hpp"
#include "learning/pending_answers.hpp"
#include "learning/session.hpp"
#include "storage/store.hpp"

namespace claimdeck {

struct QuizRunOptions {
    bool count_towards_schedule = false;  // the learner's "count towards my schedule"
    double desired_retention = 0.9;       // from their StudySettings; used only when counting
};

class QuizRun {
public:
    // Throws std::invalid_argument when the deck cannot serve this quiz (see
    // quiz_deck_mismatch). `quiz` and `deck` must outlive the run.
    QuizRun(const Quiz& quiz, const Deck& deck, ProgressStore& store, Profile profile, QuizRunOptions options,
            Clock clock);

    const Quiz& quiz() const { return quiz_; }
    const Profile& profile() const { return profile_; }
    const std::string& learner_id() const { return learner_id_; }

    // The card being asked; nullptr while an answer is being revealed and
    // once the quiz is over.
    const Claim* current() const;
    // Cards answered (or timed out) so far, and in all.
    std::size_t answered() const { return answers_.size(); }
    std::size_t size() const { return quiz_.claim_ids.size(); }
    bool finished() const { return answers_.size() == size() && !revealing_; }

    // The clock on the current card (0 when no card is asked).
    std::int64_t elapsed_ms() const;
    // Time left on the current card, never below 0; nullopt when the quiz has
    // no time limit.
    std::optional<std::int64_t> remaining_ms() const;

    // Lateral reading on the current card, when the quiz offers the other
    // sources: the caller says when the pupil goes to them and comes back,
    // and what they looked at there, as in a study session. The answer
    // carries it into the results and the progress log.
    void begin_lateral_reading();
    void note_search(const std::string& words) { lateral_.note_search(words); }
    void note_passage_read() { lateral_.note_passage_read(); }
    void end_lateral_reading();
    const LateralReading& lateral_reading() const { return lateral_.consulted(); }
    // A quiz that requires the other sources takes no answer to a card until
    // the pupil has looked at the results of a search for it.
    bool sources_still_required() const;

    // Records the answer to the current card and moves on. An answer given
    // after the time limit counts as timed out, whatever was picked, so the
    // limit is the same for everyone however often their screen is redrawn.
    // Does nothing and returns nullptr when no card is asked, or when the
    // other sources must be checked first.
    const QuizAnswer* answer(Verdict picked, Confidence confidence);
    // Records the current card as timed out if its time is up; true when it
    // did. The GUI calls it every frame.
    bool time_out_if_expired();

    // Reveal after each card: after every answer the run pauses, revealing()
    // is true and last_answer() is the one to show, until next().
    bool revealing() const { return revealing_; }
    const QuizAnswer* last_answer() const { return answers_.empty() ? nullptr : &answers_.back(); }
    // Ends the reveal; the next card's clock starts now.
    void next();
    // Reveal at the end: true once the quiz is over; show every answer.
    bool reveal_all() const { return finished() && quiz_.reveal == RevealMode::AtEnd; }

    const std::vector<QuizAnswer>& answers() const { return answers_; }
    // What goes in the results file. finished_ms is when the last card was
    // answered (0 until then).
    QuizResults results() const;

    // Store faults (full disk, locked file) never lose an answer: it waits
    // here and is written with the next one, or by retry_pending().
    std::size_t pending_saves() const { return pending_.size(); }
    const std::string& save_error() const { return pending_.error(); }
    bool retry_pending() { return pending_.retry(); }

private:
    const QuizAnswer* record(std::optional<Verdict> picked, Confidence confidence);
    void log_review(const Claim& claim, const QuizAnswer& answer, std::int64_t now);
    bool time_is_up(std::int64_t now) const;
    void start_card_clock();

    const Quiz& quiz_;
    const Deck& deck_;
    ProgressStore& store_;
    Profile profile_;
    std::string learner_id_;
    QuizRunOptions options_;
    Clock clock_;
    fsrs::Scheduler scheduler_;
    std::map<std::string, CardState> states_;  // loaded only when counting towards the schedule
    // The claims in the learner's schedule when the quiz began: those they
    // had studied, so the report can tell learning that transfers to claims
    // never studied from learning of the claims themselves.
    std::set<std::string> studied_before_;
    std::vector<QuizAnswer> answers_;
    PendingAnswers pending_;  // card states only when the quiz counts towards the schedule
    std::int64_t session_id_ = 0;
    std::int64_t shown_at_ms_ = 0;
    std::int64_t finished_ms_ = 0;
    bool revealing_ = false;
    LateralReadingLog lateral_;  // on the current card
};

}  // namespace claimdeck

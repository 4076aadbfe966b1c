// A study session: which card comes next, what an answer does to the card's
// schedule, and undo. It writes every answer to the progress store before
// answer() returns; when the store cannot take it (full disk, locked file)
// the answer is kept here and retried, never dropped.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "content/deck.hpp"
#include "learning/fsrs.hpp"
#include "learning/pending_answers.hpp"
#include "learning/study_settings.hpp"
#include "storage/store.hpp"

namespace claimdeck {

using Clock = std::function<std::int64_t()>;  // milliseconds since the Unix epoch, UTC
Clock system_clock_ms();

// Where the deck stands for one learner right now (the home screen's counts).
struct DeckCounts {
    int due = 0;      // seen before and due now
    int fresh = 0;    // never seen
    int learned = 0;  // seen and not yet due
};
DeckCounts count_cards(const Deck& deck, const std::map<std::string, CardState>& states, std::int64_t now_ms);

// What an answer produced, for the reveal.
struct AnswerOutcome {
    const Claim* claim = nullptr;
    Verdict picked = Verdict::Verified;
    Confidence confidence = Confidence::Unstated;
    bool correct = false;
    fsrs::Rating grade = fsrs::Rating::Good;
    CardState new_state;
    std::int64_t review_id = 0;  // 0 while the answer waits to be saved
    bool comes_back_this_session = false;
};

class StudySession {
public:
    StudySession(const Deck& deck, ProgressStore& store, Profile profile, StudySettings settings, Clock clock,
                 std::uint64_t shuffle_seed);

    // The card on screen, or nullptr when the session is over.
    const Claim* current() const;
    bool finished() const { return current() == nullptr; }
    int answered() const { return answered_; }
    // Answers given plus cards still queued.
    int planned() const { return answered_ + static_cast<int>(queue_.size()); }

    // The learner asked to see the paragraph around the quote.
    void use_hint() { hint_used_ = true; }
    bool hint_used() const { return hint_used_; }

    // Grades and records the answer to the current card, then moves on.
    // Throws nothing on a store fault: the answer is kept pending and
    // save_error() says why.
    AnswerOutcome answer(Verdict picked, Confidence confidence);

    bool can_undo() const { return !undo_stack_.empty(); }
    // Takes back the last answer: its log entry is removed and its card is
    // put back, as it was, at the front of the queue.
    void undo();

    // Answers that could not be written yet, and the last error.
    std::size_t pending_saves() const { return pending_.size(); }
    const std::string& save_error() const { return pending_.error(); }
    // Tries to write pending answers again; true when none is left.
    bool retry_pending();
    // The pending answers, to keep them in a file when the store still refuses them.
    ProfileProgress unsaved_answers() const { return pending_.as_progress(profile_.name); }

    const Profile& profile() const { return profile_; }
    std::int64_t session_id() const { return session_id_; }
    const fsrs::Scheduler& scheduler() const { return scheduler_; }
    std::optional<CardState> state_of(const std::string& card_id) const;

private:
    struct Undo {
        std::size_t claim_index;
        std::optional<CardState> previous_state;
        std::string review_uid;
        std::int64_t review_id;
        bool requeued;
    };

    void build_queue(std::uint64_t seed);
    CardState schedule(const Claim& claim, fsrs::Rating grade, std::int64_t now) const;
    void requeue_for_relearning(std::size_t claim_index);
    PendingAnswers::SavedCallback note_saved();

    const Deck& deck_;
    ProgressStore& store_;
    Profile profile_;
    StudySettings settings_;
    Clock clock_;
    fsrs::Scheduler scheduler_;
    std::map<std::string, CardState> states_;
    std::deque<std::size_t> queue_;  // indexes into deck_.claims
    std::vector<Undo> undo_stack_;
    PendingAnswers pending_;
    std::int64_t session_id_ = 0;
    std::int64_t shown_at_ms_ = 0;
    bool hint_used_ = false;
    int answered_ = 0;
};

// Orders cards so that neighbours differ in topic and verdict where they
// can: a run of one kind would let the learner guess from the rhythm.
std::vector<std::size_t> interleave(const Deck& deck, std::vector<std::size_t> remaining);

}  // namespace claimdeck

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
#include "learning/lateral_reading.hpp"
#include "learning/pending_answers.hpp"
#include "learning/session_snapshot.hpp"
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

// How many new cards the daily limit still allows today (UTC), counting the
// cards first answered since midnight. Every one left when there is no limit.
int new_cards_left_today(const StudySettings& settings, const std::map<std::string, CardState>& states, int fresh_cards,
                         std::int64_t now_ms);

// Today: what is due and the new cards the daily limit allows. MoreNew: a few
// new cards beyond the limit, asked for once the day is done. Practice: cards
// seen before, answered without changing their schedule or the log.
enum class SessionKind { Today, MoreNew, Practice };
inline constexpr int kMoreNewCards = 5;
inline constexpr int kPracticeCards = 10;
// A card answered wrongly comes back at most this often in one session, so a
// card the learner keeps missing cannot hold the session's end off for ever.
inline constexpr int kMaxComebacks = 2;

// The cards a session starts with, as deck indexes: reviews first, most
// overdue first, then new cards in a shuffled order.
struct SessionCards {
    std::vector<std::size_t> review;
    std::vector<std::size_t> fresh;
    int size() const { return static_cast<int>(review.size() + fresh.size()); }
};
SessionCards choose_session_cards(const Deck& deck, const std::map<std::string, CardState>& states,
                                  const StudySettings& settings, SessionKind kind, std::int64_t now_ms,
                                  std::uint64_t shuffle_seed);

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
    LateralReading lateral;  // what was consulted before the answer
};

class StudySession {
public:
    StudySession(const Deck& deck, ProgressStore& store, Profile profile, StudySettings settings, Clock clock,
                 std::uint64_t shuffle_seed, SessionKind kind = SessionKind::Today);
    // Goes on with a session kept from an earlier run (session_snapshot.hpp):
    // its cards in their order, and its count. Undo starts afresh.
    StudySession(const Deck& deck, ProgressStore& store, Profile profile, StudySettings settings, Clock clock,
                 const SessionSnapshot& resumed);

    // The card on screen, or nullptr when the session is over.
    const Claim* current() const;
    bool finished() const { return current() == nullptr; }
    SessionKind kind() const { return kind_; }
    // A practice answer changes neither the card's schedule nor the log.
    bool practice() const { return kind_ == SessionKind::Practice; }
    int answered() const { return answered_; }
    // The cards the session started with: the goal, which never grows.
    int size() const { return size_; }
    // How many of them have been answered once; comebacks are not counted.
    int done() const { return done_; }
    // Cards answered wrongly that are queued to come back (each at most
    // kMaxComebacks times), and whether the card on screen is one of them.
    int comebacks_waiting() const;
    bool current_is_comeback() const { return !queue_.empty() && queue_.front().comeback; }
    // Ends the session now: whatever is still queued is left for next time.
    void stop() { queue_.clear(); }
    // Where it stands, to go on after a restart; the caller adds the answers.
    SessionSnapshot snapshot(std::int64_t day) const;

    // The learner asked to see the paragraph around the quote.
    void use_hint() { hint_used_ = true; }
    bool hint_used() const { return hint_used_; }

    // Lateral reading before answering ("Check other sources"): the shell
    // says when the learner goes to the deck's other articles and comes back,
    // and what they looked at there; the answer carries it to the log.
    void begin_lateral_reading() { lateral_.begin(clock_()); }
    // The results of a search were looked at (a paragraph opened from them,
    // or left on screen going back). The same words again count once.
    void note_search(const std::string& words) { lateral_.note_search(words); }
    void note_passage_read() { lateral_.note_passage_read(); }
    void end_lateral_reading() { lateral_.end(clock_()); }
    const LateralReading& lateral_reading() const { return lateral_.consulted(); }

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
    // What both ways in share: the learner, the schedule and the cards' states.
    StudySession(const Deck& deck, ProgressStore& store, Profile profile, StudySettings settings, Clock clock,
                 SessionKind kind);
    struct Queued {
        std::size_t claim_index;  // into deck_.claims
        bool comeback;            // shown again after a wrong answer
    };
    struct Undo {
        Queued answered;
        std::optional<CardState> previous_state;
        std::string review_uid;
        std::int64_t review_id;
        bool requeued;
    };

    void build_queue(std::uint64_t seed);
    void record(const Claim& claim, AnswerOutcome& outcome, std::int64_t now);
    void take_back_from_store(const Undo& last, const Claim& claim);
    CardState schedule(const Claim& claim, fsrs::Rating grade, std::int64_t now) const;
    void requeue_for_relearning(std::size_t claim_index);
    PendingAnswers::SavedCallback note_saved();
    // A new card on screen: its time, hint and lateral reading start afresh.
    void start_card();

    const Deck& deck_;
    ProgressStore& store_;
    Profile profile_;
    StudySettings settings_;
    Clock clock_;
    fsrs::Scheduler scheduler_;
    std::map<std::string, CardState> states_;
    std::deque<Queued> queue_;
    std::map<std::size_t, int> comebacks_;  // per deck index: times requeued
    std::vector<Undo> undo_stack_;
    PendingAnswers pending_;
    SessionKind kind_;
    std::int64_t session_id_ = 0;
    std::int64_t shown_at_ms_ = 0;
    bool hint_used_ = false;
    LateralReadingLog lateral_;
    int answered_ = 0;
    int size_ = 0;
    int done_ = 0;
};

// The count a session shows, with the goal fixed: "4 / 15" on the fourth
// card of fifteen (on its reveal too), "again · 4 / 15" for a card that came
// back, and "· +2 again" after it while wrongly answered cards wait.
std::string progress_text(const StudySession& session, bool card_on_screen);

// Orders cards so that neighbours differ in topic and verdict where they
// can: a run of one kind would let the learner guess from the rhythm.
std::vector<std::size_t> interleave(const Deck& deck, std::vector<std::size_t> remaining);

}  // namespace claimdeck

#include "learning/session.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>

#include "base/calendar.hpp"
#include "learning/card_schedule.hpp"

namespace claimdeck {

// A card answered wrongly comes back after this many other cards, as
// Anki's learning step brings it back after a short delay.
constexpr std::size_t kRelearnGap = 3;

Clock system_clock_ms() {
    return [] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    };
}

DeckCounts count_cards(const Deck& deck, const std::map<std::string, CardState>& states, std::int64_t now_ms) {
    DeckCounts counts;
    for (const Claim& claim : deck.claims) {
        auto found = states.find(claim.id);
        if (found == states.end())
            ++counts.fresh;
        else if (found->second.due_ms <= now_ms)
            ++counts.due;
        else
            ++counts.learned;
    }
    return counts;
}

std::vector<std::size_t> interleave(const Deck& deck, std::vector<std::size_t> remaining) {
    std::vector<std::size_t> ordered;
    ordered.reserve(remaining.size());
    while (!remaining.empty()) {
        auto differs = [&](bool verdict_too) {
            return [&, verdict_too](std::size_t candidate) {
                if (ordered.empty()) return true;
                const Claim& previous = deck.claims[ordered.back()];
                const Claim& next = deck.claims[candidate];
                return next.topic != previous.topic && (!verdict_too || next.verdict != previous.verdict);
            };
        };
        auto pick = std::find_if(remaining.begin(), remaining.end(), differs(true));
        if (pick == remaining.end()) pick = std::find_if(remaining.begin(), remaining.end(), differs(false));
        if (pick == remaining.end()) pick = remaining.begin();
        ordered.push_back(*pick);
        remaining.erase(pick);
    }
    return ordered;
}

StudySession::StudySession(const Deck& deck, ProgressStore& store, Profile profile, StudySettings settings, Clock clock,
                           std::uint64_t shuffle_seed)
    : deck_(deck),
      store_(store),
      profile_(std::move(profile)),
      settings_(settings),
      clock_(std::move(clock)),
      scheduler_(fsrs::Parameters{fsrs::kDefaultWeights, settings.desired_retention, 36500}),
      pending_(store) {
    states_ = store_.card_states(profile_.id, deck_.id);
    build_queue(shuffle_seed);
    session_id_ = store_.start_session(profile_.id, deck_.id, ReviewKind::Study, clock_());
    shown_at_ms_ = clock_();
}

void StudySession::build_queue(std::uint64_t seed) {
    const std::int64_t now = clock_();
    std::vector<std::size_t> due;
    std::vector<std::size_t> fresh;
    for (std::size_t i = 0; i < deck_.claims.size(); ++i) {
        auto found = states_.find(deck_.claims[i].id);
        if (found == states_.end())
            fresh.push_back(i);
        else if (found->second.due_ms <= now)
            due.push_back(i);
    }
    // Most overdue first, so what is slipping is caught first.
    std::stable_sort(due.begin(), due.end(), [&](std::size_t a, std::size_t b) {
        return states_.at(deck_.claims[a].id).due_ms < states_.at(deck_.claims[b].id).due_ms;
    });
    std::shuffle(fresh.begin(), fresh.end(), std::mt19937_64(seed));
    const std::int64_t today_start = start_of_utc_day(now);
    const int introduced_today = store_.new_cards_since(profile_.id, deck_.id, today_start);
    const auto allowed = static_cast<std::size_t>(std::max(0, settings_.new_cards_per_day - introduced_today));
    fresh.resize(std::min(fresh.size(), allowed));

    for (std::size_t index : interleave(deck_, due)) queue_.push_back(index);
    for (std::size_t index : interleave(deck_, fresh)) queue_.push_back(index);
}

const Claim* StudySession::current() const { return queue_.empty() ? nullptr : &deck_.claims[queue_.front()]; }

std::optional<CardState> StudySession::state_of(const std::string& card_id) const {
    auto found = states_.find(card_id);
    if (found == states_.end()) return std::nullopt;
    return found->second;
}

CardState StudySession::schedule(const Claim& claim, fsrs::Rating grade, std::int64_t now) const {
    return schedule_card(scheduler_, claim.id, state_of(claim.id), grade, now);
}

AnswerOutcome StudySession::answer(Verdict picked, Confidence confidence) {
    AnswerOutcome outcome;
    if (finished()) return outcome;
    const std::size_t claim_index = queue_.front();
    const Claim& claim = deck_.claims[claim_index];
    const std::int64_t now = clock_();

    outcome.claim = &claim;
    outcome.picked = picked;
    outcome.confidence = confidence;
    outcome.correct = picked == claim.verdict;
    outcome.grade = fsrs::grade_for(outcome.correct, confidence);
    outcome.new_state = schedule(claim, outcome.grade, now);

    Review review =
        review_of_answer(claim, deck_.id, profile_.id, session_id_, ReviewKind::Study, now, picked, confidence);
    review.response_ms = std::max<std::int64_t>(0, now - shown_at_ms_);
    review.hint_used = hint_used_;
    review.stability = outcome.new_state.stability;
    review.difficulty = outcome.new_state.difficulty;
    review.due_ms = outcome.new_state.due_ms;

    undo_stack_.push_back({claim_index, state_of(claim.id), review.uid, 0, !outcome.correct});
    outcome.review_id = pending_.save(review, outcome.new_state, note_saved());
    states_[claim.id] = outcome.new_state;

    queue_.pop_front();
    if (!outcome.correct) requeue_for_relearning(claim_index);
    outcome.comes_back_this_session = !outcome.correct;
    ++answered_;
    hint_used_ = false;
    shown_at_ms_ = clock_();
    return outcome;
}

bool StudySession::retry_pending() { return pending_.retry(note_saved()); }

// An answer that waited gets its review id only when written; undo needs it.
PendingAnswers::SavedCallback StudySession::note_saved() {
    return [this](const std::string& uid, std::int64_t id) {
        for (Undo& entry : undo_stack_)
            if (entry.review_uid == uid) entry.review_id = id;
    };
}

void StudySession::requeue_for_relearning(std::size_t claim_index) {
    auto position = queue_.begin() + static_cast<std::ptrdiff_t>(std::min(kRelearnGap, queue_.size()));
    queue_.insert(position, claim_index);
}

void StudySession::undo() {
    if (undo_stack_.empty()) return;
    Undo last = undo_stack_.back();
    const Claim& claim = deck_.claims[last.claim_index];
    if (!pending_.discard(last.review_uid))
        store_.undo_review(last.review_id, profile_.id, deck_.id, claim.id, last.previous_state);
    undo_stack_.pop_back();

    if (last.previous_state)
        states_[claim.id] = *last.previous_state;
    else
        states_.erase(claim.id);
    if (last.requeued) {
        // The relearning copy is the first occurrence after the front.
        auto copy = std::find(queue_.begin(), queue_.end(), last.claim_index);
        if (copy != queue_.end()) queue_.erase(copy);
    }
    queue_.push_front(last.claim_index);
    --answered_;
    hint_used_ = false;
    shown_at_ms_ = clock_();
}

}  // namespace claimdeck

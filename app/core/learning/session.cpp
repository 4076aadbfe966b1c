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

int new_cards_left_today(const StudySettings& settings, const std::map<std::string, CardState>& states, int fresh_cards,
                         std::int64_t now_ms) {
    if (!settings.daily_limit) return fresh_cards;
    const std::int64_t today_start = start_of_utc_day(now_ms);
    const auto introduced_today = std::count_if(
        states.begin(), states.end(), [&](const auto& entry) { return entry.second.first_review_ms >= today_start; });
    const int left = settings.new_cards_per_day - static_cast<int>(introduced_today);
    return std::clamp(left, 0, fresh_cards);
}

namespace {

// Seen cards for practice, in a shuffled order: the schedule does not pick
// them, since practice does not change it.
std::vector<std::size_t> practice_cards(std::vector<std::size_t> seen, std::uint64_t seed) {
    std::shuffle(seen.begin(), seen.end(), std::mt19937_64(seed));
    seen.resize(std::min<std::size_t>(seen.size(), kPracticeCards));
    return seen;
}

}  // namespace

SessionCards choose_session_cards(const Deck& deck, const std::map<std::string, CardState>& states,
                                  const StudySettings& settings, SessionKind kind, std::int64_t now_ms,
                                  std::uint64_t shuffle_seed) {
    SessionCards cards;
    std::vector<std::size_t> seen;
    for (std::size_t i = 0; i < deck.claims.size(); ++i) {
        auto found = states.find(deck.claims[i].id);
        if (found == states.end())
            cards.fresh.push_back(i);
        else if (found->second.due_ms <= now_ms)
            cards.review.push_back(i);
        else
            seen.push_back(i);
    }
    if (kind == SessionKind::Practice) {
        seen.insert(seen.end(), cards.review.begin(), cards.review.end());
        return {practice_cards(std::move(seen), shuffle_seed), {}};
    }
    // Most overdue first, so what is slipping is caught first.
    std::stable_sort(cards.review.begin(), cards.review.end(), [&](std::size_t a, std::size_t b) {
        return states.at(deck.claims[a].id).due_ms < states.at(deck.claims[b].id).due_ms;
    });
    std::shuffle(cards.fresh.begin(), cards.fresh.end(), std::mt19937_64(shuffle_seed));
    int allowed = new_cards_left_today(settings, states, static_cast<int>(cards.fresh.size()), now_ms);
    if (kind == SessionKind::MoreNew) allowed += kMoreNewCards;
    cards.fresh.resize(std::min(cards.fresh.size(), static_cast<std::size_t>(allowed)));
    return cards;
}

std::string progress_text(const StudySession& session, bool card_on_screen) {
    const bool comeback = card_on_screen && session.current_is_comeback();
    const int position = session.done() + (card_on_screen && !comeback ? 1 : 0);
    std::string text = (comeback ? "again \u00B7 " : "") + std::to_string(std::min(position, session.size())) + " / " +
                       std::to_string(session.size());
    const int waiting = session.comebacks_waiting() - (comeback ? 1 : 0);
    if (waiting > 0) text += " \u00B7 +" + std::to_string(waiting) + " again";
    return text;
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
                           SessionKind kind)
    : deck_(deck),
      store_(store),
      profile_(std::move(profile)),
      settings_(settings),
      clock_(std::move(clock)),
      scheduler_(scheduler_for(settings.desired_retention)),
      pending_(store),
      kind_(kind) {
    states_ = store_.card_states(profile_.id, deck_.id);
}

StudySession::StudySession(const Deck& deck, ProgressStore& store, Profile profile, StudySettings settings, Clock clock,
                           std::uint64_t shuffle_seed, SessionKind kind)
    : StudySession(deck, store, std::move(profile), settings, std::move(clock), kind) {
    build_queue(shuffle_seed);
    // Practice leaves no trace in the store, not even an empty session.
    if (!practice()) session_id_ = store_.start_session(profile_.id, deck_.id, ReviewKind::Study, clock_());
    start_card();
}

StudySession::StudySession(const Deck& deck, ProgressStore& store, Profile profile, StudySettings settings, Clock clock,
                           const SessionSnapshot& resumed)
    : StudySession(deck, store, std::move(profile), settings, std::move(clock), resumed.kind) {
    session_id_ = resumed.session_id;
    answered_ = static_cast<int>(resumed.answers.size());
    size_ = resumed.size;
    done_ = resumed.done;
    for (const SessionSnapshot::Queued& queued : resumed.queue)
        queue_.push_back({*deck_.claim_index(queued.card), queued.comeback});
    // Each wrong answer brought its card back, up to kMaxComebacks times.
    for (const SessionSnapshot::Answer& answer : resumed.answers) {
        const std::size_t index = *deck_.claim_index(answer.card);
        int& comebacks = comebacks_[index];
        if (answer.picked != deck_.claims[index].verdict && comebacks < kMaxComebacks) ++comebacks;
    }
    start_card();
}

SessionSnapshot StudySession::snapshot(std::int64_t day) const {
    SessionSnapshot snapshot;
    snapshot.kind = kind_;
    snapshot.session_id = session_id_;
    snapshot.day = day;
    snapshot.size = size_;
    snapshot.done = done_;
    for (const Queued& queued : queue_)
        snapshot.queue.push_back({deck_.claims[queued.claim_index].id, queued.comeback});
    return snapshot;
}

void StudySession::build_queue(std::uint64_t seed) {
    const SessionCards cards = choose_session_cards(deck_, states_, settings_, kind_, clock_(), seed);
    for (std::size_t index : interleave(deck_, cards.review)) queue_.push_back({index, false});
    for (std::size_t index : interleave(deck_, cards.fresh)) queue_.push_back({index, false});
    size_ = cards.size();
}

int StudySession::comebacks_waiting() const {
    return static_cast<int>(std::count_if(queue_.begin(), queue_.end(), [](const Queued& q) { return q.comeback; }));
}

const Claim* StudySession::current() const {
    return queue_.empty() ? nullptr : &deck_.claims[queue_.front().claim_index];
}

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
    const Queued shown = queue_.front();
    const Claim& claim = deck_.claims[shown.claim_index];
    end_lateral_reading();
    const std::int64_t now = clock_();

    outcome.claim = &claim;
    outcome.lateral = lateral_.consulted();
    outcome.picked = picked;
    outcome.confidence = confidence;
    outcome.correct = picked == claim.verdict;
    outcome.grade = fsrs::grade_for(outcome.correct, confidence);
    const std::optional<CardState> before = state_of(claim.id);
    outcome.new_state = practice() && before ? *before : schedule(claim, outcome.grade, now);
    undo_stack_.push_back({shown, before, "", 0, false});
    if (!practice()) record(claim, outcome, now);

    queue_.pop_front();
    if (!shown.comeback) ++done_;
    if (!outcome.correct && comebacks_[shown.claim_index] < kMaxComebacks) {
        requeue_for_relearning(shown.claim_index);
        undo_stack_.back().requeued = true;
    }
    outcome.comes_back_this_session = undo_stack_.back().requeued;
    ++answered_;
    start_card();
    return outcome;
}

// Writes the answer to the log and the card's new state (or keeps it
// pending when the store refuses it).
void StudySession::record(const Claim& claim, AnswerOutcome& outcome, std::int64_t now) {
    Review review = review_of_answer(claim, deck_.id, profile_.id, session_id_, ReviewKind::Study, now, outcome.picked,
                                     outcome.confidence);
    review.response_ms = std::max<std::int64_t>(0, now - shown_at_ms_);
    review.hint_used = hint_used_;
    review.lateral = lateral_.consulted();
    review.stability = outcome.new_state.stability;
    review.difficulty = outcome.new_state.difficulty;
    review.due_ms = outcome.new_state.due_ms;
    undo_stack_.back().review_uid = review.uid;
    outcome.review_id = pending_.save(review, outcome.new_state, note_saved());
    states_[claim.id] = outcome.new_state;
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
    queue_.insert(position, {claim_index, true});
    ++comebacks_[claim_index];
}

void StudySession::undo() {
    if (undo_stack_.empty()) return;
    const Undo last = undo_stack_.back();
    const std::size_t claim_index = last.answered.claim_index;
    const Claim& claim = deck_.claims[claim_index];
    if (!practice()) take_back_from_store(last, claim);
    undo_stack_.pop_back();

    if (last.previous_state)
        states_[claim.id] = *last.previous_state;
    else
        states_.erase(claim.id);
    if (last.requeued) {
        // The comeback is the first occurrence of the card in the queue.
        auto copy = std::find_if(queue_.begin(), queue_.end(),
                                 [&](const Queued& q) { return q.claim_index == claim_index && q.comeback; });
        if (copy != queue_.end()) queue_.erase(copy);
        --comebacks_[claim_index];
    }
    queue_.push_front(last.answered);
    if (!last.answered.comeback) --done_;
    --answered_;
    start_card();
}

void StudySession::start_card() {
    hint_used_ = false;
    lateral_.clear();
    shown_at_ms_ = clock_();
}

void StudySession::take_back_from_store(const Undo& last, const Claim& claim) {
    if (!pending_.discard(last.review_uid))
        store_.undo_review(last.review_id, profile_.id, deck_.id, claim.id, last.previous_state);
}

}  // namespace claimdeck

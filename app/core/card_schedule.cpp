#include "card_schedule.hpp"

#include "session.hpp"

namespace claimdeck {

CardState schedule_card(const fsrs::Scheduler& scheduler, const std::string& card_id,
                        const std::optional<CardState>& before, fsrs::Rating grade, std::int64_t now_ms) {
    CardState state = before.value_or(CardState{card_id});
    fsrs::MemoryState memory = before
                                   ? scheduler.next_review({before->stability, before->difficulty},
                                                           calendar_days_between(before->last_review_ms, now_ms), grade)
                                   : scheduler.first_review(grade);
    state.stability = memory.stability;
    state.difficulty = memory.difficulty;
    state.due_ms = now_ms + scheduler.next_interval_days(memory.stability) * kMsPerDay;
    state.last_review_ms = now_ms;
    if (!before) state.first_review_ms = now_ms;
    if (before && grade == fsrs::Rating::Again) ++state.lapses;
    ++state.reps;
    return state;
}

}  // namespace claimdeck

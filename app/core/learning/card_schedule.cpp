#include "learning/card_schedule.hpp"

#include "base/calendar.hpp"

namespace claimdeck {

fsrs::Scheduler scheduler_for(double desired_retention) {
    return fsrs::Scheduler(fsrs::Parameters{fsrs::kDefaultWeights, desired_retention, 36500});
}

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

Review review_of_answer(const Claim& claim, const std::string& deck_id, std::int64_t profile_id,
                        std::int64_t session_id, ReviewKind kind, std::int64_t now_ms, Verdict picked,
                        Confidence confidence) {
    Review review;
    review.uid = new_review_uid();
    review.profile_id = profile_id;
    review.session_id = session_id;
    review.deck_id = deck_id;
    review.card_id = claim.id;
    review.article_id = claim.article;
    review.kind = kind;
    review.reviewed_ms = now_ms;
    review.truth = claim.verdict;
    review.picked = picked;
    review.confidence = confidence;
    review.correct = picked == claim.verdict;
    review.grade = static_cast<int>(fsrs::grade_for(review.correct, confidence));
    return review;
}

}  // namespace claimdeck

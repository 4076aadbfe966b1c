#include "learning/progress_stats.hpp"

namespace claimdeck {

void LearnerScores::add(const ScoredAnswer& answer, bool lateral_reading, int times) {
    all.add(answer, times);
    (lateral_reading ? with_lateral_reading : without_lateral_reading).add(answer, times);
}

void LearnerScores::remove(const ScoredAnswer& answer, bool lateral_reading) {
    // The split first: it is the one to refuse an answer it never had.
    (lateral_reading ? with_lateral_reading : without_lateral_reading).remove(answer);
    all.remove(answer);
}

LearnerScores load_scores(const ProgressStore& store, std::int64_t profile_id,
                          const std::optional<std::string>& deck_id) {
    LearnerScores scores;
    for (const AnswerCount& group : store.answer_counts(profile_id, deck_id))
        scores.add({group.article_id, group.truth, group.picked, group.confidence}, group.lateral_reading, group.count);
    return scores;
}

}  // namespace claimdeck

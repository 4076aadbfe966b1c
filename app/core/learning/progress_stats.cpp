#include "learning/progress_stats.hpp"

namespace claimdeck {

ScoreAccumulator load_score(ProgressStore& store, std::int64_t profile_id) {
    ScoreAccumulator score;
    for (const AnswerCount& group : store.answer_counts(profile_id))
        score.add({group.article_id, group.truth, group.picked, group.confidence}, group.count);
    return score;
}

}  // namespace claimdeck

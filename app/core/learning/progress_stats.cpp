#include "learning/progress_stats.hpp"

namespace claimdeck {

ScoreAccumulator load_score(const ProgressStore& store, std::int64_t profile_id,
                            const std::optional<std::string>& deck_id) {
    ScoreAccumulator score;
    for (const AnswerCount& group : store.answer_counts(profile_id, deck_id))
        score.add({group.article_id, group.truth, group.picked, group.confidence}, group.count);
    return score;
}

}  // namespace claimdeck

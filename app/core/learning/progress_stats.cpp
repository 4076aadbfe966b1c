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

std::string describe_lateral_reading(const Scorecard& with, const Scorecard& without) {
    if (with.overall.answered == 0)
        return "None of your answers followed a look at other sources yet. On a card, Check other sources (S) "
               "shows what the deck's other articles say before you answer.";
    if (with.overall.answered < kMinAnswersToCompare || without.overall.answered < kMinAnswersToCompare)
        return "Answer at least " + std::to_string(kMinAnswersToCompare) +
               " cards each way, with and without checking other sources, to compare them.";
    const double difference = with.overall.accuracy() - without.overall.accuracy();
    const std::string figures =
        whole_percent(with.overall.accuracy()) + " against " + whole_percent(without.overall.accuracy()) + " without.";
    if (difference >= kClearAccuracyDifference)
        return "You are right more often after checking other sources: " + figures;
    if (difference <= -kClearAccuracyDifference)
        return "You are right less often after checking other sources: " + figures;
    return "You are right about as often after checking other sources: " + figures;
}

LearnerScores load_scores(const ProgressStore& store, std::int64_t profile_id,
                          const std::optional<std::string>& deck_id) {
    LearnerScores scores;
    for (const AnswerCount& group : store.answer_counts(profile_id, deck_id))
        scores.add({group.article_id, group.truth, group.picked, group.confidence}, group.lateral_reading, group.count);
    return scores;
}

}  // namespace claimdeck

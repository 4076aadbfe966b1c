#include "live/class_figures.hpp"

namespace claimdeck::live {

LiveFigures live_figures(const Dashboard& dashboard) {
    LiveFigures figures;
    ScoreAccumulator pooled;
    for (const CardTotals& card : dashboard.cards) {
        ClaimFigures claim;
        claim.claim_id = card.card.id;
        claim.text = card.card.text;
        claim.truth = card.card.verdict;
        claim.asked = card.answered;
        claim.right = card.right;
        claim.picked = card.by_verdict;
        for (Verdict picked : kAllVerdicts)
            if (int times = card.by_verdict[index_of(picked)]; times > 0)
                pooled.add({"", card.card.verdict, picked, Confidence::Unstated}, times);
        figures.answered += card.answered;
        figures.right += card.right;
        figures.claims.push_back(std::move(claim));
    }
    figures.pooled = pooled.scorecard();
    return figures;
}

}  // namespace claimdeck::live

// The class's figures as a live dashboard shows them, worked out from the
// server's totals with the same rules as the class report (class_report.hpp)
// and the learner's scoring (scoring.hpp): what fooled the class is
// ClaimFigures::most_common_wrong, d′ and c come from a Scorecard.
#pragma once

#include <vector>

#include "classroom/class_report.hpp"
#include "learning/scoring.hpp"
#include "live/live_classes.hpp"

namespace claimdeck::live {

struct LiveFigures {
    std::vector<ClaimFigures> claims;  // one per card, in the class's order
    // Every answer of the class, as if one learner gave them all: the server
    // keeps totals per card, not each pupil's verdicts, so d′ and c are the
    // pooled class's (a pupil's own are in the report from results files).
    Scorecard pooled;
    int answered = 0;
    int right = 0;

    double accuracy() const { return answered == 0 ? 0.0 : static_cast<double>(right) / answered; }
    const SignalDetection& propaganda() const { return pooled.detection[index_of(Verdict::Propaganda)]; }
};

LiveFigures live_figures(const Dashboard& dashboard);

}  // namespace claimdeck::live

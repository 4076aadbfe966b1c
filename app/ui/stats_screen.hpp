// Statistics: numbers a learner can act on, each with a plain sentence:
// accuracy, the confusion matrix, d′ and c per verdict, calibration, and a
// tally per article. Charts are drawn with the draw list and labelled.
#pragma once

#include "actions.hpp"
#include "widgets.hpp"

namespace claimdeck::ui {

Action draw_stats_screen(const StudyApp& app);

}  // namespace claimdeck::ui

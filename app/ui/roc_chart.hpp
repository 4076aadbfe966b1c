// The ROC plot of a scorecard: one curve per verdict against the other two,
// the guessing diagonal, and a legend with each verdict's AUC. Statistics
// and the class report both draw it with this, so they read alike (and like
// the HTML report's plot, which uses the same line styles).
#pragma once

#include <array>

#include "learning/scoring.hpp"
#include "widgets.hpp"

namespace claimdeck::ui {

// Draws at the cursor, `width` wide, and moves the cursor below the legend.
void roc_chart(const std::array<RocCurve, 3>& curves, float width);

}  // namespace claimdeck::ui

// Settings: text size and theme for this device; daily new cards, desired
// retention and the confidence step for the chosen learner.
#pragma once

#include "actions.hpp"
#include "widgets.hpp"

namespace claimdeck::ui {

Action draw_settings_screen(const StudyApp& app);

}  // namespace claimdeck::ui

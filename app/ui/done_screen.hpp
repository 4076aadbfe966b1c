// The end of a session: how it went and what comes next.
#pragma once

#include "actions.hpp"
#include "widgets.hpp"

namespace claimdeck::ui {

Action draw_done_screen(const StudyApp& app);

}  // namespace claimdeck::ui

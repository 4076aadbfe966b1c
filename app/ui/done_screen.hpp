// The end of a session: how it went, the mistakes to look at again, and
// what comes next.
#pragma once

#include "actions.hpp"
#include "widgets.hpp"

namespace claimdeck::ui {

Action draw_done_screen(const StudyApp& app);

// Once nothing is due and the day's new cards are done (Home and the end of
// a session): when the next cards come, and the ways to go on now: a few
// more new cards, or practice that leaves the schedule as it is.
Action draw_day_done(const StudyApp& app, float width);

}  // namespace claimdeck::ui

// The live class as it goes: who joined, how many answered each card, the
// class's verdicts as they arrive, what fooled the class, its accuracy and
// how well it tells propaganda from the rest (d′ and c); "Next card" when
// the teacher moves the class on, "End class" to close it; once ended,
// where its results files went and the way to the class report.
#pragma once

#include "actions.hpp"
#include "live/class_results.hpp"
#include "live/teacher_class.hpp"
#include "widgets.hpp"

namespace claimdeck::ui {

Action draw_live_dashboard_screen(const live::TeacherClass& live, const live::SavedResults& saved);

}  // namespace claimdeck::ui

// The teacher's class report: the results files added (typed, given with
// --report, or dropped on the window), the ones left out and why, the class
// totals, what changed between a pretest and a posttest, what fooled the
// class claim by claim, each pupil's figures, and saving it all as CSV or
// HTML.
#pragma once

#include <string>

#include "actions.hpp"
#include "widgets.hpp"

namespace claimdeck::ui {

struct ReportView {
    std::string add_path;           // a results file or folder being typed
    std::string export_path;        // empty: the default place
    bool all_files_listed = false;  // a long list of files is folded away until asked for
};

Action draw_report_screen(const StudyApp& app, ReportView& view);

}  // namespace claimdeck::ui

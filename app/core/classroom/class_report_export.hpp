// The class report as files a teacher can keep or share: CSV for
// spreadsheets and one self-contained HTML page.
#pragma once

#include <string>

#include "classroom/class_report.hpp"

namespace claimdeck {

// Spreadsheet export: one table after another (claims, pupils, class,
// pre/post, skipped files), each under a title row, separated by blank lines.
std::string class_report_csv(const ClassReport& report);

// A self-contained page: inline CSS and SVG charts, no external resources,
// every piece of text from the files escaped.
std::string class_report_html(const ClassReport& report);

}  // namespace claimdeck

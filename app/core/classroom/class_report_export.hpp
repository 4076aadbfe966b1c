// The class report as files a teacher can keep or share: CSV for
// spreadsheets and one self-contained HTML page.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "classroom/class_report.hpp"

namespace claimdeck {

// One table of the spreadsheet export: a header row, then one row per item,
// so a spreadsheet opens it as it is.
struct CsvTable {
    std::string name;  // "claims", "pupils", "pupils-before-after", "class", "left-out"
    std::string text;
};
// Spreadsheet export: one CSV per table. Claims, pupils and the class
// always; each pupil's pretest and posttest after a pair; the files left
// out when there are some.
std::vector<CsvTable> class_report_csv(const ClassReport& report);
// Where `table` goes when the export is named `path` ("class.csv"): beside
// it, "class-claims.csv".
std::filesystem::path csv_table_path(const std::filesystem::path& path, const std::string& table);

// A self-contained page: inline CSS and SVG charts, no external resources,
// every piece of text from the files escaped.
std::string class_report_html(const ClassReport& report);

}  // namespace claimdeck

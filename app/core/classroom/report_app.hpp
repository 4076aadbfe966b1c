// The teacher's class report in the desktop app, without drawing it: the
// results files added so far, the report built from them, and saving it as
// a spreadsheet or a web page. StudyApp owns one; the shell calls the
// changing methods when the teacher acts, and screens only read.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "classroom/class_report.hpp"

namespace claimdeck {

enum class ReportFormat { Csv, Html };

class ReportApp {
public:
    // `results_dir` is where this device's class quizzes leave their results;
    // exports go to `reports_dir` unless another path is chosen. The files'
    // true verdicts are checked against `deck` when it is the class's deck
    // (it must outlive this), otherwise against each other. Quizzes built
    // on this device are in `quizzes_dir`: exports are named after them.
    ReportApp(std::filesystem::path results_dir, std::filesystem::path reports_dir, const Deck* deck = nullptr,
              std::filesystem::path quizzes_dir = {});

    // A results file, or a folder meaning every *.json file directly inside
    // it, in name order. A file already in the list is not added again. A
    // path that does not exist, or a folder without a .json file, changes
    // nothing: message() names it and this returns false.
    bool add(const std::filesystem::path& path);
    void remove(std::size_t index);
    void clear();

    // Pupils shown apart under one name (report().namesakes) are counted as
    // one pupil from now on, whichever files are added or removed;
    // keep_pupils_apart() undoes every merge.
    void merge_pupils(const std::string& name);
    void keep_pupils_apart();
    bool has_merges() const { return !merges_.empty(); }

    // The files in the order they were added, each as an absolute path.
    const std::vector<std::filesystem::path>& files() const { return files_; }
    // Rebuilt whenever the list changes; files that cannot be counted are
    // in its `skipped` list with the reason.
    const ClassReport& report() const { return report_; }
    const std::filesystem::path& results_dir() const { return results_dir_; }

    // Where an export goes (for CSV, the name its tables are written beside,
    // see csv_table_path()): `chosen` with the format's extension, or
    // <reports dir>/<name>.csv (.html) when nothing is chosen, or in the
    // chosen folder. The name is the quiz's title (when this device built
    // it, else its id) and the day the last pupil finished, e.g.
    // "Year-10-media-literacy-A-2026-11-30"; "class-report" before any file.
    std::filesystem::path export_path(ReportFormat format, const std::filesystem::path& chosen = {}) const;
    // Write the report, creating the folder if needed; false (and message()
    // says why) when there is nothing to report or a file cannot be written.
    // The CSV export is one file per table. A file already there is
    // replaced only with `replace`; without it nothing is written,
    // waiting_to_replace() is `path` and message() names the file.
    bool export_csv(const std::filesystem::path& path, bool replace = false);
    bool export_html(const std::filesystem::path& path, bool replace = false);
    // `path`, or the first of <stem>-2, <stem>-3... beside it whose export
    // would replace nothing.
    std::filesystem::path path_beside(ReportFormat format, const std::filesystem::path& path) const;
    // Whether the last export was written and the list has not changed since.
    bool saved() const { return saved_; }
    // The files the last export wrote: the page, or one CSV per table.
    const std::vector<std::filesystem::path>& saved_paths() const { return saved_paths_; }
    const std::filesystem::path& saved_path() const { return saved_paths_.front(); }
    // The export asked for that found a file already there; empty otherwise.
    const std::filesystem::path& waiting_to_replace() const { return waiting_to_replace_; }

    // The last thing worth telling the teacher: why a path could not be
    // added or the report not saved, or where it was saved.
    const std::string& message() const { return message_; }

private:
    using ExportFiles = std::vector<std::pair<std::filesystem::path, std::string>>;  // path, text
    ExportFiles export_files(ReportFormat format, const std::filesystem::path& path) const;
    bool save(ReportFormat format, const std::filesystem::path& path, bool replace);
    void rebuild();
    void name_quizzes();
    std::string export_name() const;

    std::filesystem::path results_dir_;
    std::filesystem::path reports_dir_;
    const Deck* deck_;
    std::filesystem::path quizzes_dir_;
    std::string export_name_ = "class-report";
    std::vector<std::filesystem::path> saved_paths_{std::filesystem::path()};
    std::filesystem::path waiting_to_replace_;
    std::vector<std::filesystem::path> files_;
    PupilMerges merges_;
    ClassReport report_;
    bool saved_ = false;
    std::string message_;
};

}  // namespace claimdeck

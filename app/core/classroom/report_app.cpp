#include "classroom/report_app.hpp"

#include <algorithm>
#include <system_error>
#include <utility>

#include "base/calendar.hpp"
#include "base/text_file.hpp"
#include "classroom/class_report_export.hpp"
#include "classroom/quiz.hpp"
#include "classroom/quiz_app.hpp"

namespace claimdeck {
namespace {

namespace fs = std::filesystem;

// Every *.json file directly inside `folder`, in name order.
std::vector<fs::path> json_files_in(const fs::path& folder, std::error_code& error) {
    std::vector<fs::path> found;
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
        std::error_code not_regular;
        if (it->path().extension() == ".json" && it->is_regular_file(not_regular)) found.push_back(it->path());
    }
    std::sort(found.begin(), found.end(),
              [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
    return found;
}

// A file that cannot be looked at is not known to be there.
bool is_there(const fs::path& path) {
    std::error_code unknown;
    return fs::exists(fs::symlink_status(path, unknown));
}

const char* extension_of(ReportFormat format) { return format == ReportFormat::Csv ? ".csv" : ".html"; }

// The title of the quiz `quiz_id` among the quiz files in `folder`; empty
// when none of them is it.
std::string quiz_title(const fs::path& folder, const std::string& quiz_id) {
    std::error_code error;
    for (const fs::path& file : json_files_in(folder, error)) {
        QuizLoadResult loaded = load_quiz(file);
        if (loaded.quiz && loaded.quiz->id == quiz_id) return loaded.quiz->title;
    }
    return {};
}

}  // namespace

ReportApp::ReportApp(fs::path results_dir, fs::path reports_dir, const Deck* deck, fs::path quizzes_dir)
    : results_dir_(std::move(results_dir)),
      reports_dir_(std::move(reports_dir)),
      deck_(deck),
      quizzes_dir_(std::move(quizzes_dir)) {}

bool ReportApp::add(const fs::path& path) {
    std::error_code error;
    // Canonical, so the same file reached by another path is still one file.
    const fs::path found = fs::canonical(path, error);
    if (error) {
        message_ = "There is no results file or folder " + path.u8string() + ".";
        return false;
    }
    std::vector<fs::path> new_files{found};
    if (fs::is_directory(found, error)) {
        new_files = json_files_in(found, error);
        if (error) {
            message_ = "The folder " + path.u8string() + " cannot be read: " + error.message() + ".";
            return false;
        }
        if (new_files.empty()) {
            message_ = "The folder " + path.u8string() + " holds no results files (.json).";
            return false;
        }
    }
    for (const fs::path& file : new_files)
        if (std::find(files_.begin(), files_.end(), file) == files_.end()) files_.push_back(file);
    rebuild();
    return true;
}

void ReportApp::remove(std::size_t index) {
    if (index >= files_.size()) return;
    files_.erase(files_.begin() + static_cast<std::ptrdiff_t>(index));
    rebuild();
}

void ReportApp::clear() {
    files_.clear();
    rebuild();
}

void ReportApp::merge_pupils(const std::string& name) {
    for (const Namesakes& namesakes : report_.namesakes) {
        if (namesakes.name != name) continue;
        const std::string& into = namesakes.pupil_keys.front();
        // A key merged before follows its pupil into the new one.
        for (auto& [from, to] : merges_)
            if (std::find(namesakes.pupil_keys.begin(), namesakes.pupil_keys.end(), to) != namesakes.pupil_keys.end())
                to = into;
        for (const std::string& key : namesakes.pupil_keys)
            if (key != into) merges_[key] = into;
    }
    rebuild();
}

void ReportApp::keep_pupils_apart() {
    merges_.clear();
    rebuild();
}

void ReportApp::rebuild() {
    report_ = files_.empty() ? ClassReport{} : build_class_report(files_, deck_, merges_);
    name_quizzes();
    export_name_ = export_name();
    // A report saved earlier no longer matches the list.
    saved_ = false;
    waiting_to_replace_.clear();
    message_.clear();
}

// Results from before quiz titles: the quiz may have been built on this
// device. Read here, when the list changes, not while a frame is drawn.
void ReportApp::name_quizzes() {
    for (FormFigures& form : report_.forms)
        if (form.quiz_title.empty()) form.quiz_title = quiz_title(quizzes_dir_, form.quiz_id);
}

std::string ReportApp::export_name() const {
    if (report_.forms.empty()) return "class-report";
    const FormFigures& first = report_.forms.front();
    std::int64_t finished_ms = 0;
    for (const FormFigures& form : report_.forms) finished_ms = std::max(finished_ms, form.last_finished_ms);
    const std::string title = first.quiz_title.empty() ? first.quiz_id : first.quiz_title;
    return file_name_part(title, "class-report") + "-" + utc_date(finished_ms);
}

fs::path ReportApp::export_path(ReportFormat format, const fs::path& chosen) const {
    const std::string default_name = export_name_ + extension_of(format);
    if (chosen.empty()) return reports_dir_ / default_name;
    std::error_code ignored;
    if (!chosen.has_filename() || fs::is_directory(chosen, ignored)) return chosen / default_name;
    fs::path path = chosen;
    return path.replace_extension(extension_of(format));
}

bool ReportApp::export_csv(const fs::path& path, bool replace) { return save(ReportFormat::Csv, path, replace); }

bool ReportApp::export_html(const fs::path& path, bool replace) { return save(ReportFormat::Html, path, replace); }

ReportApp::ExportFiles ReportApp::export_files(ReportFormat format, const fs::path& path) const {
    if (format == ReportFormat::Html) return {{path, class_report_html(report_)}};
    ExportFiles files;
    for (CsvTable& table : class_report_csv(report_))
        files.emplace_back(csv_table_path(path, table.name), std::move(table.text));
    return files;
}

fs::path ReportApp::path_beside(ReportFormat format, const fs::path& path) const {
    auto replaces_nothing = [&](const fs::path& candidate) {
        const ExportFiles files = export_files(format, candidate);
        return std::none_of(files.begin(), files.end(), [](const auto& file) { return is_there(file.first); });
    };
    fs::path candidate = path;
    for (int copy = 2; !replaces_nothing(candidate); ++copy) {
        candidate = path.parent_path() / path.stem();
        candidate += "-" + std::to_string(copy) + path.extension().u8string();
    }
    return candidate;
}

bool ReportApp::save(ReportFormat format, const fs::path& path, bool replace) {
    saved_ = false;
    waiting_to_replace_.clear();
    if (report_.students.empty()) {
        message_ = "There is nothing to save yet: add results files that can be counted first.";
        return false;
    }
    const ExportFiles files = export_files(format, path);
    for (const auto& [file, text] : files)
        if (!replace && is_there(file)) {
            waiting_to_replace_ = path;
            message_ = file.u8string() + " is already there.";
            return false;
        }
    std::error_code ignored;  // a folder that cannot be made shows up as a write error below
    if (path.has_parent_path()) fs::create_directories(path.parent_path(), ignored);
    saved_paths_.clear();
    for (const auto& [file, text] : files) {
        if (std::string error = write_text_file(file, text); !error.empty()) {
            message_ = error;
            saved_paths_ = {fs::path()};
            return false;
        }
        saved_paths_.push_back(file);
    }
    saved_ = true;
    message_ =
        "Saved to " + saved_path().u8string() +
        (files.size() > 1 ? " and " + std::to_string(files.size() - 1) + " more files beside it, one per table" : "");
    return true;
}

}  // namespace claimdeck

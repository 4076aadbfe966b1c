#include "classroom/quiz_app.hpp"

#include <algorithm>
#include <cctype>

namespace claimdeck {

std::string file_name_part(const std::string& name, const char* fallback) {
    std::string part;
    for (unsigned char c : name) {
        if (std::isalnum(c))
            part += static_cast<char>(c);
        else if (!part.empty() && part.back() != '-')
            part += '-';
    }
    while (!part.empty() && part.back() == '-') part.pop_back();
    return part.empty() ? fallback : part;
}

QuizApp::QuizApp(const Deck& deck, ProgressStore& store, Clock clock, std::filesystem::path results_dir)
    : deck_(deck), store_(store), clock_(std::move(clock)), results_dir_(std::move(results_dir)) {}

bool QuizApp::open(const std::filesystem::path& file) {
    // Enter in the empty field: no file to name, so no "cannot be opened. :" either.
    if (file.empty()) {
        message_ = "Type or paste the path of the quiz file first, or drop the file on the window.";
        return false;
    }
    QuizLoadResult loaded = load_quiz(file);
    if (!loaded.quiz) {
        // Each problem names the file already.
        message_ = "This quiz cannot be opened. " + describe_all(loaded.problems);
        while (!message_.empty() && message_.back() == '\n') message_.pop_back();
        return false;
    }
    if (auto mismatch = quiz_deck_mismatch(*loaded.quiz, deck_)) {
        message_ = "The quiz " + file.u8string() + " cannot be taken with this deck: " + *mismatch;
        return false;
    }
    end_run();
    quiz_ = std::move(loaded.quiz);
    quiz_file_ = file;
    chosen_results_path_.clear();
    message_.clear();
    return true;
}

void QuizApp::start(const Profile& profile, QuizRunOptions options) {
    if (!quiz_) return;
    end_run();
    run_ = std::make_unique<QuizRun>(*quiz_, deck_, store_, profile, options, clock_);
}

void QuizApp::end_run() {
    if (run_) run_->retry_pending();
    run_.reset();
    saved_ = false;
    message_.clear();
}

void QuizApp::answer(Verdict picked, Confidence confidence) {
    if (!run_) return;
    run_->answer(picked, confidence);
    if (!saved_) save_results();
}

bool QuizApp::time_out_if_expired() {
    if (!run_ || !run_->time_out_if_expired()) return false;
    if (!saved_) save_results();
    return true;
}

void QuizApp::next() {
    if (run_) run_->next();
}

std::filesystem::path QuizApp::results_path() const {
    if (saved_) return saved_path_;
    if (!chosen_results_path_.empty()) return chosen_results_path_;
    // The quiz id was checked when the file was read; it is made safe here
    // too, since this is where it turns into a place on disk.
    const std::string quiz_id = quiz_ ? file_name_part(quiz_->id, "quiz") : "quiz";
    const std::string profile = run_ ? file_name_part(run_->profile().name) : "learner";
    return results_dir_ / (quiz_id + "-" + profile + learner_tag() + ".json");
}

// "-5dedd4": the end of the learner id, random for each learner on each
// device, is enough to tell a class's namesakes' files apart by their names.
std::string QuizApp::learner_tag() const {
    constexpr std::size_t kTagLength = 6;
    const std::string id = run_ ? file_name_part(run_->learner_id(), "") : "";
    return id.empty() ? "" : "-" + id.substr(id.size() - std::min(id.size(), kTagLength));
}

bool QuizApp::save_results() {
    if (!run_ || run_->answered() < run_->size()) return false;
    const std::filesystem::path path = unused_path(results_path());
    const std::string error = write_results_file(path, run_->results());
    saved_ = error.empty();
    if (saved_) saved_path_ = path;
    message_ = saved_ ? "Saved to " + path.u8string() : "Your answers are not saved yet: " + error + ".";
    return saved_;
}

std::filesystem::path unused_path(const std::filesystem::path& path) {
    std::error_code error;
    if (!std::filesystem::exists(std::filesystem::symlink_status(path, error))) return path;
    const std::filesystem::path stem = path.parent_path() / path.stem();
    for (int copy = 2;; ++copy) {
        std::filesystem::path candidate = stem;
        candidate += "-" + std::to_string(copy) + path.extension().u8string();
        if (!std::filesystem::exists(std::filesystem::symlink_status(candidate, error))) return candidate;
    }
}

}  // namespace claimdeck

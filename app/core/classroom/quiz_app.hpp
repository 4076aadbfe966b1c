// A class quiz in the desktop app, without drawing it: the quiz file that
// was opened, the run of the learner taking it, and the results file it
// leaves behind. StudyApp owns one, so the store is still touched from one
// place; the shell calls the changing methods when the learner acts.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "classroom/quiz.hpp"
#include "classroom/quiz_run.hpp"
#include "content/deck.hpp"
#include "learning/session.hpp"
#include "storage/store.hpp"

namespace claimdeck {

class QuizApp {
public:
    // Results go to `results_dir` unless another path is chosen.
    QuizApp(const Deck& deck, ProgressStore& store, Clock clock, std::filesystem::path results_dir);

    // Reads a quiz file. A file that cannot be used leaves whatever was open
    // (and any run in progress) as it was, and message() names the file and
    // says why; returns false then.
    bool open(const std::filesystem::path& file);
    const Quiz* quiz() const { return quiz_ ? &*quiz_ : nullptr; }
    const std::filesystem::path& quiz_file() const { return quiz_file_; }

    // Starts the opened quiz for `profile`, from its first card.
    void start(const Profile& profile, QuizRunOptions options);
    const QuizRun* run() const { return run_.get(); }
    // For what the run records besides answers (the other sources checked).
    QuizRun* run() { return run_.get(); }
    // A run begun and not finished. Leaving the quiz screen keeps it, and the
    // learner continues where they left off: starting again would log the
    // cards already answered a second time.
    bool in_progress() const { return run_ && run_->answered() < run_->size(); }

    // The run's own steps; the results file is written as soon as the last
    // card is answered or timed out.
    void answer(Verdict picked, Confidence confidence);
    bool time_out_if_expired();
    void next();

    // Where the results are (or will be) written: the chosen path, else
    // <results dir>/<quiz id>-<profile>-<end of the learner id>.json, so two
    // pupils called Ana hand in files a teacher can put in one folder. An
    // existing file there is never replaced: the results go beside it, as
    // <name>-2.json and so on.
    std::filesystem::path results_path() const;
    // An empty path goes back to the default.
    void choose_results_path(std::filesystem::path path) { chosen_results_path_ = std::move(path); }
    bool saved() const { return saved_; }
    // Writes the results of a finished run (again, after a failure: a full
    // disk, a folder that cannot be written); true when they are saved.
    bool save_results();

    // The last thing worth telling the learner: why a file could not be
    // opened or saved, or where the results were saved.
    const std::string& message() const { return message_; }

    // Forgets the run (the quiz stays open, to be taken again).
    void end_run();

private:
    std::string learner_tag() const;

    const Deck& deck_;
    ProgressStore& store_;
    Clock clock_;
    std::filesystem::path results_dir_;
    std::optional<Quiz> quiz_;
    std::filesystem::path quiz_file_;
    std::unique_ptr<QuizRun> run_;
    std::filesystem::path chosen_results_path_;
    bool saved_ = false;
    std::filesystem::path saved_path_;  // where they went, when saved_
    std::string message_;
};

// A name made safe for a file name: letters and digits kept, any other run
// of characters becomes one '-'; `fallback` when nothing is left.
std::string file_name_part(const std::string& name, const char* fallback = "learner");

// `path` when nothing is there yet, else the first free <stem>-2<ext>,
// <stem>-3<ext>, ... beside it: someone else's file is never overwritten.
std::filesystem::path unused_path(const std::filesystem::path& path);

}  // namespace claimdeck

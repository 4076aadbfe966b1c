// What the desktop app does, without drawing it: the chosen learner, their
// progress on the deck, the study session, and the settings. The GUI's
// screens read the cached state here every frame, and the app shell calls
// the changing methods when a learner acts. Only this class touches the
// progress store, so no SQL runs while a frame is drawn.
//
// Methods that write may throw StoreError; the caller shows its message.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/app_store.hpp"
#include "app/display_settings.hpp"
#include "classroom/own_quizzes.hpp"
#include "classroom/quiz_app.hpp"
#include "classroom/quiz_builder.hpp"
#include "classroom/report_app.hpp"
#include "content/deck.hpp"
#include "content/deck_library.hpp"
#include "learning/progress_stats.hpp"
#include "learning/scoring.hpp"
#include "learning/session.hpp"
#include "learning/technique_practice.hpp"
#include "live/pupil_client.hpp"
#include "storage/progress_import.hpp"
#include "storage/store.hpp"

namespace claimdeck {

// Why a profile name cannot be used, or empty when it can.
std::string problem_with_profile_name(std::string_view name, const std::vector<Profile>& existing,
                                      std::int64_t renaming_id = 0);

// "tomorrow (2021-09-07)", "in 12 days (2021-09-18)", "today".
std::string describe_next_review(std::int64_t now_ms, std::int64_t due_ms);

// "1 answer is", "3 answers are": how the app speaks of answers waiting to be saved.
std::string pending_answers_text(std::size_t count);

// A deck Home lists, with where the chosen learner stands on it.
struct ShelfDeck {
    std::string id;
    std::string title;
    std::string description;
    int version = 0;
    bool in_library = false;  // installed in the data folder, so it can be removed
    DeckCounts counts;        // of the chosen learner
};

// The card waiting for an answer that the other sources are checked for.
enum class CardAwaiting { Study, ClassQuiz };

class StudyApp {
public:
    // Classroom files are saved under `classroom_dir` unless the user chooses
    // elsewhere: quizzes in quizzes/, results in results/, reports in reports/.
    StudyApp(Deck deck, std::unique_ptr<ProgressStore> store, Clock clock, std::filesystem::path classroom_dir = {});
    // On the store open_app_store() opened, with its notices and fault.
    StudyApp(Deck deck, AppStore opened, Clock clock, std::filesystem::path classroom_dir = {});
    // The session refers to the deck and store held here, so the app stays put.
    StudyApp(const StudyApp&) = delete;
    StudyApp& operator=(const StudyApp&) = delete;

    // The deck being studied.
    const Deck& deck() const { return deck_; }

    // The deck library (content/deck_library.hpp). Home lists the deck the
    // app started on, then every deck in `library`; a library copy of the
    // same deck at a higher version takes its place. Decks in the library
    // that cannot be read are named in the notices.
    void open_library(std::filesystem::path library);
    const std::vector<ShelfDeck>& shelf() const { return shelf_; }
    // The deck studied last on this device, when it is still listed.
    void study_last_deck();
    // Studies the listed deck with this id from now on.
    void study_deck(const std::string& deck_id);
    // Installs into the library and lists the deck (a .claimdeck file, a
    // deck file, or a package's bytes); nothing is changed when refused.
    InstallResult install(const std::filesystem::path& file);
    InstallResult install_bytes(std::string_view bytes, const std::string& name);
    // A deck held in memory (the Studio's "Add to my decks"), installed the same way.
    InstallResult install_deck(const Deck& deck);
    // Answers every learner on this device gave on the deck: what removing
    // it with its progress would delete.
    std::int64_t answers_on_deck(const std::string& deck_id) const;
    // Takes a deck out of the library; with `delete_progress`, every
    // learner's answers on it go too. The deck being studied goes back to
    // the first one listed. Throws StoreError, or std::runtime_error when
    // the folder cannot be removed.
    void remove_deck(const std::string& deck_id, bool delete_progress);
    std::int64_t now() const { return clock_(); }

    // What the learner should know about their progress (a damaged store
    // repaired, a backup that failed, answers kept from last time), shown
    // on Home until they dismiss it.
    const std::vector<std::string>& notices() const { return notices_; }
    void dismiss_notices() { notices_.clear(); }
    // Why the progress store could not be opened. The app then runs on an
    // empty stand-in in memory and offers nothing but this message.
    const std::string& store_fault() const { return store_fault_; }

    // Before the app ends: answers the store still refuses are kept in a
    // file for the next start (storage/kept_answers.hpp), and a backup takes
    // whatever changed since the last one. Returns what the learner must
    // know, when something could not be saved to the store.
    std::vector<std::string> close();

    // "Back up my progress": every learner's progress on this device, as
    // one checked copy of the store at `file` (storage/backup.hpp). Throws
    // StoreError. Its name offered: "claimdeck-progress-2026-11-30.sqlite".
    void back_up_progress(const std::filesystem::path& file) const;
    std::string backup_file_name() const;
    // "Import progress": merges a backup or progress file from another
    // device (storage/progress_import.hpp), then reads the progress shown
    // again; on a device with no learner chosen, the one imported is chosen.
    // Throws ProgressFileError (nothing changed) or StoreError.
    ProgressImport import_progress(const std::filesystem::path& file);

    // Learners. The one chosen last on this device is chosen at start.
    const std::vector<Profile>& profiles() const { return profiles_; }
    const std::optional<Profile>& profile() const { return profile_; }
    void choose_profile(std::int64_t profile_id);
    void open_profile(const std::string& name);    // created when new
    void create_profile(const std::string& name);  // and chooses it
    void rename_profile(std::int64_t profile_id, const std::string& name);
    void delete_profile(std::int64_t profile_id);
    // Every answer the learner gave on this device: what deleting them deletes.
    std::int64_t answers_of_learner(std::int64_t profile_id) const { return store_->review_count(profile_id); }

    // The chosen learner's progress on this deck.
    DeckCounts counts() const;
    std::optional<CardState> card_state(const std::string& claim_id) const;
    // Whether the learner has answered any card of this deck yet.
    bool has_studied() const { return !states_.empty(); }
    // The history figures below are read from the store when the learner is
    // chosen (grouped counts: fast for any length of history), then kept up
    // to date by each answer, so reading them while drawing runs no SQL.
    Scorecard scorecard() const { return history_.scores.all.scorecard(); }
    // The same for answers given after checking other sources, or without.
    Scorecard scorecard_with_lateral_reading() const { return history_.scores.with_lateral_reading.scorecard(); }
    Scorecard scorecard_without_lateral_reading() const { return history_.scores.without_lateral_reading.scorecard(); }
    int answers_given() const { return history_.answers; }
    // Answers on this deck, and how many were right, per UTC day (days since 1970-01-01).
    const std::map<std::int64_t, Tally>& answers_per_day() const { return history_.per_day; }
    // How many of the cards seen so far fall due on each of the next `days`
    // days, today first (today's count includes every overdue card).
    std::vector<int> due_forecast(int days) const;

    const StudySettings& study_settings() const { return study_settings_; }
    void set_study_settings(const StudySettings& settings);
    const DisplaySettings& display_settings() const { return display_settings_; }
    void set_display_settings(const DisplaySettings& settings);

    // Study. A session exists between start_session() and end_session().
    // A session whose answers are not all saved is never ended: both (and
    // choosing or deleting its learner) throw StoreError saying so instead.
    // An unfinished session is kept in the store after every answer
    // (learning/session_snapshot.hpp): when its learner comes back to its
    // deck the same day, even after a restart, it goes on where it stopped.
    void start_session(std::uint64_t shuffle_seed, SessionKind kind = SessionKind::Today);
    void end_session();
    // The cards a session of `kind` would start with now: Home states the
    // size before the learner starts. Runs no SQL.
    SessionCards next_session(SessionKind kind) const;
    // What tomorrow brings: cards due then (with today's left over) and the
    // new cards the daily limit allows.
    int due_tomorrow() const;
    int new_tomorrow() const;
    const StudySession* session() const { return session_.get(); }
    // "End session now": the cards still queued are left for next time.
    void stop_session();
    void use_hint();
    // Lateral reading before the answer, on the study card (StudySession) or
    // the class quiz's (QuizRun): the learner went to the other sources;
    // opened a paragraph found by `search_words`; came back to the card with
    // `search_words` in the field.
    const Claim* card_awaiting_answer(CardAwaiting card) const;
    void begin_lateral_reading(CardAwaiting card);
    void note_source_read(CardAwaiting card, const std::string& search_words);
    void end_lateral_reading(CardAwaiting card, const std::string& search_words);
    // Written to the store before this returns (or kept pending, see
    // StudySession::answer).
    AnswerOutcome answer(Verdict picked, Confidence confidence);
    void undo();
    // Tries again to write answers the store refused; true when none is left.
    bool retry_pending_saves();

    // Technique cards (learning/technique_practice.hpp), mixed into study:
    // after a claim's reveal the shell asks whether one comes now; true
    // when one is on screen. Practice sessions have none.
    bool offer_technique_card(std::uint64_t seed);
    const TechniqueQuestion* technique_question() const;
    // Written to the store before this returns; the outcome says when the
    // store refused it.
    TechniqueOutcome answer_technique(std::string_view picked, const std::vector<bool>& picked_words);
    // The chosen learner's technique cards on this deck, for Statistics.
    TechniqueFigures technique_figures() const;

    // The chosen learner's own class quizzes on this deck, for Statistics:
    // read from the results folder when their progress loads and again by
    // refresh_own_quizzes() (Statistics opening), as a quiz may have ended since.
    const OwnQuizzes& own_quizzes() const { return own_quizzes_; }
    void refresh_own_quizzes();

    // Class quizzes: the quiz opened and the chosen learner's run of it.
    const QuizApp& class_quiz() const { return class_quiz_; }
    QuizApp& class_quiz() { return class_quiz_; }
    // The teacher's quiz being built.
    const QuizBuilder& quiz_builder() const { return *quiz_builder_; }
    QuizBuilder& quiz_builder() { return *quiz_builder_; }
    // The teacher's class report: the results files added and what they show.
    const ReportApp& class_report() const { return class_report_; }
    ReportApp& class_report() { return class_report_; }
    const std::filesystem::path& classroom_dir() const { return classroom_dir_; }
    // Live classes, where the platform can reach a server: the pupil's side,
    // on this device's store (answers are kept there until confirmed). Throws
    // StoreError when the store cannot be read.
    void enable_live_classes(live::PupilClient::Connect connect);
    const live::PupilClient* live_pupil() const { return live_pupil_.get(); }
    live::PupilClient* live_pupil() { return live_pupil_.get(); }
    // Starts the opened quiz for the chosen learner.
    void start_quiz(bool count_towards_schedule);
    // Answers given and right in the current session.
    const Tally& session_tally() const { return session_tally_; }
    // The current session's wrong answers, in the order given: a card missed
    // twice is listed once, with the last wrong verdict.
    struct Mistake {
        const Claim* claim;
        Verdict picked;
    };
    std::vector<Mistake> session_mistakes() const;

private:
    void reload_profiles();
    void reload_shelf();
    void count_shelf();
    void switch_to(const Deck& deck);
    const Deck* listed_deck(const std::string& deck_id) const;
    InstallResult installed(InstallResult result);
    void load_progress();
    void resume_session();
    void keep_session();
    void back_up_when_due(std::int64_t min_ms_since_last);
    void add_notice(std::string notice);
    static ScoredAnswer scored(const Claim& claim, Verdict picked, Confidence confidence);
    // Calls `act` with the study session or the quiz run, when there is one.
    template <class Act>
    void on_card(CardAwaiting card, Act act);

    struct History {
        LearnerScores scores;
        int answers = 0;
        std::map<std::int64_t, Tally> per_day;
        void count(const ScoredAnswer& answer, bool lateral_reading, std::int64_t day, int change);
    };

    struct GivenAnswer {  // what undo must take back from the totals
        const Claim* claim;
        ScoredAnswer scored;
        bool lateral_reading;
        std::int64_t day;
        bool recorded;  // in the history: not a practice answer
    };

    Deck deck_;
    std::unique_ptr<ProgressStore> store_;
    Clock clock_;
    std::vector<Profile> profiles_;
    std::optional<Profile> profile_;
    std::map<std::string, CardState> states_;
    std::optional<TechniquePractice> techniques_;  // of the chosen learner
    History history_;
    StudySettings study_settings_;
    DisplaySettings display_settings_;
    std::unique_ptr<StudySession> session_;
    std::vector<GivenAnswer> session_answers_;  // for undo
    Tally session_tally_;
    std::vector<std::string> notices_;
    std::string store_fault_;
    std::int64_t next_backup_check_ms_ = 0;
    std::filesystem::path classroom_dir_;
    QuizApp class_quiz_;
    OwnQuizzes own_quizzes_;
    std::unique_ptr<QuizBuilder> quiz_builder_;  // made again for each deck
    ReportApp class_report_;
    std::unique_ptr<live::PupilClient> live_pupil_;
    Deck start_deck_;  // the bundled deck, or --deck's
    std::filesystem::path library_;
    std::vector<InstalledDeck> library_decks_;
    std::vector<ShelfDeck> shelf_;
};

}  // namespace claimdeck

// What a learner can ask for on a screen. Screens draw from the app's state
// and return one of these; the shell carries it out. Screens themselves
// change nothing but their own view state.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "app/study_app.hpp"
#include "base/verdict.hpp"
#include "classroom/quiz_builder.hpp"
#include "content/deck.hpp"
#include "learning/session.hpp"
#include "live/live_json.hpp"
#include "studio/studio_document.hpp"

namespace claimdeck::ui {

// Lookup is the reveal of a claim opened from the article reader. Sources
// is "Check other sources" from a card not yet answered. ClassQuiz
// is the opened quiz file, before it is taken; Quiz is taking it. BuildQuiz
// and Report are the teacher's, as are the live class's: LiveSetup before
// it, LiveProjector (the join code for the room) and LiveDashboard during it.
enum class Screen {
    Home,
    Card,
    Reveal,
    Technique,  // a technique card, between the claims of a session
    Done,
    Article,
    Lookup,
    Sources,
    Stats,
    Settings,
    ClassQuiz,
    Quiz,
    BuildQuiz,
    Report,
    Studio,
    // A teacher's live class: what it answers and where, the join code, the answers.
    LiveSetup,
    LiveProjector,
    LiveDashboard,
    // A pupil in a live class: the join form, a card, and between cards.
    LiveJoin,
    LiveCard,
    LiveWait
};

// What a file picked in the system chooser is for.
enum class FilePurpose {
    OpenQuiz,          // a quiz to take
    ResultsFile,       // where a pupil's results go, before the quiz
    RetryResults,      // where they go after the first place failed
    SaveQuiz,          // the quiz file (or pair) Build quiz writes
    AddResultsFile,    // a results file for the class report
    AddResultsFolder,  // a folder of them
    ExportCsv,
    ExportHtml,
    ImportDeck,  // a deck package (or deck file) for the library
    // The Studio's
    StudioOpenDeck,       // a deck file or package to edit
    StudioOpenArticle,    // a .txt, .md or .html file as a new article
    StudioSaveAs,         // the folder the deck is saved in
    StudioExportPackage,  // the .claimdeck file written
    BackUpProgress,
    ImportProgress,
};
inline bool is_studio_file(FilePurpose purpose) {
    return purpose == FilePurpose::StudioOpenDeck || purpose == FilePurpose::StudioOpenArticle ||
           purpose == FilePurpose::StudioSaveAs || purpose == FilePurpose::StudioExportPackage;
}
// What the browser's picker is asked for (PlatformFeatures::pick_file): the
// Studio's files, and a class quiz a pupil takes.
inline bool is_picked_in_browser(FilePurpose purpose) {
    return is_studio_file(purpose) || purpose == FilePurpose::OpenQuiz;
}

// What to do when a file is already where an export goes.
enum class IfThere { Ask, Replace, SaveBeside };

namespace act {
struct Go {
    Screen screen;
};
struct Back {};
struct StartStudy {
    SessionKind kind = SessionKind::Today;
};
struct EndSession {};  // "End session now": on to the summary
struct PickVerdict {
    Verdict verdict;
};
struct PickConfidence {
    Confidence confidence;
};
struct ShowHint {};
struct Next {};
struct AnswerTechnique {  // a technique card's two answers: the name picked and the words tapped
    std::string picked;
    std::vector<bool> words;
};
struct Undo {};
struct ReadArticle {
    std::string article_id;
    std::optional<std::string> focus_claim;  // scrolled into view and outlined
};
struct CheckSources {};  // from the card: search the deck's other articles before answering
struct ReadSource {      // a paragraph found there, in its article
    std::string article_id;
    Span paragraph;
};
struct OpenClaim {  // a claim's reveal, from the article reader
    std::string claim_id;
};
struct ChooseProfile {
    std::int64_t id;
};
struct CreateProfile {
    std::string name;
};
struct RenameProfile {
    std::int64_t id;
    std::string name;
};
struct AskDeleteProfile {  // counts the answers deleting the learner deletes, for the confirmation
    std::int64_t id;
};
struct DeleteProfile {
    std::int64_t id;
};
struct ChangeStudySettings {
    StudySettings settings;
};
struct ChangeDisplaySettings {
    DisplaySettings settings;
};
struct ToggleShortcuts {};
struct ToggleDefinitions {};  // what the three verdicts mean
struct DismissNotices {};     // the learner read what happened to their progress
struct OpenQuiz {             // a quiz file, typed, given on the command line or dropped on the window
    std::string path;
};
struct StartQuiz {
    bool count_towards_schedule = false;
    std::string results_path;  // empty: the default place
};
struct SaveResults {   // again, after the results file could not be written
    std::string path;  // empty: where it was meant to go
};
struct ChangeQuizPlan {  // the teacher's choices on Build quiz
    QuizPlan plan;
};
struct SaveQuiz {
    std::string path;  // empty: the default place
};
struct AddResults {  // a results file or a folder of them, for the class report
    std::string path;
};
struct RemoveResults {
    std::size_t index;  // in the report's list of files
};
struct MergePupils {  // the pupils shown apart under this name are one pupil
    std::string name;
};
struct KeepPupilsApart {};  // undoes every merge
struct ExportReport {
    ReportFormat format;
    std::string path;  // empty: the default place
    IfThere if_there = IfThere::Ask;
};
struct ShowInFolder {  // the system's file manager, on the folder of a saved file
    std::filesystem::path file;
};
struct Download {  // a saved file handed to the browser as a download (PlatformFeatures::offer_download)
    std::filesystem::path file;
};
struct ChooseFile {  // opens the system file chooser; the shell carries out the choice
    FilePurpose purpose;
};
struct StudyDeck {  // a deck listed on Home
    std::string deck_id;
};
struct ImportDeck {  // a .claimdeck package or a deck file, typed, dropped or on the command line
    std::string path;
};
struct PickDeckFile {};  // the platform's file chooser (the browser's picker or the system's), for a deck package
struct AskRemoveDeck {   // counts the answers removing it could delete, for the confirmation
    std::string deck_id;
};
struct RemoveDeck {
    std::string deck_id;
    bool delete_progress = false;
};
struct BackUpProgress {  // "Back up my progress"
    std::string path;    // empty: the platform's way (the system chooser, the browser's download)
};
struct ImportProgress {  // a backup or progress file from another device
    std::string path;
};
struct PickProgressFile {};  // the platform's file chooser, for progress to import
struct StudioChange {        // an edit to the deck in the Studio
    StudioEdit edit;
};
enum class StudioStep { Undo, Redo, Save, NewDeck, CopyDeckInUse, AddToMyDecks };
struct StudioCommand {
    StudioStep step;
};
struct StudioFile {  // Open…, Open article file…, Save as…, Export package…: chosen or typed
    FilePurpose purpose;
    std::string path;
};
struct StartLiveClass {
    live::ClassRequest request;
    bool on_this_computer = true;  // else on the server named here
    std::string address;
    std::string teacher_key;
};
struct MoveLiveClassOn {};  // teacher pace: "Next card"
struct EndLiveClass {};
struct OpenLiveClassReport {};  // the ended class's results files, on the Report screen
struct JoinLive {
    std::string server;  // empty: the server the page came from
    std::string code;
    std::string nickname;
};
struct AnswerLive {
    Verdict verdict;
    Confidence confidence;
};
struct LeaveLive {};  // answers not confirmed yet go on being sent
}  // namespace act

using Action =
    std::variant<std::monostate, act::Go, act::Back, act::StartStudy, act::EndSession, act::PickVerdict,
                 act::PickConfidence, act::ShowHint, act::Next, act::AnswerTechnique, act::Undo, act::ReadArticle,
                 act::CheckSources, act::ReadSource, act::OpenClaim, act::ChooseProfile, act::CreateProfile,
                 act::RenameProfile, act::AskDeleteProfile, act::DeleteProfile, act::ChangeStudySettings,
                 act::ChangeDisplaySettings, act::ToggleShortcuts, act::ToggleDefinitions, act::DismissNotices,
                 act::OpenQuiz, act::StartQuiz, act::SaveResults, act::ChangeQuizPlan, act::SaveQuiz, act::AddResults,
                 act::RemoveResults, act::MergePupils, act::KeepPupilsApart, act::ExportReport, act::ChooseFile,
                 act::ShowInFolder, act::Download, act::StudyDeck, act::ImportDeck, act::PickDeckFile,
                 act::AskRemoveDeck, act::RemoveDeck, act::BackUpProgress, act::ImportProgress, act::PickProgressFile,
                 act::StudioChange, act::StudioCommand, act::StudioFile, act::StartLiveClass, act::MoveLiveClassOn,
                 act::EndLiveClass, act::OpenLiveClassReport, act::JoinLive, act::AnswerLive, act::LeaveLive>;

// Keeps the first action of a frame: later ones (a key handled after a
// click) are dropped.
inline void take(Action& into, Action action) {
    if (std::holds_alternative<std::monostate>(into)) into = std::move(action);
}

}  // namespace claimdeck::ui

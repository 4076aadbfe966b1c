// The app shell: one borderless window over the whole viewport with a slim
// top bar, the current screen below it, and the keyboard shortcuts that work
// everywhere. It carries out what the screens ask for by calling StudyApp.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "actions.hpp"
#include "app/file_chooser.hpp"
#include "app/gui_options.hpp"
#include "article_screen.hpp"
#include "build_quiz_screen.hpp"
#include "card_screen.hpp"
#include "class_quiz_screen.hpp"
#include "fonts.hpp"
#include "home_screen.hpp"
#include "live/class_results.hpp"
#include "live/http_transport.hpp"
#include "live/qr_code.hpp"
#include "live/teacher_class.hpp"
#include "live_card_screen.hpp"
#include "live_join_screen.hpp"
#include "live_setup_screen.hpp"
#include "quiz_screen.hpp"
#include "report_screen.hpp"
#include "reveal_screen.hpp"
#include "settings_screen.hpp"
#include "sources_screen.hpp"
#include "studio_screen.hpp"
#include "technique_screen.hpp"

namespace claimdeck::ui {

// What the platform under the app can do, for the screens that depend on it.
struct PlatformFeatures {
    // Files can be named by path and dropped on the window: class quizzes
    // and reports. A browser tab cannot, so the web build leaves them out.
    bool files = true;
    // The system's file chooser for Open… and Save as…; none: typed paths only.
    FileChooser* file_chooser = nullptr;
    // Opens the folder of a saved file in the file manager; false when it
    // could not. None: saved files offer only "Copy path".
    std::function<bool(const std::filesystem::path& folder)> show_folder;
    // Shows the platform's file chooser for a deck package (the browser's
    // picker); the file comes back through Shell::import_deck_bytes(). Unset:
    // a package is named by its path.
    std::function<void()> pick_deck_file;
    // The browser's way with progress files: the backup written at `file`
    // offered as a download named `name`, and its picker for a file to
    // import (back through import_progress_bytes()). Unset: the system
    // chooser and typed paths.
    std::function<void(const std::filesystem::path& file, const std::string& name)> offer_download;
    std::function<void()> pick_progress_file;
    // The browser's picker for a file the Studio opens (a deck, an article),
    // asked with the request's kinds; the file comes back through
    // Shell::open_picked_file(). With it the Studio's Save as… and Export
    // package… hand the package to offer_download(). Unset: the system
    // chooser and typed paths.
    std::function<void(FilePurpose purpose, const FileRequest& request)> pick_file;
    // Live classes. connect_live reaches a server at an address like
    // "http://192.168.1.5:8080", or the server this page came from when the
    // address is empty (web); unset: no live classes on this platform.
    std::function<std::unique_ptr<live::HttpTransport>(const std::string& server_address)> connect_live;
    // The live class server is the one the page came from: the pupils' join
    // form asks for no address.
    bool live_server_is_page_origin = false;
    // The teacher's side: start_live_server starts a server on this computer
    // for a class on `deck`; unset: only a named server. make_qr_code draws
    // the join link for phones; unset: the link is shown alone.
    std::function<std::unique_ptr<live::LocalServer>(const Deck& deck)> start_live_server;
    std::function<live::QrCode(const std::string& text)> make_qr_code;
};

// What the last frame showed, for scripted runs and the GUI tests.
struct FrameReport {
    Screen screen = Screen::Home;
    const Claim* claim = nullptr;    // the claim on the card screen
    ImRect claim_box;                // where it was drawn, in screen units
    std::optional<ImRect> hint_box;  // the paragraph around it, once shown
    float page_bottom = 0;           // where the page ends (a fixed footer starts), in screen units
    ImU32 text_colour = 0;
    std::optional<ImRect> primary_button;  // the screen's main action, where drawn
    std::string studio;                    // on the Studio: "N articles, M claims, K problems, edit R"
    std::vector<OutlineNode> controls;     // every control drawn, in reading order (page_outline.hpp)
    std::vector<std::string> texts;        // every paragraph drawn, likewise
    std::string pupils;                    // on the Report: each pupil as shown, "Ana (1), Ana (2), Ben"
    // On the card: where each verdict's button was drawn (by index_of), and
    // the verdict picked while the learner says how sure they are.
    std::array<std::optional<ImRect>, 3> verdict_buttons;
    std::optional<Verdict> picked;
    // On an article: where a claim not answered yet was drawn, and whether
    // the note saying why a tap on one opens nothing is shown.
    std::optional<ImRect> unanswered_claim;
    bool unanswered_note = false;
    int claims_marked = 0;                // on an article: the claims it marks
    std::string notice;                   // the error banner's text, when one is shown
    std::vector<std::string> keys_named;  // the keys the frame named on screen (none on a touch screen)
    // A pupil in a live class: "stage answer unsent", e.g. "waiting saved 0"
    // (stage: out, joining, loading, card, waiting, ended; answer: none,
    // sending, saved, refused).
    std::string live;
};
const char* screen_name(Screen screen);

class Shell {
public:
    Shell(StudyApp& app, FontFiles font_files, std::uint64_t shuffle_seed, PlatformFeatures features = {});
    // However the app ends (a closed window, a SIGTERM), Studio work not in the draft yet is written to it.
    ~Shell();
    Shell(const Shell&) = delete;
    Shell& operator=(const Shell&) = delete;

    // The fonts follow the text size setting and the monitor's scale. When
    // fonts_outdated(), call rebuild_fonts() before ImGui::NewFrame() and
    // upload the font atlas again.
    void set_scale(float ui_scale, float pixels_per_unit);
    bool fonts_outdated() const;
    bool rebuild_fonts(ImFontAtlas& atlas);  // false when a font file could not be read

    // Draws the whole frame; call between ImGui::NewFrame() and ImGui::Render().
    void draw_frame();
    // Shows `message` in the error banner until the next action succeeds
    // (for faults the shell did not catch itself, e.g. while drawing).
    void show_error(std::string message) { notice_ = std::move(message); }

    // Scripted starts, for the command line.
    void start_studying();
    void study_until_technique_card();
    void answer_technique_by_script();
    void answer_by_script(int count);
    void open(StartScreen start);
    // On "Check other sources": the words searched for, as if typed (--search).
    void search_sources(std::string words);
    // A quiz file from the command line or dropped on the window. With a
    // learner chosen, `start` begins taking it at once.
    void open_quiz(const std::string& path, bool start);
    // A file dropped on the window: results for the report while it is
    // shown, else a quiz to open.
    void drop_file(const std::string& path);
    // A deck package or deck file from the command line, dropped on the
    // window or typed on Home: installed, then studied.
    void import_deck(const std::string& path);
    // A package's bytes from the platform's file chooser.
    void import_deck_bytes(std::string_view bytes, const std::string& name);
    // A progress file's bytes from the browser's picker, imported as if chosen.
    void import_progress_bytes(std::string_view bytes, const std::string& name);
    // A file's bytes from the browser's picker (pick_file), used as if its path had been chosen.
    void open_picked_file(FilePurpose purpose, std::string_view bytes, const std::string& name);
    // Results files or folders from the command line, then the report.
    void open_report(const std::vector<std::filesystem::path>& paths);
    void answer_quiz_by_script(int count);
    // A link or QR code with ?join=CODE: the join form with the code filled in
    // (or the class, when this device is in it already).
    void join_live_class(const std::string& code);

    // Asked before the window closes. With answers still unsaved (after one
    // more try) the first close is refused and the banner says why; the next
    // one closes, and StudyApp::close() keeps them in a file.
    bool may_close();

    // True while a quiz clock is on screen, or a file chooser is open: the
    // window must redraw to tick the clock or to take the chosen file.
    bool clock_running() const;

    FrameReport report() const;

private:
    float wanted_body_size() const;
    Action draw_top_bar();
    void draw_notices();
    Action draw_screen();
    const RevealView* revealed() const;
    bool card_footer_shown() const;
    float footer_height() const;
    Action draw_footer();
    template <typename Draw>
    void popup(const char* name, bool& open, Draw draw);
    void draw_shortcuts();
    void draw_definitions();
    Action global_shortcuts();
    bool in_study() const;

    void apply(const Action& action);
    void apply(std::monostate) {}
    void apply(const act::Go& go);
    void apply(const act::Back&);
    void apply(const act::StartStudy& start);
    void apply(const act::EndSession&);
    void apply(const act::PickVerdict& pick);
    void apply(const act::PickConfidence& pick);
    void apply(const act::ShowHint&);
    void apply(const act::Next&);
    void apply(const act::AnswerTechnique&);
    void apply(const act::Undo&);
    void apply(const act::ReadArticle& read);
    void apply(const act::CheckSources& check);
    void apply(const act::ReadSource& read);
    void apply(const act::OpenClaim& open);
    void apply(const act::ChooseProfile& choose);
    void apply(const act::CreateProfile& create);
    void apply(const act::RenameProfile& rename);
    void apply(const act::AskDeleteProfile& ask);
    void apply(const act::DeleteProfile& remove);
    void apply(const act::ChangeStudySettings& change);
    void apply(const act::ChangeDisplaySettings& change);
    void apply(const act::ToggleShortcuts&);
    void apply(const act::ToggleDefinitions&);
    void apply(const act::DismissNotices&);
    void apply(const act::OpenQuiz& open);
    void apply(const act::StartQuiz& start);
    void apply(const act::SaveResults& save);
    void apply(const act::ChangeQuizPlan& change);
    void apply(const act::SaveQuiz& save);
    void apply(const act::AddResults& add);
    void apply(const act::RemoveResults& remove);
    void apply(const act::MergePupils& merge);
    void apply(const act::KeepPupilsApart&);
    void apply(const act::ExportReport& save);
    void apply(const act::ChooseFile& choose);
    void apply(const act::ShowInFolder& show);
    void apply(const act::Download& download);
    void take_chosen_file();
    void use_browser_for(FilePurpose purpose);
    std::string download_package();
    void use_chosen_file(FilePurpose purpose, const std::string& path);
    void apply(const act::StudyDeck& study);
    void apply(const act::ImportDeck& import);
    void apply(const act::PickDeckFile&);
    void apply(const act::AskRemoveDeck& ask);
    void apply(const act::RemoveDeck& remove);
    void imported(const InstallResult& result);
    void apply(const act::BackUpProgress& back_up);
    void apply(const act::ImportProgress& import);
    void apply(const act::PickProgressFile&);
    void run_waiting_import();
    void apply(const act::StudioChange& change);
    void apply(const act::StudioCommand& command);
    void apply(const act::StudioFile& file);
    void apply(const act::StartLiveClass& start);
    void apply(const act::MoveLiveClassOn&);
    void apply(const act::EndLiveClass&);
    void apply(const act::OpenLiveClassReport&);
    void update_live_class();
    void apply(const act::JoinLive& join);
    void apply(const act::AnswerLive& answer);
    void apply(const act::LeaveLive&);
    void follow_live_class();
    void add_to_my_decks(const Deck& deck);
    StudioApp& studio();

    void show(Screen screen);
    bool among_sources(Screen screen) const;
    void answer(Verdict verdict, Confidence confidence);
    void answer_quiz(Verdict verdict, Confidence confidence);

    StudyApp& app_;
    FontFiles font_files_;
    std::uint64_t shuffle_seed_;
    PlatformFeatures features_;
    float ui_scale_ = 1;
    float pixels_per_unit_ = 1;
    float built_body_size_ = 0;  // of the fonts in the atlas

    Screen screen_ = Screen::Home;
    // Screens opened on top of another, for Back, each with how far its page
    // was scrolled: Back returns to the same place (a search's results, a
    // long reveal), not to the top.
    struct Visited {
        Screen screen;
        float scroll_y;
    };
    std::vector<Visited> back_stack_;
    float page_scroll_y_ = 0;                // the page's, as last drawn
    std::optional<float> scroll_to_ = 0.0f;  // the next frame scrolls the page there
    float page_bottom_ = 0;                  // where the page ended last frame (a fixed footer starts)
    bool shortcuts_open_ = false;
    bool definitions_open_ = false;
    std::string notice_;                            // the last fault, until the next action succeeds
    bool close_warned_ = false;                     // a close was refused to say answers are unsaved
    FilePurpose choosing_ = FilePurpose::OpenQuiz;  // what the open file chooser is for

    // An import asked for waits a frame, so "Importing…" is on screen while it runs.
    std::filesystem::path import_waiting_;
    int import_in_frames_ = 0;

    HomeView home_;
    SettingsView settings_;
    CardView card_;
    RevealView reveal_;  // the answer just given
    TechniqueView technique_;
    RevealView lookup_;  // a claim opened from the article reader
    ArticleView article_;
    SourcesView sources_;
    ClassQuizView class_quiz_;
    QuizView quiz_;
    BuildQuizView build_quiz_;
    ReportView report_;
    std::unique_ptr<StudioApp> studio_;  // made when the Studio is first opened
    StudioView studio_view_;
    LiveSetupView live_setup_;
    // The live class this teacher runs, until another starts or the app
    // ends (its local server stops with it), and its join link's QR code.
    std::unique_ptr<live::TeacherClass> live_class_;
    live::QrCode live_qr_;
    // Where the ended class's results files went (folder empty until then).
    live::SavedResults live_results_;
    LiveJoinView live_join_;
    LiveCardView live_card_;
};

}  // namespace claimdeck::ui

// The desktop app's command line. It is parsed here, away from the window
// code, so its rules can be unit-tested without a display.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace claimdeck {

// The screens a run can open on, for scripted screenshots (--screen).
enum class StartScreen {
    Natural,
    Home,
    Card,
    Sources,  // "Check other sources" for the first card
    Reveal,
    // The first technique card the study session brings, as it is asked
    // and as it is answered (by script: the right name, its words and one more).
    Technique,
    TechniqueAnswer,
    Done,
    Article,
    Stats,
    Settings,
    Report,
    BuildQuiz,
    Studio,
    LiveClass
};

struct WindowSize {
    int width = 1280;
    int height = 800;
};

struct GuiOptions {
    std::filesystem::path deck;         // empty: the bundled deck
    std::filesystem::path data_dir;     // empty: the platform's data directory
    std::string profile;                // empty: the learner picks one on the home screen
    std::filesystem::path quiz;         // a class quiz file to open (--quiz, or the one positional argument)
    std::filesystem::path import_deck;  // a deck package (*.claimdeck) to install, then study
    // Results files or folders for the class report (--report, repeatable).
    std::vector<std::filesystem::path> report;
    std::optional<int> quit_after_frames;
    std::filesystem::path screenshot;  // empty: none
    WindowSize window;
    // Settings → Text size, set and kept for this device before the first
    // frame (one of kTextSizes' percents).
    std::optional<int> text_size;
    StartScreen screen = StartScreen::Natural;
    // Scripted screenshots of a screen's lower cards: the page is kept
    // scrolled to the first paragraph that starts with this (empty: off).
    std::string scroll_to;
    // Scripted screenshots of "Check other sources": the words searched for.
    std::string search;
    int demo_answers = 0;  // answers given by script before the first frame (to the quiz, with --quiz)
    // The benchmark protocol (tests/bench): "bench frame N T" on stdout after
    // each presented frame, T in CLOCK_MONOTONIC nanoseconds ...
    bool bench = false;
    // ... and, at exit, the p50/p99 of the time to build the last N frames.
    int bench_frame_times = 0;
    bool help = false;
    bool version = false;
};

struct GuiOptionsResult {
    std::optional<GuiOptions> options;  // set when the command line is valid
    std::string error;                  // otherwise, what is wrong with it
};

// `args` excludes the program name.
GuiOptionsResult parse_gui_options(const std::vector<std::string>& args);

// Every option's name, in the order --help lists them.
std::vector<std::string> gui_option_names();

std::string gui_usage();

}  // namespace claimdeck

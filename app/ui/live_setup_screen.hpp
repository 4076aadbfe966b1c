// Run a live class, the teacher's screen before the lesson: what the class
// answers (the deck being studied, or the quiz on Build quiz), who moves the
// class on, and where it runs (a server this computer starts, or one named
// by its address and teacher key).
#pragma once

#include <string>

#include "actions.hpp"
#include "widgets.hpp"

namespace claimdeck::ui {

enum class LiveSource { Deck, BuiltQuiz };
enum class LiveServerKind { ThisComputer, Named };

struct LiveSetupView {
    LiveSource source = LiveSource::Deck;
    live::Pace pace = live::Pace::Teacher;
    LiveServerKind server = LiveServerKind::ThisComputer;
    std::string address;      // a named server's, e.g. http://192.168.1.5:8470
    std::string teacher_key;  // the key that server printed when it started
};

// `local_server`: the platform can start a server on this computer.
Action draw_live_setup_screen(const StudyApp& app, LiveSetupView& view, bool local_server);

}  // namespace claimdeck::ui

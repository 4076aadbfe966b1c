// Home: who is studying, where the deck stands for them, and the way in to
// studying, statistics, settings and the articles. On a first start it
// explains the three verdicts.
#pragma once

#include <cstdint>
#include <string>

#include "actions.hpp"
#include "widgets.hpp"

namespace claimdeck::ui {

// What is being typed or confirmed in the profile list.
struct HomeView {
    bool adding = false;
    std::string new_name;
    std::int64_t renaming = 0;  // the profile being renamed, or 0
    std::string rename;
    std::int64_t confirming_delete = 0;  // the profile asked about, or 0
    std::string problem;                 // why the typed name cannot be used
    bool focus_field = false;            // put the keyboard in the field that just opened
    std::string quiz_path;               // typed in the Class quiz card
};

// `classroom`: offer the class quiz and the teachers' screens, which need files.
Action draw_home_screen(const StudyApp& app, HomeView& view, bool classroom);

}  // namespace claimdeck::ui

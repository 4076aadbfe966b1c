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
    bool confirming_rename = false;      // on a shared device the new name is confirmed
    std::int64_t confirming_delete = 0;  // the profile asked about, or 0
    std::int64_t delete_answers = 0;     // the answers deleting it deletes
    std::string problem;                 // why the typed name cannot be used
    bool focus_field = false;            // put the keyboard in the field that just opened
    std::string quiz_path;               // typed in the Class quiz card
    std::string deck_path;               // typed in the Decks card, to import
    std::string deck_message;            // what the last import did
    std::string confirming_removal;      // the deck asked about, or empty
    std::int64_t removal_answers = 0;    // the answers removing it with its progress deletes
};

// What the platform offers for files on Home.
struct HomeFiles {
    bool classroom = true;      // the class quiz and the teachers' screens, which need files
    bool typed_paths = true;    // a deck to import can be named by its path
    bool file_chooser = false;  // the platform can show a file chooser (act::PickDeckFile)
    bool quiz_picker = false;   // without files, a class quiz still opens from the platform's picker (the browser)
    // A teacher can run a live class: a server can be reached (PlatformFeatures::connect_live)
    // and the class's results files kept for the report.
    bool live_classes = false;
    bool live_class_on = false;  // one is running: Home offers the way back to it
};

Action draw_home_screen(const StudyApp& app, HomeView& view, const HomeFiles& files);

}  // namespace claimdeck::ui

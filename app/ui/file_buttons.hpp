// The system file chooser's buttons ("Open…", "Save as…") beside the typed
// paths, which keep working. Screens draw them only where the platform has
// a chooser, greyed while one is open; the shell asks it (act::ChooseFile)
// and carries out what is chosen.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include <imgui.h>
#include <imgui_internal.h>

#include "actions.hpp"

namespace claimdeck::ui {

// Set by the shell before each frame.
struct FileChooserStatus {
    bool available = false;     // the platform has a system chooser
    bool open = false;          // one is on screen now, waiting for an answer
    bool show_folders = false;  // the platform can open a folder in the file manager
    bool downloads = false;     // saved files leave as downloads (the browser: its paths mean nothing to a learner)
};
void set_file_chooser_status(FileChooserStatus status);
bool file_chooser_available();
bool saved_files_download();  // FileChooserStatus::downloads

// A chooser button: nothing is drawn (false) where there is no chooser.
bool chooser_button(const char* label, float width);
float chooser_button_width(const char* label);
// Two side by side, each half of `width`: 0 or 1 for the one pressed, else -1.
int chooser_button_pair(const char* first, const char* second, float width);

// A path typed in a field, with an optional button that uses it (`use_label`,
// e.g. "Open") and the chooser's button (`chooser_label`); nullptr for none.
// On a narrow card the chooser's button gets a line of its own.
struct PathField {
    bool use = false;     // the use button was pressed, or Enter in the field
    bool choose = false;  // the chooser's button was pressed
};
PathField path_field(const char* id, const char* hint, std::string& path, const char* use_label,
                     const char* chooser_label, float width);

// A file just saved: its whole path, which can be selected and copied, and
// "Copy path" (the clipboard) and, where the platform can, "Show in folder".
// In the browser, where paths mean nothing, its name and a button that
// downloads it.
Action saved_file(const std::filesystem::path& file, float width);

}  // namespace claimdeck::ui

// Settings: text size and theme for this device; daily new cards, desired
// retention and the confidence step for the chosen learner; backing up and
// importing progress, to move it between devices.
#pragma once

#include <filesystem>
#include <string>

#include "actions.hpp"
#include "widgets.hpp"

namespace claimdeck::ui {

struct SettingsView {
    std::string progress_path;        // typed: where to back up to, or what to import
    std::string progress_message;     // what the last backup or import did, or is doing
    std::filesystem::path backed_up;  // the backup just written, shown with its path buttons
};

// What the platform offers for the progress file.
struct SettingsFiles {
    bool typed_paths = true;  // a path can be typed
    bool pickers = false;     // a chooser or the browser's download and picker
};

Action draw_settings_screen(const StudyApp& app, SettingsView& view, const SettingsFiles& files);

}  // namespace claimdeck::ui

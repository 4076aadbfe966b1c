// "Show in folder": the desktop's file manager opened on a folder, through
// xdg-open (the freedesktop.org way, whichever desktop is running); Explorer
// on Windows.
#pragma once

#include <filesystem>

namespace claimdeck::desktop {

// Starts xdg-open on `folder` and returns at once; false when it could not
// be started (not installed).
bool show_folder(const std::filesystem::path& folder);

}  // namespace claimdeck::desktop

// Where ClaimDeck keeps a learner's progress by default, per platform.
#pragma once

#include <filesystem>

namespace claimdeck::desktop {

// XDG_DATA_HOME/claimdeck (or ~/.local/share/claimdeck) on Linux,
// %APPDATA%\ClaimDeck on Windows, ~/Library/Application Support/ClaimDeck on
// macOS. Empty when the environment names no home folder.
std::filesystem::path default_data_dir();

}  // namespace claimdeck::desktop

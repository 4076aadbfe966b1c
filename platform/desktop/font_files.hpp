// Finds the TrueType fonts the app draws with. ImGui's built-in bitmap font
// lacks the punctuation and symbols the articles use, so it is never a
// fallback: without these files the app says so and stops.
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "fonts.hpp"

namespace claimdeck::desktop {

// The folders searched, in order: the app's own assets first, so a build
// for another OS can ship its fonts, then the usual system folders.
std::vector<std::filesystem::path> font_folders(const std::vector<std::filesystem::path>& asset_dirs);

// DejaVu Sans regular and bold from the first folder that has both.
std::optional<ui::FontFiles> find_font_files(const std::vector<std::filesystem::path>& folders);

}  // namespace claimdeck::desktop

// Builds the app's fonts from two TrueType files (regular and bold). The
// platform layer finds the files; this only turns them into ImGui fonts.
#pragma once

#include <imgui.h>

#include <string>

#include "theme.hpp"

namespace claimdeck::ui {

struct FontFiles {
    std::string regular;
    std::string bold;
};

// Clears `atlas` and adds the five fonts, rasterised at `pixels_per_unit`
// times their size so text stays sharp on high-density screens (the caller
// sets io.FontGlobalScale to 1 / pixels_per_unit). Returns them; a font
// whose file cannot be read is null, and the caller must check.
Fonts build_fonts(ImFontAtlas& atlas, const FontFiles& files, float body_size, float pixels_per_unit);

}  // namespace claimdeck::ui

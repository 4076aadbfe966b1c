// What the charts of Statistics and the class report are drawn with: text
// placed at a point with the window's draw list, and an area reserved at the
// cursor for a chart.
#pragma once

#include <string_view>

#include "widgets.hpp"

namespace claimdeck::ui {

void draw_text(ImFont* font, ImVec2 at, ImU32 colour, std::string_view text);
ImVec2 text_size(ImFont* font, std::string_view text);
void centred(ImFont* font, ImVec2 centre, ImU32 colour, std::string_view text);
// Reserves a width × height area at the cursor for a chart and returns it.
ImRect chart_area(float width, float height);

}  // namespace claimdeck::ui

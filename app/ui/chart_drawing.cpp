#include "chart_drawing.hpp"

#include <cmath>

namespace claimdeck::ui {

void draw_text(ImFont* font, ImVec2 at, ImU32 colour, std::string_view text) {
    const float size = font_size(font);
    ImGui::GetWindowDrawList()->AddText(font, size, at, colour, text.data(), text.data() + text.size());
}

ImVec2 text_size(ImFont* font, std::string_view text) {
    const float size = font_size(font);
    return font->CalcTextSizeA(size, FLT_MAX, 0, text.data(), text.data() + text.size());
}

void centred(ImFont* font, ImVec2 centre, ImU32 colour, std::string_view text) {
    const ImVec2 size = text_size(font, text);
    draw_text(font, ImVec2(std::round(centre.x - size.x / 2), std::round(centre.y - size.y / 2)), colour, text);
}

ImRect chart_area(float width, float height) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, height));
    return ImRect(at, ImVec2(at.x + width, at.y + height));
}

}  // namespace claimdeck::ui

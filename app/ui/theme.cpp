#include "theme.hpp"

#include <algorithm>
#include <cmath>

namespace claimdeck::ui {
namespace {

constexpr ImU32 rgb(unsigned hex, unsigned alpha = 0xFF) {
    return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, alpha);
}

// Calm paper tones: warm background, white cards, soft ink.
constexpr Palette kLight = {
    rgb(0xF3F0E9), rgb(0xFFFFFF), rgb(0xF6F3EC), rgb(0xE0DACD), rgb(0x857E72), rgb(0x000000, 0x14), rgb(0x1F2328),
    rgb(0x58606B), rgb(0x2B3642), rgb(0xFFFFFF), rgb(0xE6E0D2), rgb(0xC08A1E), rgb(0xF9E1DE),       rgb(0x7A1712),
};
constexpr Palette kDark = {
    rgb(0x15181C), rgb(0x22262C), rgb(0x1A1D22), rgb(0x353B44), rgb(0x858D98), rgb(0x000000, 0x50), rgb(0xE9E6E0),
    rgb(0xA7ADB6), rgb(0xD3DCE6), rgb(0x15181C), rgb(0x3A4049), rgb(0xDDAA33), rgb(0x5C211C),       rgb(0xFFD9D3),
};
// Pure black and white with yellow for what must be found: for low vision.
constexpr Palette kHighContrast = {
    rgb(0x000000), rgb(0x000000), rgb(0x111111), rgb(0xFFFFFF), rgb(0xFFFFFF), rgb(0x000000, 0x00), rgb(0xFFFFFF),
    rgb(0xFFFFFF), rgb(0xFFFF00), rgb(0x000000), rgb(0x404040), rgb(0xFFFF00), rgb(0xC00000),       rgb(0xFFFFFF),
};

struct State {
    Palette palette = kLight;
    Fonts fonts;
    float ui_scale = 1.0f;
};
State& state() {
    static State current;
    return current;
}

ImVec4 colour(ImU32 packed) { return ImGui::ColorConvertU32ToFloat4(packed); }

ImU32 with_alpha(ImU32 packed, unsigned alpha) { return (packed & ~IM_COL32_A_MASK) | (alpha << IM_COL32_A_SHIFT); }

void set_style_colours(ImGuiStyle& style, const Palette& p) {
    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = colour(p.text);
    c[ImGuiCol_TextDisabled] = colour(p.text_muted);
    c[ImGuiCol_WindowBg] = colour(p.background);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = colour(p.surface);
    c[ImGuiCol_Border] = colour(p.control_border);
    c[ImGuiCol_FrameBg] = colour(p.surface_sunken);
    c[ImGuiCol_FrameBgHovered] = colour(p.mark);
    c[ImGuiCol_FrameBgActive] = colour(p.mark);
    c[ImGuiCol_Button] = colour(p.surface);
    c[ImGuiCol_ButtonHovered] = colour(p.mark);
    c[ImGuiCol_ButtonActive] = colour(p.border);
    c[ImGuiCol_CheckMark] = colour(p.accent);
    c[ImGuiCol_SliderGrab] = colour(p.accent);
    c[ImGuiCol_SliderGrabActive] = colour(p.accent);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = colour(p.border);
    c[ImGuiCol_ScrollbarGrabHovered] = colour(p.text_muted);
    c[ImGuiCol_ScrollbarGrabActive] = colour(p.text_muted);
    c[ImGuiCol_Separator] = colour(p.border);
    c[ImGuiCol_TextSelectedBg] = colour(with_alpha(p.accent, 0x55));
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.45f);
    c[ImGuiCol_NavHighlight] = colour(p.accent);
}

void set_style_sizes(ImGuiStyle& style, float unit) {
    style.WindowPadding = ImVec2(0.8f * unit, 0.5f * unit);
    style.WindowBorderSize = 0;
    style.WindowRounding = 0;
    style.PopupRounding = 0.6f * unit;
    style.PopupBorderSize = 1;
    style.ChildBorderSize = 0;
    style.FrameRounding = 0.5f * unit;
    style.FrameBorderSize = 1;
    style.FramePadding = ImVec2(0.8f * unit, 0.55f * unit);
    style.ItemSpacing = ImVec2(0.6f * unit, 0.6f * unit);
    style.ItemInnerSpacing = ImVec2(0.5f * unit, 0.4f * unit);
    style.ScrollbarSize = 0.7f * unit;
    style.ScrollbarRounding = 0.35f * unit;
    style.GrabMinSize = 1.6f * unit;
    style.GrabRounding = 0.5f * unit;
    style.TouchExtraPadding = ImVec2(0, 0);
}

}  // namespace

const Palette& palette() { return state().palette; }
const Fonts& fonts() { return state().fonts; }
void set_fonts(const Fonts& fonts) { state().fonts = fonts; }

void apply_theme(Theme theme, float ui_scale) {
    State& s = state();
    s.ui_scale = ui_scale;
    s.palette = theme == Theme::Dark ? kDark : theme == Theme::HighContrast ? kHighContrast : kLight;
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    set_style_sizes(style, em());
    set_style_colours(style, s.palette);
}

float font_size(const ImFont* font) { return font->FontSize * font->Scale * ImGui::GetIO().FontGlobalScale; }

float em() {
    const ImFont* body = fonts().body;
    return body ? font_size(body) : 16.0f;
}

float touch_target() { return std::max(44.0f * state().ui_scale, 2.4f * em()); }

ImU32 verdict_colour(Verdict verdict) {
    switch (verdict) {
        case Verdict::Verified: return rgb(0x004488);
        case Verdict::Contested: return rgb(0xDDAA33);
        case Verdict::Propaganda: return rgb(0xBB5566);
    }
    return rgb(0x004488);
}

ImU32 on_verdict_colour(Verdict verdict) { return verdict == Verdict::Contested ? rgb(0x1A1A1A) : rgb(0xFFFFFF); }

ImU32 verdict_tint(Verdict verdict) { return with_alpha(verdict_colour(verdict), 0x48); }

const char* verdict_symbol(Verdict verdict) {
    switch (verdict) {
        case Verdict::Verified: return "\u2713";  // ✓
        case Verdict::Contested: return "?";
        case Verdict::Propaganda: return "!";
    }
    return "?";
}

namespace {
double linear(float channel) { return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4); }
double relative_luminance(const ImVec4& c) {
    return 0.2126 * linear(c.x) + 0.7152 * linear(c.y) + 0.0722 * linear(c.z);
}
}  // namespace

double contrast_ratio(ImU32 ink, ImU32 under) {
    const ImVec4 top = colour(ink);
    const ImVec4 bottom = colour(under);
    const ImVec4 seen(top.x * top.w + bottom.x * (1 - top.w), top.y * top.w + bottom.y * (1 - top.w),
                      top.z * top.w + bottom.z * (1 - top.w), 1);
    const double a = relative_luminance(seen), b = relative_luminance(bottom);
    return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
}

ImU32 readable_ink(ImU32 fill, ImU32 under) {
    const ImVec4 top = colour(fill);
    const ImVec4 bottom = colour(under);
    auto blend = [&](float a, float b) { return a * top.w + b * (1 - top.w); };
    // Rec. 709 luma of the blend, in gamma space: good enough to pick black or white.
    const float luma =
        0.2126f * blend(top.x, bottom.x) + 0.7152f * blend(top.y, bottom.y) + 0.0722f * blend(top.z, bottom.z);
    return luma > 0.55f ? rgb(0x1A1A1A) : rgb(0xFFFFFF);
}

ImU32 stance_colour(Stance stance) {
    switch (stance) {
        case Stance::Corroborates: return rgb(0x44AA99);
        case Stance::Contradicts: return rgb(0xCC6677);
        case Stance::Qualifies: return rgb(0xDDCC77);
    }
    return rgb(0xDDCC77);
}

const char* stance_label(Stance stance) {
    switch (stance) {
        case Stance::Corroborates: return "= corroborates";
        case Stance::Contradicts: return "\u2260 contradicts";  // ≠
        case Stance::Qualifies: return "~ qualifies";
    }
    return "";
}

}  // namespace claimdeck::ui

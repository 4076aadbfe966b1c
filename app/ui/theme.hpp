// The look of the app: colours for each theme, the fonts, and the sizes
// every screen measures in. Sizes are multiples of the body font size (em),
// so the layout follows the text size setting and the monitor's scale.
#pragma once

#include <imgui.h>

#include "app/display_settings.hpp"
#include "base/verdict.hpp"
#include "content/deck.hpp"

namespace claimdeck::ui {

struct Palette {
    ImU32 background;
    ImU32 surface;         // cards
    ImU32 surface_sunken;  // quotes, inputs
    ImU32 border;          // cards' outlines and rules: decoration
    ImU32 control_border;  // outlines of buttons and fields: 3:1 on every surface (WCAG 1.4.11)
    ImU32 shadow;
    ImU32 text;
    ImU32 text_muted;
    ImU32 accent;       // primary buttons, progress
    ImU32 accent_text;  // text on accent
    ImU32 mark;         // a claim not answered yet, in the article reader
    ImU32 figure;       // underline of a figure the sources disagree on
    ImU32 error;        // banner for faults the learner should know about
    ImU32 error_text;
};

struct Fonts {
    ImFont* body = nullptr;
    ImFont* bold = nullptr;
    ImFont* claim = nullptr;      // 1.4 × body
    ImFont* heading = nullptr;    // bold, 1.25 × body
    ImFont* small = nullptr;      // 0.85 × body
    ImFont* join_code = nullptr;  // bold, 5 × body; only capitals, digits and '-'
};

const Palette& palette();
const Fonts& fonts();
void set_fonts(const Fonts& fonts);

// Sets the palette and ImGui's own style for `theme`, sized for the current
// fonts. `ui_scale` is the monitor's content scale, for minimum touch sizes.
void apply_theme(Theme theme, float ui_scale);

float em();  // the body font size, in ImGui units
// The size `font` is drawn at, in ImGui units (its pixel size scaled back by
// io.FontGlobalScale on high-density screens).
float font_size(const ImFont* font);
float touch_target();  // the smallest height a control may have (44 px scaled)

// The fixed verdict colours (Paul Tol's high-contrast scheme, which stays
// distinct for every common colour-vision deficiency and in greyscale),
// the colour of text on them, and the symbol each verdict carries so colour
// is never the only cue.
ImU32 verdict_colour(Verdict verdict);
ImU32 on_verdict_colour(Verdict verdict);
ImU32 verdict_tint(Verdict verdict);  // a pale wash of the colour, for highlights
const char* verdict_symbol(Verdict verdict);

// The WCAG 2.2 contrast ratio of `ink` drawn over `under` (1 to 21), from
// their relative luminance; a translucent ink is blended over `under` first.
double contrast_ratio(ImU32 ink, ImU32 under);

// Near-black or white, whichever reads better on `fill` laid over `under`.
ImU32 readable_ink(ImU32 fill, ImU32 under);

ImU32 stance_colour(Stance stance);
const char* stance_label(Stance stance);  // "corroborates", with a symbol

}  // namespace claimdeck::ui

// Every pair of colours the screens draw one on the other meets WCAG 2.2's
// contrast minimums in every theme, computed from the themes' own colours:
// 4.5:1 for text (1.4.3), 3:1 for what identifies a control or its state
// (1.4.11). Verdict buttons are named by their text and symbol, so their fill
// against the page is not a boundary that must contrast; the text on them is.
#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>  // ImLerp

#include <string>
#include <vector>

#include "imgui_context.hpp"
#include "theme.hpp"

using namespace claimdeck;
using namespace claimdeck::ui;

namespace {

struct Pair {
    std::string name;
    ImU32 ink;
    ImU32 under;
    double minimum;
};

constexpr double kText = 4.5;
constexpr double kControl = 3.0;

std::vector<Pair> pairs_drawn(const Palette& p) {
    std::vector<Pair> pairs;
    const std::vector<std::pair<const char*, ImU32>> grounds = {{"background", p.background},
                                                                {"surface", p.surface},
                                                                {"surface_sunken", p.surface_sunken},
                                                                {"mark (a hovered button)", p.mark}};
    for (const auto& [ground, colour] : grounds) {
        pairs.push_back({std::string("text on ") + ground, p.text, colour, kText});
        pairs.push_back({std::string("text_muted on ") + ground, p.text_muted, colour, kText});
    }
    for (const auto& [ground, colour] : grounds) {
        if (colour == p.mark) continue;  // a hovered button is drawn with the text's outline
        pairs.push_back({std::string("control_border on ") + ground, p.control_border, colour, kControl});
        pairs.push_back(
            {std::string("accent (primary button, chosen segment, focus) on ") + ground, p.accent, colour, kControl});
    }
    pairs.push_back({"accent_text on accent", p.accent_text, p.accent, kText});
    pairs.push_back({"error_text on error", p.error_text, p.error, kText});
    pairs.push_back(
        {"a tapped word (accent) against an untapped one (surface_sunken)", p.accent, p.surface_sunken, kControl});
    for (Verdict verdict : kAllVerdicts) {
        const std::string name(to_string(verdict));
        pairs.push_back(
            {"text on " + name + "'s verdict button", on_verdict_colour(verdict), verdict_colour(verdict), kText});
        // A technique's words in the quote: the tint laid over a card.
        const ImU32 tinted = ImGui::GetColorU32(ImLerp(ImGui::ColorConvertU32ToFloat4(p.surface),
                                                       ImGui::ColorConvertU32ToFloat4(verdict_colour(verdict)),
                                                       ImGui::ColorConvertU32ToFloat4(verdict_tint(verdict)).w));
        pairs.push_back({"text on the " + name + " tint over a card", p.text, tinted, kText});
    }
    return pairs;
}

}  // namespace

TEST_CASE("the contrast ratio is WCAG's: 21 for black on white, 1 for a colour on itself, translucent ink blended") {
    CHECK(contrast_ratio(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)) == doctest::Approx(21.0));
    CHECK(contrast_ratio(IM_COL32(255, 255, 255, 255), IM_COL32(0, 0, 0, 255)) == doctest::Approx(21.0));
    CHECK(contrast_ratio(IM_COL32(0x76, 0x76, 0x76, 255), IM_COL32(255, 255, 255, 255)) ==
          doctest::Approx(4.54).epsilon(0.01));  // #767676, the lightest grey that passes on white
    CHECK(contrast_ratio(IM_COL32(0x12, 0x34, 0x56, 255), IM_COL32(0x12, 0x34, 0x56, 255)) == doctest::Approx(1.0));
    CHECK(contrast_ratio(IM_COL32(0, 0, 0, 0), IM_COL32(255, 255, 255, 255)) == doctest::Approx(1.0));
}

TEST_CASE("every theme's text and controls meet WCAG 2.2 contrast against what they are drawn on") {
    ImGuiContextScope imgui;
    for (Theme theme : {Theme::Light, Theme::Dark, Theme::HighContrast}) {
        CAPTURE(static_cast<int>(theme));
        apply_theme(theme, 1.0f);
        for (const Pair& pair : pairs_drawn(palette())) {
            CAPTURE(pair.name);
            CHECK(contrast_ratio(pair.ink, pair.under) >= pair.minimum);
        }
        // ImGui draws its own frames and focus with these.
        const ImGuiStyle& style = ImGui::GetStyle();
        CHECK(ImGui::ColorConvertFloat4ToU32(style.Colors[ImGuiCol_Border]) == palette().control_border);
        CHECK(ImGui::ColorConvertFloat4ToU32(style.Colors[ImGuiCol_NavHighlight]) == palette().accent);
    }
}

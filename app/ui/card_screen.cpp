#include "card_screen.hpp"

#include <array>
#include <cmath>
#include <string>

#include "claim_parts.hpp"
#include "rich_text.hpp"

namespace claimdeck::ui {
namespace {

constexpr const char* kKeys[] = {"1", "2", "3"};
constexpr const char* kVerdictIds[] = {"##verdict1", "##verdict2", "##verdict3"};
constexpr const char* kConfidenceIds[] = {"##sure1", "##sure2", "##sure3"};

struct DrawnButton {
    int frame = -1;
    ImRect box;
};
std::array<DrawnButton, 3>& drawn_verdict_buttons() {
    static std::array<DrawnButton, 3> drawn;
    return drawn;
}

// Brings a card that just opened into view: its bottom to the page's bottom
// (above a fixed footer, which the page ends at), or its top to the page's
// top when it is taller than the page.
void scroll_into_view(const ImRect& box) {
    const float page_top = ImGui::GetWindowPos().y;
    const float page_bottom = page_top + ImGui::GetWindowHeight();
    if (box.Max.y <= page_bottom && box.Min.y >= page_top) return;
    if (box.GetHeight() < page_bottom - page_top)
        ImGui::SetScrollFromPosY(box.Max.y - page_top + ImGui::GetStyle().ItemSpacing.y, 1.0f);
    else
        ImGui::SetScrollFromPosY(box.Min.y - page_top, 0.0f);
}

void hint_card(const Deck& deck, const Claim& claim, const Column& column, CardView& view) {
    const Article* article = deck.article(claim.article);
    if (!article) return;
    begin_card(column);
    text_block("Context from the article", fonts().bold, palette().text_muted);
    vertical_space(0.3f);
    quote_in_paragraph(*article, claim, {}, card_inner_width(column));
    view.hint_box = end_card(palette().surface_sunken);
    if (view.scroll_to_hint) scroll_into_view(view.hint_box);
    view.scroll_to_hint = false;
}

// The paragraph around the quote (until shown) and the verdicts'
// definitions: side by side where there is room for both labels.
Action help_buttons(bool offer_hint, const Column& column) {
    Action action;
    const bool side_by_side = offer_hint && column.width >= 30 * em();
    const float each = side_by_side ? std::floor((column.width - ImGui::GetStyle().ItemSpacing.x) / 2) : column.width;
    if (offer_hint) {
        if (button(with_key("Show the paragraph", "H").c_str(), each) || typed('h') || typed('H'))
            take(action, act::ShowHint{});
        if (side_by_side) ImGui::SameLine();
    }
    if (button("What the verdicts mean", each)) take(action, act::ToggleDefinitions{});
    return action;
}

// Once a verdict is picked the three stay where they were, the chosen one
// marked and the others plain: a second click of a double click lands on
// the same verdict again, and another verdict can still be chosen.
Action verdict_buttons(const std::optional<Verdict>& picked, const Column& column) {
    Action action;
    for (Verdict verdict : kAllVerdicts) {
        const std::size_t i = index_of(verdict);
        const bool plain = picked && *picked != verdict;
        const std::string label =
            std::string(display_name(verdict)) + (picked == verdict ? "  \u2014 your verdict" : "");
        BigButton look{kVerdictIds[i],
                       verdict_symbol(verdict),
                       label,
                       picked ? nullptr : kKeys[i],
                       plain ? palette().surface : verdict_colour(verdict),
                       plain ? palette().text : on_verdict_colour(verdict)};
        const bool clicked = big_button(look, column.width);
        drawn_verdict_buttons()[i] = {ImGui::GetFrameCount(), {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()}};
        if (clicked || (!picked && typed(kKeys[i][0]))) take(action, act::PickVerdict{verdict});
    }
    return action;
}

std::string confidence_question() { return "How sure are you?"; }

// One row of three, as "How sure? 50 % · 70 % · 90 %" reads.
Action confidence_buttons(const Column& column) {
    Action action;
    text_block(confidence_question(), fonts().bold, 0, column.width);
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float each = std::floor((column.width - 2 * spacing) / 3);
    const bool room_for_keys = each >= 8 * em();
    for (std::size_t i = 0; i < kStatedConfidences.size(); ++i) {
        const Confidence confidence = kStatedConfidences[i];
        const std::string label = std::to_string(percent(confidence)) + " %";
        if (i > 0) ImGui::SameLine(0, spacing);
        BigButton look{kConfidenceIds[i], nullptr,       label, room_for_keys ? kKeys[i] : nullptr,
                       palette().surface, palette().text};
        look.centred = true;
        if (big_button(look, each) || typed(kKeys[i][0])) take(action, act::PickConfidence{confidence});
    }
    return action;
}

float confidence_height(const Column& column) {
    Paragraph paragraph;
    const std::string question = confidence_question();
    paragraph.text = question;
    paragraph.font = fonts().bold;
    return paragraph_height(paragraph, column.width) + ImGui::GetStyle().ItemSpacing.y + big_button_height();
}

float verdicts_height() { return 3 * big_button_height() + 2 * ImGui::GetStyle().ItemSpacing.y; }

float footer_padding() { return std::round(0.6f * em()); }

}  // namespace

void draw_claim_card(const Deck& deck, const Claim& claim, const Column& column, CardView& view) {
    begin_card(column);
    text_block(kJudgeTheClaim, fonts().small, palette().text_muted, card_inner_width(column));
    vertical_space(0.2f);
    text_block(claim.text, fonts().claim, 0, card_inner_width(column));
    vertical_space(0.4f);
    if (const Article* article = deck.article(claim.article))
        text_block(source_line(*article), fonts().small, palette().text_muted, card_inner_width(column));
    view.claim_box = end_card();
}

// The confidence row never takes the place of the verdict just pressed: it
// comes under the verdicts, which stay where they were.
Action draw_sources_button(const Deck& deck, const Column& column, bool next_step) {
    if (deck.articles.size() < 2) return {};
    const std::string label = with_key("Check other sources", "S");
    const bool clicked = next_step ? primary_button(label.c_str(), column.width) : button(label.c_str(), column.width);
    if (clicked || typed('s') || typed('S')) return act::CheckSources{};
    return {};
}

Action draw_answer_buttons(const CardView& view, const Column& column) {
    Action action = verdict_buttons(view.picked, column);
    if (view.picked) {
        vertical_space(0.4f);
        take(action, confidence_buttons(column));
    }
    return action;
}

std::optional<ImRect> verdict_button_this_frame(Verdict verdict) {
    const DrawnButton& drawn = drawn_verdict_buttons()[index_of(verdict)];
    if (drawn.frame != ImGui::GetFrameCount()) return std::nullopt;
    return drawn.box;
}

bool answers_in_footer() { return ImGui::GetMainViewport()->WorkSize.x < 32 * em(); }

float card_footer_height(const CardView& view) {
    float height = verdicts_height();
    if (view.picked) height += confidence_height(page_column(36 * em())) + ImGui::GetStyle().ItemSpacing.y;
    return std::round(height + 2 * footer_padding());
}

// In the footer the confidence row goes above the verdicts: the bar grows
// upwards and the verdicts stay at the bottom, where the thumb left them.
Action draw_card_footer(const CardView& view) {
    const float top = ImGui::GetCursorScreenPos().y;
    const float height = card_footer_height(view);
    footer_background(height);
    const Column column = page_column(36 * em());
    InColumn in(column);
    Action action;
    if (view.picked) {
        ImGui::SetCursorScreenPos(ImVec2(column.x, top + footer_padding()));
        action = confidence_buttons(column);
    }
    ImGui::SetCursorScreenPos(ImVec2(column.x, top + height - footer_padding() - verdicts_height()));
    take(action, verdict_buttons(view.picked, column));
    return action;
}

Action draw_card_screen(const StudyApp& app, CardView& view) {
    const StudySession* session = app.session();
    const Claim* claim = session ? session->current() : nullptr;
    if (!claim) return act::Go{Screen::Done};

    const Column column = page_column(36 * em());
    InColumn in(column);
    vertical_space(1.0f);
    draw_claim_card(app.deck(), *claim, column, view);
    if (view.hint_shown) hint_card(app.deck(), *claim, column, view);
    Action action = help_buttons(!view.hint_shown && app.deck().article(claim->article), column);
    take(action, draw_sources_button(app.deck(), column));
    vertical_space(0.6f);
    if (!answers_in_footer()) take(action, draw_answer_buttons(view, column));
    vertical_space(0.6f);
    if (button("End session now", column.width)) take(action, act::EndSession{});
    vertical_space(1.0f);
    return action;
}

}  // namespace claimdeck::ui

#include "card_screen.hpp"

#include <cmath>
#include <string>

#include "claim_parts.hpp"
#include "rich_text.hpp"

namespace claimdeck::ui {
namespace {

constexpr const char* kKeys[] = {"1", "2", "3"};
constexpr const char* kVerdictIds[] = {"##verdict1", "##verdict2", "##verdict3"};
constexpr const char* kConfidenceIds[] = {"##sure1", "##sure2", "##sure3"};

Action hint(const Deck& deck, const Claim& claim, const Column& column, const CardView& view) {
    const Article* article = deck.article(claim.article);
    if (!article) return {};
    if (!view.hint_shown) {
        return button("Show context  (H)", column.width) || typed('h') || typed('H') ? Action(act::ShowHint{})
                                                                                     : Action();
    }
    begin_card(column);
    text_block("Context from the article", fonts().bold, palette().text_muted);
    vertical_space(0.3f);
    quote_in_paragraph(*article, claim, {}, card_inner_width(column));
    end_card(palette().surface_sunken);
    return {};
}

Action verdict_buttons(const Column& column) {
    Action action;
    for (Verdict verdict : kAllVerdicts) {
        const std::size_t i = index_of(verdict);
        BigButton look{kVerdictIds[i], verdict_symbol(verdict), display_name(verdict),
                       kKeys[i],       verdict_colour(verdict), on_verdict_colour(verdict)};
        if (big_button(look, column.width) || typed(kKeys[i][0])) take(action, act::PickVerdict{verdict});
    }
    return action;
}

std::string confidence_question(Verdict picked) {
    return "You said " + std::string(display_name(picked)) + ". How sure are you?";
}

// One row of three, as "How sure? 50 % · 70 % · 90 %" reads.
Action confidence_buttons(Verdict picked, const Column& column) {
    Action action;
    text_block(confidence_question(picked), fonts().bold, 0, column.width);
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

float footer_padding() { return std::round(0.6f * em()); }

}  // namespace

void draw_claim_card(const Deck& deck, const Claim& claim, const Column& column, CardView& view) {
    begin_card(column);
    text_block(claim.text, fonts().claim, 0, card_inner_width(column));
    vertical_space(0.4f);
    if (const Article* article = deck.article(claim.article))
        text_block(source_line(*article), fonts().small, palette().text_muted, card_inner_width(column));
    view.claim_box = end_card();
}

Action draw_answer_buttons(const CardView& view, const Column& column) {
    return view.picked ? confidence_buttons(*view.picked, column) : verdict_buttons(column);
}

bool answers_in_footer() { return ImGui::GetMainViewport()->WorkSize.x < 32 * em(); }

float card_footer_height(const CardView& view) {
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    float height = view.picked ? big_button_height() : 3 * big_button_height() + 2 * spacing;
    if (view.picked) {
        const std::string question = confidence_question(*view.picked);
        Paragraph paragraph;
        paragraph.text = question;
        paragraph.font = fonts().bold;
        height += paragraph_height(paragraph, page_column(36 * em()).width) + spacing;
    }
    return std::round(height + 2 * footer_padding());
}

Action draw_card_footer(const CardView& view) {
    const float top = ImGui::GetCursorScreenPos().y;
    footer_background(card_footer_height(view));
    const Column column = page_column(36 * em());
    ImGui::SetCursorScreenPos(ImVec2(column.x, top + footer_padding()));
    InColumn in(column);
    return draw_answer_buttons(view, column);
}

Action draw_card_screen(const StudyApp& app, CardView& view) {
    const StudySession* session = app.session();
    const Claim* claim = session ? session->current() : nullptr;
    if (!claim) return act::Go{Screen::Done};

    const Column column = page_column(36 * em());
    InColumn in(column);
    vertical_space(1.0f);
    draw_claim_card(app.deck(), *claim, column, view);
    Action action = hint(app.deck(), *claim, column, view);
    vertical_space(0.6f);
    if (!answers_in_footer()) take(action, draw_answer_buttons(view, column));
    vertical_space(1.0f);
    return action;
}

}  // namespace claimdeck::ui

#include "reveal_screen.hpp"

#include <cctype>
#include <cfloat>
#include <cmath>
#include <string>

#include "claim_parts.hpp"
#include "content/quote_marks.hpp"
#include "content/techniques.hpp"

namespace claimdeck::ui {
namespace {

void verdict_banner(const Claim& claim, const std::optional<AnswerOutcome>& outcome, const Column& column) {
    if (!outcome)
        draw_verdict_banner(claim, "It is " + upper(display_name(claim.verdict)), "", column);
    else
        draw_verdict_banner(claim, answer_headline(claim.verdict, outcome->picked), sure_note(outcome->confidence),
                            column);
}

// `in_study`: opened from a session, so the article is one step away; from
// the reader it is the step back.
Action claim_card(const Deck& deck, const Claim& claim, const std::vector<Span>& figures, const Column& column,
                  bool in_study) {
    const float width = card_inner_width(column);
    const Article* article = deck.article(claim.article);
    Action action;
    begin_card(column);
    text_block(claim.text, fonts().claim, 0, width);
    if (article) {
        vertical_space(0.3f);
        text_block(source_line(*article), fonts().small, palette().text_muted, width);
        vertical_space(0.6f);
        quote_in_paragraph(*article, claim, layered(technique_marks(claim), figure_marks(figures)), width);
        if (!claim.techniques.empty() || !figures.empty())
            text_block(
                "The article's words are shaded; underlined in red: the words that carry a technique; "
                "bold: figures the sources disagree on.",
                fonts().small, palette().text_muted, width);
        if (in_study) {
            vertical_space(0.3f);
            if (button("Open the whole article")) action = act::ReadArticle{claim.article, claim.id};
        }
    }
    end_card();
    return action;
}

// The figures the sources disagree on, side by side in one line.
void figures_card(const Claim& claim, const std::vector<std::vector<Span>>& figures, const Column& column) {
    const std::string line = figures_across_sources(quotes_of(claim), figures);
    if (line.empty()) return;
    const float width = card_inner_width(column);
    begin_card(column);
    text_block("Figures across sources", fonts().bold, palette().text_muted, width);
    text_block(line, nullptr, 0, width);
    end_card(palette().surface_sunken);
}

void evidence_cards(const Deck& deck, const Claim& claim, const std::vector<std::vector<Span>>& figures,
                    const Column& column) {
    heading("What the other sources say");
    if (claim.evidence.empty()) {
        begin_card(column);
        muted("No other article speaks to this.", card_inner_width(column));
        end_card(palette().surface_sunken);
        return;
    }
    for (std::size_t i = 0; i < claim.evidence.size(); ++i) {
        const Evidence& evidence = claim.evidence[i];
        const float width = card_inner_width(column);
        begin_card(column);
        const Article* article = deck.article(evidence.article);
        text_block(article ? article->title : evidence.article, fonts().bold, 0, width);
        vertical_space(0.2f);
        chip(stance_label(evidence.stance), stance_colour(evidence.stance), IM_COL32(0x1A, 0x1A, 0x1A, 0xFF));
        vertical_space(0.2f);
        Paragraph quote;
        const std::string quoted = "\u201C" + evidence.quote + "\u201D";
        quote.text = quoted;
        // The marks are offsets into the bare quote; the opening mark is 3 bytes.
        for (StyledRange mark : figure_marks(figures[i + 1]))
            quote.ranges.push_back({{mark.span.begin + 3, mark.span.end + 3}, mark.style});
        rich_text(quote, width);
        end_card();
    }
    figures_card(claim, figures, column);
}

void known_now_card(const Claim& claim, const Column& column) {
    if (claim.known_now.empty()) return;
    const float width = card_inner_width(column);
    begin_card(column);
    text_block("Known now \u2014 from outside the articles", fonts().bold, palette().text_muted, width);
    text_block(claim.known_now, nullptr, 0, width);
    end_card(palette().surface_sunken);
}

std::string review_note(const StudyApp& app, const RevealView& view) {
    if (view.outcome && app.session() && app.session()->practice()) {
        const std::string again = view.outcome->comes_back_this_session ? " It comes back later in this practice." : "";
        return "Practice: the schedule stays as it was." + again;
    }
    std::optional<CardState> state = view.outcome ? view.outcome->new_state : app.card_state(view.claim->id);
    if (!state) return "";
    std::string note = "Next review: " + describe_next_review(app.now(), state->due_ms);
    if (view.outcome && view.outcome->comes_back_this_session) note += ", and again later in this session";
    return note + ".";
}

// Where the footer's note and buttons go. Narrow windows put the note
// above the buttons; wide ones beside them.
struct FooterLayout {
    Column column;
    bool stacked = false;
    ImFont* note_font = nullptr;
    float note_width = 0;
    float note_height = 0;
    float buttons_width = 0;
    float content_height = 0;
    float padding = 0;
    float height = 0;
};

FooterLayout footer_layout(const std::string& note) {
    FooterLayout layout;
    layout.column = page_column(78 * em());
    layout.stacked = ImGui::GetWindowWidth() < 44 * em();
    layout.note_font = layout.stacked ? fonts().small : fonts().body;
    const ImVec2 spacing = ImGui::GetStyle().ItemSpacing;
    layout.buttons_width = layout.stacked ? layout.column.width : std::min(26 * em(), layout.column.width / 2);
    layout.note_width = layout.stacked ? layout.column.width : layout.column.width - layout.buttons_width - spacing.x;
    ImFont* font = layout.note_font;
    const float size = font_size(font);
    layout.note_height = font->CalcTextSizeA(size, FLT_MAX, layout.note_width, note.c_str()).y;
    layout.content_height =
        layout.stacked ? layout.note_height + spacing.y + touch_target() : std::max(layout.note_height, touch_target());
    layout.padding = std::round(0.6f * em());
    layout.height = std::round(2 * layout.padding + layout.content_height);
    return layout;
}

}  // namespace

std::string upper(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::string answer_headline(Verdict truth, Verdict picked) {
    if (picked == truth) return "\u2713  Right \u2014 it is " + upper(display_name(truth));
    return "\u2717  You said " + std::string(display_name(picked)) + " \u2014 it is " + upper(display_name(truth));
}

std::string sure_note(Confidence confidence) {
    if (confidence == Confidence::Unstated) return "";
    return "You were " + std::to_string(percent(confidence)) + " % sure.";
}

void draw_verdict_banner(const Claim& claim, const std::string& headline, const std::string& note,
                         const Column& column) {
    const ImU32 ink = on_verdict_colour(claim.verdict);
    InColumn in(column);
    begin_card(column);
    text_block(headline, fonts().heading, ink, card_inner_width(column));
    if (!note.empty()) text_block(note, nullptr, ink, card_inner_width(column));
    announce(note.empty() ? headline : headline + ". " + note);
    end_card(verdict_colour(claim.verdict), verdict_colour(claim.verdict));
}

std::string why_not_propaganda(const Claim& claim) {
    if (claim.verdict == Verdict::Propaganda || claim.techniques.empty()) return "";
    const char* what = claim.verdict == Verdict::Contested ? "is disputed, not invented" : "checks out";
    return std::string("Why not Propaganda? A technique is at work in the wording, but what is claimed ") + what +
           ". The verdict judges the claim, not how it is worded.";
}

void draw_reasons_card(const Claim& claim, const Column& column) {
    const float width = card_inner_width(column);
    begin_card(column);
    text_block("Why", fonts().heading, 0, width);
    text_block(claim.rationale, nullptr, 0, width);
    for (const TechniqueUse& use : claim.techniques) {
        vertical_space(0.5f);
        text_block(use.name, fonts().bold, 0, width);
        if (const TechniqueInfo* info = find_technique(use.name))
            text_block(info->definition, nullptr, palette().text_muted, width);
    }
    if (const std::string note = why_not_propaganda(claim); !note.empty()) {
        vertical_space(0.5f);
        text_block(note, fonts().bold, 0, width);
    }
    end_card();
}

float reveal_footer_height(const StudyApp& app, const RevealView& view) {
    return view.claim ? footer_layout(review_note(app, view)).height : 0;
}

Action draw_reveal_footer(const StudyApp& app, const RevealView& view) {
    if (!view.claim) return {};
    const std::string note = review_note(app, view);
    const FooterLayout layout = footer_layout(note);
    const float top = ImGui::GetCursorScreenPos().y + layout.padding;
    footer_background(layout.height);
    const float note_y = layout.stacked ? top : top + (layout.content_height - layout.note_height) / 2;
    ImGui::SetCursorScreenPos(ImVec2(layout.column.x, std::round(note_y)));
    ImGui::PushFont(layout.note_font);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + layout.note_width);
    ImGui::TextUnformatted(note.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();

    Action action;
    const float buttons_y = layout.stacked ? top + layout.content_height - touch_target()
                                           : top + (layout.content_height - touch_target()) / 2;
    ImGui::SetCursorScreenPos(
        ImVec2(layout.column.x + layout.column.width - layout.buttons_width, std::round(buttons_y)));
    if (!view.outcome) {
        if (primary_button("Back to the article", layout.buttons_width)) take(action, act::Back{});
        return action;
    }
    // The keys are named only where there is a keyboard to press them, and room.
    const std::string undo_label = layout.stacked ? "Undo" : with_key("Undo", "Ctrl+Z");
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float undo_width = std::max(std::floor((layout.buttons_width - spacing) / 3),
                                      ImGui::CalcTextSize(undo_label.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x);
    if (button(undo_label.c_str(), undo_width)) take(action, act::Undo{});
    ImGui::SameLine();
    const std::string next_label = layout.stacked ? "Next" : with_key("Next", "Space");
    if (primary_button(next_label.c_str(), layout.buttons_width - undo_width - spacing) || pressed(ImGuiKey_Space) ||
        pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeyPadEnter))
        take(action, act::Next{});
    return action;
}

Action draw_reveal_screen(const StudyApp& app, const RevealView& view) {
    if (!view.claim) return act::Back{};
    const Claim& claim = *view.claim;
    const std::vector<std::vector<Span>> figures = differing_numbers(quotes_of(claim));

    const auto [page, left, right, wide] = page_columns(78 * em(), 36 * em());

    vertical_space(1.0f);
    verdict_banner(claim, view.outcome, wide ? page : left);

    const float top = ImGui::GetCursorScreenPos().y;
    Action action;
    float left_bottom = 0;
    {
        InColumn in(left);
        action = claim_card(app.deck(), claim, figures[0], left, view.outcome.has_value());
        draw_reasons_card(claim, left);
        if (button("What the verdicts mean", left.width)) take(action, act::ToggleDefinitions{});
        known_now_card(claim, left);
        left_bottom = ImGui::GetCursorScreenPos().y;
    }
    if (wide) ImGui::SetCursorScreenPos(ImVec2(right.x, top));
    {
        InColumn in(right);
        evidence_cards(app.deck(), claim, figures, right);
    }
    ImGui::SetCursorScreenPos(ImVec2(page.x, std::max(left_bottom, ImGui::GetCursorScreenPos().y)));
    vertical_space(0.5f);
    return action;
}

}  // namespace claimdeck::ui

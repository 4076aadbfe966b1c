#include "article_screen.hpp"

#include <algorithm>
#include <string>
#include <string_view>

#include "claim_parts.hpp"
#include "rich_text.hpp"

namespace claimdeck::ui {
namespace {

int claim_count(const Deck& deck, const std::string& article_id) {
    int count = 0;
    for (const Claim& claim : deck.claims) count += claim.article == article_id ? 1 : 0;
    return count;
}

void article_list(const Deck& deck, ArticleView& view, const Column& column) {
    heading("Articles");
    muted("The sources every claim in this deck comes from.", column.width);
    vertical_space(0.5f);
    for (const Article& article : deck.articles) {
        const int claims = claim_count(deck, article.id);
        const std::string label =
            source_line(article) + "\n" + std::to_string(claims) + (claims == 1 ? " claim" : " claims");
        ImGui::PushID(article.id.c_str());
        if (content_button(label, column.width)) {
            view = {};
            view.article_id = article.id;
            view.focus_claim.reset();
            view.scroll_to_focus = true;
        }
        ImGui::PopID();
    }
}

// Drops the paragraph at the start of `text` when it is exactly `expected`.
std::string_view skip_paragraph(std::string_view text, std::string_view expected) {
    const std::size_t end = text.find("\n\n");
    if (end != std::string_view::npos && text.substr(0, end) == expected) return text.substr(end + 2);
    return text;
}

// The article's text without the title and byline lines that only repeat
// what the card above it shows.
std::string_view body_of(const Article& article) {
    std::string_view text = skip_paragraph(article.text, article.title);
    if (!article.byline.empty()) text = skip_paragraph(text, "by " + article.byline);
    return text;
}

std::vector<StyledRange> claim_marks(const StudyApp& app, const Article& article, std::size_t offset,
                                     const std::optional<std::string>& focus) {
    std::vector<StyledRange> marks;
    const Deck& deck = app.deck();
    for (std::size_t i = 0; i < deck.claims.size(); ++i) {
        const Claim& claim = deck.claims[i];
        if (claim.article != article.id || claim.span.begin < offset) continue;
        TextStyle style;
        style.tag = static_cast<int>(i);
        // Unanswered claims are only underlined, so their verdicts stay a surprise.
        const bool answered = app.card_state(claim.id).has_value();
        if (answered) style.background = verdict_tint(claim.verdict);
        style.underline = answered ? verdict_colour(claim.verdict) : palette().text_muted;
        if (focus && *focus == claim.id) style.bold = true;
        marks.push_back({{claim.span.begin - offset, claim.span.end - offset}, style});
    }
    std::sort(marks.begin(), marks.end(),
              [](const StyledRange& a, const StyledRange& b) { return a.span.begin < b.span.begin; });
    return layered({}, marks);
}

// The paragraph found by a search, marked; its tag is 0, for its place.
std::vector<StyledRange> source_mark(const Span& paragraph, std::size_t offset, std::size_t body_size) {
    if (paragraph.end <= offset) return {};  // the title's paragraph, shown above the text
    TextStyle style;
    style.tag = 0;
    style.background = palette().mark;
    const std::size_t begin = std::max(paragraph.begin, offset) - offset;
    return {{{begin, std::min(paragraph.end - offset, body_size)}, style}};
}

// Chips in a row that wraps to the column's width.
void chip_row(const std::vector<std::pair<std::string, std::pair<ImU32, ImU32>>>& chips, const Column& column) {
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    for (std::size_t i = 0; i < chips.size(); ++i) {
        const auto& [label, colours] = chips[i];
        if (i > 0 && ImGui::GetItemRectMax().x + spacing + chip_size(label).x <= column.x + column.width)
            ImGui::SameLine();
        chip(label, colours.first, colours.second);
    }
}

void legend(const Column& column) {
    std::vector<std::pair<std::string, std::pair<ImU32, ImU32>>> chips;
    for (Verdict verdict : kAllVerdicts)
        chips.push_back({std::string(verdict_symbol(verdict)) + " " + std::string(display_name(verdict)),
                         {verdict_colour(verdict), on_verdict_colour(verdict)}});
    chips.push_back({"underlined: not answered yet", {palette().mark, palette().text}});
    chip_row(chips, column);
}

// An article opened from "Check other sources": plain text but for the
// paragraph found, which is scrolled to.
void source_page(const Article& article, ArticleView& view, const Column& column) {
    begin_card(column);
    const float width = card_inner_width(column);
    text_block(article.title, fonts().heading, 0, width);
    if (!article.byline.empty()) text_block("by " + article.byline, nullptr, palette().text_muted, width);
    vertical_space(0.6f);
    const std::string_view body = body_of(article);
    const std::size_t offset = static_cast<std::size_t>(body.data() - article.text.data());
    Paragraph paragraph;
    paragraph.text = body;
    paragraph.ranges = source_mark(*view.source_paragraph, offset, body.size());
    view.claims_marked = 0;
    paragraph.line_height = 1.55f;
    const RichTextResult result = rich_text(paragraph, width);
    end_card();
    if (auto top = result.tag_top.find(0); view.scroll_to_focus && top != result.tag_top.end())
        ImGui::SetScrollFromPosY(top->second - ImGui::GetWindowPos().y, 0.3f);
    view.scroll_to_focus = false;
}

// Each answered claim's first word is also a button, for the keyboard and a
// screen reader: Tab reaches it and Enter opens the answer, as a click on
// any of its words does.
template <typename Answered>
Action answered_claim_buttons(const Deck& deck, const RichTextResult& text, Answered answered) {
    Action action;
    const ImVec2 after_text = ImGui::GetCursorScreenPos();
    for (const auto& [tag, box] : text.tag_first_box) {
        if (!answered(tag)) continue;
        const Claim& claim = deck.claims[static_cast<std::size_t>(tag)];
        ImGui::SetCursorScreenPos(box.Min);
        ImGui::PushID(tag);
        if (ImGui::InvisibleButton("##claim", box.GetSize())) action = act::OpenClaim{claim.id};
        outline_control(Role::Button, "Open the answer: " + claim.text);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open this claim's answer");
        ImGui::PopID();
    }
    ImGui::SetCursorScreenPos(after_text);
    return action;
}

Action article_page(const StudyApp& app, const Article& article, ArticleView& view, const Column& column) {
    Action action;
    const float width = card_inner_width(column);
    if (button("All articles")) {
        view = {};
        return {};
    }
    legend(column);
    vertical_space(0.3f);
    begin_card(column);
    text_block(article.title, fonts().heading, 0, width);
    if (!article.byline.empty()) text_block("by " + article.byline, nullptr, palette().text_muted, width);
    if (!article.provenance.empty()) text_block(article.provenance, fonts().small, palette().text_muted, width);
    vertical_space(0.6f);

    const std::string_view body = body_of(article);
    const std::size_t offset = static_cast<std::size_t>(body.data() - article.text.data());
    Paragraph paragraph;
    paragraph.text = body;
    paragraph.ranges = claim_marks(app, article, offset, view.focus_claim);
    view.claims_marked = static_cast<int>(paragraph.ranges.size());
    paragraph.line_height = 1.55f;
    const RichTextResult result = rich_text(paragraph, width);
    const Deck& deck = app.deck();
    auto answered = [&](int tag) { return app.card_state(deck.claims[static_cast<std::size_t>(tag)].id).has_value(); };
    take(action, answered_claim_buttons(deck, result, answered));
    end_card();

    // A mouse learns from the tooltip; a finger has no hover, so a tap says it.
    if (result.hovered_tag >= 0)
        ImGui::SetTooltip("%s", answered(result.hovered_tag) ? "Open this claim's answer"
                                                             : "A claim in the deck: answer it to see its verdict");
    if (result.clicked_tag >= 0 && answered(result.clicked_tag))
        action = act::OpenClaim{deck.claims[static_cast<std::size_t>(result.clicked_tag)].id};
    else if (ImGui::IsMouseReleased(ImGuiMouseButton_Left))
        view.unanswered_tapped = result.clicked_tag >= 0;
    view.unanswered_claim.reset();
    for (const auto& [tag, box] : result.tag_first_box)
        if (!answered(tag) && !view.unanswered_claim && ImGui::IsRectVisible(box.Min, box.Max))
            view.unanswered_claim = box;
    if (view.scroll_to_focus && view.focus_claim) {
        auto index = deck.claim_index(*view.focus_claim);
        auto top = index ? result.tag_top.find(static_cast<int>(*index)) : result.tag_top.end();
        if (top != result.tag_top.end()) ImGui::SetScrollFromPosY(top->second - ImGui::GetWindowPos().y, 0.3f);
    }
    view.scroll_to_focus = false;
    return action;
}

}  // namespace

// Fixed above the page's bottom edge, so it is seen wherever the claim was.
void unanswered_note() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float width = std::min(26 * em(), viewport->WorkSize.x - 2 * em());
    ImGui::SetNextWindowPos(ImVec2(viewport->GetCenter().x, viewport->WorkPos.y + viewport->WorkSize.y - em()),
                            ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_AlwaysAutoResize;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em(), 0.8f * em()));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, palette().surface_sunken);
    ImGui::Begin("##unanswered", nullptr, flags);
    text_block(kUnansweredNote, nullptr, 0, width - 2 * em());
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
}

Action draw_article_screen(const StudyApp& app, ArticleView& view) {
    const Column column = page_column(38 * em());
    InColumn in(column);
    vertical_space(1.0f);
    const Article* article = view.article_id.empty() ? nullptr : app.deck().article(view.article_id);
    if (!article) {
        article_list(app.deck(), view, column);
        vertical_space(1.5f);
        return {};
    }
    if (view.source_paragraph) {
        source_page(*article, view, column);
        vertical_space(1.5f);
        return {};
    }
    Action action = article_page(app, *article, view, column);
    vertical_space(1.5f);
    if (view.unanswered_tapped) unanswered_note();
    return action;
}

}  // namespace claimdeck::ui

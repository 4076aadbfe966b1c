#include "technique_screen.hpp"

#include <cmath>
#include <string>

#include "content/quote_marks.hpp"
#include "content/techniques.hpp"
#include "number_text.hpp"
#include "reveal_screen.hpp"
#include "rich_text.hpp"

namespace claimdeck::ui {
namespace {

constexpr const char* kChoiceKeys[] = {"1", "2", "3", "4"};
constexpr const char* kChoiceIds[] = {"##technique1", "##technique2", "##technique3", "##technique4"};

std::string_view word_text(const TechniqueQuestion& question, const QuoteWord& word) {
    return std::string_view(question.claim->quote).substr(word.span.begin, word.span.end - word.span.begin);
}

// The quote answered: the words that carry the technique marked as the
// reveal marks them, the words tapped in bold, and a line saying which is which.
void answered_quote_card(const TechniqueQuestion& question, const TechniqueOutcome& outcome, const Column& column) {
    const float width = card_inner_width(column);
    const std::vector<Span> carrying = find_words(question.claim->quote, question.use->words);
    std::vector<Span> tapped;
    for (std::size_t i = 0; i < question.words.size(); ++i)
        if (outcome.picked_words[i]) tapped.push_back(question.words[i].span);
    TextStyle carries;
    carries.background = verdict_tint(Verdict::Propaganda);
    carries.underline = verdict_colour(Verdict::Propaganda);
    TextStyle bold;
    bold.bold = true;
    Paragraph quote;
    quote.text = question.claim->quote;
    quote.ranges = layered(styled(carrying, carries), styled(tapped, bold));
    begin_card(column);
    text_block("Technique card", fonts().small, palette().text_muted, width);
    vertical_space(0.2f);
    rich_text(quote, width);
    text_block("Underlined in red: the words that carry it. Bold: the words you tapped.", fonts().small,
               palette().text_muted, width);
    end_card();
}

// The four names as big buttons, keys 1 to 4; once one is picked it stays
// marked and another can still be chosen, as the verdicts do.
void choice_buttons(TechniqueView& view, const Column& column) {
    text_block("Which of these techniques is at work here?", fonts().bold, 0, column.width);
    const std::vector<std::string_view>& choices = view.question->choices;
    for (std::size_t i = 0; i < choices.size() && i < std::size(kChoiceKeys); ++i) {
        const bool chosen = view.picked == i;
        const std::string label = std::string(choices[i]) + (chosen ? "  \u2014 your answer" : "");
        BigButton look{kChoiceIds[i],
                       nullptr,
                       label,
                       kChoiceKeys[i],
                       chosen ? palette().accent : palette().surface,
                       chosen ? palette().accent_text : palette().text};
        if (big_button(look, column.width) || typed(kChoiceKeys[i][0])) view.picked = i;
    }
}

// One word of the quote to tap. A tapped word is filled and framed, so it
// is told apart by more than its colour.
bool word_toggle(std::string_view word, bool on, std::size_t index) {
    const Palette& p = palette();
    ImGui::PushID(static_cast<int>(index));
    ImGui::PushStyleColor(ImGuiCol_Button, on ? p.accent : p.surface_sunken);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, on ? p.accent : p.border);
    ImGui::PushStyleColor(ImGuiCol_Text, on ? p.accent_text : p.text);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, on ? 2.0f : 0.0f);
    ImGui::PushStyleColor(ImGuiCol_Border, p.text);
    const std::string label(word);
    const bool clicked = toggle_button((label + "##word").c_str(), 0, on);
    ImGui::PopStyleColor(4);
    ImGui::PopStyleVar();
    ImGui::PopID();
    return clicked;
}

// The quote itself, its words in rows as wide as the card, each a toggle:
// the quote is shown once, as what is tapped.
void quote_to_tap(TechniqueView& view, const Column& column) {
    const float width = card_inner_width(column);
    begin_card(column);
    text_block("Technique card", fonts().small, palette().text_muted, width);
    vertical_space(0.2f);
    text_block("Which words carry a technique? Tap them.", fonts().bold, 0, width);
    vertical_space(0.2f);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float right_edge = ImGui::GetCursorScreenPos().x + width;
    for (std::size_t i = 0; i < view.question->words.size(); ++i) {
        const std::string_view word = word_text(*view.question, view.question->words[i]);
        const float width = ImGui::CalcTextSize(word.data(), word.data() + word.size()).x + 2 * style.FramePadding.x;
        if (i > 0) {
            ImGui::SameLine(0, style.ItemSpacing.x / 2);
            if (ImGui::GetCursorScreenPos().x + width > right_edge) ImGui::NewLine();
        }
        if (word_toggle(word, view.words[i], i)) view.words[i] = !view.words[i];
    }
    end_card();
}

Action check_button(const TechniqueView& view, const Column& column) {
    if (!view.picked) {
        muted("Tap the words that carry it, and pick the technique.", column.width);
        return {};
    }
    const std::string label = with_key("Check", "Enter");
    if (primary_button(label.c_str(), column.width) || pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeyPadEnter))
        return act::AnswerTechnique{std::string(view.question->choices[*view.picked]), view.words};
    return {};
}

std::string words_carrying(const TechniqueQuestion& question) {
    std::string listed;
    for (const std::string& words : question.use->words)
        listed += (listed.empty() ? "\u201c" : ", \u201c") + words + "\u201d";
    return listed;
}

// "You found 2 of its 3 words, and tapped 1 that does not carry it."
std::string words_result(const TechniqueQuestion& question, const TechniqueOutcome& outcome) {
    int carrying = 0, found = 0, wrong = 0;
    for (std::size_t i = 0; i < question.words.size(); ++i) {
        const bool tapped = outcome.picked_words[i];
        if (question.words[i].carries) ++carrying;
        if (question.words[i].carries && tapped) ++found;
        if (!question.words[i].carries && !question.words[i].carries_another && tapped) ++wrong;
    }
    std::string said = "You found " + std::to_string(found) + " of its " + count_of(carrying, "word") + ", ";
    said += wrong == 0
                ? std::string("and tapped none that does not carry it.")
                : "and tapped " + std::to_string(wrong) + (wrong == 1 ? " that does" : " that do") + " not carry it.";
    return said;
}

void outcome_card(const TechniqueQuestion& question, const TechniqueOutcome& outcome, const Column& column) {
    const float width = card_inner_width(column);
    begin_card(column);
    const std::string headline = outcome.named
                                     ? "\u2713  Right \u2014 it is " + question.use->name
                                     : "\u2717  You said " + outcome.picked + " \u2014 it is " + question.use->name;
    text_block(headline, fonts().heading, 0, width);
    vertical_space(0.4f);
    text_block("The words that carry it: " + words_carrying(question), nullptr, 0, width);
    text_block(words_result(question, outcome), nullptr, palette().text_muted, width);
    // A technique in the wording does not make a claim propaganda: the
    // verdict is said, and why, as on the claim's reveal.
    vertical_space(0.4f);
    text_block("This claim's verdict: " + std::string(display_name(question.claim->verdict)) + ".", fonts().bold, 0,
               width);
    if (const std::string why = why_not_propaganda(*question.claim); !why.empty())
        text_block(why, nullptr, palette().text_muted, width);
    if (!outcome.save_error.empty()) {
        vertical_space(0.4f);
        text_block("This answer could not be saved. " + outcome.save_error, fonts().bold, palette().error, width);
    }
    end_card();
}

void definitions_card(const TechniqueQuestion& question, const TechniqueOutcome& outcome, const Column& column) {
    const float width = card_inner_width(column);
    begin_card(column);
    text_block("The four techniques", fonts().heading, 0, width);
    for (std::string_view name : question.choices) {
        vertical_space(0.4f);
        std::string title(name);
        if (name == question.use->name) title += "  \u2014 at work here";
        if (name == outcome.picked && !outcome.named) title += "  \u2014 your answer";
        text_block(title, fonts().bold, 0, width);
        if (const TechniqueInfo* info = find_technique(name))
            text_block(info->definition, nullptr, palette().text_muted, width);
    }
    end_card();
}

Action next_button(const Column& column) {
    const std::string label = with_key("Next", "Space");
    if (primary_button(label.c_str(), column.width) || pressed(ImGuiKey_Space) || pressed(ImGuiKey_Enter) ||
        pressed(ImGuiKey_KeyPadEnter))
        return act::Next{};
    return {};
}

}  // namespace

Action draw_technique_screen(TechniqueView& view) {
    if (!view.question) return act::Next{};
    const TechniqueQuestion& question = *view.question;
    view.words.resize(question.words.size());
    const Column column = page_column(36 * em());
    InColumn in(column);
    vertical_space(1.0f);
    Action action;
    if (!view.outcome) {
        quote_to_tap(view, column);
        vertical_space(0.4f);
        choice_buttons(view, column);
        vertical_space(0.6f);
        action = check_button(view, column);
    } else {
        answered_quote_card(question, *view.outcome, column);
        vertical_space(0.4f);
        // Next before the definitions, so it is in view without a scroll.
        outcome_card(question, *view.outcome, column);
        action = next_button(column);
        vertical_space(0.6f);
        definitions_card(question, *view.outcome, column);
    }
    vertical_space(1.0f);
    return action;
}

}  // namespace claimdeck::ui

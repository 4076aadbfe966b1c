#include "sources_screen.hpp"

#include <set>

#include "claim_parts.hpp"
#include "quiz_screen.hpp"

namespace claimdeck::ui {
namespace {

std::string count_line(const std::vector<SourcePassage>& found) {
    std::set<std::string> articles;
    for (const SourcePassage& passage : found) articles.insert(passage.article->id);
    const std::string paragraphs = std::to_string(found.size()) + (found.size() == 1 ? " paragraph" : " paragraphs");
    const std::string in = std::to_string(articles.size()) + (articles.size() == 1 ? " article" : " articles");
    return paragraphs + " in " + in + (found.size() == kMostSourcePassages ? " (the first shown: add a word)" : "");
}

Action passage_buttons(const std::vector<SourcePassage>& found, const Column& column) {
    Action action;
    for (std::size_t i = 0; i < found.size(); ++i) {
        const SourcePassage& passage = found[i];
        const std::string text =
            passage.article->text.substr(passage.span.begin, passage.span.end - passage.span.begin);
        ImGui::PushID(static_cast<int>(i));
        if (content_button(source_line(*passage.article) + "\n\n" + text, column.width))
            take(action, act::ReadSource{passage.article->id, passage.span});
        ImGui::PopID();
    }
    return action;
}

const std::vector<SourcePassage>& found_for(const StudyApp& app, const Claim& claim, SourcesView& view) {
    if (view.searched != view.words) {
        view.found = search_sources(app.deck(), view.words, claim.article);
        view.searched = view.words;
    }
    return view.found;
}

// A timed quiz's clock goes on while its pupil reads the other sources.
void quiz_clock(const StudyApp& app, const SourcesView& view, float width) {
    const QuizRun* run = app.class_quiz().run();
    if (view.card != CardAwaiting::ClassQuiz || !run) return;
    if (const std::optional<std::int64_t> remaining = run->remaining_ms())
        text_block(time_left_label(*remaining) + " on this card", fonts().bold, palette().text_muted, width);
}

}  // namespace

Action draw_sources_screen(const StudyApp& app, SourcesView& view) {
    const Claim* claim = app.card_awaiting_answer(view.card);
    if (!claim) return act::Back{};
    const Column column = page_column(38 * em());
    InColumn in(column);
    const float width = card_inner_width(column);
    Action action;
    vertical_space(1.0f);
    begin_card(column);
    text_block("Check other sources", fonts().heading, 0, width);
    muted(
        "What do the deck's other articles say? Search them for the claim's people, places or numbers, read what "
        "they say, then go back to answer.",
        width);
    vertical_space(0.3f);
    text_block(claim->text, fonts().bold, 0, width);
    quiz_clock(app, view, width);
    vertical_space(0.4f);
    if (view.focus_field) ImGui::SetKeyboardFocusHere();
    view.focus_field = false;
    text_field("##sources", "Words to look for, e.g. Khawak Pass", view.words, width);
    vertical_space(0.3f);
    if (primary_button("Back to the card", width)) take(action, act::Back{});
    end_card();

    const std::vector<SourcePassage>& found = found_for(app, *claim, view);
    vertical_space(0.6f);
    if (search_words(view.words).empty())
        muted("Type a word or two: every paragraph of the other articles that holds them all is shown.", column.width);
    else if (found.empty())
        muted("No paragraph of the other articles holds all of these words. Try fewer, or other ones.", column.width);
    else
        muted(count_line(found), column.width);
    take(action, passage_buttons(found, column));
    vertical_space(1.5f);
    return action;
}

}  // namespace claimdeck::ui

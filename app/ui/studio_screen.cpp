#include "studio_screen.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cmath>
#include <cstdio>

#include "content/house_style.hpp"
#include "content/techniques.hpp"
#include "file_buttons.hpp"
#include "reveal_screen.hpp"
#include "studio_text_view.hpp"

namespace claimdeck::ui {
namespace {

constexpr std::array<Stance, 3> kStances = {Stance::Corroborates, Stance::Contradicts, Stance::Qualifies};
const std::vector<std::string> kTabLabels = {"Articles", "Claim", "Evidence", "Topics", "Checks", "Try"};

const Claim* open_claim(const StudioApp& studio, const StudioView& view) {
    return studio.document().deck().claim(view.claim);
}

// A labelled multi-line field; the edit it makes when changed.
std::optional<std::string> long_field(const char* label, const std::string& value, float width, bool focus) {
    muted(label);
    std::string edited = value;
    if (focus) ImGui::SetKeyboardFocusHere();
    const std::string id = std::string("##") + label;
    const bool changed =
        ImGui::InputTextMultiline(id.c_str(), &edited, ImVec2(width, 4 * ImGui::GetTextLineHeightWithSpacing()));
    outline_control(Role::Field, label, false, edited);
    if (changed) return edited;
    return std::nullopt;
}

std::optional<std::string> short_field(const char* label, const std::string& value, float width, bool focus = false) {
    muted(label);
    std::string edited = value;
    if (focus) ImGui::SetKeyboardFocusHere();
    text_field((std::string("##") + label).c_str(), label, edited, width);
    if (edited != value) return edited;
    return std::nullopt;
}

// "Find words": the words typed, then Enter, become the selection in `text`,
// as a drag of the mouse over them would; Enter again finds the next place.
// The keyboard's (and a screen reader's) way to pick the words of a claim.
void find_words_field(const char* id, const std::string& text, std::string& query, std::optional<Span>& selection,
                      StudioView& view, float width) {
    if (view.focus_find) ImGui::SetKeyboardFocusHere();
    view.focus_find = false;
    if (!text_field(id, "Find words (Ctrl+F), then Enter", query, width)) return;
    const std::optional<Span> found = find_words(text, query, selection ? selection->begin + 1 : 0);
    if (found) selection = found;
    view.not_found = found ? "" : query;
    ImGui::SetKeyboardFocusHere(-1);  // Enter left the field; it stays for the next Enter
}

// What the next button will use, so the words are visible whoever selected them.
void selected_words(const std::string& text, const std::optional<Span>& selection, const StudioView& view,
                    float width) {
    if (!view.not_found.empty()) muted("\u201C" + view.not_found + "\u201D is not in the text.", width);
    if (!selection || selection->end > text.size()) return;
    const std::string shown =
        "Selected: \u201C" + text.substr(selection->begin, selection->end - selection->begin) + "\u201D";
    muted(shown, width);
}

// Keeps the next button on this line when it fits in `right_edge`, else starts a new one.
void same_line_if_fits(const char* next_label, float right_edge) {
    ImGui::SameLine();
    const float next_width = ImGui::CalcTextSize(next_label).x + 2 * ImGui::GetStyle().FramePadding.x;
    if (ImGui::GetCursorScreenPos().x + next_width > right_edge) ImGui::NewLine();
}

struct StudioFiles {
    bool offered;  // the platform has files to open and keep
    float right_edge;
    const StudioView& view;
};

// Where the platform has files: a "…" button on this line (if it fits in
// `right_edge`). The shell asks the system's file chooser, the browser's
// picker or a download, or, where there is none, shows a field to type the
// path in (draw_typed_path).
void file_button(const char* label, FilePurpose purpose, const StudioFiles& files, Action& action) {
    if (!files.offered) return;
    same_line_if_fits(label, files.right_edge);
    ImGui::BeginDisabled(files.view.typing_for == purpose);
    if (button(label)) take(action, act::ChooseFile{purpose});
    ImGui::EndDisabled();
}

// What the typed-path field asks for, and its button, for each file operation.
struct TypedPathPrompt {
    const char* hint;
    const char* use;
};
TypedPathPrompt typed_path_prompt(FilePurpose purpose) {
    switch (purpose) {
        case FilePurpose::StudioOpenArticle: return {"Path of a .txt, .md or .html file", "Open article"};
        case FilePurpose::StudioSaveAs: return {"Folder to save the deck in", "Save here"};
        case FilePurpose::StudioExportPackage: return {"Path of the .claimdeck file to write", "Export"};
        default: return {"Path of a deck file or a .claimdeck package", "Open"};
    }
}

Action draw_typed_path(StudioView& view, float width) {
    if (!view.typing_for) return {};
    const TypedPathPrompt prompt = typed_path_prompt(*view.typing_for);
    if (path_field("##studio-path", prompt.hint, view.typed_path, prompt.use, nullptr, width).use)
        return act::StudioFile{*view.typing_for, view.typed_path};
    return {};
}

Action draw_toolbar(const StudioApp& studio, StudioView& view, float width, bool files_by_path) {
    Action action;
    const float right_edge = ImGui::GetCursorScreenPos().x + width;
    const StudioFiles files{files_by_path, right_edge, view};
    if (button("New deck")) take(action, act::StudioCommand{act::StudioStep::NewDeck});
    file_button("Open\u2026", FilePurpose::StudioOpenDeck, files, action);
    same_line_if_fits("Copy the deck in use", right_edge);
    if (button("Copy the deck in use")) take(action, act::StudioCommand{act::StudioStep::CopyDeckInUse});
    same_line_if_fits("Undo", right_edge);
    ImGui::BeginDisabled(!studio.document().can_undo());
    if (button("Undo")) take(action, act::StudioCommand{act::StudioStep::Undo});
    ImGui::EndDisabled();
    same_line_if_fits("Redo", right_edge);
    ImGui::BeginDisabled(!studio.document().can_redo());
    if (button("Redo")) take(action, act::StudioCommand{act::StudioStep::Redo});
    ImGui::EndDisabled();
    same_line_if_fits("Save", right_edge);
    if (primary_button("Save")) take(action, act::StudioCommand{act::StudioStep::Save});
    file_button("Save as\u2026", FilePurpose::StudioSaveAs, files, action);
    file_button("Export package\u2026", FilePurpose::StudioExportPackage, files, action);
    same_line_if_fits("Add to my decks", right_edge);
    if (button("Add to my decks")) take(action, act::StudioCommand{act::StudioStep::AddToMyDecks});
    take(action, draw_typed_path(view, width));
    const std::size_t problems = studio.live_checks().size();
    const char* saved = studio.unsaved() ? "Unsaved changes. " : studio.saved_once() ? "Saved. " : "Not saved yet. ";
    muted(saved + (problems == 0 ? std::string("No problems.") : std::to_string(problems) + " problem(s) to fix.") +
              (view.status.empty() ? "" : " " + view.status),
          width);
    return action;
}

Action draw_deck_fields(const Deck& deck, float width) {
    Action action;
    if (auto title = short_field("Deck title", deck.title, width))
        take(action, act::StudioChange{edit::SetDeckField{DeckField::Title, *title}});
    if (auto id = short_field("Deck id (letters, digits, -)", deck.id, width))
        take(action, act::StudioChange{edit::SetDeckField{DeckField::Id, *id}});
    // Pupils who have the deck take a corrected one only with a higher version
    // (the library refuses the same or a lower one), so it is one press, not typed.
    muted("Version " + std::to_string(deck.version) + ". Raise it before you export a corrected deck for pupils " +
              "who have this one: their answers to the claims you kept stay.",
          width);
    if (button("Raise the version"))
        take(action, act::StudioChange{edit::SetDeckField{DeckField::Version, std::to_string(deck.version + 1)}});
    return action;
}

// One row standing for folded fields, e.g. "▸ Article details: …"; true when pressed to open them.
bool folded_row(const char* id, const std::string& text, float width) {
    ImGui::PushID(id);
    const bool pressed = content_button("\u25B8 " + text, width);
    ImGui::PopID();
    return pressed;
}

// The deck's title, id and version fold into one row on a deck that has
// articles when it opens: they are set once, and the reader needs the room.
Action draw_deck_details(const Deck& deck, StudioView& view, float width) {
    if (!view.deck_details_shown) view.deck_details_shown = deck.articles.empty();
    if (!*view.deck_details_shown) {
        const std::string row =
            "Deck: " + deck.title + " (" + deck.id + ", version " + std::to_string(deck.version) + ")";
        if (folded_row("deck-details", row, width)) view.deck_details_shown = true;
        return {};
    }
    if (button("Fold the deck's title, id and version", width)) view.deck_details_shown = false;
    return draw_deck_fields(deck, width);
}

Action draw_article_fields(const Article& article, float width) {
    Action action;
    auto field = [&](const char* label, const std::string& value, ArticleField which) {
        if (auto changed = short_field(label, value, width))
            take(action, act::StudioChange{edit::SetArticleField{article.id, which, *changed}});
    };
    field("Headline", article.title, ArticleField::Title);
    field("Byline", article.byline, ArticleField::Byline);
    field("Provenance", article.provenance, ArticleField::Provenance);
    field("URL", article.url, ArticleField::Url);
    field("Published (YYYY-MM-DD)", article.published, ArticleField::Published);
    return action;
}

// An article's details fold into one row once filled in (as it is opened),
// so the reader and its "New claim" button fit on a desktop's screen.
Action draw_article_details(const Article& article, StudioView& view, float width) {
    if (view.details_decided_for != article.id) {
        view.details_decided_for = article.id;
        view.details_shown = article.title.empty() || article.provenance.empty();
    }
    if (!view.details_shown) {
        if (folded_row("article-details", "Article details: headline, byline, provenance, URL, date", width))
            view.details_shown = true;
        return {};
    }
    if (button("Fold the article details", width)) view.details_shown = false;
    return draw_article_fields(article, width);
}

// Above the reader, so it stays in sight while words are selected in it:
// "New claim from selection", and beside it "Find words" (below it on a phone).
Action draw_reader_toolbar(const Article& article, StudioView& view, float width) {
    Action action;
    const float left = ImGui::GetCursorPosX();
    ImGui::BeginDisabled(!view.selection);
    if (primary_button("New claim from selection") && view.selection)
        take(action, act::StudioChange{edit::NewClaim{article.id, *view.selection}});
    ImGui::EndDisabled();
    ImGui::SameLine();
    float find_width = width - (ImGui::GetCursorPosX() - left);
    if (find_width < 12 * em()) {
        ImGui::NewLine();
        find_width = width;
    }
    find_words_field("##find-in-article", article.text, view.find_in_article, view.selection, view, find_width);
    return action;
}

// The clipboard's text as a new article, its first line the headline.
Action paste_article() {
    const char* clipboard = ImGui::GetClipboardText();
    if (!clipboard || !*clipboard) return {};
    const std::string text = clipboard;
    return act::StudioChange{edit::AddArticle{text.substr(0, std::min(text.find('\n'), std::size_t{80})), text}};
}

Action draw_articles_tab(const StudioApp& studio, StudioView& view, float width, bool files_by_path) {
    Action action;
    const Deck& deck = studio.document().deck();
    take(action, draw_deck_details(deck, view, width));
    vertical_space(0.5f);
    if (button("Paste article (Ctrl+V)")) take(action, paste_article());
    const StudioFiles files{files_by_path, ImGui::GetItemRectMin().x + width, view};
    file_button("Open article file\u2026", FilePurpose::StudioOpenArticle, files, action);
    for (const Article& article : deck.articles) {
        ImGui::PushID(article.id.c_str());
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        if (ImGui::Selectable(article.title.c_str(), view.article == article.id, 0, ImVec2(width, 0))) {
            view.article = article.id;
            view.selection.reset();
            view.editing_article = false;
        }
        outline_control(Role::Toggle, article.title, view.article == article.id);
        ImGui::PopTextWrapPos();
        ImGui::PopID();
    }
    const Article* article = deck.article(view.article);
    if (!article) {
        muted("Copy an article's text, then press Paste article. Select words in it to make a claim.", width);
        return action;
    }
    take(action, draw_article_details(*article, view, width));
    checkbox("Edit the text", view.editing_article);
    if (view.editing_article) {
        std::string text = article->text;
        const bool changed = ImGui::InputTextMultiline("##article-text", &text, ImVec2(width, 20 * em()));
        outline_control(Role::Field, "The article's text", false, text);
        if (changed) take(action, act::StudioChange{edit::SetArticleField{article->id, ArticleField::Text, text}});
        return action;
    }
    take(action, draw_reader_toolbar(*article, view, width));
    if (auto picked = selectable_text("##reader", article->text, width, 20 * em())) view.selection = picked;
    selected_words(article->text, view.selection, view, width);
    return action;
}

Action draw_claim_list(const Deck& deck, StudioView& view, float width) {
    const auto label = [&](std::size_t i) { return deck.claims[i].id + ": " + deck.claims[i].text.substr(0, 60); };
    const std::optional<std::size_t> open = deck.claim_index(view.claim);
    const int picked = drop_down("##claims", deck.claims.size(), label, open ? static_cast<int>(*open) : -1, width);
    if (picked >= 0) view.claim = deck.claims[static_cast<std::size_t>(picked)].id;
    return {};
}

Action draw_topic_picker(const Deck& deck, const Claim& claim, StudioView& view, float width) {
    Action action;
    std::vector<std::string> labels;
    int chosen = -1;
    for (std::size_t i = 0; i < deck.topics.size(); ++i) {
        labels.push_back(deck.topics[i].title);
        if (deck.topics[i].id == claim.topic) chosen = static_cast<int>(i);
    }
    muted("Topic");
    const int picked = drop_down("##topic", labels, chosen, width);
    if (picked >= 0)
        take(action, act::StudioChange{edit::SetTopic{claim.id, labels[static_cast<std::size_t>(picked)]}});
    if (text_field("##new-topic", "A new topic, then Enter", view.new_topic, width) && !view.new_topic.empty()) {
        take(action, act::StudioChange{edit::SetTopic{claim.id, view.new_topic}});
        view.new_topic.clear();
    }
    return action;
}

Action draw_techniques(const Claim& claim, StudioView& view, float width) {
    Action action;
    muted("Techniques: pick one, select the words in the quote that carry it, then Add");
    if (auto words = selectable_text("##quote", claim.quote, width, 0)) view.quote_words = words;
    find_words_field("##find-in-quote", claim.quote, view.find_in_quote, view.quote_words, view, width);
    selected_words(claim.quote, view.quote_words, view, width);
    std::vector<std::string> names;
    for (const TechniqueInfo& info : propaganda_techniques()) names.emplace_back(info.name);
    const int picked = drop_down("##technique", names, view.technique, width);
    if (picked >= 0) view.technique = picked;
    ImGui::BeginDisabled(!view.quote_words);
    if (button("Add technique words") && view.quote_words)
        take(action, act::StudioChange{edit::AddTechniqueWords{
                         claim.id, names[static_cast<std::size_t>(view.technique)], *view.quote_words}});
    ImGui::EndDisabled();
    for (std::size_t i = 0; i < claim.techniques.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        std::string line = claim.techniques[i].name + ":";
        for (const std::string& words : claim.techniques[i].words) line += " \u201C" + words + "\u201D";
        if (button("Remove")) take(action, act::StudioChange{edit::RemoveTechnique{claim.id, i}});
        ImGui::SameLine();
        text_block(line, nullptr, 0, width - ImGui::GetCursorPosX());
        ImGui::PopID();
    }
    return action;
}

Action draw_claim_tab(const StudioApp& studio, StudioView& view, float width) {
    Action action;
    const Deck& deck = studio.document().deck();
    take(action, draw_claim_list(deck, view, width));
    const Claim* claim = open_claim(studio, view);
    if (!claim) {
        muted("Select words in an article and press New claim from selection.", width);
        return action;
    }
    const std::string focus = view.focus_field;
    view.focus_field.clear();
    muted("Quote, from " + claim->article + " at bytes " + std::to_string(claim->span.begin) + "\u2013" +
              std::to_string(claim->span.end),
          width);
    text_block("\u201C" + claim->quote + "\u201D", nullptr, 0, width);
    auto edit_field = [&](const char* label, const std::string& value, ClaimField which, const char* name) {
        if (auto changed = long_field(label, value, width, focus == name))
            take(action, act::StudioChange{edit::SetClaimField{claim->id, which, *changed}});
    };
    edit_field("Card text (the claim as learners see it)", claim->text, ClaimField::Text, "text");
    muted("Verdict");
    std::vector<std::string> verdicts;
    for (Verdict verdict : kAllVerdicts) verdicts.emplace_back(display_name(verdict));
    const int verdict = segmented("##verdict", verdicts, static_cast<int>(index_of(claim->verdict)), width);
    if (verdict >= 0)
        take(action, act::StudioChange{edit::SetVerdict{claim->id, kAllVerdicts[static_cast<std::size_t>(verdict)]}});
    edit_field("Rationale (why this verdict)", claim->rationale, ClaimField::Rationale, "rationale");
    take(action, draw_topic_picker(deck, *claim, view, width));
    edit_field("Known now (optional)", claim->known_now, ClaimField::KnownNow, "known_now");
    take(action, draw_techniques(*claim, view, width));
    if (button("Delete this claim")) take(action, act::StudioChange{edit::RemoveClaim{claim->id}});
    return action;
}

Action draw_evidence_tab(const StudioApp& studio, StudioView& view, float width) {
    Action action;
    const Deck& deck = studio.document().deck();
    const Claim* claim = open_claim(studio, view);
    if (!claim) {
        muted("Open a claim first (Claim tab).", width);
        return action;
    }
    text_block("\u201C" + claim->quote + "\u201D", nullptr, 0, width);
    std::vector<std::string> others;
    int chosen = -1;
    for (const Article& article : deck.articles) {
        if (article.id == claim->article) continue;
        if (article.id == view.evidence_article) chosen = static_cast<int>(others.size());
        others.push_back(article.id);
    }
    // With one other article (or none picked yet) the first is open: nothing to choose first.
    if (chosen < 0 && !others.empty()) {
        chosen = 0;
        view.evidence_article = others.front();
        view.evidence_words.reset();
    }
    muted("Another article on the same fact");
    const int picked = drop_down("##evidence-article", others, chosen, width);
    if (picked >= 0 && others[static_cast<std::size_t>(picked)] != view.evidence_article) {
        view.evidence_article = others[static_cast<std::size_t>(picked)];
        view.evidence_words.reset();
    }
    if (const Article* other = deck.article(view.evidence_article); other && other->id != claim->article) {
        if (auto words = selectable_text("##evidence-reader", other->text, width, 14 * em()))
            view.evidence_words = words;
        find_words_field("##find-in-evidence", other->text, view.find_in_evidence, view.evidence_words, view, width);
        selected_words(other->text, view.evidence_words, view, width);
        std::vector<std::string> stances;
        for (Stance stance : kStances) stances.emplace_back(to_string(stance));
        const int stance = segmented("##stance", stances, view.stance, width);
        if (stance >= 0) view.stance = stance;
        ImGui::BeginDisabled(!view.evidence_words);
        if (primary_button("Add as evidence") && view.evidence_words)
            take(action, act::StudioChange{edit::AddEvidence{claim->id, other->id, *view.evidence_words,
                                                             kStances[static_cast<std::size_t>(view.stance)]}});
        ImGui::EndDisabled();
    }
    for (std::size_t i = 0; i < claim->evidence.size(); ++i) {
        const Evidence& evidence = claim->evidence[i];
        ImGui::PushID(static_cast<int>(i));
        if (button("Remove")) take(action, act::StudioChange{edit::RemoveEvidence{claim->id, i}});
        ImGui::SameLine();
        text_block(
            evidence.article + " " + std::string(to_string(evidence.stance)) + ": \u201C" + evidence.quote + "\u201D",
            nullptr, 0, width - ImGui::GetCursorPosX());
        ImGui::PopID();
    }
    return action;
}

// Long lists are cut short: a frame's page is one ImGui draw list of at most
// 65,536 vertices, and a deck of 10,000 claims holds more ids and problems
// than that (ImGui aborted on a 10,000-claim deck).
constexpr std::size_t kIdsListed = 20;
constexpr std::size_t kProblemsListed = 50;

std::string listed(const char* heading, const std::vector<std::string>& ids) {
    std::string text = heading;
    for (std::size_t i = 0; i < ids.size() && i < kIdsListed; ++i) text += " " + ids[i];
    if (ids.size() > kIdsListed) text += " and " + std::to_string(ids.size() - kIdsListed) + " more";
    return text;
}

void draw_topics_tab(const StudioApp& studio, float width) {
    const std::vector<TopicOverview>& overview = studio.topic_overview();
    if (overview.empty()) muted("No topics yet: give a claim a topic.", width);
    for (const TopicOverview& topic : overview) {
        ImGui::PushFont(fonts().bold);
        text_block(studio.document().deck().topic(topic.topic)->title, nullptr, 0, width);
        ImGui::PopFont();
        text_block(listed("Claims:", topic.claims), nullptr, 0, width);
        muted(topic.uncited_articles.empty() ? "Every article is cited."
                                             : listed("Not cited yet:", topic.uncited_articles),
              width);
        vertical_space(0.5f);
    }
}

// Each verdict's share with the house range (25-45 %) it should fall in.
void draw_verdict_meter(const Deck& deck, float width) {
    const VerdictShares shares = verdict_shares(deck);
    const HouseStyleRules rules;
    for (Verdict verdict : kAllVerdicts) {
        const double percent = shares.percent(verdict);
        const bool in_range = shares.in_range(verdict, rules);
        char label[96];
        std::snprintf(label, sizeof label, "%s %.0f %%%s", std::string(display_name(verdict)).c_str(), percent,
                      in_range ? "" : " (aim for 25-45 %)");
        text_block(label, nullptr, 0, width);
        progress_bar(static_cast<float>(percent / 100), width, in_range ? palette().accent : palette().error);
        vertical_space(0.2f);
    }
}

Action draw_checks_tab(const StudioApp& studio, StudioView& view, float width) {
    draw_verdict_meter(studio.document().deck(), width);
    const std::vector<StudioProblem>& problems = studio.live_checks();
    if (problems.empty()) muted("No problems: the deck passes claimdeck-cli deck check.", width);
    if (problems.size() > kProblemsListed)
        muted("The first " + std::to_string(kProblemsListed) + " of " + std::to_string(problems.size()) +
                  " problems; the next come up as these are fixed.",
              width);
    for (std::size_t i = 0; i < problems.size() && i < kProblemsListed; ++i) {
        ImGui::PushID(static_cast<int>(i));
        const StudioProblem& found = problems[i];
        if (content_button(found.problem.place + ": " + found.problem.message, width)) {
            if (found.where.kind == FieldRef::Kind::Claim) {
                view.claim = found.where.id;
                view.tab = found.where.field.rfind("evidence", 0) == 0 ? StudioTab::Evidence : StudioTab::Claim;
                view.focus_field = found.where.field;
            } else if (found.where.kind == FieldRef::Kind::Article) {
                view.article = found.where.id;
                view.tab = StudioTab::Articles;
            }
        }
        ImGui::PopID();
    }
    return {};
}

void draw_try_tab(const StudioApp& studio, StudioView& view, const Column& column) {
    const Claim* claim = open_claim(studio, view);
    if (!claim) {
        muted("Open a claim first (Claim tab).", column.width);
        return;
    }
    muted("The card, as learners see it:", column.width);
    draw_claim_card(studio.document().deck(), *claim, column, view.try_card);
    vertical_space(0.5f);
    muted("And its reveal:", column.width);
    draw_verdict_banner(*claim, "It is " + upper(display_name(claim->verdict)), "", column);
    draw_reasons_card(*claim, column);
}

Action studio_shortcuts() {
    const ImGuiIO& io = ImGui::GetIO();
    if (ctrl_pressed(ImGuiKey_Z))
        return act::StudioCommand{io.KeyShift ? act::StudioStep::Redo : act::StudioStep::Undo};
    if (ctrl_pressed(ImGuiKey_V)) return paste_article();
    return {};
}

}  // namespace

Action draw_studio_screen(const StudioApp& studio, StudioView& view, bool files) {
    const Column column = page_column(60 * em());
    InColumn in(column);
    const float width = column.width;
    Action action;
    vertical_space(0.5f);
    heading("Deck Studio");
    take(action, draw_toolbar(studio, view, width, files));
    // Six tabs do not fit a phone's width: there they are a list to drop down.
    const int tab = is_narrow(width) ? drop_down("##studio-tabs", kTabLabels, static_cast<int>(view.tab), width)
                                     : segmented("##studio-tabs", kTabLabels, static_cast<int>(view.tab), width);
    if (tab >= 0) view.tab = static_cast<StudioTab>(tab);
    vertical_space(0.5f);
    switch (view.tab) {
        case StudioTab::Articles: take(action, draw_articles_tab(studio, view, width, files)); break;
        case StudioTab::Claim: take(action, draw_claim_tab(studio, view, width)); break;
        case StudioTab::Evidence: take(action, draw_evidence_tab(studio, view, width)); break;
        case StudioTab::Topics: draw_topics_tab(studio, width); break;
        case StudioTab::Checks: take(action, draw_checks_tab(studio, view, width)); break;
        case StudioTab::Try: draw_try_tab(studio, view, column); break;
    }
    take(action, studio_shortcuts());
    if (ctrl_pressed_letter('F')) view.focus_find = true;  // the next frame's "Find words"
    return action;
}

}  // namespace claimdeck::ui

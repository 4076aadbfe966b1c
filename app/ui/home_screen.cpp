#include "home_screen.hpp"

#include <imgui_stdlib.h>

#include <algorithm>
#include <string>

#include "claim_parts.hpp"
#include "class_quiz_screen.hpp"
#include "done_screen.hpp"
#include "file_buttons.hpp"

namespace claimdeck::ui {
namespace {

void verdicts_card(const Column& column) {
    const float width = card_inner_width(column);
    begin_card(column);
    text_block("Three verdicts", fonts().heading, 0, width);
    text_block("Read each claim, decide which it is, then see why.", nullptr, palette().text_muted, width);
    verdict_definitions(width);
    end_card();
}

std::string counts_line(const DeckCounts& counts) {
    return std::to_string(counts.due) + " due \u00B7 " + std::to_string(counts.fresh) + " new \u00B7 " +
           std::to_string(counts.learned) + " resting";
}

// The session's size, said before it starts: "15 cards: 5 to review, 10 new".
std::string session_size_text(const SessionCards& cards) {
    std::string text = std::to_string(cards.size()) + (cards.size() == 1 ? " card: " : " cards: ");
    if (!cards.review.empty()) text += std::to_string(cards.review.size()) + " to review";
    if (!cards.review.empty() && !cards.fresh.empty()) text += ", ";
    if (!cards.fresh.empty()) text += std::to_string(cards.fresh.size()) + " new";
    return text;
}

Action start_button(const StudyApp& app, float width) {
    Action action;
    const StudySession* session = app.session();
    if (session && !session->finished()) {
        // The card it goes on with, out of the session's fixed size.
        const int position = std::min(session->done() + (session->current_is_comeback() ? 0 : 1), session->size());
        const std::string label =
            "Continue your session  (" + std::to_string(position) + " of " + std::to_string(session->size()) + ")";
        if (primary_button(label.c_str(), width) || pressed(ImGuiKey_Enter)) take(action, act::StartStudy{});
        return action;
    }
    const SessionCards today = app.next_session(SessionKind::Today);
    if (today.size() == 0) return draw_day_done(app, width);
    muted(session_size_text(today), width);
    if (primary_button("Start studying", width) || pressed(ImGuiKey_Enter)) take(action, act::StartStudy{});
    return action;
}

// ---- Decks: every deck listed, the one studied marked; import and remove ----

std::string quoted(const std::string& text) { return "\u201C" + text + "\u201D"; }

Action removal_confirmation(const ShelfDeck& deck, const HomeView& view, float width) {
    Action action;
    const std::string answers =
        std::to_string(view.removal_answers) + (view.removal_answers == 1 ? " answer" : " answers");
    text_block("Remove " + quoted(deck.title) + " from your decks? Its " + answers +
                   " (every learner's on this device) can be kept for when it comes back, or deleted for good.",
               nullptr, 0, width);
    if (button(("Remove, keep the " + answers).c_str(), width)) take(action, act::RemoveDeck{deck.id, false});
    if (view.removal_answers > 0 && button(("Remove and delete the " + answers).c_str(), width))
        take(action, act::RemoveDeck{deck.id, true});
    return action;
}

Action deck_row(const StudyApp& app, const ShelfDeck& deck, HomeView& view, float width) {
    Action action;
    const bool chosen = app.deck().id == deck.id;
    ImGui::PushID(deck.id.c_str());
    const std::string label = (chosen ? "\u25B8 " : "") + deck.title;
    if (content_button(label, width, chosen ? fonts().bold : fonts().body)) take(action, act::StudyDeck{deck.id});
    if (app.profile()) muted(counts_line(chosen ? app.counts() : deck.counts), width);
    if (view.confirming_removal == deck.id) {
        take(action, removal_confirmation(deck, view, width));
        if (button("Keep it", width)) view.confirming_removal.clear();
    } else if (chosen && deck.in_library && button("Remove from my decks\u2026", width)) {
        take(action, act::AskRemoveDeck{deck.id});
    }
    ImGui::PopID();
    return action;
}

// A package handed out by a teacher: typed (or pasted) path, dropped on the
// window, or the platform's file chooser where there is one.
Action import_row(HomeView& view, const HomeFiles& files, float width) {
    Action action;
    if (files.typed_paths &&
        path_field("##deckfile", "Path of a deck file (.claimdeck)", view.deck_path, "Import", nullptr, width).use)
        take(action, act::ImportDeck{view.deck_path});
    if (files.file_chooser && button("Import a deck\u2026", width)) take(action, act::PickDeckFile{});
    if (!view.deck_message.empty()) muted(view.deck_message, width);
    return action;
}

Action decks_card(const StudyApp& app, HomeView& view, const HomeFiles& files, const Column& column) {
    const float width = card_inner_width(column);
    Action action;
    begin_card(column);
    if (app.shelf().size() == 1 && !files.typed_paths && !files.file_chooser) {
        heading(app.deck().title);
        // The description is for choosing to start; once the learner has
        // studied it only pushes Start down (below the fold on a phone at
        // the largest text).
        if (!app.has_studied() && !app.deck().description.empty()) muted(app.deck().description, width);
    } else {
        text_block("Decks", fonts().heading, 0, width);
        for (const ShelfDeck& deck : app.shelf()) take(action, deck_row(app, deck, view, width));
        vertical_space(0.3f);
        take(action, import_row(view, files, width));
    }
    end_card();
    return action;
}

Action study_card(const StudyApp& app, const Column& column) {
    const float width = card_inner_width(column);
    begin_card(column);
    text_block(app.profile()->name, fonts().heading, 0, width);
    muted(counts_line(app.counts()), width);
    vertical_space(0.4f);
    Action action = start_button(app, width);
    end_card();
    return action;
}

void stop_editing(HomeView& view) {
    view.adding = false;
    view.renaming = 0;
    view.confirming_rename = false;
    view.confirming_delete = 0;
    view.confirming_removal.clear();
    view.problem.clear();
}

// A text field with a confirming button (and Cancel, when there is
// something to go back to); true when the name is confirmed and usable.
bool name_editor(const char* id, std::string& name, const char* confirm, const StudyApp& app, std::int64_t renaming,
                 HomeView& view, float width) {
    ImGui::SetNextItemWidth(width);
    const float pad_y = std::max(0.0f, (touch_target() - em()) / 2);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0.8f * em(), pad_y));
    if (view.focus_field) ImGui::SetKeyboardFocusHere();
    view.focus_field = false;
    const bool entered = ImGui::InputTextWithHint(id, "Name", &name, ImGuiInputTextFlags_EnterReturnsTrue);
    outline_control(Role::Field, "Name", false, name);
    ImGui::PopStyleVar();
    float confirm_width = width;
    if (!app.profiles().empty()) {
        confirm_width = std::floor((width - ImGui::GetStyle().ItemSpacing.x) * 2 / 3);
        if (button("Cancel", width - confirm_width - ImGui::GetStyle().ItemSpacing.x)) {
            stop_editing(view);
            return false;
        }
        ImGui::SameLine();
    }
    if (!(primary_button(confirm, confirm_width) || entered)) return false;
    view.problem = problem_with_profile_name(name, app.profiles(), renaming);
    return view.problem.empty();
}

// A question with a button that does it and one that goes back.
bool confirmed(const std::string& question, const char* yes, const char* no, HomeView& view, float width) {
    text_block(question, nullptr, 0, width);
    const float half = (width - ImGui::GetStyle().ItemSpacing.x) / 2;
    const bool yes_pressed = primary_button(yes, half);
    ImGui::SameLine();
    if (button(no, half)) stop_editing(view);
    return yes_pressed;
}

std::string answers_text(std::int64_t count) { return std::to_string(count) + (count == 1 ? " answer" : " answers"); }

// On a device several learners share, a learner renamed or deleted by
// mistake (or by a classmate) is asked about first.
Action rename_row(const StudyApp& app, const Profile& profile, HomeView& view, float width) {
    if (view.confirming_rename) {
        const std::string& new_name = view.rename;
        const bool yes = confirmed("Rename " + quoted(profile.name) + " to " + quoted(new_name) +
                                       "? Their answers, and the name on their class quiz results, go with it.",
                                   "Rename", "Keep the old name", view, width);
        return yes ? Action(act::RenameProfile{profile.id, view.rename}) : Action();
    }
    if (!name_editor("##rename", view.rename, "Save name", app, profile.id, view, width)) return {};
    if (app.profiles().size() == 1) return act::RenameProfile{profile.id, view.rename};
    view.confirming_rename = true;
    return {};
}

Action profile_row(const StudyApp& app, const Profile& profile, HomeView& view, float width) {
    Action action;
    const bool chosen = app.profile() && app.profile()->id == profile.id;
    ImGui::PushID(static_cast<int>(profile.id));
    if (view.renaming == profile.id) {
        take(action, rename_row(app, profile, view, width));
    } else if (view.confirming_delete == profile.id) {
        if (confirmed("Delete " + quoted(profile.name) + " and their " + answers_text(view.delete_answers) +
                          "? This cannot be undone.",
                      "Delete", "Keep", view, width))
            take(action, act::DeleteProfile{profile.id});
    } else {
        const std::string label = (chosen ? "\u25B8 " : "") + profile.name;
        if (content_button(label, width, chosen ? fonts().bold : fonts().body))
            take(action, act::ChooseProfile{profile.id});
        if (chosen) {
            const float half = (width - ImGui::GetStyle().ItemSpacing.x) / 2;
            if (button("Rename", half)) {
                view.renaming = profile.id;
                view.rename = profile.name;
                view.problem.clear();
                view.focus_field = true;
            }
            ImGui::SameLine();
            if (button("Delete\u2026", half)) take(action, act::AskDeleteProfile{profile.id});
        }
    }
    ImGui::PopID();
    return action;
}

Action profiles_card(const StudyApp& app, HomeView& view, const Column& column) {
    const float width = card_inner_width(column);
    Action action;
    begin_card(column);
    text_block(app.profile() ? "Learners" : "Who is studying?", fonts().heading, 0, width);
    for (const Profile& profile : app.profiles()) take(action, profile_row(app, profile, view, width));
    if (view.adding || app.profiles().empty()) {
        if (name_editor("##new", view.new_name, "Create learner", app, 0, view, width))
            take(action, act::CreateProfile{view.new_name});
    } else if (button("+ New learner", width)) {
        view.adding = true;
        view.new_name.clear();
        view.problem.clear();
        view.focus_field = true;
    }
    if (!view.problem.empty()) text_block(view.problem, nullptr, palette().error_text, width);
    end_card();
    return action;
}

// Where a pupil opens the quiz file their teacher handed out.
Action class_quiz_card(const StudyApp& app, HomeView& view, const HomeFiles& files, const Column& column) {
    const float width = card_inner_width(column);
    begin_card(column);
    text_block("Class quiz", fonts().heading, 0, width);
    Action action;
    if (files.classroom) {
        muted("Paste the path of the quiz file from your teacher, or drop the file on this window.", width);
        vertical_space(0.3f);
        action = quiz_file_field(view.quiz_path, width);
    } else {
        muted("Open the quiz file your teacher sent you. At the end you download your results to hand back.", width);
        vertical_space(0.3f);
        if (button("Open the quiz file\u2026", width)) action = act::ChooseFile{FilePurpose::OpenQuiz};
    }
    // The quiz opened last stays one click away, e.g. after choosing who takes it.
    if (const Quiz* open = app.class_quiz().quiz()) {
        ImGui::PushID("open-quiz");
        if (content_button("\u25B8 " + (open->title.empty() ? std::string("Class quiz") : open->title), width))
            take(action, act::Go{Screen::ClassQuiz});
        ImGui::PopID();
    }
    end_card();
    return action;
}

// A pupil joins the class on the board; once in, the way back to it.
Action live_class_card(const live::PupilClient& pupil, const Column& column) {
    const float width = card_inner_width(column);
    Action action;
    begin_card(column);
    text_block("Live class", fonts().heading, 0, width);
    if (pupil.stage() == live::PupilStage::Out) {
        muted("Your teacher shows a code on the board: join with it and a nickname.", width);
        if (button("Join a live class", width)) take(action, act::Go{Screen::LiveJoin});
    } else if (button(("Back to class " + pupil.class_code()).c_str(), width)) {
        take(action, act::Go{Screen::LiveWait});
    }
    end_card();
    return action;
}

// The teacher's way in: where there are files, make a quiz for the class and
// read how it went; everywhere (the browser too), write a deck in the Studio.
Action teachers_card(const Column& column, const HomeFiles& files) {
    const bool classroom = files.classroom;
    const float width = card_inner_width(column);
    Action action;
    begin_card(column);
    text_block("For teachers", fonts().heading, 0, width);
    if (classroom) {
        muted("Build a quiz to hand out, then read the class report from the pupils' results files.", width);
        vertical_space(0.3f);
        const float half = (width - ImGui::GetStyle().ItemSpacing.x) / 2;
        if (button("Build a quiz", half)) take(action, act::Go{Screen::BuildQuiz});
        ImGui::SameLine();
        if (button("Class report", half)) take(action, act::Go{Screen::Report});
    }
    if (files.live_class_on) {
        if (button("Back to the live class", width)) take(action, act::Go{Screen::LiveDashboard});
    } else if (files.live_classes) {
        if (button("Run a live class", width)) take(action, act::Go{Screen::LiveSetup});
    }
    if (button("Deck Studio: write your own deck", width)) take(action, act::Go{Screen::Studio});
    end_card();
    return action;
}

// What happened to the learner's progress that they should know: a damaged
// store moved aside and a backup restored, a backup that failed, answers
// kept from last time. It stays until they say they read it.
Action progress_notices_card(const StudyApp& app, const Column& column) {
    const float width = card_inner_width(column);
    Action action;
    begin_card(column);
    text_block("About your progress", fonts().heading, 0, width);
    for (const std::string& notice : app.notices()) {
        vertical_space(0.3f);
        text_block(notice, nullptr, 0, width);
    }
    vertical_space(0.4f);
    if (button("OK, I have read this", width)) take(action, act::DismissNotices{});
    end_card();
    return action;
}

// The store could not be opened at all: the app offers nothing else, so
// nothing is studied into the empty stand-in and lost.
void store_fault_card(const StudyApp& app, const Column& column) {
    const float width = card_inner_width(column);
    begin_card(column);
    text_block("Your progress could not be opened", fonts().heading, 0, width);
    text_block(app.store_fault(), nullptr, palette().error_text, width);
    vertical_space(0.4f);
    muted(
        "Nothing was changed or deleted. Close ClaimDeck, deal with the problem above, and start it again. "
        "Backups are in the backups folder beside the store; claimdeck-cli restore puts one back.",
        width);
    end_card();
}

Action navigation_buttons(const Column& column) {
    Action action;
    const float third = (column.width - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
    if (button("Statistics", third)) take(action, act::Go{Screen::Stats});
    ImGui::SameLine();
    if (button("Articles", third)) take(action, act::Go{Screen::Article});
    ImGui::SameLine();
    if (button("Settings", third)) take(action, act::Go{Screen::Settings});
    // The list of keys opens with "?" anywhere; here it can be found.
    if (keys_shown() && button(with_key("Keyboard shortcuts", "?").c_str(), column.width))
        take(action, act::ToggleShortcuts{});
    return action;
}

}  // namespace

Action draw_home_screen(const StudyApp& app, HomeView& view, const HomeFiles& files) {
    const bool class_quiz = files.classroom || files.quiz_picker;
    if (pressed(ImGuiKey_Escape)) stop_editing(view);
    const Column column = page_column(36 * em());
    InColumn in(column);
    Action action;
    vertical_space(1.0f);
    if (!app.store_fault().empty()) {
        store_fault_card(app, column);
        return action;
    }
    if (!app.notices().empty()) take(action, progress_notices_card(app, column));
    // The first thing to do comes first: choose a learner, then study or
    // take the class quiz. A learner who has studied goes on with Start, so
    // it comes before the deck list, above the fold on a phone at the largest
    // text. The list of learners (a whole class, on a shared device) comes
    // after both, so it never pushes them off a phone's screen.
    const bool going_on = app.profile() && app.has_studied();
    if (going_on) take(action, study_card(app, column));
    take(action, decks_card(app, view, files, column));
    if (const live::PupilClient* pupil = app.live_pupil()) take(action, live_class_card(*pupil, column));
    if (app.profile()) {
        if (!going_on) take(action, study_card(app, column));
        if (class_quiz) take(action, class_quiz_card(app, view, files, column));
        if (!app.has_studied()) verdicts_card(column);
        take(action, profiles_card(app, view, column));
    } else {
        take(action, profiles_card(app, view, column));
        verdicts_card(column);
        if (class_quiz) take(action, class_quiz_card(app, view, files, column));
    }
    take(action, teachers_card(column, files));
    take(action, navigation_buttons(column));
    vertical_space(1.5f);
    return action;
}

}  // namespace claimdeck::ui

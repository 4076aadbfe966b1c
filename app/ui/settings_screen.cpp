#include "settings_screen.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "file_buttons.hpp"
#include "learning/study_settings.hpp"
#include "learning/technique_cards.hpp"

namespace claimdeck::ui {
namespace {

constexpr std::array<Choice<bool>, 2> kOnOff = {{{true, "On", "On"}, {false, "Off", "Off"}}};
constexpr std::array<Choice<bool>, 2> kDailyLimit = {
    {{true, "A daily limit", "Limit"}, {false, "No limit (workshop)", "No limit"}}};

void setting_label(std::string_view title, std::string_view explanation, float width) {
    vertical_space(0.5f);
    text_block(title, fonts().bold, 0, width);
    if (!explanation.empty()) muted(explanation, width);
}

Action display_card(const DisplaySettings& current, const Column& column) {
    const float width = card_inner_width(column);
    DisplaySettings changed = current;
    begin_card(column);
    text_block("On this device", fonts().heading, 0, width);

    setting_label("Text size", "", width);
    if (auto size = segmented_choice("size", kTextSizes, current.text_size_percent, width))
        changed.text_size_percent = *size;

    setting_label("Theme", "", width);
    if (auto theme = segmented_choice("theme", kThemes, current.theme, width)) changed.theme = *theme;

    setting_label("Single-key shortcuts",
                  "1, 2, 3, H, S and ? act at once. Turn them off if you speak to your computer or a key is "
                  "easily pressed by mistake; Tab, Enter, Space and Esc still work.",
                  width);
    if (auto shortcuts = segmented_choice("shortcuts", kOnOff, current.single_key_shortcuts, width))
        changed.single_key_shortcuts = *shortcuts;
    end_card();

    const bool same = changed.text_size_percent == current.text_size_percent && changed.theme == current.theme &&
                      changed.single_key_shortcuts == current.single_key_shortcuts;
    return same ? Action() : Action(act::ChangeDisplaySettings{changed});
}

Action study_card(const StudyApp& app, const Column& column) {
    const float width = card_inner_width(column);
    const StudySettings& current = app.study_settings();
    StudySettings changed = current;
    bool touched = false;
    begin_card(column);
    text_block("Studying, for " + app.profile()->name, fonts().heading, 0, width);

    setting_label("New cards a day",
                  "How many cards you have never seen a session may bring in one day. With no limit, as in a "
                  "workshop, every new card is on offer at once.",
                  width);
    if (auto limit = segmented_choice("limit", kDailyLimit, current.daily_limit, width)) {
        changed.daily_limit = *limit;
        touched = true;
    }
    if (current.daily_limit) {
        const int step = stepper("new", std::to_string(current.new_cards_per_day), width);
        if (step != 0) {
            changed.new_cards_per_day =
                kNewCardsPerDay.clamped(current.new_cards_per_day + step * kNewCardsPerDay.step);
            touched = true;
        }
    }

    setting_label("Desired retention",
                  "How likely you should still know a card when it comes back. Higher means more reviews.", width);
    const int percent_value = static_cast<int>(std::lround(current.desired_retention * 100));
    const int nudge = stepper("retention", std::to_string(percent_value) + " %", width);
    if (nudge != 0) {
        changed.desired_retention =
            kDesiredRetention.clamped(current.desired_retention + nudge * kDesiredRetention.step);
        touched = true;
    }

    setting_label("Ask how sure I am", "After each verdict, pick 50 %, 70 % or 90 %: it trains calibration.", width);
    if (auto ask = segmented_choice("ask", kOnOff, current.ask_confidence, width)) {
        changed.ask_confidence = *ask;
        touched = true;
    }

    setting_label("Technique cards",
                  "Once you have seen " + std::to_string(kClaimsSeenBeforeTechniqueCards) +
                      " claims, a card now and then asks which technique is at work in a quote, and which words "
                      "carry it.",
                  width);
    if (auto techniques = segmented_choice("techniques", kOnOff, current.technique_cards, width)) {
        changed.technique_cards = *techniques;
        touched = true;
    }
    end_card();
    return touched ? Action(act::ChangeStudySettings{changed}) : Action();
}

}  // namespace

// The shortcut list opens with "?" anywhere; this says so where a learner
// looks for how the app works.
Action keyboard_card(const Column& column) {
    const float width = card_inner_width(column);
    Action action;
    begin_card(column);
    text_block("Keyboard", fonts().heading, 0, width);
    muted("Press ? on any screen to see the keys: 1 2 3 to answer, H for the paragraph, Space for the next card.",
          width);
    vertical_space(0.3f);
    if (button(with_key("Keyboard shortcuts", "?").c_str(), width)) take(action, act::ToggleShortcuts{});
    end_card();
    return action;
}

// Moving progress between devices: a backup of this one, and the import
// of another's (merged by learner name; answers already here are skipped).
Action progress_card(SettingsView& view, const SettingsFiles& files, const Column& column) {
    const float width = card_inner_width(column);
    Action action;
    begin_card(column);
    text_block("Your progress", fonts().heading, 0, width);
    muted(
        "A backup is one file with every learner's answers on this device. Import it on another device to carry "
        "on there: answers it already has are not counted twice.",
        width);
    vertical_space(0.3f);
    if (files.pickers) {
        switch (button_pair("Back up my progress", "Import progress\u2026", width)) {
            case 0: take(action, act::BackUpProgress{}); break;
            case 1: take(action, act::PickProgressFile{}); break;
            default: break;
        }
    }
    if (files.typed_paths) {
        text_field("##progressfile", "Path of a backup (.sqlite) or progress file (.json)", view.progress_path, width);
        switch (button_pair("Back up to this path", "Import this file", width)) {
            // An empty path would ask the chooser instead: the typed way asks for the path.
            case 0:
                if (view.progress_path.empty())
                    view.progress_message = "Type where the backup should go first.";
                else
                    take(action, act::BackUpProgress{view.progress_path});
                break;
            case 1: take(action, act::ImportProgress{view.progress_path}); break;
            default: break;
        }
    }
    if (!view.progress_message.empty()) text_block(view.progress_message, nullptr, 0, width);
    if (!view.backed_up.empty()) take(action, saved_file(view.backed_up, width));
    end_card();
    return action;
}

Action draw_settings_screen(const StudyApp& app, SettingsView& view, const SettingsFiles& files) {
    const Column column = page_column(36 * em());
    InColumn in(column);
    Action action;
    vertical_space(1.0f);
    take(action, display_card(app.display_settings(), column));
    if (app.profile()) {
        take(action, study_card(app, column));
    } else {
        muted("Choose a learner on the home screen to change how they study.", column.width);
    }
    take(action, progress_card(view, files, column));
    if (keys_shown()) take(action, keyboard_card(column));  // a touch screen has no keys
    return action;
}

}  // namespace claimdeck::ui

#include "shell.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <stdexcept>

#include "base/text_file.hpp"
#include "base/typed_path.hpp"
#include "claim_parts.hpp"
#include "done_screen.hpp"
#include "file_buttons.hpp"
#include "file_requests.hpp"
#include "keyboard_focus.hpp"
#include "live_dashboard_screen.hpp"
#include "live_projector_screen.hpp"
#include "live_wait_screen.hpp"
#include "stats_screen.hpp"

namespace claimdeck::ui {
namespace {

constexpr float kBaseBodySize = 18;  // body text at 100 %, in screen units

constexpr const char* kShortcutsPopup = "Keyboard shortcuts";
constexpr const char* kDefinitionsPopup = "What the verdicts mean";
constexpr const char* kShortcuts[][2] = {
    {"1  2  3", "Pick a verdict, then how sure you are"},
    {"H", "Show the paragraph around the claim"},
    {"S", "Check what the other sources say"},
    {"1  2  3  4", "On a technique card: pick the technique; Enter checks"},
    {"Space or Enter", "Next card, from the answer"},
    {"Ctrl+Z", "Undo the last answer"},
    {"Esc", "Back"},
    {"Tab", "The next control, ringed; Shift+Tab the one before"},
    {"Enter or Space", "Press the ringed control"},
    {"?", "Show or hide this list"},
};

// Buttons in the top bar are flat: text on the bar, a wash when hovered.
bool bar_button(const char* label, std::string_view spoken = {}) {
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(0, 0, 0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    const bool clicked = button(label, 0, spoken);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    return clicked;
}

float bar_button_width(const char* label) {
    return ImGui::CalcTextSize(label).x + 2 * ImGui::GetStyle().FramePadding.x;
}

// A confidence scripted answers cycle through, and whether to get one wrong:
// every third answer is, so the statistics have something to show.
Confidence scripted_confidence(int i) { return kStatedConfidences[static_cast<std::size_t>(2 - i % 3)]; }
Verdict scripted_verdict(const Claim& claim, int i) {
    return i % 3 == 1 ? kAllVerdicts[(index_of(claim.verdict) + 1) % 3] : claim.verdict;
}
// Every other scripted answer follows a search of the other sources for
// the claim's opening words, so their comparison has both sides to show.
bool scripted_lateral_reading(int i) { return i % 2 == 0; }
std::string scripted_search(const Claim& claim) { return claim.text.substr(0, claim.text.find(' ', 12)); }

// A path from a field, "~" expanded; a refused one is thrown, for the banner.
std::filesystem::path typed_path(const std::string& typed) {
    TypedPath expanded = expand_typed_path(typed);
    if (!expanded.error.empty()) throw std::runtime_error(expanded.error);
    return expanded.path;
}

}  // namespace

const char* screen_name(Screen screen) {
    switch (screen) {
        case Screen::Home: return "home";
        case Screen::Card: return "card";
        case Screen::Reveal: return "reveal";
        case Screen::Technique: return "technique";
        case Screen::Done: return "done";
        case Screen::Article: return "article";
        case Screen::Lookup: return "lookup";
        case Screen::Sources: return "sources";
        case Screen::Stats: return "stats";
        case Screen::Settings: return "settings";
        case Screen::ClassQuiz: return "class-quiz";
        case Screen::Quiz: return "quiz";
        case Screen::BuildQuiz: return "build-quiz";
        case Screen::Report: return "report";
        case Screen::Studio: return "studio";
        case Screen::LiveSetup: return "live-setup";
        case Screen::LiveProjector: return "live-projector";
        case Screen::LiveDashboard: return "live-dashboard";
        case Screen::LiveJoin: return "live-join";
        case Screen::LiveCard: return "live-card";
        case Screen::LiveWait: return "live-wait";
    }
    return "home";
}

Shell::Shell(StudyApp& app, FontFiles font_files, std::uint64_t shuffle_seed, PlatformFeatures features)
    : app_(app), font_files_(std::move(font_files)), shuffle_seed_(shuffle_seed), features_(features) {
    if (!features_.connect_live) return;
    try {
        app_.enable_live_classes(features_.connect_live);
    } catch (const std::exception& error) {
        notice_ = error.what();
        return;
    }
    // Reloaded (or woken) in the middle of a class: straight back to it.
    if (app_.live_pupil()->stage() != live::PupilStage::Out) show(Screen::LiveWait);
}

Shell::~Shell() {
    if (studio_) studio_->close();
}

// ---- Fonts and theme --------------------------------------------------------

void Shell::set_scale(float ui_scale, float pixels_per_unit) {
    ui_scale_ = ui_scale;
    pixels_per_unit_ = pixels_per_unit;
}

float Shell::wanted_body_size() const {
    return std::round(kBaseBodySize * ui_scale_ * static_cast<float>(app_.display_settings().text_size_percent) / 100);
}

bool Shell::fonts_outdated() const { return built_body_size_ != wanted_body_size(); }

bool Shell::rebuild_fonts(ImFontAtlas& atlas) {
    built_body_size_ = wanted_body_size();
    const Fonts built = build_fonts(atlas, font_files_, built_body_size_, pixels_per_unit_);
    ImGui::GetIO().FontGlobalScale = 1 / pixels_per_unit_;
    set_fonts(built);
    apply_theme(app_.display_settings().theme, ui_scale_);
    return built.body && built.bold && built.claim && built.heading && built.small;
}

// ---- The frame --------------------------------------------------------------

void Shell::draw_frame() {
    // The clock runs out between frames too; a card that timed out is not
    // drawn once more with its half-chosen answer.
    if (screen_ == Screen::Quiz && app_.class_quiz().time_out_if_expired()) quiz_.card = {};
    take_chosen_file();
    run_waiting_import();
    update_live_class();
    follow_live_class();
    start_naming_keys();
    allow_single_key_shortcuts(app_.display_settings().single_key_shortcuts);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    const ImGuiWindowFlags whole_screen = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                          ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                          ImGuiWindowFlags_NoScrollWithMouse;
    // The page draws its own margins; tooltips and popups keep the theme's padding.
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("ClaimDeck", nullptr, whole_screen);
    ImGui::PopStyleVar();
    Action action = draw_top_bar();
    draw_notices();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild("##page", ImVec2(0, -footer_height()), false, ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleVar();
    page_bottom_ = ImGui::GetWindowPos().y + ImGui::GetWindowHeight();
    if (scroll_to_) ImGui::SetScrollY(*scroll_to_);
    scroll_to_.reset();
    page_scroll_y_ = ImGui::GetScrollY();
    drag_to_scroll();
    take(action, draw_screen());
    ImGui::EndChild();
    take(action, draw_footer());
    ImGui::End();

    draw_shortcuts();
    draw_definitions();
    keyboard_focus_frame_ends();
    take(action, global_shortcuts());
    apply(action);
    // The draft is written between frames, a few seconds after a change.
    if (studio_) studio_->autosave(system_clock_ms()());
}

bool Shell::in_study() const {
    return app_.session() && (screen_ == Screen::Card || screen_ == Screen::Reveal || screen_ == Screen::Technique);
}

Action Shell::draw_top_bar() {
    Action action;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetWindowWidth();
    const float height = std::round(touch_target() + 0.5f * em());
    const float pad = std::round(0.5f * em());
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(at, ImVec2(at.x + width, at.y + height), palette().surface);
    draw->AddLine(ImVec2(at.x, at.y + height - 1), ImVec2(at.x + width, at.y + height - 1), palette().border);
    const float row_y = at.y + (height - touch_target()) / 2;
    const float text_y = at.y + (height - em()) / 2;

    // Left: where Back leads, or the app's name at home.
    if (screen_ == Screen::Home) {
        ImGui::SetCursorScreenPos(ImVec2(at.x + 2 * pad, text_y));
        ImGui::PushFont(fonts().bold);
        ImGui::TextUnformatted("ClaimDeck");
        ImGui::PopFont();
    } else {
        ImGui::SetCursorScreenPos(ImVec2(at.x + pad, row_y));
        if (bar_button(back_stack_.empty() ? "\u2190 Home" : "\u2190 Back")) take(action, act::Back{});
    }
    const float left_end = ImGui::GetItemRectMax().x + spacing;

    // Middle: the session's progress.
    const StudySession* session = app_.session();
    std::string progress;
    if (in_study()) progress = progress_text(*session, screen_ == Screen::Card);
    const float progress_width = progress.empty() ? 0 : ImGui::CalcTextSize(progress.c_str()).x + spacing;

    // Right: Statistics and Settings, leaving out Statistics when the bar is too narrow for all.
    const bool roomy = width > 40 * em();
    const char* stats_label = roomy ? "Statistics" : "Stats";
    const char* settings_label = roomy ? "\u2699 Settings" : "\u2699";
    const bool show_settings = screen_ != Screen::Settings && app_.store_fault().empty();
    const float settings_width = show_settings ? bar_button_width(settings_label) + spacing : 0;
    const bool show_stats = screen_ != Screen::Stats && app_.profile() &&
                            left_end + progress_width + settings_width + bar_button_width(stats_label) <= width - pad;
    // Placed from the right, drawn from the left: the keyboard and a screen
    // reader meet them in the order the eye does.
    const float settings_x = at.x + width - pad - (show_settings ? bar_button_width(settings_label) : 0);
    const float stats_x = settings_x - (show_settings ? spacing : 0) - bar_button_width(stats_label);
    const float right = show_stats ? stats_x : show_settings ? settings_x - spacing : settings_x;
    if (!progress.empty()) {
        // Centred on the window when there is room, else in the gap between
        // the sides; smaller where even that is too narrow (the largest text
        // on a phone), and left to the bar under it where nothing fits.
        const float gap = right - spacing - left_end;
        ImFont* font = progress_width - spacing <= gap ? fonts().body : fonts().small;
        const float text_width =
            font->CalcTextSizeA(font_size(font), FLT_MAX, 0, progress.c_str(), progress.c_str() + progress.size()).x;
        outline_text(Role::Text, progress);
        if (text_width <= gap) {
            const float centred = at.x + (width - text_width) / 2;
            const float x = std::clamp(centred, left_end, std::max(left_end, right - spacing - text_width));
            ImGui::GetWindowDrawList()->AddText(
                font, font_size(font), ImVec2(std::round(x), std::round(at.y + (height - font_size(font)) / 2)),
                palette().text, progress.c_str());
        }
    }
    if (show_stats) {
        ImGui::SetCursorScreenPos(ImVec2(stats_x, row_y));
        if (bar_button(stats_label, "Statistics")) take(action, act::Go{Screen::Stats});
    }
    if (show_settings) {
        ImGui::SetCursorScreenPos(ImVec2(settings_x, row_y));
        if (bar_button(settings_label, "Settings")) take(action, act::Go{Screen::Settings});
    }

    ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + height));
    if (in_study())
        progress_bar(static_cast<float>(session->done()) / static_cast<float>(std::max(1, session->size())), width,
                     palette().accent);
    else
        ImGui::Dummy(ImVec2(width, 0));
    return action;
}

void Shell::draw_notices() {
    const StudySession* session = app_.session();
    std::string text = notice_;
    // The waiting answers' message says what went wrong and that they are
    // kept; a fresh fault (a refused switch of learner) says it first.
    if (text.empty() && session && session->pending_saves() > 0)
        text = pending_answers_text(session->pending_saves()) + " not saved yet. " + session->save_error();
    if (text.empty()) return;
    vertical_space(0.5f);
    banner(text, palette().error, palette().error_text, page_column(50 * em()));
}

// The bar fixed under the page on some screens: the next step, always in reach.
const RevealView* Shell::revealed() const {
    return screen_ == Screen::Reveal ? &reveal_ : screen_ == Screen::Lookup ? &lookup_ : nullptr;
}

bool Shell::card_footer_shown() const { return screen_ == Screen::Card && app_.session() && answers_in_footer(); }

float Shell::footer_height() const {
    if (const RevealView* view = revealed()) return reveal_footer_height(app_, *view);
    if (screen_ == Screen::Quiz) return quiz_footer_height(app_, quiz_);
    return card_footer_shown() ? card_footer_height(card_) : 0;
}

Action Shell::draw_footer() {
    // Pinned to the window's bottom edge (the page above ends with item spacing).
    const float height = footer_height();
    if (height <= 0) return {};
    const ImVec2 window = ImGui::GetWindowPos();
    ImGui::SetCursorScreenPos(ImVec2(window.x, window.y + ImGui::GetWindowHeight() - height));
    if (const RevealView* view = revealed()) return draw_reveal_footer(app_, *view);
    if (screen_ == Screen::Quiz) return draw_quiz_footer(app_, quiz_);
    return draw_card_footer(card_);
}

Action Shell::draw_screen() {
    switch (screen_) {
        case Screen::Home:
            return draw_home_screen(
                app_, home_,
                {features_.files, features_.files, features_.pick_deck_file || features_.file_chooser != nullptr,
                 bool(features_.pick_file), features_.connect_live && features_.files,
                 live_class_ && live_class_->busy()});
        case Screen::Card: return draw_card_screen(app_, card_);
        case Screen::Reveal: return draw_reveal_screen(app_, reveal_);
        case Screen::Technique: return draw_technique_screen(technique_);
        case Screen::Done: return draw_done_screen(app_);
        case Screen::Article: return draw_article_screen(app_, article_);
        case Screen::Lookup: return draw_reveal_screen(app_, lookup_);
        case Screen::Sources: return draw_sources_screen(app_, sources_);
        case Screen::Stats: return draw_stats_screen(app_);
        case Screen::Settings:
            return draw_settings_screen(
                app_, settings_,
                {features_.files, bool(features_.offer_download) || features_.file_chooser != nullptr});
        case Screen::ClassQuiz: return draw_class_quiz_screen(app_, class_quiz_, features_.files);
        case Screen::Quiz: return draw_quiz_screen(app_, quiz_);
        case Screen::BuildQuiz: return draw_build_quiz_screen(app_, build_quiz_);
        case Screen::Report: return draw_report_screen(app_, report_);
        case Screen::Studio:
            return draw_studio_screen(studio(), studio_view_, features_.files || bool(features_.pick_file));
        case Screen::LiveSetup: return draw_live_setup_screen(app_, live_setup_, bool(features_.start_live_server));
        case Screen::LiveProjector:
            if (live_class_) return draw_live_projector_screen(*live_class_, live_qr_);
            return act::Go{Screen::LiveSetup};
        case Screen::LiveDashboard:
            if (live_class_) return draw_live_dashboard_screen(*live_class_, live_results_);
            return act::Go{Screen::LiveSetup};
        case Screen::LiveJoin:
            return draw_live_join_screen(*app_.live_pupil(), live_join_, !features_.live_server_is_page_origin);
        case Screen::LiveCard: return draw_live_card_screen(app_, *app_.live_pupil(), live_card_);
        case Screen::LiveWait: return draw_live_wait_screen(*app_.live_pupil());
    }
    return {};
}

// A small window over the page, opened and closed by `open` (Esc or its
// Close button close it). `draw` fills it, given the width its text may take.
template <typename Draw>
void Shell::popup(const char* name, bool& open, Draw draw) {
    if (open && !ImGui::IsPopupOpen(name)) ImGui::OpenPopup(name);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(1.5f * em(), 1.5f * em()));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings;
    if (ImGui::BeginPopupModal(name, nullptr, flags)) {
        const float width = std::min(26 * em(), viewport->WorkSize.x - 4 * em());
        // At its width from the first frame, which measures the popup, so it
        // opens where it stays.
        text_block(name, fonts().heading, 0, width);
        draw(width);
        if (!open || primary_button("Close", width)) {
            open = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar();
}

void Shell::draw_shortcuts() {
    popup(kShortcutsPopup, shortcuts_open_, [this](float width) {
        if (!app_.display_settings().single_key_shortcuts)
            muted("Single-key shortcuts are off in Settings: 1 2 3, H, S and ? do nothing.", width);
        ImGui::PushFont(fonts().bold);
        float key_column = 0;
        for (const auto& shortcut : kShortcuts) key_column = std::max(key_column, ImGui::CalcTextSize(shortcut[0]).x);
        key_column += 1.2f * em();
        ImGui::PopFont();
        for (const auto& [key, meaning] : kShortcuts) {
            const float line_start = ImGui::GetCursorPosX();
            ImGui::PushFont(fonts().bold);
            ImGui::TextUnformatted(key);
            ImGui::PopFont();
            ImGui::SameLine(line_start + key_column);
            text_block(meaning, nullptr, 0, width - key_column);
        }
    });
}

void Shell::draw_definitions() {
    popup(kDefinitionsPopup, definitions_open_, [](float width) {
        muted(kJudgeTheClaim, width);
        verdict_definitions(width);
        vertical_space(0.4f);
    });
}

Action Shell::global_shortcuts() {
    if (pressed(ImGuiKey_Escape)) return act::Back{};
    if (typed('?')) return act::ToggleShortcuts{};
    // A technique card's answer is not taken back: Undo is for the claims'.
    if (ctrl_pressed(ImGuiKey_Z) && in_study() && screen_ != Screen::Technique) return act::Undo{};
    return {};
}

// ---- Carrying out actions ---------------------------------------------------

void Shell::apply(const Action& action) {
    // Without its store the app only says why (Home): nothing to carry out.
    if (std::holds_alternative<std::monostate>(action) || !app_.store_fault().empty()) return;
    try {
        std::visit([this](const auto& chosen) { apply(chosen); }, action);
        notice_.clear();
    } catch (const std::exception& error) {
        notice_ = error.what();
    }
}

// The other sources a card's search found, and the articles opened from it.
bool Shell::among_sources(Screen screen) const {
    return screen == Screen::Sources || (screen == Screen::Article && article_.source_paragraph);
}

void Shell::show(Screen screen) {
    // Leaving the other sources, however (Back, Home, the menu), ends the
    // lateral reading the card's answer will carry.
    if (among_sources(screen_) && !among_sources(screen)) app_.end_lateral_reading(sources_.card, sources_.words);
    if (screen != screen_) scroll_to_ = 0.0f;
    screen_ = screen;
}

void Shell::apply(const act::Go& go) {
    // A class quiz may have ended since Statistics last looked.
    if (go.screen == Screen::Stats) app_.refresh_own_quizzes();
    const bool on_top = go.screen == Screen::Article || go.screen == Screen::Stats || go.screen == Screen::Settings ||
                        go.screen == Screen::Lookup || go.screen == Screen::Sources;
    if (!on_top)
        back_stack_.clear();
    else if (go.screen != screen_)
        back_stack_.push_back({screen_, page_scroll_y_});
    show(go.screen);
}

void Shell::apply(const act::Back&) {
    if (shortcuts_open_ || definitions_open_) {
        shortcuts_open_ = false;
        definitions_open_ = false;
    } else if (screen_ == Screen::Card && card_.picked) {
        card_.picked.reset();
    } else if (screen_ == Screen::Quiz && quiz_.card.picked) {
        quiz_.card.picked.reset();
    } else if (screen_ == Screen::Technique && technique_.picked && !technique_.outcome) {
        technique_.picked.reset();
    } else if (!back_stack_.empty()) {
        const Visited back = back_stack_.back();
        back_stack_.pop_back();
        show(back.screen);
        scroll_to_ = back.scroll_y;
    } else if (screen_ != Screen::Home) {
        show(Screen::Home);
    }
}

void Shell::apply(const act::StartStudy& start) {
    if (!app_.session() || app_.session()->finished()) app_.start_session(shuffle_seed_++, start.kind);
    // No session starts without a learner; Home only offers Start with one.
    if (!app_.session()) throw std::runtime_error("Choose who is studying first.");
    card_ = {};
    // A technique card left for Home is still waiting: it comes first.
    if (const TechniqueQuestion* waiting = app_.technique_question()) {
        if (!technique_.question || technique_.question->card_id != waiting->card_id)
            technique_ = TechniqueView{*waiting, std::nullopt, {}, std::nullopt};
        return apply(act::Go{Screen::Technique});
    }
    apply(act::Go{app_.session()->finished() ? Screen::Done : Screen::Card});
}

void Shell::apply(const act::EndSession&) {
    app_.stop_session();
    card_ = {};
    apply(act::Go{Screen::Done});
}

void Shell::apply(const act::PickVerdict& pick) {
    const bool quiz = screen_ == Screen::Quiz;
    if (app_.study_settings().ask_confidence)
        (quiz ? quiz_.card : card_).picked = pick.verdict;
    else if (quiz)
        answer_quiz(pick.verdict, Confidence::Unstated);
    else
        answer(pick.verdict, Confidence::Unstated);
}

void Shell::apply(const act::PickConfidence& pick) {
    if (screen_ == Screen::Quiz) {
        if (quiz_.card.picked) answer_quiz(*quiz_.card.picked, pick.confidence);
    } else if (card_.picked) {
        answer(*card_.picked, pick.confidence);
    }
}

void Shell::answer_quiz(Verdict verdict, Confidence confidence) {
    app_.class_quiz().answer(verdict, confidence);
    quiz_.card = {};
    scroll_to_ = 0.0f;
}

void Shell::answer(Verdict verdict, Confidence confidence) {
    AnswerOutcome outcome = app_.answer(verdict, confidence);
    if (!outcome.claim) return;
    reveal_ = {outcome.claim, outcome};
    card_ = {};
    show(Screen::Reveal);
}

void Shell::apply(const act::ShowHint&) {
    card_.hint_shown = true;
    card_.scroll_to_hint = true;
    app_.use_hint();
}

void Shell::apply(const act::Next&) {
    if (screen_ == Screen::Quiz) {
        app_.class_quiz().next();
        quiz_.card = {};
        scroll_to_ = 0.0f;
        return;
    }
    app_.retry_pending_saves();
    card_ = {};
    // A technique card may come between a claim's reveal and the next claim.
    if (screen_ == Screen::Reveal && app_.offer_technique_card(shuffle_seed_++)) {
        technique_ = TechniqueView{*app_.technique_question(), std::nullopt, {}, std::nullopt};
        scroll_to_ = 0.0f;
        show(Screen::Technique);
        return;
    }
    show(app_.session() && !app_.session()->finished() ? Screen::Card : Screen::Done);
}

void Shell::apply(const act::AnswerTechnique& answer) {
    if (!technique_.question || technique_.outcome) return;
    technique_.outcome = app_.answer_technique(answer.picked, answer.words);
    scroll_to_ = 0.0f;
}

void Shell::apply(const act::Undo&) {
    app_.undo();
    card_ = {};
    show(Screen::Card);
}

void Shell::apply(const act::ReadArticle& read) {
    article_ = ArticleView{read.article_id, read.focus_claim, true, false, std::nullopt, std::nullopt};
    apply(act::Go{Screen::Article});
}

// A new card starts a new search; coming back to the same card keeps it.
void Shell::apply(const act::CheckSources&) {
    const CardAwaiting card = screen_ == Screen::Quiz ? CardAwaiting::ClassQuiz : CardAwaiting::Study;
    const Claim* claim = app_.card_awaiting_answer(card);
    if (!claim) return;
    if (sources_.claim_id != claim->id || sources_.card != card) {
        sources_ = {};
        sources_.claim_id = claim->id;
        sources_.card = card;
    }
    sources_.focus_field = true;
    sources_.searched.reset();
    app_.begin_lateral_reading(card);
    apply(act::Go{Screen::Sources});
}

// Read while the card waits for its answer: the reader shows no verdict and
// opens no answer (the card's own could be among them, answered before).
void Shell::apply(const act::ReadSource& read) {
    app_.note_source_read(sources_.card, sources_.words);
    article_ = ArticleView{read.article_id, std::nullopt, true, false, std::nullopt, read.paragraph};
    apply(act::Go{Screen::Article});
}

void Shell::apply(const act::OpenClaim& open) {
    lookup_ = {app_.deck().claim(open.claim_id), std::nullopt};
    // Back in the article, the reader returns to the claim they opened.
    article_.focus_claim = open.claim_id;
    article_.scroll_to_focus = true;
    apply(act::Go{Screen::Lookup});
}

void Shell::apply(const act::ChooseProfile& choose) { app_.choose_profile(choose.id); }

void Shell::apply(const act::CreateProfile& create) {
    app_.create_profile(create.name);
    home_ = {};
}

void Shell::apply(const act::RenameProfile& rename) {
    app_.rename_profile(rename.id, rename.name);
    home_ = {};
}

void Shell::apply(const act::AskDeleteProfile& ask) {
    home_.delete_answers = app_.answers_of_learner(ask.id);
    home_.confirming_delete = ask.id;
}

void Shell::apply(const act::DeleteProfile& remove) {
    app_.delete_profile(remove.id);
    home_ = {};
}

void Shell::apply(const act::ChangeStudySettings& change) { app_.set_study_settings(change.settings); }

void Shell::apply(const act::ChangeDisplaySettings& change) {
    app_.set_display_settings(change.settings);
    apply_theme(change.settings.theme, ui_scale_);
}

void Shell::apply(const act::ToggleShortcuts&) { shortcuts_open_ = !shortcuts_open_; }

void Shell::apply(const act::ToggleDefinitions&) { definitions_open_ = !definitions_open_; }

void Shell::apply(const act::DismissNotices&) { app_.dismiss_notices(); }

bool Shell::may_close() {
    if (app_.retry_pending_saves() || close_warned_) return true;
    close_warned_ = true;
    notice_ = pending_answers_text(app_.session()->pending_saves()) + " not saved yet. " +
              app_.session()->save_error() +
              " Close again to keep them in a file in the data folder; ClaimDeck saves them the next time it starts.";
    return false;
}

// Failures are thrown, so the notice banner shows them (see apply(Action)).
void Shell::apply(const act::OpenQuiz& open) {
    if (!app_.class_quiz().open(typed_path(open.path))) throw std::runtime_error(app_.class_quiz().message());
    class_quiz_ = {};
    home_.quiz_path.clear();
    apply(act::Go{Screen::ClassQuiz});
}

void Shell::apply(const act::StartQuiz& start) {
    const std::filesystem::path results_path = typed_path(start.results_path);  // empty: the default place
    app_.start_quiz(start.count_towards_schedule);
    if (!app_.class_quiz().run()) throw std::runtime_error("Choose who is taking the quiz on Home first.");
    app_.class_quiz().choose_results_path(results_path);
    quiz_ = {};
    apply(act::Go{Screen::Quiz});
}

void Shell::apply(const act::SaveResults& save) {
    if (!save.path.empty()) app_.class_quiz().choose_results_path(typed_path(save.path));
    app_.class_quiz().save_results();  // the quiz summary shows how it went
}

void Shell::apply(const act::ChangeQuizPlan& change) { app_.quiz_builder().set_plan(change.plan); }

void Shell::apply(const act::SaveQuiz& save) {
    QuizBuilder& builder = app_.quiz_builder();
    builder.save(save.path.empty() ? builder.default_path() : typed_path(save.path));
}

void Shell::apply(const act::AddResults& add) {
    if (!app_.class_report().add(typed_path(add.path))) throw std::runtime_error(app_.class_report().message());
    report_.add_path.clear();
}

void Shell::apply(const act::RemoveResults& remove) { app_.class_report().remove(remove.index); }

void Shell::apply(const act::MergePupils& merge) { app_.class_report().merge_pupils(merge.name); }
void Shell::apply(const act::KeepPupilsApart&) { app_.class_report().keep_pupils_apart(); }

void Shell::apply(const act::ExportReport& save) {
    ReportApp& report = app_.class_report();
    std::filesystem::path path = report.export_path(save.format, typed_path(save.path));
    if (save.if_there == IfThere::SaveBeside) path = report.path_beside(save.format, path);
    const bool replace = save.if_there == IfThere::Replace;
    const bool saved =
        save.format == ReportFormat::Csv ? report.export_csv(path, replace) : report.export_html(path, replace);
    // A file already there is asked about on the report, not in the banner.
    if (!saved && report.waiting_to_replace().empty()) throw std::runtime_error(report.message());
}

// The system chooser runs beside the frame loop (FileChooser); each frame
// looks for its answer, and a chosen file is used as if typed. Without one,
// the Studio asks for a typed path.
void Shell::apply(const act::ChooseFile& choose) {
    if (features_.pick_file && is_picked_in_browser(choose.purpose)) return use_browser_for(choose.purpose);
    if (!features_.file_chooser && is_studio_file(choose.purpose)) {
        studio_view_.typing_for = choose.purpose;
        return;
    }
    const std::string studio_deck = studio_ ? studio_->document().deck().id : "";
    if (!features_.file_chooser || !features_.file_chooser->start(file_request(choose.purpose, app_, studio_deck)))
        return;
    choosing_ = choose.purpose;
}

// The browser has no paths: a file to open comes from its picker (back
// through open_picked_file()), and a deck to keep leaves as a download of its
// package, the one file Open… reads back. Save as… also saves it here first.
void Shell::use_browser_for(FilePurpose purpose) {
    switch (purpose) {
        case FilePurpose::StudioSaveAs:
            studio().save();
            // Saved even when the package cannot be made yet (the banner says what to fix).
            studio_view_.status = "Saved in this browser.";
            studio_view_.status += " Downloading " + download_package() + ".";
            return;
        case FilePurpose::StudioExportPackage:
            studio_view_.status = "Downloading " + download_package() + ": send that file to your class.";
            return;
        default: return features_.pick_file(purpose, file_request(purpose, app_));
    }
}

// Written outside the data folder, handed to the browser, then let go; returns its name.
std::string Shell::download_package() {
    const std::string name =
        file_request(FilePurpose::StudioExportPackage, app_, studio().document().deck().id).suggested_name;
    const std::filesystem::path file = std::filesystem::temp_directory_path() / name;
    studio().export_package(file);
    features_.offer_download(file, name);
    std::error_code ignored;
    std::filesystem::remove(file, ignored);
    return name;
}

void Shell::take_chosen_file() {
    FileChooser* chooser = features_.file_chooser;
    const std::optional<FileChoice> choice = chooser ? chooser->poll() : std::nullopt;
    set_file_chooser_status(
        {chooser != nullptr, chooser && chooser->busy(), bool(features_.show_folder), bool(features_.offer_download)});
    if (!choice) return;
    switch (choice->outcome) {
        case FileChoice::Outcome::Chosen: return use_chosen_file(choosing_, choice->path.u8string());
        case FileChoice::Outcome::Cancelled: return;
        case FileChoice::Outcome::Unavailable:
            notice_ = "No file chooser is set up on this computer (" + choice->message + "): type the path instead.";
            if (is_studio_file(choosing_)) studio_view_.typing_for = choosing_;
            return;
        case FileChoice::Outcome::Failed: notice_ = "The file chooser failed: " + choice->message + "."; return;
    }
}

void Shell::use_chosen_file(FilePurpose purpose, const std::string& path) {
    switch (purpose) {
        case FilePurpose::OpenQuiz: return apply(Action(act::OpenQuiz{path}));
        case FilePurpose::ResultsFile: class_quiz_.results_path = path; return;
        case FilePurpose::RetryResults: return apply(Action(act::SaveResults{path}));
        case FilePurpose::SaveQuiz: return apply(Action(act::SaveQuiz{path}));
        case FilePurpose::AddResultsFile:
        case FilePurpose::AddResultsFolder: return apply(Action(act::AddResults{path}));
        // The system chooser asked before replacing a file already there.
        case FilePurpose::ExportCsv: return apply(Action(act::ExportReport{ReportFormat::Csv, path, IfThere::Replace}));
        case FilePurpose::ExportHtml:
            return apply(Action(act::ExportReport{ReportFormat::Html, path, IfThere::Replace}));
        case FilePurpose::ImportDeck: return apply(Action(act::ImportDeck{path}));
        case FilePurpose::StudioOpenDeck:
        case FilePurpose::StudioOpenArticle:
        case FilePurpose::StudioSaveAs:
        case FilePurpose::StudioExportPackage: return apply(Action(act::StudioFile{purpose, path}));
        case FilePurpose::BackUpProgress: return apply(Action(act::BackUpProgress{path}));
        case FilePurpose::ImportProgress: return apply(Action(act::ImportProgress{path}));
    }
}

void Shell::apply(const act::ShowInFolder& show) {
    const std::filesystem::path folder = show.file.parent_path();
    if (!features_.show_folder || !features_.show_folder(folder))
        throw std::runtime_error("The folder " + folder.u8string() + " could not be opened in the file manager.");
}

void Shell::apply(const act::Download& download) {
    if (features_.offer_download) features_.offer_download(download.file, download.file.filename().u8string());
}

void Shell::apply(const act::StudyDeck& study) {
    app_.study_deck(study.deck_id);
    home_.deck_message.clear();
}

void Shell::apply(const act::ImportDeck& import) {
    const std::filesystem::path file = typed_path(import.path);
    if (file.empty())
        throw std::runtime_error("Type or paste the path of a deck file first, or drop it on the window.");
    imported(app_.install(file));
}

// The browser has its own picker, which hands the file's bytes back; the
// desktop asks the system's chooser for a path.
void Shell::apply(const act::PickDeckFile&) {
    if (features_.pick_deck_file) return features_.pick_deck_file();
    apply(Action(act::ChooseFile{FilePurpose::ImportDeck}));
}

void Shell::apply(const act::AskRemoveDeck& ask) {
    home_.removal_answers = app_.answers_on_deck(ask.deck_id);
    home_.confirming_removal = ask.deck_id;
}

void Shell::apply(const act::RemoveDeck& remove) {
    app_.remove_deck(remove.deck_id, remove.delete_progress);
    home_.confirming_removal.clear();
    home_.deck_message = "Removed from your decks" +
                         std::string(remove.delete_progress ? ", with its answers." : "; its answers are kept.");
}

// A deck that installed is studied at once: that is why it was imported.
void Shell::imported(const InstallResult& result) {
    if (!result.installed()) throw std::runtime_error(result.summary());
    app_.study_deck(result.deck_id);
    home_.deck_path.clear();
    home_.deck_message = result.summary();
    apply(act::Go{Screen::Home});
}

void Shell::import_deck(const std::string& path) { apply(Action(act::ImportDeck{path})); }

void Shell::import_deck_bytes(std::string_view bytes, const std::string& name) {
    try {
        imported(app_.install_bytes(bytes, name));
        notice_.clear();
    } catch (const std::exception& error) {
        notice_ = error.what();
    }
}

// ---- Progress between devices ------------------------------------------------

// The browser downloads a copy written beside the page's files; the desktop
// asks where, in the system chooser or by a typed path.
void Shell::apply(const act::BackUpProgress& back_up) {
    settings_.backed_up.clear();
    settings_.progress_message.clear();
    if (back_up.path.empty() && features_.offer_download) {
        const std::filesystem::path copy = std::filesystem::temp_directory_path() / app_.backup_file_name();
        app_.back_up_progress(copy);
        features_.offer_download(copy, app_.backup_file_name());
        settings_.progress_message = "Your backup is downloading as " + app_.backup_file_name() + ".";
        return;
    }
    if (back_up.path.empty()) return apply(Action(act::ChooseFile{FilePurpose::BackUpProgress}));
    const std::filesystem::path file = typed_path(back_up.path);
    app_.back_up_progress(file);
    settings_.progress_message = "Backed up every learner's progress on this device to:";
    settings_.backed_up = file;
}

void Shell::apply(const act::ImportProgress& import) {
    settings_.backed_up.clear();
    import_waiting_ = typed_path(import.path);
    if (import_waiting_.empty()) throw std::runtime_error("Type the path of a backup or progress file first.");
    settings_.progress_message = "Importing progress from " + import_waiting_.filename().u8string() + "\u2026";
    import_in_frames_ = 2;
}

// Two frames on: the one after the action shows "Importing…", then it runs.
void Shell::run_waiting_import() {
    if (import_in_frames_ == 0 || --import_in_frames_ > 0) return;
    try {
        settings_.progress_message = describe_import(app_.import_progress(import_waiting_));
        settings_.progress_path.clear();
    } catch (const std::exception& error) {
        settings_.progress_message = error.what();
    }
}

void Shell::apply(const act::PickProgressFile&) {
    if (features_.pick_progress_file) return features_.pick_progress_file();
    apply(Action(act::ChooseFile{FilePurpose::ImportProgress}));
}

namespace {

// A file from the browser's picker, copied outside the data folder (keeping
// its extension, which says what it is) so it can be read by path.
std::filesystem::path picked_copy(std::string_view bytes, const std::string& name) {
    const std::filesystem::path copy =
        std::filesystem::temp_directory_path() / ("picked-" + std::filesystem::u8path(name).filename().u8string());
    if (std::string error = write_text_file(copy, bytes); !error.empty())
        throw std::runtime_error("The file could not be read: " + error + ".");
    return copy;
}

}  // namespace

void Shell::import_progress_bytes(std::string_view bytes, const std::string& name) {
    try {
        apply(Action(act::ImportProgress{picked_copy(bytes, name).u8string()}));
    } catch (const std::exception& error) {
        settings_.progress_message = error.what();
    }
}

void Shell::open_picked_file(FilePurpose purpose, std::string_view bytes, const std::string& name) {
    try {
        use_chosen_file(purpose, picked_copy(bytes, name).u8string());
    } catch (const std::exception& error) {
        notice_ = error.what();
    }
}

// ---- The Studio ---------------------------------------------------------------

namespace {

// Said when another deck replaced one with edits no Save held: where they went.
std::string set_aside_note(const StudioApp& studio) {
    if (!studio.set_aside()) return "";
    return "Your unsaved changes to the deck before are kept in " + studio.set_aside()->string() +
           ": Open\u2026 brings them back.";
}

}  // namespace

// Made on first use: it reads the data folder, which a learner who never
// opens the Studio need not pay for. A draft left by a crash comes back.
StudioApp& Shell::studio() {
    if (!studio_) {
        studio_ = std::make_unique<StudioApp>(app_.classroom_dir());
        if (studio_->restore_draft()) {
            studio_view_.status = "Your unsaved work from last time is back.";
            if (!studio_->document().deck().articles.empty())
                studio_view_.article = studio_->document().deck().articles.front().id;
        }
    }
    return *studio_;
}

void Shell::apply(const act::StudioChange& change) {
    studio().apply(change.edit);
    // What was just made opens: a pasted article in the reader, a new claim in the editor.
    if (std::holds_alternative<edit::AddArticle>(change.edit)) {
        studio_view_.article = studio().document().deck().articles.back().id;
        studio_view_.tab = StudioTab::Articles;
    }
    if (std::holds_alternative<edit::NewClaim>(change.edit)) {
        studio_view_.claim = studio().document().last_new_claim();
        studio_view_.tab = StudioTab::Claim;
        studio_view_.selection.reset();
    }
}

void Shell::apply(const act::StudioCommand& command) {
    StudioApp& open = studio();
    switch (command.step) {
        case act::StudioStep::Undo: return open.undo();
        case act::StudioStep::Redo: return open.redo();
        case act::StudioStep::Save:
            open.save();
            studio_view_.status = "Saved to " + open.saved_deck_file().u8string() + ".";
            return;
        case act::StudioStep::AddToMyDecks: return add_to_my_decks(open.document().deck());
        case act::StudioStep::NewDeck: open.new_deck(); break;
        case act::StudioStep::CopyDeckInUse: open.open_copy(app_.deck()); break;
    }
    studio_view_ = {};
    studio_view_.status = set_aside_note(open);
}

// Installed in the library as a package would be: Home lists it, with the
// learner's progress on it.
void Shell::add_to_my_decks(const Deck& deck) {
    const InstallResult result = app_.install_deck(deck);
    if (!result.installed()) throw std::runtime_error("Not added to your decks: " + describe_all(result.problems));
    studio_view_.status = result.summary() + " It is on Home now.";
}

void Shell::apply(const act::StudioFile& file) {
    StudioApp& open = studio();
    const std::filesystem::path path = typed_path(file.path);
    switch (file.purpose) {
        case FilePurpose::StudioOpenDeck:
            open.open_file(path);
            studio_view_ = {};
            studio_view_.status = open.saved_once()
                                      ? "Opened " + path.u8string() + "."
                                      : "Opened a copy: Save puts it in " + open.save_folder().u8string() + ".";
            if (open.set_aside()) studio_view_.status += " " + set_aside_note(open);
            break;
        case FilePurpose::StudioOpenArticle:
            open.add_article_file(path);
            studio_view_.article = open.document().deck().articles.back().id;
            studio_view_.tab = StudioTab::Articles;
            break;
        case FilePurpose::StudioSaveAs:
            open.save_as(path);
            studio_view_.status = "Saved to " + open.saved_deck_file().u8string() + ".";
            break;
        case FilePurpose::StudioExportPackage:
            open.export_package(path);
            studio_view_.status = "Exported to " + path.u8string() + ".";
            break;
        default: return;
    }
    studio_view_.typing_for.reset();
    studio_view_.typed_path.clear();
}

// ---- Live classes -----------------------------------------------------------

void Shell::apply(const act::StartLiveClass& start) {
    live_qr_ = {};
    live_results_ = {};
    live_class_.reset();  // a class still running stops here, and its server with it
    if (start.on_this_computer && features_.start_live_server)
        live_class_ = std::make_unique<live::TeacherClass>(start.request, features_.start_live_server(app_.deck()),
                                                           features_.connect_live);
    else
        live_class_ = std::make_unique<live::TeacherClass>(
            start.request, live::named_server(start.address, start.teacher_key), features_.connect_live);
    show(Screen::LiveProjector);
}

void Shell::apply(const act::MoveLiveClassOn&) {
    if (live_class_) live_class_->move_on();
}

void Shell::apply(const act::EndLiveClass&) {
    if (!live_class_) return;
    live_class_->end();
    show(Screen::LiveDashboard);
}

void Shell::apply(const act::OpenLiveClassReport&) {
    ReportApp& report = app_.class_report();
    report.clear();  // the live class alone, not mixed with files added before
    if (!report.add(live_results_.folder)) throw std::runtime_error(report.message());
    apply(act::Go{Screen::Report});
}

// Between frames: what the server answered is taken in, the join link's QR
// code is made once the class has one, and an ended class's answers are
// saved as results files for the report.
void Shell::update_live_class() {
    if (!live_class_) return;
    live_class_->update(system_clock_ms()());
    if (live_qr_.empty() && features_.make_qr_code && !live_class_->join_link().empty())
        live_qr_ = features_.make_qr_code(live_class_->join_link());
    const auto& answers = live_class_->answers();
    if (answers && !answers->empty() && live_results_.folder.empty())
        live_results_ = live::save_live_class_results(app_.class_report().results_dir(), *live_class_->state(),
                                                      app_.deck(), *answers, system_clock_ms()());
}

void Shell::drop_file(const std::string& path) {
    if (is_package_file(path))
        import_deck(path);
    else if (screen_ == Screen::Report)
        apply(Action(act::AddResults{path}));
    else
        open_quiz(path, false);
}

void Shell::open_report(const std::vector<std::filesystem::path>& paths) {
    for (const std::filesystem::path& path : paths) apply(Action(act::AddResults{path.u8string()}));
    apply(act::Go{Screen::Report});
}

void Shell::open_quiz(const std::string& path, bool start) {
    apply(Action(act::OpenQuiz{path}));
    if (start && screen_ == Screen::ClassQuiz && app_.profile()) apply(Action(act::StartQuiz{}));
}

void Shell::answer_quiz_by_script(int count) {
    for (int i = 0; i < count && app_.class_quiz().run(); ++i) {
        if (app_.class_quiz().run()->revealing()) app_.class_quiz().next();
        const Claim* claim = app_.class_quiz().run()->current();
        if (!claim) return;
        answer_quiz(scripted_verdict(*claim, i), scripted_confidence(i));
    }
}

bool Shell::clock_running() const {
    if ((features_.file_chooser && features_.file_chooser->busy()) || import_in_frames_ > 0) return true;
    // A live class is asked for its answers every second, whatever is on screen.
    if (live_class_ && live_class_->busy()) return true;
    if (app_.live_pupil() && app_.live_pupil()->wants_updates()) return true;
    const QuizRun* run = app_.class_quiz().run();
    // The quiz's clock shows on its card and among the other sources checked for it.
    const bool quiz_clock_shown =
        screen_ == Screen::Quiz || (among_sources(screen_) && sources_.card == CardAwaiting::ClassQuiz);
    // A Studio change the draft does not hold yet: frames go on until it is written.
    return (quiz_clock_shown && run && run->remaining_ms()) || (studio_ && studio_->draft_pending());
}

// ---- A pupil in a live class ------------------------------------------------

namespace {

// The screen for where the class stands: the join form until joined, the
// card while there is one to answer, the waiting screen otherwise.
Screen live_screen_for(live::PupilStage stage) {
    switch (stage) {
        case live::PupilStage::Out:
        case live::PupilStage::Joining: return Screen::LiveJoin;
        case live::PupilStage::Card: return Screen::LiveCard;
        default: return Screen::LiveWait;
    }
}

bool is_live_screen(Screen screen) {
    return screen == Screen::LiveJoin || screen == Screen::LiveCard || screen == Screen::LiveWait;
}

}  // namespace

// Between frames: what the server sent back is taken in (its answers
// confirmed in the store), and a live screen follows the class.
void Shell::follow_live_class() {
    live::PupilClient* pupil = app_.live_pupil();
    if (!pupil) return;
    try {
        pupil->update(app_.now());
    } catch (const std::exception& error) {
        notice_ = error.what();
    }
    if (is_live_screen(screen_)) show(live_screen_for(pupil->stage()));
}

void Shell::join_live_class(const std::string& code) {
    const live::PupilClient* pupil = app_.live_pupil();
    if (!pupil) return;
    back_stack_.clear();
    if (pupil->stage() == live::PupilStage::Out || pupil->class_code() != code) live_join_.code = code;
    show(pupil->class_code() == code ? live_screen_for(pupil->stage()) : Screen::LiveJoin);
}

void Shell::apply(const act::JoinLive& join) {
    live_join_.problem = app_.live_pupil()->join(join.server, join.code, join.nickname).value_or("");
}

void Shell::apply(const act::AnswerLive& answer) {
    app_.live_pupil()->answer(answer.verdict, answer.confidence, app_.now());
}

void Shell::apply(const act::LeaveLive&) {
    app_.live_pupil()->leave();
    show(Screen::Home);
}

// ---- Scripted starts --------------------------------------------------------

void Shell::start_studying() { apply(act::StartStudy{}); }

void Shell::answer_by_script(int count) {
    for (int i = 0; i < count && app_.session() && !app_.session()->finished(); ++i) {
        if (screen_ == Screen::Reveal) apply(act::Next{});
        const Claim& claim = *app_.session()->current();
        if (scripted_lateral_reading(i)) {
            app_.begin_lateral_reading(CardAwaiting::Study);
            app_.end_lateral_reading(CardAwaiting::Study, scripted_search(claim));
        }
        answer(scripted_verdict(claim, i), scripted_confidence(i));
    }
}

void Shell::study_until_technique_card() {
    while (screen_ != Screen::Technique && app_.session() && !app_.session()->finished()) {
        if (screen_ == Screen::Reveal)
            apply(act::Next{});
        else
            answer_by_script(1);
    }
}

// The right name, the words that carry it and one more: a near miss.
void Shell::answer_technique_by_script() {
    if (!technique_.question) return;
    const TechniqueQuestion& question = *technique_.question;
    std::vector<bool> words;
    bool one_more = true;
    for (const QuoteWord& word : question.words) {
        words.push_back(word.carries || one_more);
        if (!word.carries) one_more = false;
    }
    apply(act::AnswerTechnique{question.use->name, words});
}

void Shell::open(StartScreen start) {
    switch (start) {
        case StartScreen::Natural: return;
        case StartScreen::Home: return apply(act::Go{Screen::Home});
        case StartScreen::Card:
            if (screen_ == Screen::Reveal) apply(act::Next{});
            return;
        case StartScreen::Sources:
            if (screen_ == Screen::Reveal) apply(act::Next{});
            return apply(act::CheckSources{});
        case StartScreen::Reveal:
            if (screen_ != Screen::Reveal) answer_by_script(1);
            return;
        case StartScreen::Technique: return study_until_technique_card();
        case StartScreen::TechniqueAnswer: study_until_technique_card(); return answer_technique_by_script();
        case StartScreen::Done:
            while (app_.session() && !app_.session()->finished()) answer_by_script(app_.session()->size());
            apply(act::Next{});
            // A technique card may come after the last claim, before the summary.
            if (screen_ == Screen::Technique) apply(act::Next{});
            return;
        case StartScreen::Article: {
            // The article of the last answer, else of the deck's first claim.
            const Claim* shown = reveal_.claim                ? reveal_.claim
                                 : app_.deck().claims.empty() ? nullptr
                                                              : &app_.deck().claims.front();
            if (shown) return apply(act::ReadArticle{shown->article, shown->id});
            return apply(act::Go{Screen::Article});
        }
        case StartScreen::Stats: return apply(act::Go{Screen::Stats});
        case StartScreen::Settings: return apply(act::Go{Screen::Settings});
        case StartScreen::Report: return apply(act::Go{Screen::Report});
        case StartScreen::BuildQuiz: return apply(act::Go{Screen::BuildQuiz});
        case StartScreen::Studio: return apply(act::Go{Screen::Studio});
        case StartScreen::LiveClass: return apply(act::Go{Screen::LiveSetup});
    }
}

void Shell::search_sources(std::string words) { sources_.words = std::move(words); }

namespace {
std::string live_report(const live::PupilClient& pupil) {
    static constexpr const char* kStages[] = {"out", "joining", "loading", "card", "waiting", "ended"};
    static constexpr const char* kFates[] = {"sending", "saved", "refused"};
    const auto& given = pupil.last_answer();
    return std::string(kStages[static_cast<int>(pupil.stage())]) + " " +
           (given ? kFates[static_cast<int>(given->fate)] : "none") + " " + std::to_string(pupil.unconfirmed());
}
}  // namespace

FrameReport Shell::report() const {
    FrameReport report;
    report.screen = screen_;
    report.text_colour = palette().text;
    report.primary_button = primary_button_this_frame();
    for (const OutlineNode& node : outline_this_frame().nodes) {
        if (is_control(node.role))
            report.controls.push_back(node);
        else
            report.texts.push_back(node.name);
    }
    if (screen_ == Screen::Studio && studio_) {
        const Deck& deck = studio_->document().deck();
        report.studio = std::to_string(deck.articles.size()) + " articles, " + std::to_string(deck.claims.size()) +
                        " claims, " + std::to_string(studio_->live_checks().size()) + " problems, edit " +
                        std::to_string(studio_->document().revision());
    }
    if (screen_ == Screen::Report) {
        std::vector<std::string> shown;  // a pupil who took both forms is one name
        for (const StudentFigures& student : app_.class_report().report().students)
            if (std::find(shown.begin(), shown.end(), student.pupil) == shown.end()) shown.push_back(student.pupil);
        for (const std::string& pupil : shown) report.pupils += (report.pupils.empty() ? "" : ", ") + pupil;
    }
    if (const live::PupilClient* pupil = app_.live_pupil()) report.live = live_report(*pupil);
    report.page_bottom = page_bottom_;
    report.keys_named = keys_named();
    report.notice = notice_;
    if (screen_ == Screen::Article) {
        report.unanswered_claim = article_.unanswered_claim;
        report.unanswered_note = article_.unanswered_tapped;
        report.claims_marked = article_.claims_marked;
    }
    if (screen_ == Screen::Card && app_.session()) {
        report.claim = app_.session()->current();
        report.claim_box = card_.claim_box;
        if (card_.hint_shown) report.hint_box = card_.hint_box;
        report.picked = card_.picked;
        for (Verdict verdict : kAllVerdicts)
            report.verdict_buttons[index_of(verdict)] = verdict_button_this_frame(verdict);
    }
    return report;
}

}  // namespace claimdeck::ui

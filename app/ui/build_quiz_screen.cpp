#include "build_quiz_screen.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <vector>

#include "file_buttons.hpp"

namespace claimdeck::ui {
namespace {

constexpr int kTimeLimitStepSeconds = 10;
constexpr int kLongestOfferedLimitSeconds = 300;

// The kinds of quiz in the order they are offered.
constexpr std::array<Choice<QuizKind>, 3> kKinds = {{
    {QuizKind::Balanced, "Balanced set", "Balanced",
     "A set of claims with the three verdicts as equal as the deck allows, spread over its topics."},
    {QuizKind::Matching, "By filter", "Filter",
     "Every claim that matches the filter, in an order where neighbours differ."},
    {QuizKind::PrePost, "Pretest + posttest", "Pre/post",
     "Forms A and B, alike in verdicts and topics, no claim in both: A before training, B after it."},
}};

constexpr std::array<Choice<bool>, 2> kDelayedForm = {{
    {false, "No", "No", "Forms A and B only."},
    {true, "Add form C", "Form C",
     "A third form, alike in verdicts and topics, taken some days after B: did what the class learnt last?"},
}};

constexpr std::array<Choice<RevealMode>, 2> kRevealModes = {{
    {RevealMode::AfterEach, "After each card", "After each card", "Each card teaches the next: good for practice."},
    {RevealMode::AtEnd, "At the end", "At the end", "Early cards cannot teach later ones: fair for a test."},
}};

constexpr std::array<Choice<OtherSources>, 3> kOtherSources = {{
    {OtherSources::Off, "Not offered", "Off", "Pupils answer from the claim and its source alone."},
    {OtherSources::Offered, "Offered", "Offered",
     "Pupils may search the deck's other articles before answering; the report compares answers with and "
     "without."},
    {OtherSources::Required, "Before each answer", "Required",
     "Pupils search the deck's other articles before every answer: practice in reading laterally, as "
     "fact-checkers do."},
}};

void setting_label(std::string_view title, float width) {
    vertical_space(0.5f);
    text_block(title, fonts().bold, 0, width);
}

std::string time_limit_label(int seconds) {
    if (seconds == 0) return "No limit";
    if (seconds < 60) return std::to_string(seconds) + " seconds";
    const int rest = seconds % 60;
    return std::to_string(seconds / 60) + " min" + (rest ? " " + std::to_string(rest) + " s" : "");
}

// Drop-downs of "any" and then the deck's topics, articles or verdicts;
// each returns the index picked this frame, or -1.

// `items` are the deck's topics or articles (each with an id and a title).
template <class Item>
int id_filter(const char* id, const char* any, const std::vector<Item>& items, std::string& chosen_id, float width) {
    std::vector<std::string> labels = {any};
    int chosen = 0;
    for (const Item& each : items) {
        if (each.id == chosen_id) chosen = static_cast<int>(labels.size());
        labels.push_back(each.title);
    }
    const int picked = drop_down(id, labels, chosen, width);
    if (picked >= 0) chosen_id = picked == 0 ? "" : items[static_cast<std::size_t>(picked - 1)].id;
    return picked;
}

int verdict_filter(std::optional<Verdict>& verdict, float width) {
    std::vector<std::string> labels = {"Any verdict"};
    for (Verdict each : kAllVerdicts) labels.emplace_back(display_name(each));
    const int picked = drop_down("##verdict", labels, verdict ? static_cast<int>(index_of(*verdict)) + 1 : 0, width);
    if (picked >= 0) verdict = picked == 0 ? std::nullopt : std::optional<Verdict>(kAllVerdicts[picked - 1]);
    return picked;
}

bool delayed_form_settings(QuizPlan& plan, float width) {
    bool changed = false;
    setting_label("Delayed posttest", width);
    if (auto delayed = segmented_choice("delayed", kDelayedForm, plan.delayed, width)) {
        plan.delayed = *delayed;
        changed = true;
    }
    muted(row_for(kDelayedForm, plan.delayed).explanation, width);
    if (!plan.delayed) return changed;
    setting_label("Days after the posttest", width);
    if (const int step = stepper("days", days_text(plan.days_after_post), width); step != 0) {
        plan.days_after_post = std::clamp(plan.days_after_post + step, 1, kMaxDaysAfterPost);
        changed = true;
    }
    return changed;
}

// Changes `plan` as the teacher edits it; true when anything changed.
bool claims_card(const Deck& deck, QuizPlan& plan, const Column& column) {
    const float width = card_inner_width(column);
    bool changed = false;
    begin_card(column);
    text_block("Build a class quiz", fonts().heading, 0, width);
    muted("Choose the claims and the rules, check the preview, then save the quiz file and hand it to the class.",
          width);

    setting_label("Claims", width);
    if (auto kind = segmented_choice("kind", kKinds, plan.kind, width)) {
        plan.kind = *kind;
        changed = true;
    }
    muted(row_for(kKinds, plan.kind).explanation, width);

    if (plan.kind != QuizKind::PrePost) {
        setting_label("Only claims of", width);
        changed |= id_filter("##topic", "Any topic", deck.topics, plan.filter.topic, width) >= 0;
        changed |= id_filter("##article", "Any article", deck.articles, plan.filter.article, width) >= 0;
        changed |= verdict_filter(plan.filter.verdict, width) >= 0;
    }
    if (plan.kind != QuizKind::Matching) {
        setting_label(plan.kind == QuizKind::PrePost ? "Claims in each form" : "How many claims", width);
        if (const int step = stepper("count", std::to_string(plan.count), width); step != 0) {
            plan.count = std::clamp(plan.count + step, 1, static_cast<int>(kMaxQuizClaims));
            changed = true;
        }
    }
    if (plan.kind == QuizKind::PrePost) changed |= delayed_form_settings(plan, width);
    end_card();
    return changed;
}

bool rules_card(const Deck& deck, QuizPlan& plan, const Column& column) {
    const float width = card_inner_width(column);
    bool changed = false;
    begin_card(column);
    text_block("Rules", fonts().heading, 0, width);

    setting_label("Title", width);
    const std::string title_before = plan.settings.title;
    text_field("##title", deck.title.c_str(), plan.settings.title, width);
    changed |= plan.settings.title != title_before;

    setting_label("Time per card", width);
    QuizSettings& settings = plan.settings;
    if (const int step = stepper("limit", time_limit_label(settings.time_limit_seconds), width); step != 0) {
        settings.time_limit_seconds =
            std::clamp(settings.time_limit_seconds + step * kTimeLimitStepSeconds, 0, kLongestOfferedLimitSeconds);
        changed = true;
    }

    setting_label("Show the true verdict", width);
    if (auto reveal = segmented_choice("reveal", kRevealModes, settings.reveal, width)) {
        settings.reveal = *reveal;
        changed = true;
    }
    muted(row_for(kRevealModes, settings.reveal).explanation, width);

    setting_label("Check other sources", width);
    if (auto sources = segmented_choice("sources", kOtherSources, settings.other_sources, width)) {
        settings.other_sources = *sources;
        changed = true;
    }
    muted(row_for(kOtherSources, settings.other_sources).explanation, width);
    end_card();
    return changed;
}

// "12 claims: 4 verified, 4 contested, 4 propaganda, from 9 topics"
std::string mix_line(const Deck& deck, const Quiz& quiz) {
    std::array<int, 3> verdicts{};
    std::set<std::string> topics;
    for (const std::string& id : quiz.claim_ids) {
        if (const Claim* claim = deck.claim(id)) {
            ++verdicts[static_cast<std::size_t>(index_of(claim->verdict))];
            topics.insert(claim->topic);
        }
    }
    std::string line = std::to_string(quiz.claim_ids.size()) + (quiz.claim_ids.size() == 1 ? " claim: " : " claims: ");
    for (Verdict verdict : kAllVerdicts)
        line += std::to_string(verdicts[static_cast<std::size_t>(index_of(verdict))]) + " " +
                std::string(to_string(verdict)) + ", ";
    return line + "from " + std::to_string(topics.size()) + (topics.size() == 1 ? " topic" : " topics");
}

void claim_list(const Deck& deck, const Quiz& quiz, float width) {
    const float badge = 2 * em();
    const float indent = badge + ImGui::GetStyle().ItemSpacing.x;
    for (const std::string& id : quiz.claim_ids) {
        const Claim* claim = deck.claim(id);
        if (!claim) continue;
        vertical_space(0.3f);
        chip(verdict_symbol(claim->verdict), verdict_colour(claim->verdict), on_verdict_colour(claim->verdict), badge);
        ImGui::SameLine();
        text_block(claim->text, nullptr, 0, width - indent);
    }
}

Action preview_card(const StudyApp& app, const QuizPlan& plan, const Column& column) {
    const QuizBuilder& builder = app.quiz_builder();
    const float width = card_inner_width(column);
    Action action;
    begin_card(column);
    text_block("Preview", fonts().heading, 0, width);
    if (!builder.problem().empty()) text_block(builder.problem(), nullptr, palette().error_text, width);
    for (const Quiz& quiz : builder.quizzes()) {
        vertical_space(0.4f);
        text_block(quiz.title, fonts().bold, 0, width);
        muted(mix_line(app.deck(), quiz), width);
        claim_list(app.deck(), quiz, width);
    }
    if (!builder.quizzes().empty()) {
        vertical_space(0.5f);
        if (button("Draw again", width)) {
            QuizPlan again = plan;
            ++again.seed;
            take(action, act::ChangeQuizPlan{again});
        }
    }
    end_card();
    return action;
}

Action save_card(const StudyApp& app, BuildQuizView& view, const Column& column) {
    const QuizBuilder& builder = app.quiz_builder();
    const float width = card_inner_width(column);
    Action action;
    begin_card(column);
    const std::size_t forms = builder.quizzes().size();
    const bool parallel = forms > 1;
    const char* all_forms = forms == 3 ? "all three" : "both";
    text_block(parallel ? "Save " + std::string(all_forms) + " forms" : "Save the quiz", fonts().heading, 0, width);
    vertical_space(0.3f);
    const PathField field =
        path_field("##save", "Where to save it (optional)", view.save_path, nullptr, "Save as\u2026", width);
    if (field.choose) take(action, act::ChooseFile{FilePurpose::SaveQuiz});
    if (view.save_path.empty()) {
        muted("Left empty, it goes to " +
                  list_of_files(quiz_file_paths(builder.default_path(), std::max<std::size_t>(forms, 1))) + ".",
              width);
    }
    vertical_space(0.3f);
    const std::string save_label = parallel ? "Save " + std::string(all_forms) + " quiz files" : "Save the quiz file";
    if (primary_button(save_label.c_str(), width) || field.use) take(action, act::SaveQuiz{view.save_path});
    if (!builder.message().empty()) {
        const bool saved = !builder.saved_files().empty();
        text_block(builder.message(), nullptr, saved ? palette().text_muted : palette().error_text, width);
        if (saved) {
            for (const std::filesystem::path& file : builder.saved_files()) take(action, saved_file(file, width));
            muted("Pupils open it on Home, or by dropping it on the window.", width);
            if (button(parallel ? "Try form A yourself" : "Try it yourself", width))
                take(action, act::OpenQuiz{builder.saved_files().front().u8string()});
        }
    }
    end_card();
    return action;
}

}  // namespace

Action draw_build_quiz_screen(const StudyApp& app, BuildQuizView& view) {
    // On a wide window the choices sit beside the preview, so each change shows at once.
    const auto [page, left, right, wide] = page_columns(78 * em(), 36 * em());
    Action action;
    QuizPlan plan = app.quiz_builder().plan();
    vertical_space(1.0f);
    const float top = ImGui::GetCursorScreenPos().y;
    float left_bottom = 0;
    {
        InColumn in(left);
        bool changed = claims_card(app.deck(), plan, left);
        changed |= rules_card(app.deck(), plan, left);
        if (changed) take(action, act::ChangeQuizPlan{plan});
        if (wide) take(action, save_card(app, view, left));
        left_bottom = ImGui::GetCursorScreenPos().y;
    }
    if (wide) ImGui::SetCursorScreenPos(ImVec2(right.x, top));
    {
        InColumn in(right);
        take(action, preview_card(app, plan, right));
        if (!wide) take(action, save_card(app, view, right));
    }
    ImGui::SetCursorScreenPos(ImVec2(page.x, std::max(left_bottom, ImGui::GetCursorScreenPos().y)));
    vertical_space(1.0f);
    return action;
}

}  // namespace claimdeck::ui

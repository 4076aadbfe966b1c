#include "stats_screen.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "base/calendar.hpp"
#include "chart_drawing.hpp"
#include "classroom/own_quizzes.hpp"
#include "learning/progress_stats.hpp"
#include "learning/scoring.hpp"
#include "number_text.hpp"
#include "roc_chart.hpp"

namespace claimdeck::ui {
namespace {

ImU32 faded(ImU32 colour, double share) {
    const unsigned alpha = static_cast<unsigned>(std::lround(40 + 215 * std::clamp(share, 0.0, 1.0)));
    return (colour & ~IM_COL32_A_MASK) | (alpha << IM_COL32_A_SHIFT);
}

void summary_card(const Scorecard& card, const Column& column) {
    const float width = card_inner_width(column);
    begin_card(column);
    text_block("Your results", fonts().heading, 0, width);
    if (card.overall.answered > 0) {
        text_block(percent_text(card.overall.accuracy()) + " right", fonts().claim, 0, width);
        muted("over " + std::to_string(card.overall.answered) + " answers on this deck", width);
        vertical_space(0.3f);
    }
    text_block(describe_overall(card), nullptr, 0, width);
    end_card();
}

// The figures a teacher reads (d′, c, the Brier score) stay folded under
// this button, so the learner's page leads with words. ImGui's state
// storage keeps it open or shut.
bool details_open(const char* id, float width) {
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID key = ImGui::GetID(id);
    const bool open = storage->GetBool(key, false);
    const std::string label = std::string(open ? "Hide" : "Show") + " details for teachers##" + id;
    if (button(label.c_str(), width)) storage->SetBool(key, !open);
    return open;
}

// Enough answers about claims that are, and are not, this verdict for its
// figures to mean something (as for its sentence).
bool enough_for_figures(const SignalDetection& d) {
    return d.hits + d.misses >= kMinTrialsForVerdictSentence &&
           d.false_alarms + d.correct_rejections >= kMinTrialsForVerdictSentence;
}

void detection_card(const Scorecard& card, const Column& column) {
    const float width = card_inner_width(column);
    begin_card(column);
    text_block("Telling the verdicts apart", fonts().heading, 0, width);
    for (Verdict verdict : kAllVerdicts) {
        const SignalDetection& d = card.detection[index_of(verdict)];
        vertical_space(0.5f);
        chip(std::string(verdict_symbol(verdict)) + " " + std::string(display_name(verdict)), verdict_colour(verdict),
             on_verdict_colour(verdict));
        text_block(describe_detection(verdict, d, DetectionFigures::Omitted), nullptr, 0, width);
    }
    vertical_space(0.3f);
    if (details_open("detection", width)) {
        muted(
            "d\u2032 says how well a verdict is told from the other two (0 is guessing); c below 0 means saying "
            "it too readily, above 0 too rarely. Shown once there are 5 answers each way.",
            width);
        for (Verdict verdict : kAllVerdicts) {
            const SignalDetection& d = card.detection[index_of(verdict)];
            const Tally& tally = card.per_class[index_of(verdict)];
            const std::string figures = enough_for_figures(d) ? "d\u2032 " + signed_number(d.d_prime) + "  \u00B7  c " +
                                                                    signed_number(d.criterion) + "  \u00B7  "
                                                              : "";
            muted(std::string(display_name(verdict)) + ": " + figures + std::to_string(tally.right) + " of " +
                      std::to_string(tally.answered) + " right",
                  width);
        }
    }
    end_card();
}

// One side of the lateral reading comparison: how many, how many right.
std::string lateral_side(const char* label, const Scorecard& card) {
    const int answered = card.overall.answered;
    return std::string(label) + ": " + count_of(answered, "answer") +
           (answered > 0 ? ", " + percent_text(card.overall.accuracy()) + " right" : "");
}

// For teachers: the side's propaganda d′ and c, once there are enough answers.
std::string lateral_figures(const char* label, const Scorecard& card) {
    const SignalDetection& d = card.detection[index_of(Verdict::Propaganda)];
    if (!enough_for_figures(d)) return std::string(label) + ": too few answers for d\u2032 and c yet";
    return std::string(label) + ": propaganda d\u2032 " + signed_number(d.d_prime) + "  \u00B7  c " +
           signed_number(d.criterion);
}

// Lateral reading: answers given after checking other sources (S on the
// card) against the rest.
void lateral_reading_card(const StudyApp& app, const Column& column) {
    const float width = card_inner_width(column);
    const Scorecard with = app.scorecard_with_lateral_reading();
    const Scorecard without = app.scorecard_without_lateral_reading();
    begin_card(column);
    text_block("Checking other sources first", fonts().heading, 0, width);
    text_block(describe_lateral_reading(with, without), nullptr, 0, width);
    if (with.overall.answered > 0) {
        vertical_space(0.3f);
        muted(lateral_side("After checking", with), width);
        muted(lateral_side("Without", without), width);
        vertical_space(0.3f);
        if (details_open("lateral", width)) {
            muted(lateral_figures("After checking", with), width);
            muted(lateral_figures("Without", without), width);
        }
    }
    end_card();
}

// One quiz of the learner's: its figures, and the splits its results give.
void own_quiz_form(const FormFigures& form, float width) {
    vertical_space(0.4f);
    text_block(form.form == QuizForm::Single ? quiz_title_or_id(form) : form_heading(form.form), fonts().bold, 0,
               width);
    text_block(describe_figures(form.figures, Audience::Learner), nullptr, 0, width);
    if (form.by_study) {
        muted(describe_studied_part(form.by_study->studied, true, Audience::Learner), width);
        muted(describe_studied_part(form.by_study->unstudied, false, Audience::Learner), width);
    }
    if (form.by_lateral_reading) {
        muted(describe_lateral_reading_part(form.by_lateral_reading->after_checking, true, Audience::Learner), width);
        muted(describe_lateral_reading_part(form.by_lateral_reading->without_checking, false, Audience::Learner),
              width);
    }
}

// The learner's own class quizzes, as the teacher's report gives the class:
// did training make them more discerning or only more sceptical, and did it last?
void own_quizzes_card(const OwnQuizzes& own, const Column& column) {
    if (own.empty()) return;
    const float width = card_inner_width(column);
    begin_card(column);
    text_block("Your class quizzes", fonts().heading, 0, width);
    muted("From the results of the quizzes you took on this device: the latest of each kind.", width);
    for (const FormFigures& form : own.forms) own_quiz_form(form, width);
    for (const std::string& sentence : {own.pre_post, own.retention}) {
        if (sentence.empty()) continue;
        vertical_space(0.4f);
        text_block(sentence, nullptr, 0, width);
    }
    end_card();
}

// Technique cards: naming the technique and finding its words, per technique.
void techniques_card(const StudyApp& app, const Column& column) {
    const TechniqueFigures figures = app.technique_figures();
    const float width = card_inner_width(column);
    begin_card(column);
    text_block("Propaganda techniques", fonts().heading, 0, width);
    text_block(describe_technique_figures(figures), nullptr, 0, width);
    if (!figures.per_technique.empty()) vertical_space(0.3f);
    for (const TechniqueTally& tally : figures.per_technique) muted(describe_technique_tally(tally), width);
    end_card();
}

void confusion_card(const Scorecard& card, const Column& column) {
    const float width = card_inner_width(column);
    begin_card(column);
    text_block("What you said, against what it was", fonts().heading, 0, width);
    muted("Rows: what the claim was. Columns: what you said. The diagonal is right.", width);
    vertical_space(0.4f);

    const float label_width = std::min(7.5f * em(), width * 0.4f);
    const float cell = std::floor(std::min((width - label_width) / 3, 5.0f * em()));
    const float header = 1.6f * em();
    const ImRect area = chart_area(label_width + 3 * cell, header + 3 * cell);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float grid_x = area.Min.x + label_width;
    const float grid_y = area.Min.y + header;
    for (Verdict said : kAllVerdicts) {
        const float x = grid_x + static_cast<float>(index_of(said)) * cell;
        centred(fonts().bold, ImVec2(x + cell / 2, area.Min.y + header / 2), palette().text, verdict_symbol(said));
    }
    for (Verdict truth : kAllVerdicts) {
        const float y = grid_y + static_cast<float>(index_of(truth)) * cell;
        const std::string label = std::string(verdict_symbol(truth)) + " " + std::string(display_name(truth));
        draw_text(fonts().small, ImVec2(area.Min.x, std::round(y + cell / 2 - 0.5f * em())), palette().text, label);
        int row_total = 0;
        for (Verdict said : kAllVerdicts) row_total += card.confusion[index_of(said)][index_of(truth)];
        for (Verdict said : kAllVerdicts) {
            const int count = card.confusion[index_of(said)][index_of(truth)];
            const float x = grid_x + static_cast<float>(index_of(said)) * cell;
            const double share = row_total ? static_cast<double>(count) / row_total : 0;
            // Right answers in the verdict's colour, mistakes in grey: deeper for a larger share of the row.
            const ImU32 fill = count == 0 ? palette().surface_sunken
                                          : faded(said == truth ? verdict_colour(truth) : palette().text_muted, share);
            const float gap = std::max(1.0f, 0.1f * em());
            draw->AddRectFilled(ImVec2(x + gap, y + gap), ImVec2(x + cell - gap, y + cell - gap), fill, 0.3f * em());
            centred(fonts().bold, ImVec2(x + cell / 2, y + cell / 2), readable_ink(fill, palette().surface),
                    std::to_string(count));
        }
    }
    end_card();
}

void calibration_chart(const Scorecard& card, float width) {
    const float axis_label = 2.8f * em();
    const float height = std::min(width * 0.7f, 15 * em());
    const ImRect area = chart_area(width, height + 2.6f * em());
    const ImRect plot(ImVec2(area.Min.x + axis_label, area.Min.y + 0.5f * em()),
                      ImVec2(area.Max.x - 0.8f * em(), area.Min.y + 0.5f * em() + height));
    // Stated confidence runs 40–100 % across, actual accuracy 0–100 % up.
    auto at = [&](double stated, double actual) {
        return ImVec2(plot.Min.x + static_cast<float>((stated - 0.4) / 0.6) * plot.GetWidth(),
                      plot.Max.y - static_cast<float>(actual) * plot.GetHeight());
    };
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (int tick = 0; tick <= 100; tick += 25) {
        const ImVec2 left = at(0.4, tick / 100.0);
        draw->AddLine(left, ImVec2(plot.Max.x, left.y), palette().border);
        const std::string label = std::to_string(tick) + " %";
        draw_text(fonts().small, ImVec2(area.Min.x, std::round(left.y - 0.45f * em())), palette().text_muted, label);
    }
    draw->AddLine(at(0.4, 0.4), at(1.0, 1.0), palette().text_muted, std::max(1.5f, 0.1f * em()));
    for (const CalibrationBin& bin : card.calibration) {
        const double stated = percent(bin.level) / 100.0;
        const ImVec2 base = at(stated, 0);
        centred(fonts().small, ImVec2(base.x, plot.Max.y + 1.4f * em()), palette().text,
                std::to_string(percent(bin.level)) + " % sure");
        if (bin.answered == 0) continue;
        const ImVec2 point = at(stated, bin.accuracy());
        const float radius = std::min(0.9f * em(), 0.35f * em() + 0.08f * em() * static_cast<float>(bin.answered));
        draw->AddCircleFilled(point, radius, palette().accent);
        draw_text(fonts().small, ImVec2(point.x + radius + 0.2f * em(), point.y - 0.5f * em()), palette().text,
                  std::to_string(bin.right) + "/" + std::to_string(bin.answered));
    }
}

void calibration_card(const Scorecard& card, const Column& column) {
    const float width = card_inner_width(column);
    begin_card(column);
    text_block("How sure you were, against how often you were right", fonts().heading, 0, width);
    muted(
        "Dots on the diagonal mean your confidence matches your results; below it, you were surer than you "
        "were right.",
        width);
    vertical_space(0.4f);
    calibration_chart(card, width);
    if (card.brier && details_open("calibration", width)) {
        char brier[16];
        std::snprintf(brier, sizeof brier, "%.2f", *card.brier);
        muted(std::string("Brier score ") + brier + " (0 is perfect; always saying 50 % scores 0.25).", width);
    }
    end_card();
}

void roc_card(const Scorecard& card, const Column& column) {
    const float width = card_inner_width(column);
    begin_card(column);
    text_block("How well your confidence sorts the verdicts", fonts().heading, 0, width);
    muted(
        "Each line is one verdict against the other two, from your surest answers to all of them. The more it "
        "bows to the top left, above the grey guessing line, the better you tell that verdict apart. AUC is the "
        "area under it: 0.50 is guessing, 1.00 perfect.",
        width);
    vertical_space(0.4f);
    roc_chart(card.roc, width);
    if (details_open("roc", width))
        muted(
            "Answers are ranked in six steps, from \"this verdict, 90 % sure\" down to \"another verdict, 90 % "
            "sure\" (no stated confidence counts as 50 %). AUC is the Mann\u2013Whitney statistic, ties counted "
            "half.",
            width);
    end_card();
}

void articles_card(const Deck& deck, const Scorecard& card, const Column& column) {
    const float width = card_inner_width(column);
    begin_card(column);
    text_block("By article", fonts().heading, 0, width);
    for (const Article& article : deck.articles) {
        auto found = card.per_article.find(article.id);
        if (found == card.per_article.end()) continue;
        const Tally& tally = found->second;
        vertical_space(0.3f);
        text_block(article.title, fonts().small, 0, width);
        const std::string count = std::to_string(tally.right) + " / " + std::to_string(tally.answered);
        const float count_width = text_size(fonts().small, count).x + 0.6f * em();
        const ImVec2 at = ImGui::GetCursorScreenPos();
        progress_bar(static_cast<float>(tally.accuracy()), width - count_width, verdict_colour(Verdict::Verified));
        draw_text(fonts().small, ImVec2(at.x + width - count_width + 0.6f * em(), at.y - 0.4f * em()),
                  palette().text_muted, count);
        vertical_space(0.2f);
    }
    end_card();
}

void study_days_card(const StudyApp& app, const Column& column) {
    constexpr int kWeeks = 12;
    constexpr const char* kRowLabels[] = {"Mon", "", "Wed", "", "Fri", "", "Sun"};
    const float width = card_inner_width(column);
    begin_card(column);
    text_block("Days you studied", fonts().heading, 0, width);
    muted("The last 12 weeks, a square a day, one column a week: the darker, the more answers.", width);
    vertical_space(0.3f);

    const std::map<std::int64_t, Tally>& per_day = app.answers_per_day();
    int most = 1;
    for (const auto& entry : per_day) most = std::max(most, entry.second.answered);
    const std::int64_t today = utc_day(app.now());
    const std::int64_t first_day = start_of_week(today) - std::int64_t{7} * (kWeeks - 1);

    const float label_width = 2.6f * em();
    const float cell = std::floor(std::min((width - label_width) / kWeeks, 1.8f * em()));
    const ImRect area = chart_area(label_width + kWeeks * cell, 7 * cell);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float gap = std::max(1.0f, 0.12f * em());
    for (int row = 0; row < 7; ++row) {
        const float y = area.Min.y + static_cast<float>(row) * cell;
        draw_text(fonts().small, ImVec2(area.Min.x, std::round(y + cell / 2 - 0.45f * em())), palette().text_muted,
                  kRowLabels[row]);
        for (int week = 0; week < kWeeks; ++week) {
            const std::int64_t day = first_day + std::int64_t{7} * week + row;
            if (day > today) continue;
            auto found = per_day.find(day);
            const ImU32 fill = found == per_day.end()
                                   ? palette().surface_sunken
                                   : faded(palette().accent, static_cast<double>(found->second.answered) / most);
            const float x = area.Min.x + label_width + static_cast<float>(week) * cell;
            draw->AddRectFilled(ImVec2(x + gap, y + gap), ImVec2(x + cell - gap, y + cell - gap), fill, 0.2f * em());
            if (day == today)
                draw->AddRect(ImVec2(x + gap, y + gap), ImVec2(x + cell - gap, y + cell - gap), palette().text,
                              0.2f * em());
        }
    }
    muted("The outlined square is today.", width);
    end_card();
}

struct Bar {
    double height;      // 0..1 of the chart's height
    std::string above;  // the figure, over the bar
    std::string below;  // what the bar is, under the axis
};

// Bars side by side with their figures over them and their names under them.
void bar_chart(const std::vector<Bar>& bars, float width) {
    const float height = std::min(width * 0.4f, 8 * em());
    const ImRect area = chart_area(width, height + 2.6f * em());
    const float slot = width / static_cast<float>(std::max<std::size_t>(bars.size(), 1));
    const float base = area.Min.y + 1.3f * em() + height;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddLine(ImVec2(area.Min.x, base), ImVec2(area.Max.x, base), palette().border);
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const float centre = area.Min.x + slot * (static_cast<float>(i) + 0.5f);
        const float top = base - static_cast<float>(std::clamp(bars[i].height, 0.0, 1.0)) * height;
        const float half = std::max(2.0f, slot * 0.3f);
        if (top < base)
            draw->AddRectFilled(ImVec2(centre - half, top), ImVec2(centre + half, base), palette().accent, 0.15f * em(),
                                ImDrawFlags_RoundCornersTop);
        centred(fonts().small, ImVec2(centre, top - 0.7f * em()), palette().text, bars[i].above);
        centred(fonts().small, ImVec2(centre, base + 0.8f * em()), palette().text_muted, bars[i].below);
    }
}

// The day of the month, for the labels under a chart's bars.
std::string day_of_month(std::int64_t day) { return std::to_string(civil_from_days(day).day); }

void accuracy_over_time_card(const StudyApp& app, const Column& column) {
    constexpr int kWeeks = 8;
    const float width = card_inner_width(column);
    begin_card(column);
    text_block("Accuracy over time", fonts().heading, 0, width);
    muted("Share right each week, the last 8 weeks; under each bar, the day its week starts.", width);
    vertical_space(0.3f);
    const std::int64_t today = utc_day(app.now());
    const std::int64_t this_week = start_of_week(today);
    std::vector<Bar> bars;
    for (int week = kWeeks - 1; week >= 0; --week) {
        const std::int64_t start = this_week - std::int64_t{7} * week;
        Tally tally;
        for (auto it = app.answers_per_day().lower_bound(start);
             it != app.answers_per_day().end() && it->first < start + 7; ++it) {
            tally.answered += it->second.answered;
            tally.right += it->second.right;
        }
        bars.push_back({tally.accuracy(), tally.answered ? percent_text(tally.accuracy()) : "–",
                        week == 0 ? "now" : day_of_month(start)});
    }
    bar_chart(bars, width);
    end_card();
}

void forecast_card(const StudyApp& app, const Column& column) {
    constexpr int kDays = 14;
    const float width = card_inner_width(column);
    begin_card(column);
    text_block("Coming up", fonts().heading, 0, width);
    muted("Cards due each day of the next two weeks; today's count includes any that are overdue.", width);
    vertical_space(0.3f);
    const std::vector<int> due = app.due_forecast(kDays);
    const int most = std::max(1, *std::max_element(due.begin(), due.end()));
    const std::int64_t today = utc_day(app.now());
    std::vector<Bar> bars;
    for (int day = 0; day < kDays; ++day) {
        const int count = due[static_cast<std::size_t>(day)];
        bars.push_back(
            {static_cast<double>(count) / most, std::to_string(count), day == 0 ? "today" : day_of_month(today + day)});
    }
    bar_chart(bars, width);
    end_card();
}

}  // namespace

Action draw_stats_screen(const StudyApp& app) {
    vertical_space(1.0f);
    if (!app.profile()) {
        const Column column = page_column(40 * em());
        InColumn in(column);
        muted("Choose a learner on the home screen to see their statistics.", column.width);
        return {};
    }
    const Scorecard card = app.scorecard();
    // Two columns on a wide window: counts on the left, what they mean on the right.
    const auto [page, left, right, wide] = page_columns(80 * em(), 40 * em(), card.overall.answered > 0);

    const float top = ImGui::GetCursorScreenPos().y;
    float left_bottom = 0;
    {
        InColumn in(left);
        summary_card(card, left);
        if (card.overall.answered > 0) {
            accuracy_over_time_card(app, left);
            lateral_reading_card(app, left);
            if (app.study_settings().technique_cards || app.technique_figures().answers > 0) techniques_card(app, left);
            confusion_card(card, left);
            articles_card(app.deck(), card, left);
        }
        // Quiz answers alone, with no study yet, still have their card.
        own_quizzes_card(app.own_quizzes(), left);
        left_bottom = ImGui::GetCursorScreenPos().y;
    }
    if (card.overall.answered > 0) {
        if (wide) ImGui::SetCursorScreenPos(ImVec2(right.x, top));
        InColumn in(right);
        detection_card(card, right);
        calibration_card(card, right);
        roc_card(card, right);
        study_days_card(app, right);
        forecast_card(app, right);
    }
    ImGui::SetCursorScreenPos(ImVec2(page.x, std::max(left_bottom, ImGui::GetCursorScreenPos().y)));
    vertical_space(0.5f);
    return {};
}

}  // namespace claimdeck::ui

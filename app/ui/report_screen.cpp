#include "report_screen.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "file_buttons.hpp"
#include "number_text.hpp"
#include "rich_text.hpp"
#include "roc_chart.hpp"

namespace claimdeck::ui {
namespace {

std::string verdict_label(Verdict verdict) {
    return std::string(verdict_symbol(verdict)) + " " + std::string(display_name(verdict));
}

std::string file_name(const std::string& path) { return std::filesystem::u8path(path).filename().u8string(); }

// Ends a row drawn with SetCursorScreenPos: the next line starts at `x`
// below `bottom`, and the card or column grows to hold the row.
void end_row(float x, float bottom, float width) {
    ImGui::SetCursorScreenPos(ImVec2(x, bottom));
    ImGui::Dummy(ImVec2(width, 0));
}

// One line of text ending at `right`, its top at `top`; returns its bottom.
// Drawn by text_block, so it sits on the same baseline as text beside it.
float text_right(std::string_view text, ImFont* font, ImU32 colour, float right, float top) {
    if (!font) font = fonts().body;
    const float size = font_size(font);
    const float width = std::ceil(font->CalcTextSizeA(size, FLT_MAX, 0, text.data(), text.data() + text.size()).x) + 1;
    ImGui::SetCursorScreenPos(ImVec2(std::round(right - width), top));
    text_block(text, font, colour, width);
    return ImGui::GetItemRectMax().y;
}

// Puts the next item on the same line when `item_width` still fits before `line_end`.
void same_line_if_room(float item_width, float line_end) {
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    if (ImGui::GetItemRectMax().x + spacing + item_width <= line_end) ImGui::SameLine(0, spacing);
}

// Muted words between chips, centred on them. Drawn, not laid out as text,
// so the line's top stays where the first chip put it.
void muted_inline(const std::string& text, float line_end) {
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    same_line_if_room(size.x, line_end);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float height = chip_size(text).y;
    ImGui::Dummy(ImVec2(size.x, height));
    ImGui::GetWindowDrawList()->AddText(ImVec2(at.x, std::round(at.y + (height - size.y) / 2)), palette().text_muted,
                                        text.c_str());
}

void verdict_chip_inline(Verdict verdict, float line_end) {
    const std::string label = verdict_label(verdict);
    same_line_if_room(chip_size(label).x, line_end);
    chip(label, verdict_colour(verdict), on_verdict_colour(verdict));
}

// ---- Adding files -----------------------------------------------------------

// A class's worth of files would push the report itself out of view.
constexpr std::size_t kFilesListedUnasked = 4;

// Text on the left, wrapped if need be, and a button of `button_width` on
// the right, centred on each other; true when the button is clicked.
bool text_and_button(std::string_view text, ImFont* font, const char* label, float button_width, float width) {
    const ImVec2 row = ImGui::GetCursorScreenPos();
    const float text_width = width - button_width - ImGui::GetStyle().ItemSpacing.x;
    Paragraph measured;
    measured.text = text;
    measured.font = font;
    const float text_height = paragraph_height(measured, text_width);
    const float height = std::max(text_height, touch_target());
    ImGui::SetCursorScreenPos(ImVec2(row.x, std::round(row.y + (height - text_height) / 2)));
    text_block(text, font, 0, text_width);
    ImGui::SetCursorScreenPos(ImVec2(row.x + width - button_width, std::round(row.y + (height - touch_target()) / 2)));
    const bool clicked = button(label, button_width);
    end_row(row.x, row.y + height, width);
    return clicked;
}

void explain_report(const ReportApp& report, float width) {
    text_block(
        "Add the results files your pupils handed in: choose them, or type or paste the path of a file, or of a "
        "folder to add every results file in it.",
        nullptr, 0, width);
    muted(
        "The report shows what fooled the class, claim by claim, each pupil's accuracy, and, after a pretest "
        "and a posttest, whether the class got better at telling propaganda from the rest.",
        width);
    muted("Quizzes taken in this app leave their results in " + report.results_dir().u8string() + ".", width);
    vertical_space(0.4f);
}

// "11 results files" and, when there are many, a button that lists them or
// folds them away; then one row per listed file with a button that leaves
// it out.
Action file_list(const ReportApp& report, bool& all_listed, float width) {
    const std::size_t count = report.files().size();
    const std::string heading = count_of(static_cast<int>(count), "results file");
    if (count <= kFilesListedUnasked)
        text_block(heading, fonts().bold, 0, width);
    else if (text_and_button(heading, fonts().bold, all_listed ? "Fold" : "List", std::round(5 * em()), width))
        all_listed = !all_listed;
    if (count > kFilesListedUnasked && !all_listed) return {};
    Action action;
    for (std::size_t i = 0; i < count; ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (text_and_button(report.files()[i].filename().u8string(), nullptr, "\u00D7", touch_target(), width))
            take(action, act::RemoveResults{i});
        ImGui::PopID();
    }
    return action;
}

Action add_card(const ReportApp& report, ReportView& view, const Column& column) {
    const float width = card_inner_width(column);
    begin_card(column);
    text_block("Class report", fonts().heading, 0, width);
    if (report.files().empty()) explain_report(report, width);
    Action action;
    if (path_field("##results", "Results file or folder", view.add_path, "Add", nullptr, width).use &&
        !view.add_path.empty())
        action = act::AddResults{view.add_path};
    switch (chooser_button_pair("Add a file\u2026", "Add a folder\u2026", width)) {
        case 0: action = act::ChooseFile{FilePurpose::AddResultsFile}; break;
        case 1: action = act::ChooseFile{FilePurpose::AddResultsFolder}; break;
        default: break;
    }
    muted("or drop results files on this window", width);
    if (!report.files().empty()) {
        vertical_space(0.6f);
        take(action, file_list(report, view.all_files_listed, width));
    }
    end_card();
    return action;
}

void skipped_card(const std::vector<SkippedFile>& skipped, const Column& column) {
    const float width = card_inner_width(column);
    const ImU32 ink = palette().error_text;
    begin_card(column);
    text_block("Left out of the report", fonts().heading, ink, width);
    for (const SkippedFile& file : skipped) {
        vertical_space(0.3f);
        text_block(file_name(file.file), fonts().bold, ink, width);
        text_block(file.reason, nullptr, ink, width);
    }
    end_card(palette().error, ink);
}

// ---- What the files show ----------------------------------------------------

// One headline per form: a pretest and a posttest are never mixed in one figure.
// `explain`: say what d′ and c mean (once, under the last headline).
void totals_card(const FormFigures& form, bool explain, const Column& column) {
    const GroupFigures& totals = form.figures;
    const float width = card_inner_width(column);
    begin_card(column);
    text_block(form_heading(form.form), fonts().heading, 0, width);
    text_block(percent_text(totals.accuracy()) + " right", fonts().claim, 0, width);
    muted(count_of(totals.students, "pupil") + "  \u00B7  " + count_of(totals.files, "results file") + "  \u00B7  " +
              std::to_string(totals.right) + " of " + count_of(totals.cards, "answer") + " right",
          width);
    vertical_space(0.3f);
    text_block("Telling propaganda from the rest: mean d\u2032 " + signed_number(totals.mean_d_prime) +
                   "  \u00B7  mean c " + signed_number(totals.mean_criterion),
               nullptr, 0, width);
    if (form.by_study) {
        vertical_space(0.3f);
        muted(describe_studied_part(form.by_study->studied, true), width);
        muted(describe_studied_part(form.by_study->unstudied, false), width);
    }
    if (form.by_lateral_reading) {
        vertical_space(0.3f);
        muted(describe_lateral_reading_part(form.by_lateral_reading->after_checking, true), width);
        muted(describe_lateral_reading_part(form.by_lateral_reading->without_checking, false), width);
    }
    if (explain)
        muted(
            "d\u2032 says how well a pupil tells propaganda from verified and contested claims (0 is guessing); c "
            "below "
            "0 means calling claims propaganda too readily, above 0 too rarely.",
            width);
    end_card();
}

void pre_post_card(const PrePostChange& change, const Column& column) {
    const float width = card_inner_width(column);
    begin_card(column);
    text_block("Before and after", fonts().heading, 0, width);
    text_block(change.summary, fonts().claim, 0, width);
    end_card(0, palette().accent);
}

// The sentence, then each step's figures over the pupils who took all three forms.
void retention_card(const Retention& kept, const Column& column) {
    const float width = card_inner_width(column);
    begin_card(column);
    text_block("Did it last?", fonts().heading, 0, width);
    text_block(kept.summary, fonts().claim, 0, width);
    const std::pair<QuizForm, const GroupFigures*> steps[] = {
        {QuizForm::PreA, &kept.pre}, {QuizForm::PostB, &kept.post}, {QuizForm::DelayedC, &kept.delayed}};
    for (const auto& [form, figures] : steps) {
        vertical_space(0.3f);
        text_block(form_heading(form), fonts().bold, 0, width);
        muted(percent_text(figures->accuracy()) + " right  \u00B7  mean d\u2032 " +
                  signed_number(figures->mean_d_prime) + "  \u00B7  mean c " + signed_number(figures->mean_criterion),
              width);
    }
    muted("Only the " + count_of(kept.pre.students, "pupil") + " who took all three forms.", width);
    end_card(0, palette().accent);
}

// One plot per form, like the headlines: a pretest and a posttest are never pooled.
void roc_card(const FormFigures& form, const Column& column) {
    const float width = card_inner_width(column);
    begin_card(column);
    text_block("How well the class's confidence sorts the verdicts", fonts().heading, 0, width);
    muted(form_heading(form.form) +
              ". Each line is one verdict against the other two, from the surest answers to all "
              "of them; the more it bows to the top left, the better the class tells that verdict apart. AUC: 0.50 is "
              "guessing, 1.00 perfect.",
          width);
    vertical_space(0.4f);
    roc_chart(form.figures.pooled.roc, width);
    end_card();
}

std::vector<const ClaimFigures*> hardest_first(const std::vector<ClaimFigures>& claims) {
    std::vector<const ClaimFigures*> sorted;
    for (const ClaimFigures& claim : claims) sorted.push_back(&claim);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const ClaimFigures* a, const ClaimFigures* b) { return a->share_right() < b->share_right(); });
    return sorted;
}

// The share of the class that got a claim right: a bar in the colour of
// its true verdict, and the figure after it on the same line.
void share_right_bar(const ClaimFigures& figures, float width) {
    const std::string label = percent_text(figures.share_right()) + " right";
    const ImVec2 row = ImGui::GetCursorScreenPos();
    const float bottom = text_right(label, nullptr, palette().text, row.x + width, row.y);
    const float label_width = ImGui::GetItemRectSize().x + 0.6f * em();
    ImGui::SetCursorScreenPos(ImVec2(row.x, std::round((row.y + bottom) / 2 - 0.1f * em())));
    progress_bar(static_cast<float>(figures.share_right()), width - label_width, verdict_colour(figures.truth));
    end_row(row.x, bottom, width);
}

// "✓ Verified  mostly mistaken for  ! Propaganda  by 3 of 5", wrapped where it must.
void what_fooled(const ClaimFigures& figures, float width) {
    const float line_end = ImGui::GetCursorScreenPos().x + width;
    chip(verdict_label(figures.truth), verdict_colour(figures.truth), on_verdict_colour(figures.truth));
    const std::optional<Verdict> wrong = figures.most_common_wrong();
    if (!wrong) {
        muted_inline(figures.timed_out > 0
                         ? "no wrong verdicts; " + std::to_string(figures.timed_out) + " ran out of time"
                         : "nobody was fooled",
                     line_end);
        return;
    }
    muted_inline("mostly mistaken for", line_end);
    verdict_chip_inline(*wrong, line_end);
    muted_inline("by " + std::to_string(figures.picked[index_of(*wrong)]) + " of " + std::to_string(figures.asked),
                 line_end);
}

void claim_row(const Deck& deck, const ClaimFigures& figures, float width) {
    const Claim* claim = deck.claim(figures.claim_id);
    text_block(claim ? claim->text : figures.claim_id, nullptr, 0, width);
    share_right_bar(figures, width);
    what_fooled(figures, width);
}

void claims_card(const Deck& deck, const std::vector<ClaimFigures>& claims, const Column& column) {
    const float width = card_inner_width(column);
    begin_card(column);
    text_block("What fooled the class", fonts().heading, 0, width);
    muted("Every claim in the quiz, the hardest for the class first.", width);
    for (const ClaimFigures* claim : hardest_first(claims)) {
        vertical_space(0.8f);
        claim_row(deck, *claim, width);
    }
    end_card();
}

// The pupils table: the name on the left and four figures, right-aligned,
// on the right. When the name would be squeezed (a phone), it gets a line
// of its own above its figures.
struct PupilColumns {
    static constexpr int kFigures = 4;
    float right[kFigures];  // each figure's right edge
    float name_width;
    bool name_above;
};

PupilColumns pupil_columns(float x, float width) {
    const float figure_widths[PupilColumns::kFigures] = {3.5f * em(), 4.5f * em(), 4 * em(), 4 * em()};
    PupilColumns columns{};
    float right = x + width;
    for (int i = PupilColumns::kFigures - 1; i >= 0; --i) {
        columns.right[i] = right;
        right -= figure_widths[i];
    }
    columns.name_width = right - x - 0.5f * em();
    columns.name_above = columns.name_width < 8 * em();
    if (columns.name_above) columns.name_width = width;
    return columns;
}

struct PupilRow {
    std::string_view name;  // empty: none (the header, when names have lines of their own)
    ImFont* name_font;
    std::string figures[PupilColumns::kFigures];
    ImFont* figures_font;
    ImU32 ink;
};

void pupil_row(const PupilRow& pupil, const PupilColumns& columns, float width) {
    const ImVec2 row = ImGui::GetCursorScreenPos();
    float bottom = row.y;
    if (!pupil.name.empty()) {
        text_block(pupil.name, pupil.name_font, pupil.ink, columns.name_width);
        bottom = ImGui::GetItemRectMax().y;
    }
    const float figures_y = columns.name_above ? ImGui::GetCursorScreenPos().y : row.y;
    for (int i = 0; i < PupilColumns::kFigures; ++i)
        bottom =
            std::max(bottom, text_right(pupil.figures[i], pupil.figures_font, pupil.ink, columns.right[i], figures_y));
    end_row(row.x, bottom, width);
}

std::string form_text(QuizForm form) { return form == QuizForm::Single ? "\u2013" : std::string(to_string(form)); }

// "+14 pts" or "−5 pts": a change of accuracy in percentage points.
std::string points_change(double change) {
    const long points = std::lround(change * 100.0);
    return (points > 0 ? "+" : points < 0 ? "\u2212" : "") + std::to_string(std::labs(points)) + " pts";
}

std::string accuracy_or_dash(const std::optional<StudentFigures>& figures) {
    return figures ? percent_text(figures->accuracy()) : "\u2013";
}

// "Time ran out on 2 of 12 cards (form A)": a pupil the clock beat, not only their answers.
void time_ran_out_note(const StudentFigures& student, float width) {
    if (student.timed_out == 0) return;
    const std::string form = student.form == QuizForm::Single ? "" : " (form " + form_text(student.form) + ")";
    text_block(
        "\u231B Time ran out on " + std::to_string(student.timed_out) + " of " + count_of(student.cards, "card") + form,
        fonts().small, palette().text_muted, width);
}

void sceptic_flag(const PupilChange& pupil, float width) {
    text_block("Only more sceptical: calls more claims propaganda (c " +
                   signed_number(pupil.pre->propaganda().criterion) + " \u2192 " +
                   signed_number(pupil.post->propaganda().criterion) + ") without telling them apart better (d\u2032 " +
                   signed_number(pupil.pre->propaganda().d_prime) + " \u2192 " +
                   signed_number(pupil.post->propaganda().d_prime) + ")",
               fonts().small, palette().error_text, width);
}

// After a pretest and a posttest: each pupil once, with both figures and the change.
void pupil_changes_card(const std::vector<PupilChange>& pupils, const Column& column) {
    const float width = card_inner_width(column);
    begin_card(column);
    text_block("Pupils, before and after", fonts().heading, 0, width);
    muted(
        "Share right in the pretest and the posttest, and the change in percentage points (and, under a pupil who "
        "took it, the delayed posttest). A pupil flagged \"only more sceptical\" calls more claims propaganda "
        "without telling them apart any better.",
        width);
    vertical_space(0.4f);
    const PupilColumns columns = pupil_columns(ImGui::GetCursorScreenPos().x, width);
    const ImU32 muted_ink = palette().text_muted;
    pupil_row(
        {columns.name_above ? "" : "Pupil", fonts().small, {"Pre", "Post", "Change", ""}, fonts().small, muted_ink},
        columns, width);
    for (const PupilChange& pupil : pupils) {
        if (columns.name_above) vertical_space(0.4f);
        const std::optional<double> change = pupil.accuracy_change();
        pupil_row({pupil.pupil,
                   fonts().bold,
                   {accuracy_or_dash(pupil.pre), accuracy_or_dash(pupil.post),
                    change ? points_change(*change) : "\u2013", pupil.only_more_sceptical() ? "!" : ""},
                   fonts().body,
                   palette().text},
                  columns, width);
        if (pupil.only_more_sceptical()) sceptic_flag(pupil, width);
        if (pupil.delayed) muted("Delayed posttest: " + accuracy_or_dash(pupil.delayed), width);
        if (pupil.pre) time_ran_out_note(*pupil.pre, width);
        if (pupil.post) time_ran_out_note(*pupil.post, width);
        if (pupil.delayed) time_ran_out_note(*pupil.delayed, width);
    }
    end_card();
}

void pupils_card(const std::vector<StudentFigures>& students, const Column& column) {
    const float width = card_inner_width(column);
    begin_card(column);
    text_block("Pupils", fonts().heading, 0, width);
    muted("Right: share of the quiz answered right. d\u2032 and c: telling propaganda from the rest, as above.", width);
    vertical_space(0.4f);
    const PupilColumns columns = pupil_columns(ImGui::GetCursorScreenPos().x, width);
    const ImU32 muted_ink = palette().text_muted;
    pupil_row(
        {columns.name_above ? "" : "Pupil", fonts().small, {"Form", "Right", "d\u2032", "c"}, fonts().small, muted_ink},
        columns, width);
    for (const StudentFigures& student : students) {
        if (columns.name_above) vertical_space(0.4f);
        pupil_row({student.pupil,
                   fonts().bold,
                   {form_text(student.form), percent_text(student.accuracy()),
                    signed_number(student.propaganda().d_prime), signed_number(student.propaganda().criterion)},
                   fonts().body,
                   palette().text},
                  columns, width);
        time_ran_out_note(student, width);
    }
    end_card();
}

// Two learners who typed the same name are kept apart as "Ana (1)" and
// "Ana (2)"; the teacher, who knows the class, can say they are one.
Action namesakes_card(const ReportApp& report, const Column& column) {
    const float width = card_inner_width(column);
    Action action;
    begin_card(column);
    text_block("Pupils with the same name", fonts().heading, 0, width);
    for (const Namesakes& namesakes : report.report().namesakes) {
        ImGui::PushID(namesakes.name.c_str());
        text_block(std::to_string(namesakes.pupil_keys.size()) + " learners called " + namesakes.name +
                       " handed in results from different devices (or from an older ClaimDeck), so they are "
                       "shown apart, numbered in the order their files were added.",
                   nullptr, 0, width);
        if (primary_button(("Merge: one pupil called " + namesakes.name).c_str(), width))
            take(action, act::MergePupils{namesakes.name});
        ImGui::PopID();
    }
    if (report.has_merges() && button("Keep merged pupils apart again", width)) take(action, act::KeepPupilsApart{});
    end_card();
    return action;
}

// ---- Saving -----------------------------------------------------------------

// An export never replaces a file unasked.
Action replace_question(const ReportApp& report, float width) {
    const std::filesystem::path& file = report.waiting_to_replace();
    vertical_space(0.3f);
    text_block(report.message() + " Replace it, or save this report beside it?", nullptr, palette().error_text, width);
    const ReportFormat format = file.extension() == ".csv" ? ReportFormat::Csv : ReportFormat::Html;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float half = std::floor((width - spacing) / 2);
    Action action;
    if (button("Replace it", half)) action = act::ExportReport{format, file.u8string(), IfThere::Replace};
    ImGui::SameLine(0, spacing);
    if (button("Save beside it", half)) action = act::ExportReport{format, file.u8string(), IfThere::SaveBeside};
    return action;
}

Action export_card(const ReportApp& report, ReportView& view, const Column& column) {
    const float width = card_inner_width(column);
    Action action;
    begin_card(column);
    text_block("Save the report", fonts().heading, 0, width);
    muted(
        "As spreadsheets (CSV, one file per table) or as a page any web browser opens (HTML), to keep, share or "
        "print.",
        width);
    vertical_space(0.3f);
    text_field("##export", "Where to save it (optional)", view.export_path, width);
    // Each button adds its own extension.
    if (view.export_path.empty())
        muted("Left empty, it goes to " + report.export_path(ReportFormat::Csv).replace_extension().u8string() +
                  ".csv or .html.",
              width);
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float half = std::floor((width - spacing) / 2);
    if (button("Save CSV", half)) take(action, act::ExportReport{ReportFormat::Csv, view.export_path});
    ImGui::SameLine(0, spacing);
    if (button("Save HTML", half)) take(action, act::ExportReport{ReportFormat::Html, view.export_path});
    switch (chooser_button_pair("Save CSV as\u2026", "Save HTML as\u2026", width)) {
        case 0: take(action, act::ChooseFile{FilePurpose::ExportCsv}); break;
        case 1: take(action, act::ChooseFile{FilePurpose::ExportHtml}); break;
        default: break;
    }
    // A failure is shown in the notice banner.
    if (!report.waiting_to_replace().empty()) {
        take(action, replace_question(report, width));
    } else if (report.saved()) {
        muted(report.message(), width);
        // One CSV per table: each is named; the first is the one to show or copy.
        if (report.saved_paths().size() > 1)
            for (const std::filesystem::path& file : report.saved_paths()) muted(file.filename().u8string(), width);
        take(action, saved_file(report.saved_path(), width));
    }
    end_card();
    return action;
}

}  // namespace

Action draw_report_screen(const StudyApp& app, ReportView& view) {
    const ReportApp& report = app.class_report();
    const ClassReport& figures = report.report();
    // On a wide window the files and class figures sit beside the claims and pupils.
    const auto [page, left, right, wide] = page_columns(80 * em(), 44 * em(), !figures.students.empty());
    vertical_space(1.0f);
    const float top = ImGui::GetCursorScreenPos().y;
    Action action;
    float left_bottom = 0;
    {
        InColumn in(left);
        action = add_card(report, view, left);
        if (!figures.skipped.empty()) skipped_card(figures.skipped, left);
        if (!figures.students.empty()) {
            for (const FormFigures& form : figures.forms) totals_card(form, &form == &figures.forms.back(), left);
            if (figures.pre_post) pre_post_card(*figures.pre_post, left);
            if (figures.retention) retention_card(*figures.retention, left);
            if (!figures.namesakes.empty() || report.has_merges()) take(action, namesakes_card(report, left));
            if (wide) take(action, export_card(report, view, left));
            // Below merging pupils and saving the report: those are things to do, the plots something to read.
            for (const FormFigures& form : figures.forms) roc_card(form, left);
        }
        left_bottom = ImGui::GetCursorScreenPos().y;
    }
    if (!figures.students.empty()) {
        if (wide) ImGui::SetCursorScreenPos(ImVec2(right.x, top));
        InColumn in(right);
        claims_card(app.deck(), figures.claims, right);
        if (figures.pre_post)
            pupil_changes_card(figures.pre_post->pupils, right);
        else
            pupils_card(figures.students, right);
        if (!wide) take(action, export_card(report, view, right));
    }
    ImGui::SetCursorScreenPos(ImVec2(page.x, std::max(left_bottom, ImGui::GetCursorScreenPos().y)));
    vertical_space(0.5f);
    return action;
}

}  // namespace claimdeck::ui

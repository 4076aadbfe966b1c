#include "classroom/class_report_export.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <sstream>

#include "base/calendar.hpp"
#include "base/csv_writer.hpp"
#include "base/printable.hpp"

namespace claimdeck {

namespace {

std::string form_name(QuizForm form) { return form == QuizForm::Single ? "-" : std::string(to_string(form)); }

std::string wrong_name(const ClaimFigures& claim) {
    auto wrong = claim.most_common_wrong();
    return wrong ? std::string(to_string(*wrong)) : "";
}

int wrong_count(const ClaimFigures& claim) {
    auto wrong = claim.most_common_wrong();
    return wrong ? claim.picked[index_of(*wrong)] : 0;
}

// A teacher knows a claim by its words; the id is only there to tell it apart.
std::string claim_name(const ClaimFigures& claim) { return claim.text.empty() ? claim.claim_id : claim.text; }

std::string brier_text(const Scorecard& card) { return card.brier ? fixed_decimals(*card.brier, 3) : ""; }

// ---- CSV -------------------------------------------------------------------

void csv_claims(CsvWriter& csv, const ClassReport& report) {
    csv.headers({"claim", "claim id", "true verdict", "asked", "right", "share right", "timed out",
                 "most common wrong answer", "picked by"});
    for (const ClaimFigures& claim : report.claims) {
        csv.text(claim_name(claim))
            .text(claim.claim_id)
            .text(std::string(to_string(claim.truth)))
            .integer(claim.asked)
            .integer(claim.right);
        csv.number(claim.share_right()).integer(claim.timed_out).text(wrong_name(claim)).integer(wrong_count(claim));
        csv.end_row();
    }
}

void csv_students(CsvWriter& csv, const ClassReport& report) {
    csv.headers({"file", "pupil", "learner id", "form", "cards", "right", "accuracy", "timed out", "d' (propaganda)",
                 "c (propaganda)", "brier"});
    for (const StudentFigures& student : report.students) {
        csv.text(student.file).text(student.pupil).text(student.learner_id);
        csv.text(std::string(to_string(student.form))).integer(student.cards);
        csv.integer(student.right).number(student.accuracy()).integer(student.timed_out);
        csv.number(student.propaganda().d_prime).number(student.propaganda().criterion);
        csv.raw(brier_text(student.scorecard)).end_row();
    }
}

void csv_group_row(CsvWriter& csv, const std::string& name, const GroupFigures& group, const std::string& note = "") {
    csv.text(name).integer(group.students).integer(group.files).integer(group.cards).integer(group.right);
    csv.number(group.accuracy()).integer(group.timed_out).number(group.mean_d_prime).number(group.mean_criterion);
    csv.raw(brier_text(group.pooled)).text(note).end_row();
}

void csv_groups(CsvWriter& csv, const ClassReport& report) {
    csv.headers({"group", "pupils", "files", "cards", "right", "accuracy", "timed out", "mean d' (propaganda)",
                 "mean c (propaganda)", "brier", "note"});
    csv_group_row(csv, "all", report.totals);
    for (const FormFigures& form : report.forms) {
        if (form.by_study) {
            csv_group_row(csv, form_heading(form.form) + ", claims studied", form.by_study->studied);
            csv_group_row(csv, form_heading(form.form) + ", claims not studied", form.by_study->unstudied);
        }
        if (form.by_lateral_reading) {
            const LateralReadingSplit& split = *form.by_lateral_reading;
            csv_group_row(csv, form_heading(form.form) + ", after checking other sources", split.after_checking);
            csv_group_row(csv, form_heading(form.form) + ", without checking other sources", split.without_checking);
        }
    }
    if (!report.pre_post) return;
    csv_group_row(csv, "pretest (form A), pupils who took both", report.pre_post->pre);
    csv_group_row(csv, "posttest (form B), pupils who took both", report.pre_post->post, report.pre_post->summary);
    if (!report.retention) return;
    const Retention& kept = *report.retention;
    csv_group_row(csv, "pretest (form A), pupils who took all three", kept.pre);
    csv_group_row(csv, "posttest (form B), pupils who took all three", kept.post);
    csv_group_row(csv, "delayed posttest (form C), pupils who took all three", kept.delayed, kept.summary);
}

std::string optional_number(const std::optional<double>& value) { return value ? fixed_decimals(*value, 3) : ""; }

std::optional<double> accuracy_of(const std::optional<StudentFigures>& figures) {
    return figures ? std::optional<double>(figures->accuracy()) : std::nullopt;
}

void csv_pupil_changes(CsvWriter& csv, const PrePostChange& change) {
    csv.headers({"pupil", "pretest accuracy", "posttest accuracy", "change", "pretest timed out", "posttest timed out",
                 "only more sceptical", "delayed posttest accuracy"});
    for (const PupilChange& pupil : change.pupils) {
        csv.text(pupil.pupil)
            .raw(optional_number(accuracy_of(pupil.pre)))
            .raw(optional_number(accuracy_of(pupil.post)));
        csv.raw(optional_number(pupil.accuracy_change()));
        csv.raw(pupil.pre ? std::to_string(pupil.pre->timed_out) : "");
        csv.raw(pupil.post ? std::to_string(pupil.post->timed_out) : "");
        csv.raw(pupil.only_more_sceptical() ? "yes" : "no").raw(optional_number(accuracy_of(pupil.delayed)));
        csv.end_row();
    }
}

void csv_skipped(CsvWriter& csv, const ClassReport& report) {
    csv.headers({"file", "reason"});
    for (const SkippedFile& skipped : report.skipped) csv.text(skipped.file).text(skipped.reason).end_row();
}

CsvTable csv_table(const char* name, const std::function<void(CsvWriter&)>& write_rows) {
    CsvWriter csv;
    write_rows(csv);
    return {name, csv.str()};
}

// ---- HTML ------------------------------------------------------------------

std::string escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

// The app's verdict colours (app/ui/theme.cpp, verdict_colour()), so a
// teacher sees the same blue, yellow and rose in the app and on the page.
const char* verdict_colour(Verdict verdict) {
    static const char* const colours[] = {"#004488", "#ddaa33", "#bb5566"};
    return colours[index_of(verdict)];
}

constexpr const char* kNeutralColour = "#4a6b8a";
constexpr int kChartWidth = 900;
constexpr int kLabelWidth = 200;
constexpr int kBarArea = 320;
constexpr int kRowHeight = 24;

struct Bar {
    std::string label;
    double value = 0;  // 0..1
    std::string colour;
    std::string note;  // after the bar
};

std::string svg_text(int x, int y, const std::string& text, const char* extra = "") {
    return "<text x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\"" + extra + ">" + escape(text) +
           "</text>";
}

std::string bar_chart(const std::string& title, const std::vector<Bar>& bars) {
    const int height = kRowHeight * static_cast<int>(bars.size()) + 10;
    std::ostringstream svg;
    svg << "<svg role=\"img\" width=\"" << kChartWidth << "\" height=\"" << height << "\" viewBox=\"0 0 " << kChartWidth
        << " " << height << "\"><title>" << escape(title) << "</title>";
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const Bar& bar = bars[i];
        const int y = static_cast<int>(i) * kRowHeight + 4;
        const int width = static_cast<int>(std::lround(std::clamp(bar.value, 0.0, 1.0) * kBarArea));
        svg << svg_text(kLabelWidth - 8, y + 15, bar.label, " text-anchor=\"end\"") << "<rect x=\"" << kLabelWidth
            << "\" y=\"" << y << "\" width=\"" << kBarArea << "\" height=\"18\" fill=\"#eef1f4\"/>"
            << "<rect x=\"" << kLabelWidth << "\" y=\"" << y << "\" width=\"" << width << "\" height=\"18\" fill=\""
            << bar.colour << "\"/>" << svg_text(kLabelWidth + kBarArea + 8, y + 15, bar.note);
    }
    svg << "</svg>";
    return svg.str();
}

std::string claims_chart(const ClassReport& report) {
    std::vector<Bar> bars;
    for (const ClaimFigures& claim : report.claims) {
        std::string note = whole_percent(claim.share_right()) + " right";
        if (auto wrong = claim.most_common_wrong())
            note += "; fooled into " + std::string(to_string(*wrong)) + " (" + std::to_string(wrong_count(claim)) + ")";
        bars.push_back({claim.claim_id, claim.share_right(), verdict_colour(claim.truth), note});
    }
    return bar_chart("Share of the class right, per claim", bars);
}

std::string students_chart(const ClassReport& report) {
    std::vector<Bar> bars;
    for (const StudentFigures& student : report.students) {
        const std::string form = student.form == QuizForm::Single ? "" : " (" + form_name(student.form) + ")";
        bars.push_back({student.pupil + form, student.accuracy(), kNeutralColour,
                        whole_percent(student.accuracy()) + ", " + std::to_string(student.right) + " of " +
                            std::to_string(student.cards)});
    }
    return bar_chart("Accuracy per pupil", bars);
}

// Stated confidence against the share actually right, with the diagonal a
// perfectly calibrated class would sit on.
std::string calibration_chart(const Scorecard& pooled) {
    constexpr int width = 440;
    constexpr int height = 300;
    constexpr int left = 60;
    constexpr int top = 30;
    constexpr int plot_width = 340;
    constexpr int plot_height = 220;
    // Stated confidence runs 50-90 %; the axis leaves a margin either side.
    auto x_of = [&](double p) { return left + static_cast<int>(std::lround((p - 0.4) / 0.6 * plot_width)); };
    auto y_of = [&](double p) { return top + plot_height - static_cast<int>(std::lround(p * plot_height)); };
    std::ostringstream svg;
    svg << "<svg role=\"img\" width=\"" << width << "\" height=\"" << height << "\" viewBox=\"0 0 " << width << " "
        << height << "\"><title>Calibration: stated confidence against share right</title>"
        << "<rect x=\"" << left << "\" y=\"" << top << "\" width=\"" << plot_width << "\" height=\"" << plot_height
        << "\" fill=\"#f7f8fa\" stroke=\"#ccd\"/>"
        << "<line x1=\"" << x_of(0.4) << "\" y1=\"" << y_of(0.4) << "\" x2=\"" << x_of(1.0) << "\" y2=\"" << y_of(1.0)
        << "\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>";
    for (int tick : {0, 50, 100})
        svg << svg_text(left - 6, y_of(tick / 100.0) + 4, std::to_string(tick) + " %", " text-anchor=\"end\"");
    for (const CalibrationBin& bin : pooled.calibration) {
        const int x = x_of(percent(bin.level) / 100.0);
        svg << svg_text(x, top + plot_height + 18, std::to_string(percent(bin.level)) + " %",
                        " text-anchor=\"middle\"");
        if (bin.answered == 0) continue;
        const int y = y_of(bin.accuracy());
        svg << "<circle cx=\"" << x << "\" cy=\"" << y << "\" r=\"6\" fill=\"" << kNeutralColour << "\"/>"
            << svg_text(x, y - 10, whole_percent(bin.accuracy()) + " of " + std::to_string(bin.answered),
                        " text-anchor=\"middle\"");
    }
    svg << svg_text(left + plot_width / 2, height - 6, "stated confidence", " text-anchor=\"middle\"")
        << svg_text(left, top - 12, "share right") << "</svg>";
    return svg.str();
}

// SVG's form of the line styles the app's ROC plot draws (roc_line_style()).
std::string svg_dashes(RocLineStyle style) {
    switch (style) {
        case RocLineStyle::Dashed: return " stroke-dasharray=\"9 5\"";
        case RocLineStyle::Dotted: return " stroke-dasharray=\"0.5 6\" stroke-linecap=\"round\"";
        case RocLineStyle::Solid: break;
    }
    return "";
}

std::string svg_verdict_line(Verdict verdict, const std::string& points) {
    return "<polyline points=\"" + points + "\" fill=\"none\" stroke=\"" + verdict_colour(verdict) +
           "\" stroke-width=\"3\"" + svg_dashes(roc_line_style(verdict)) + "/>";
}

// The same plot as the app's (app/ui/roc_chart.cpp): one curve per verdict
// against the other two, the guessing diagonal, and a legend with each AUC.
// Narrow enough for a phone without scrolling.
std::string roc_chart(const std::array<RocCurve, 3>& curves) {
    constexpr int width = 320;
    constexpr int left = 48;
    constexpr int top = 24;
    constexpr int side = 240;
    constexpr int legend_top = top + side + 52;
    constexpr int legend_row = 22;
    constexpr int height = legend_top + 4 * legend_row;
    auto x_of = [&](double rate) { return left + static_cast<int>(std::lround(rate * side)); };
    auto y_of = [&](double rate) { return top + side - static_cast<int>(std::lround(rate * side)); };
    std::ostringstream svg;
    svg << "<svg role=\"img\" width=\"" << width << "\" height=\"" << height << "\" viewBox=\"0 0 " << width << " "
        << height << "\"><title>ROC: each verdict told from the other two</title>"
        << "<rect x=\"" << left << "\" y=\"" << top << "\" width=\"" << side << "\" height=\"" << side
        << "\" fill=\"#f7f8fa\" stroke=\"#ccd\"/>"
        << "<line x1=\"" << x_of(0) << "\" y1=\"" << y_of(0) << "\" x2=\"" << x_of(1) << "\" y2=\"" << y_of(1)
        << "\" stroke=\"#999\"/>";
    for (int tick : {0, 50, 100}) {
        const std::string label = std::to_string(tick) + " %";
        svg << svg_text(left - 6, y_of(tick / 100.0) + 4, label, " text-anchor=\"end\"")
            << svg_text(x_of(tick / 100.0), top + side + 18, label, " text-anchor=\"middle\"");
    }
    svg << svg_text(left, top - 8, "claims of the verdict caught")
        << svg_text(left + side / 2, top + side + 38, "other claims taken for it", " text-anchor=\"middle\"");
    for (Verdict verdict : kAllVerdicts) {
        std::string points;
        for (const RocPoint& point : curves[index_of(verdict)].points)
            points += std::to_string(x_of(point.false_positive_rate)) + "," +
                      std::to_string(y_of(point.true_positive_rate)) + " ";
        if (!points.empty()) svg << svg_verdict_line(verdict, points);
    }
    for (Verdict verdict : kAllVerdicts) {
        const int y = legend_top + static_cast<int>(index_of(verdict)) * legend_row;
        svg << svg_verdict_line(verdict, "0," + std::to_string(y) + " 36," + std::to_string(y))
            << svg_text(46, y + 4, std::string(display_name(verdict)) + ": " + describe_auc(curves[index_of(verdict)]));
    }
    const int guessing_y = legend_top + 3 * legend_row;
    svg << "<line x1=\"0\" y1=\"" << guessing_y << "\" x2=\"36\" y2=\"" << guessing_y << "\" stroke=\"#999\"/>"
        << svg_text(46, guessing_y + 4, "Guessing: AUC 0.50") << "</svg>";
    return svg.str();
}

struct Change {
    std::string name;
    double before;
    double after;
    double low;  // the axis
    double high;
    std::string before_text;
    std::string after_text;
};

// One row per measure: a hollow dot before, a filled dot after, joined.
std::string change_chart(const std::vector<Change>& changes) {
    const int height = 34 * static_cast<int>(changes.size()) + 10;
    std::ostringstream svg;
    svg << "<svg role=\"img\" width=\"" << kChartWidth << "\" height=\"" << height << "\" viewBox=\"0 0 " << kChartWidth
        << " " << height << "\"><title>Pretest against posttest</title>";
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const Change& change = changes[i];
        const int y = static_cast<int>(i) * 34 + 20;
        auto x_of = [&](double value) {
            const double t = (std::clamp(value, change.low, change.high) - change.low) / (change.high - change.low);
            return kLabelWidth + static_cast<int>(std::lround(t * kBarArea));
        };
        svg << svg_text(kLabelWidth - 8, y + 5, change.name, " text-anchor=\"end\"") << "<line x1=\"" << kLabelWidth
            << "\" y1=\"" << y << "\" x2=\"" << kLabelWidth + kBarArea << "\" y2=\"" << y << "\" stroke=\"#dde\"/>"
            << "<line x1=\"" << x_of(change.before) << "\" y1=\"" << y << "\" x2=\"" << x_of(change.after) << "\" y2=\""
            << y << "\" stroke=\"" << kNeutralColour << "\" stroke-width=\"3\"/>"
            << "<circle cx=\"" << x_of(change.before) << "\" cy=\"" << y << "\" r=\"6\" fill=\"#fff\" stroke=\""
            << kNeutralColour << "\" stroke-width=\"2\"/>"
            << "<circle cx=\"" << x_of(change.after) << "\" cy=\"" << y << "\" r=\"6\" fill=\"" << kNeutralColour
            << "\"/>"
            << svg_text(kLabelWidth + kBarArea + 12, y + 5,
                        "pre " + change.before_text + ", post " + change.after_text);
    }
    svg << "</svg>";
    return svg.str();
}

std::string pre_post_chart(const PrePostChange& change) {
    const GroupFigures& pre = change.pre;
    const GroupFigures& post = change.post;
    return change_chart({
        {"accuracy", pre.accuracy(), post.accuracy(), 0.0, 1.0, whole_percent(pre.accuracy()),
         whole_percent(post.accuracy())},
        {"d′ (propaganda)", pre.mean_d_prime, post.mean_d_prime, -1.0, 4.0, fixed_decimals(pre.mean_d_prime, 2),
         fixed_decimals(post.mean_d_prime, 2)},
        {"c (propaganda)", pre.mean_criterion, post.mean_criterion, -2.0, 2.0, fixed_decimals(pre.mean_criterion, 2),
         fixed_decimals(post.mean_criterion, 2)},
    });
}

std::string scrolling(const std::string& chart) { return "<div class=\"scroll\">" + chart + "</div>\n"; }

// One plot per form, as the app shows them: a pretest and a posttest are never pooled.
std::string roc_section(const ClassReport& report) {
    std::string html =
        "<h2>Telling each verdict from the rest</h2>\n<p>Each line is one verdict against the other two, from the "
        "surest answers to all of them (a verdict at 90 %, 70 %, 50 % or unstated, then another verdict at 50 %, "
        "70 %, 90 %). The more it bows to the top left, the better the class tells that verdict apart. AUC is the "
        "area under it: 0.50 is guessing, 1.00 perfect.</p>\n";
    for (const FormFigures& form : report.forms)
        html += "<h3>" + escape(form_heading(form.form)) + "</h3>\n" + scrolling(roc_chart(form.figures.pooled.roc));
    return html;
}

std::string table_row(const std::vector<std::string>& cells, const char* tag = "td") {
    std::string row = "<tr>";
    for (const std::string& cell : cells)
        row += "<" + std::string(tag) + ">" + escape(cell) + "</" + std::string(tag) + ">";
    return row + "</tr>\n";
}

// Pretest, posttest and delayed posttest, one row each, over the pupils who took all three.
std::string retention_section(const Retention& kept) {
    std::string html = "<h2>Did it last?</h2>\n<p class=\"summary\">" + escape(kept.summary) +
                       "</p>\n<div class=\"scroll\"><table>" +
                       table_row({"form", "pupils", "accuracy", "mean d′ (propaganda)", "mean c (propaganda)"}, "th");
    const std::pair<QuizForm, const GroupFigures*> steps[] = {
        {QuizForm::PreA, &kept.pre}, {QuizForm::PostB, &kept.post}, {QuizForm::DelayedC, &kept.delayed}};
    for (const auto& [form, figures] : steps)
        html += table_row({form_heading(form), std::to_string(figures->students), whole_percent(figures->accuracy()),
                           fixed_decimals(figures->mean_d_prime, 2), fixed_decimals(figures->mean_criterion, 2)});
    return html + "</table></div>\n";
}

// A section of two lines per form, for the forms whose files split their
// answers: `lines` gives them, or nothing for a form that does not split.
template <class Lines>
std::string split_section(const ClassReport& report, const std::string& heading, const std::string& intro,
                          Lines lines) {
    std::string html;
    for (const FormFigures& form : report.forms) {
        const std::optional<std::pair<std::string, std::string>> two = lines(form);
        if (two)
            html += "<p><b>" + escape(form_heading(form.form)) + "</b><br>" + escape(two->first) + "<br>" +
                    escape(two->second) + "</p>\n";
    }
    if (html.empty()) return "";
    return "<h2>" + heading + "</h2>\n<p>" + intro + "</p>\n" + html;
}

// Each form's answers to claims the pupils had studied and to those they had
// not; empty when no file says which were studied.
std::string studied_section(const ClassReport& report) {
    return split_section(report, "Claims studied and not studied",
                         "Whether each pupil had the claim in their study schedule when the quiz began. Doing as "
                         "well on claims never studied is learning that carries over.",
                         [](const FormFigures& form) -> std::optional<std::pair<std::string, std::string>> {
                             if (!form.by_study) return std::nullopt;
                             return std::make_pair(describe_studied_part(form.by_study->studied, true),
                                                   describe_studied_part(form.by_study->unstudied, false));
                         });
}

// Each form's answers given after checking the deck's other sources and
// without; empty when no quiz offered them.
std::string lateral_reading_section(const ClassReport& report) {
    return split_section(report, "Checking other sources",
                         "Answers given after looking at what the deck's other articles say (a search whose results "
                         "the pupil looked at) and answers given without, in quizzes that offered the other sources.",
                         [](const FormFigures& form) -> std::optional<std::pair<std::string, std::string>> {
                             if (!form.by_lateral_reading) return std::nullopt;
                             const LateralReadingSplit& split = *form.by_lateral_reading;
                             return std::make_pair(describe_lateral_reading_part(split.after_checking, true),
                                                   describe_lateral_reading_part(split.without_checking, false));
                         });
}

std::string claims_table(const ClassReport& report) {
    std::string html =
        "<div class=\"scroll\"><table>" +
        table_row({"claim", "id", "true verdict", "asked", "right", "timed out", "most common wrong answer"}, "th");
    for (const ClaimFigures& claim : report.claims) {
        const std::string wrong =
            claim.most_common_wrong() ? wrong_name(claim) + " (" + std::to_string(wrong_count(claim)) + ")" : "—";
        html += table_row({claim_name(claim), claim.claim_id, std::string(display_name(claim.truth)),
                           std::to_string(claim.asked), whole_percent(claim.share_right()),
                           std::to_string(claim.timed_out), wrong});
    }
    return html + "</table></div>\n";
}

std::string students_table(const ClassReport& report) {
    std::string html =
        "<div class=\"scroll\"><table>" + table_row({"pupil", "form", "file", "right", "accuracy", "timed out",
                                                     "d′ (propaganda)", "c (propaganda)", "Brier"},
                                                    "th");
    for (const StudentFigures& s : report.students)
        html +=
            table_row({s.pupil, form_name(s.form), s.file, std::to_string(s.right) + " of " + std::to_string(s.cards),
                       whole_percent(s.accuracy()), std::to_string(s.timed_out),
                       fixed_decimals(s.propaganda().d_prime, 2), fixed_decimals(s.propaganda().criterion, 2),
                       s.scorecard.brier ? fixed_decimals(*s.scorecard.brier, 3) : "—"});
    return html + "</table></div>\n";
}

std::string accuracy_or_dash(const std::optional<StudentFigures>& figures) {
    return figures ? whole_percent(figures->accuracy()) : "—";
}

// After a pretest and a posttest: each pupil once, both figures and the change.
// With a delayed posttest, its column comes after the change it tests.
std::string pupil_changes_table(const PrePostChange& change) {
    const bool delayed = any_took_delayed_posttest(change);
    std::vector<std::string> headings = {"pupil", "pretest", "posttest", "change"};
    if (delayed) headings.push_back("delayed posttest");
    headings.push_back("note");
    std::string html = "<div class=\"scroll\"><table>" + table_row(headings, "th");
    for (const PupilChange& pupil : change.pupils) {
        const std::optional<double> points = pupil.accuracy_change();
        std::vector<std::string> cells = {pupil.pupil, accuracy_or_dash(pupil.pre), accuracy_or_dash(pupil.post),
                                          points ? std::to_string(std::lround(*points * 100.0)) + " points" : "—"};
        if (delayed) cells.push_back(accuracy_or_dash(pupil.delayed));
        cells.push_back(pupil.only_more_sceptical()
                            ? "only more sceptical: calls more claims propaganda without telling them apart better"
                            : "");
        html += table_row(cells);
    }
    return html + "</table></div>\n";
}

std::string skipped_list(const ClassReport& report) {
    if (report.skipped.empty()) return "";
    std::string html = "<section class=\"skipped\"><h2>Files left out</h2><ul>\n";
    for (const SkippedFile& skipped : report.skipped)
        html += "<li><b>" + escape(skipped.file) + "</b>: " + escape(skipped.reason) + "</li>\n";
    return html + "</ul></section>\n";
}

std::string class_summary(const ClassReport& report) {
    const GroupFigures& all = report.totals;
    std::string text = std::to_string(all.students) + (all.students == 1 ? " pupil, " : " pupils, ") +
                       std::to_string(all.files) + " results files: " + std::to_string(all.right) + " of " +
                       std::to_string(all.cards) + " cards right (" + whole_percent(all.accuracy()) + ")";
    if (all.timed_out > 0) text += ", " + std::to_string(all.timed_out) + " timed out";
    text += ". Mean d′ for propaganda " + fixed_decimals(all.mean_d_prime, 2) + ", mean c " +
            fixed_decimals(all.mean_criterion, 2);
    if (all.pooled.brier) text += ", Brier score " + fixed_decimals(*all.pooled.brier, 3);
    return text + ".";
}

// "Week 3, taken by 14 pupils, the last on 2026-11-30": which quiz, and when
// the class took it.
std::string form_taken_text(const FormFigures& form) {
    std::string text = quiz_title_or_id(form) + ", taken by " + std::to_string(form.figures.students) +
                       (form.figures.students == 1 ? " pupil" : " pupils");
    return text + (form.last_finished_ms == 0 ? "" : ", the last on " + utc_date(form.last_finished_ms));
}

// The page's heading: the quiz's title (the pretest's, after a pair) and,
// for each form, when it was taken.
std::string quiz_header(const ClassReport& report) {
    if (report.forms.empty()) return "<h1>Class report</h1>\n";
    std::string html = "<h1>" + escape(quiz_title_or_id(report.forms.front())) + "</h1>\n<p>Class report";
    for (const FormFigures& form : report.forms) html += "<br>" + escape(form_taken_text(form));
    return html + "</p>\n";
}

std::string page_title(const ClassReport& report) {
    return report.forms.empty() ? "ClaimDeck class report" : quiz_title_or_id(report.forms.front()) + ": class report";
}

// Readable on a phone: a chart or table too wide for the screen scrolls
// sideways in its own box (a chart shrunk to fit would have unreadable
// labels), and claim texts get a column wide enough to read.
constexpr const char* kStyle =
    "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;"
    "line-height:1.4}"
    ".scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:1rem 0}"
    "table{border-collapse:collapse}td,th{border:1px solid #ccd;padding:.25rem .5rem;text-align:left;"
    "vertical-align:top}"
    "th{background:#eef1f4}td:first-child{min-width:12rem}svg{display:block;margin:1rem 0;font-size:12px;}"
    "@media (max-width:40rem){body{margin:1rem auto;font-size:15px}h1{font-size:1.5rem}td,th{font-size:.9rem}}"
    ".skipped{border-left:4px solid #c78f00;background:#fff8e6;padding:.5rem 1rem}"
    ".summary{font-size:1.1rem}.key span{display:inline-block;width:.8rem;height:.8rem;margin:0 .3rem 0 1rem}";

std::string verdict_key() {
    std::string html = "<p class=\"key\">Bar colour is the true verdict:";
    for (Verdict verdict : kAllVerdicts)
        html += "<span style=\"background:" + std::string(verdict_colour(verdict)) + "\"></span>" +
                std::string(display_name(verdict));
    return html + "</p>\n";
}

}  // namespace

std::vector<CsvTable> class_report_csv(const ClassReport& report) {
    std::vector<CsvTable> tables;
    tables.push_back(csv_table("claims", [&](CsvWriter& csv) { csv_claims(csv, report); }));
    tables.push_back(csv_table("pupils", [&](CsvWriter& csv) { csv_students(csv, report); }));
    if (report.pre_post)
        tables.push_back(
            csv_table("pupils-before-after", [&](CsvWriter& csv) { csv_pupil_changes(csv, *report.pre_post); }));
    tables.push_back(csv_table("class", [&](CsvWriter& csv) { csv_groups(csv, report); }));
    if (!report.skipped.empty())
        tables.push_back(csv_table("left-out", [&](CsvWriter& csv) { csv_skipped(csv, report); }));
    return tables;
}

std::filesystem::path csv_table_path(const std::filesystem::path& path, const std::string& table) {
    std::filesystem::path beside = path.parent_path() / path.stem();
    beside += "-" + table + ".csv";
    return beside;
}

std::string class_report_html(const ClassReport& report) {
    const std::string deck = report.deck_id.empty()
                                 ? std::string("no results counted")
                                 : "deck " + report.deck_id + ", version " + std::to_string(report.deck_version);
    std::string html =
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<title>" +
        escape(page_title(report)) + "</title><style>" + std::string(kStyle) + "</style></head><body>\n" +
        quiz_header(report) + "<p>" + escape(deck) + "</p>\n" + skipped_list(report);
    if (report.students.empty()) return html + "<p>No results could be counted.</p></body></html>\n";
    html += "<p class=\"summary\">" + escape(class_summary(report)) + "</p>\n";
    if (report.pre_post)
        html += "<h2>Pretest and posttest</h2>\n<p class=\"summary\">" + escape(report.pre_post->summary) + "</p>\n" +
                scrolling(pre_post_chart(*report.pre_post)) + "<p>Hollow dot: pretest; filled dot: posttest.</p>\n";
    if (report.retention) html += retention_section(*report.retention);
    html += studied_section(report);
    html += lateral_reading_section(report);
    html += "<h2>Claims: what fooled the class</h2>\n" + verdict_key() + scrolling(claims_chart(report)) +
            claims_table(report);
    if (report.pre_post) html += "<h2>Pupils, before and after</h2>\n" + pupil_changes_table(*report.pre_post);
    html += "<h2>Pupils</h2>\n" + scrolling(students_chart(report)) + students_table(report);
    html += "<h2>Calibration</h2>\n<p>Dots on the dashed line mean the class was as sure as it was right.</p>\n" +
            scrolling(calibration_chart(report.totals.pooled));
    html += roc_section(report);
    return html + "</body></html>\n";
}

}  // namespace claimdeck

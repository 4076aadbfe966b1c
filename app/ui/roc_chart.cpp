#include "roc_chart.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "chart_drawing.hpp"

namespace claimdeck::ui {
namespace {

struct Dashes {
    float on;
    float off;
};

// Lengths along the line; a dotted line's dots are about as long as the line is thick.
Dashes dashes_for(RocLineStyle style, float thickness) {
    if (style == RocLineStyle::Dashed) return {0.7f * em(), 0.4f * em()};
    return {thickness, 0.35f * em()};
}

// ImGui draws only solid lines: a dashed or dotted one is cut into pieces,
// the pattern running on across corners so it looks like one line.
void styled_polyline(const std::vector<ImVec2>& points, ImU32 colour, float thickness, RocLineStyle style) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (style == RocLineStyle::Solid) {
        draw->AddPolyline(points.data(), static_cast<int>(points.size()), colour, ImDrawFlags_None, thickness);
        return;
    }
    const Dashes dashes = dashes_for(style, thickness);
    const float period = dashes.on + dashes.off;
    float phase = 0;  // how far into the current dash-and-gap we are
    for (std::size_t i = 1; i < points.size(); ++i) {
        const ImVec2 from = points[i - 1];
        const ImVec2 to = points[i];
        const float length = std::hypot(to.x - from.x, to.y - from.y);
        auto along = [&](float distance) {
            const float t = distance / length;
            return ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
        };
        float done = 0;
        while (done < length) {
            const bool drawing = phase < dashes.on;
            const float step = std::min(length - done, (drawing ? dashes.on : period) - phase);
            if (drawing) draw->AddLine(along(done), along(done + step), colour, thickness);
            done += step;
            phase = std::fmod(phase + step, period);
        }
    }
}

float line_thickness() { return std::max(2.0f, 0.16f * em()); }
float guessing_thickness() { return std::max(1.0f, 0.08f * em()); }

// The plot itself: a square with the grid, the diagonal and the curves.
void roc_plot(const std::array<RocCurve, 3>& curves, float width) {
    const float tick_labels = 3.0f * em();
    const float side = std::min(width - tick_labels - 0.5f * em(), 20 * em());
    const float title = 1.5f * em();
    const ImRect area = chart_area(width, title + side + 3.0f * em());
    const ImRect plot(ImVec2(area.Min.x + tick_labels, area.Min.y + title),
                      ImVec2(area.Min.x + tick_labels + side, area.Min.y + title + side));
    auto at = [&](double false_positive_rate, double true_positive_rate) {
        return ImVec2(plot.Min.x + static_cast<float>(false_positive_rate) * side,
                      plot.Max.y - static_cast<float>(true_positive_rate) * side);
    };
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw_text(fonts().small, area.Min, palette().text_muted, "Claims of the verdict caught");
    for (int tick = 0; tick <= 100; tick += 25) {
        const double share = tick / 100.0;
        draw->AddLine(at(0, share), at(1, share), palette().border);
        draw->AddLine(at(share, 0), at(share, 1), palette().border);
        if (tick % 50 != 0) continue;
        const std::string label = std::to_string(tick) + " %";
        const ImVec2 left = at(0, share);
        draw_text(fonts().small, ImVec2(area.Min.x, std::round(left.y - 0.45f * em())), palette().text_muted, label);
        centred(fonts().small, ImVec2(at(share, 0).x, plot.Max.y + 0.8f * em()), palette().text_muted, label);
    }
    centred(fonts().small, ImVec2(plot.GetCenter().x, plot.Max.y + 2.2f * em()), palette().text_muted,
            "Other claims taken for it");
    draw->AddLine(at(0, 0), at(1, 1), palette().text_muted, guessing_thickness());

    for (Verdict verdict : kAllVerdicts) {
        const RocCurve& curve = curves[index_of(verdict)];
        if (curve.points.empty()) continue;
        // A threshold that adds no answers repeats the point before it; ImGui
        // would draw the zero-length segment as a wedge, so it is left out.
        std::vector<ImVec2> points;
        for (const RocPoint& point : curve.points) {
            const ImVec2 next = at(point.false_positive_rate, point.true_positive_rate);
            if (points.empty() || points.back().x != next.x || points.back().y != next.y) points.push_back(next);
        }
        styled_polyline(points, verdict_colour(verdict), line_thickness(), roc_line_style(verdict));
    }
}

// A legend row: a short piece of line drawn by `sample`, then `label` beside it.
void legend_row(const std::function<void(ImVec2, ImVec2)>& sample, std::string_view label, ImU32 colour, float width) {
    const float sample_length = 2.4f * em();
    const float text_x = sample_length + 0.6f * em();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float middle = at.y + 0.65f * em();
    sample(ImVec2(at.x, middle), ImVec2(at.x + sample_length, middle));
    ImGui::SetCursorScreenPos(ImVec2(at.x + text_x, at.y));
    text_block(label, nullptr, colour, width - text_x);
    ImGui::SetCursorScreenPos(ImVec2(at.x, ImGui::GetCursorScreenPos().y));
}

// Each verdict's line with its name and AUC, then the guessing diagonal.
void roc_legend(const std::array<RocCurve, 3>& curves, float width) {
    for (Verdict verdict : kAllVerdicts) {
        const std::string label = std::string(verdict_symbol(verdict)) + " " + std::string(display_name(verdict)) +
                                  ": " + describe_auc(curves[index_of(verdict)]);
        legend_row(
            [&](ImVec2 from, ImVec2 to) {
                styled_polyline({from, to}, verdict_colour(verdict), line_thickness(), roc_line_style(verdict));
            },
            label, 0, width);
    }
    legend_row(
        [](ImVec2 from, ImVec2 to) {
            ImGui::GetWindowDrawList()->AddLine(from, to, palette().text_muted, guessing_thickness());
        },
        "Guessing: AUC 0.50", palette().text_muted, width);
}

}  // namespace

void roc_chart(const std::array<RocCurve, 3>& curves, float width) {
    roc_plot(curves, width);
    roc_legend(curves, width);
}

}  // namespace claimdeck::ui

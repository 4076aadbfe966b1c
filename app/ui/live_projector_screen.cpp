#include "live_projector_screen.hpp"

#include <algorithm>

namespace claimdeck::ui {
namespace {

// The join code in its own large font, noted as a paragraph for the GUI tests.
void join_code(const std::string& code, float width) {
    outline_text(Role::Text, code);
    ImFont* font = fonts().join_code;
    float size = font->FontSize;
    const float natural = font->CalcTextSizeA(size, FLT_MAX, 0, code.c_str()).x;
    if (natural > width) size *= width / natural;  // a phone-sized window still shows it whole
    const ImVec2 text = font->CalcTextSizeA(size, FLT_MAX, 0, code.c_str());
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddText(font, size, ImVec2(at.x + (width - text.x) / 2, at.y), palette().text,
                                        code.c_str());
    ImGui::Dummy(ImVec2(width, text.y));
}

// The QR code on white with its quiet zone, each module a filled square of
// whole pixels so a phone's camera sees sharp edges.
void qr_code(const live::QrCode& qr, float side, float width) {
    const int modules = qr.size + 2 * live::kQrQuietZone;
    const float module = std::max(1.0f, std::floor(side / modules));
    const float drawn = module * modules;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 origin(std::floor(at.x + (width - drawn) / 2), std::floor(at.y));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + drawn, origin.y + drawn), IM_COL32(255, 255, 255, 255));
    for (int y = 0; y < qr.size; ++y)
        for (int x = 0; x < qr.size; ++x) {
            if (!qr.is_dark(x, y)) continue;
            const ImVec2 corner(origin.x + (x + live::kQrQuietZone) * module,
                                origin.y + (y + live::kQrQuietZone) * module);
            draw->AddRectFilled(corner, ImVec2(corner.x + module, corner.y + module), IM_COL32(0, 0, 0, 255));
        }
    ImGui::Dummy(ImVec2(width, drawn));
}

std::string pupils_joined(const live::TeacherClass& live) {
    const std::size_t count = live.dashboard() ? live.dashboard()->pupils.size() : 0;
    if (count == 0) return "No one has joined yet.";
    return std::to_string(count) + (count == 1 ? " pupil has joined." : " pupils have joined.");
}

}  // namespace

Action draw_live_class_not_running(const live::TeacherClass& live, float width) {
    Action action;
    switch (live.stage()) {
        case live::TeacherStage::StartingServer:
            text_block("Starting the class server on this computer\u2026", fonts().heading, 0, width);
            break;
        case live::TeacherStage::Creating: text_block("Starting the class\u2026", fonts().heading, 0, width); break;
        case live::TeacherStage::Failed:
            text_block("The class could not start", fonts().heading, 0, width);
            text_block(live.problem(), nullptr, palette().error_text, width);
            if (primary_button("Back to Run a live class", width)) take(action, act::Go{Screen::LiveSetup});
            break;
        default: break;
    }
    return action;
}

Action draw_live_projector_screen(const live::TeacherClass& live, const live::QrCode& qr) {
    const Column column = page_column(60 * em());
    const float width = card_inner_width(column);
    Action action;
    vertical_space(1.0f);
    InColumn in(column);
    begin_card(column);
    if (!live.state()) {
        take(action, draw_live_class_not_running(live, width));
        end_card();
        return action;
    }
    text_block("Join the class: " + live.state()->title, fonts().heading, 0, width);
    muted("Open this link on your phone, or scan the code, and type your nickname.", width);
    join_code(live.state()->code, width);
    text_block(live.join_link(), fonts().claim, 0, width);
    for (const std::string* note : {&live.access()->address_note, &live.access()->web_app_note})
        if (!note->empty()) text_block(*note, nullptr, palette().error_text, width);
    vertical_space(0.5f);
    if (!qr.empty()) {
        // As large as the room left allows, with the buttons still in view.
        const float room = ImGui::GetContentRegionAvail().y - 6 * em();
        qr_code(qr, std::min(width, std::max(room, 12 * em())), width);
    }
    vertical_space(0.5f);
    text_block(pupils_joined(live), fonts().bold, 0, width);
    if (!live.problem().empty()) text_block(live.problem(), nullptr, palette().error_text, width);
    // Side by side where both labels fit, else one above the other.
    const bool side_by_side = !is_narrow(width);
    const float each = side_by_side ? (width - ImGui::GetStyle().ItemSpacing.x) / 2 : width;
    if (primary_button("Show the dashboard", each)) take(action, act::Go{Screen::LiveDashboard});
    if (side_by_side) ImGui::SameLine();
    if (button("End class", each)) take(action, act::EndLiveClass{});
    end_card();
    vertical_space(1.0f);
    return action;
}

}  // namespace claimdeck::ui

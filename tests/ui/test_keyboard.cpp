// The keyboard alone through every screen (keyboard_focus.hpp): Tab walks
// each control in reading order and comes round, Enter and Space press the
// control in focus, a popup keeps the focus, and a screen reader's press
// through the browser's mirror answers a card as a click would.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "headless_app.hpp"
#include "keyboard_focus.hpp"
#include "page_outline.hpp"

using namespace claimdeck;

namespace {

std::vector<ImGuiID> control_ids(const ui::FrameReport& report) {
    std::vector<ImGuiID> ids;
    for (const ui::OutlineNode& control : report.controls) ids.push_back(control.id);
    return ids;
}

std::string name_of(const ui::FrameReport& report, ImGuiID id) {
    for (const ui::OutlineNode& control : report.controls)
        if (control.id == id) return control.name;
    return "(none)";
}

// Tabs until the control named `name` has the focus; false when a round of
// every control passes without it.
bool tab_to(HeadlessApp& headless, const std::string& name) {
    const std::size_t controls = headless.shell->report().controls.size();
    for (std::size_t i = 0; i <= controls; ++i) {
        headless.press(ImGuiKey_Tab);
        if (name_of(headless.shell->report(), ui::focused_control()) == name) return true;
    }
    return false;
}

void answer_without_confidence(HeadlessApp& headless) {
    StudySettings settings = headless.app->study_settings();
    settings.ask_confidence = false;
    headless.app->set_study_settings(settings);
}

constexpr StartScreen kScreensAndTechniqueCards[] = {
    StartScreen::Home,     StartScreen::Card,      StartScreen::Sources,
    StartScreen::Reveal,   StartScreen::Technique, StartScreen::TechniqueAnswer,
    StartScreen::Done,     StartScreen::Article,   StartScreen::Stats,
    StartScreen::Settings, StartScreen::Report,    StartScreen::BuildQuiz,
    StartScreen::Studio,   StartScreen::LiveClass};

}  // namespace

TEST_CASE("Tab alone reaches every control of every screen in reading order, and comes round to the first") {
    for (ImVec2 size : {ImVec2(390, 844), ImVec2(1600, 1000)}) {
        for (StartScreen screen : kScreensAndTechniqueCards) {
            CAPTURE(size.x);
            CAPTURE(static_cast<int>(screen));
            HeadlessApp headless(size);
            headless.shell->start_studying();  // else the card's screens show Home
            headless.draw(screen);
            const std::vector<ImGuiID> order = control_ids(headless.shell->report());
            REQUIRE_FALSE(order.empty());
            std::vector<ImGuiID> reached;
            for (std::size_t i = 0; i <= order.size(); ++i) {
                headless.press(ImGuiKey_Tab);
                CHECK(ui::keyboard_focus_shown());
                reached.push_back(ui::focused_control());
            }
            CHECK(std::vector<ImGuiID>(reached.begin(), reached.end() - 1) == order);
            CHECK(reached.back() == order.front());
        }
    }
}

TEST_CASE("Shift+Tab walks the same controls backwards") {
    HeadlessApp headless(ImVec2(1600, 1000));
    headless.draw(StartScreen::Settings);
    const std::vector<ImGuiID> order = control_ids(headless.shell->report());
    REQUIRE(order.size() > 2);
    headless.press(ImGuiKey_Tab, true);
    CHECK(ui::focused_control() == order.back());
    headless.press(ImGuiKey_Tab, true);
    CHECK(ui::focused_control() == order[order.size() - 2]);
    headless.press(ImGuiKey_Tab);
    CHECK(ui::focused_control() == order.back());
}

TEST_CASE("Enter presses the verdict in focus and answers the card") {
    HeadlessApp headless(ImVec2(390, 844));
    answer_without_confidence(headless);
    headless.shell->start_studying();
    headless.draw(StartScreen::Card);
    REQUIRE(tab_to(headless, "Verified"));
    headless.press(ImGuiKey_Enter);
    CHECK(headless.shell->report().screen == ui::Screen::Reveal);
}

TEST_CASE(
    "Enter and Space press the control in focus, not the screen's default, and after a click Enter is the "
    "screen's own again") {
    HeadlessApp headless(ImVec2(1600, 1000));
    for (ImGuiKey key : {ImGuiKey_Enter, ImGuiKey_Space}) {
        headless.draw(StartScreen::Home);
        REQUIRE(tab_to(headless, "Statistics"));
        headless.press(key);
        CHECK(headless.shell->report().screen == ui::Screen::Stats);
        CHECK_FALSE(headless.app->session());  // Home's Enter, "Start studying", was not pressed too
    }

    headless.draw(StartScreen::Home);
    REQUIRE(tab_to(headless, "Statistics"));
    headless.click(ImVec2(5, 900));  // on no control: the ring goes, as in a browser
    CHECK_FALSE(ui::keyboard_focus_shown());
    headless.press(ImGuiKey_Enter);  // Home's default: start studying
    CHECK(headless.shell->report().screen == ui::Screen::Card);
}

TEST_CASE("while a popup is open, Tab stays among its controls") {
    HeadlessApp headless(ImVec2(1600, 1000));
    headless.shell->start_studying();
    headless.draw(StartScreen::Card);
    headless.type('?');
    const ui::FrameReport report = headless.shell->report();
    const auto in_popup = [](const ui::OutlineNode& node) { return node.in_popup; };
    REQUIRE(std::any_of(report.controls.begin(), report.controls.end(), in_popup));
    for (int i = 0; i < 3; ++i) {
        headless.press(ImGuiKey_Tab);
        CHECK(name_of(headless.shell->report(), ui::focused_control()) == "Close");
    }
    headless.press(ImGuiKey_Enter);
    const ui::FrameReport closed = headless.shell->report();
    CHECK(std::none_of(closed.controls.begin(), closed.controls.end(), in_popup));
}

TEST_CASE("a screen reader's press on a verdict answers the card, as a click would") {
    HeadlessApp headless(ImVec2(390, 844));
    answer_without_confidence(headless);
    headless.shell->start_studying();
    headless.draw(StartScreen::Card);
    ImGuiID verified = 0;
    for (const ui::OutlineNode& control : headless.shell->report().controls)
        if (control.name == "Verified") verified = control.id;
    REQUIRE(verified != 0);
    ui::press_control(verified);
    for (int frame = 0; frame < 3; ++frame) headless.draw_frame();
    CHECK(headless.shell->report().screen == ui::Screen::Reveal);
}

TEST_CASE("with single-key shortcuts off, 1 and ? do nothing, and Tab and Enter still answer") {
    HeadlessApp headless(ImVec2(1600, 1000));
    DisplaySettings display = headless.app->display_settings();
    display.single_key_shortcuts = false;
    headless.app->set_display_settings(display);
    answer_without_confidence(headless);
    headless.shell->start_studying();
    headless.draw(StartScreen::Card);
    headless.type('1');
    headless.type('?');
    const ui::FrameReport report = headless.shell->report();
    CHECK(report.screen == ui::Screen::Card);
    CHECK(std::none_of(report.controls.begin(), report.controls.end(),
                       [](const ui::OutlineNode& node) { return node.in_popup; }));
    REQUIRE(tab_to(headless, "Verified"));
    headless.press(ImGuiKey_Enter);
    CHECK(headless.shell->report().screen == ui::Screen::Reveal);
}

TEST_CASE("in the article reader, an answered claim is a button that Tab reaches and Enter opens") {
    HeadlessApp headless(ImVec2(1600, 1000));
    headless.shell->start_studying();
    headless.shell->answer_by_script(1);
    headless.draw(StartScreen::Article);
    std::string claim_button;
    for (const ui::OutlineNode& control : headless.shell->report().controls)
        if (control.name.rfind("Open the answer: ", 0) == 0) claim_button = control.name;
    REQUIRE_FALSE(claim_button.empty());
    REQUIRE(tab_to(headless, claim_button));
    headless.press(ImGuiKey_Enter);
    CHECK(headless.shell->report().screen == ui::Screen::Lookup);
}

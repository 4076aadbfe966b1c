// The whole app drawn without a window, for the screens' tests: a study
// app on the GUI test deck in a temporary folder, its shell, and ImGui with
// a built font atlas and no backend. Input is fed to ImGui's io directly.
#pragma once

#include <doctest/doctest.h>
#include <imgui.h>

#include <memory>
#include <optional>
#include <string>

#include "app/study_app.hpp"
#include "frame.hpp"
#include "imgui_context.hpp"
#include "shell.hpp"
#include "temp_dir.hpp"

namespace claimdeck {

const std::string kDeck = CLAIMDECK_TEST_DATA_DIR "/gui-deck/decks/gui-test.json";
const ui::FontFiles kFonts{CLAIMDECK_FONT_DIR "/DejaVuSans.ttf", CLAIMDECK_FONT_DIR "/DejaVuSans-Bold.ttf"};
constexpr std::int64_t kNow = 1'630'000'000'000;  // 2021-08-26, a fixed day

constexpr StartScreen kScreens[] = {StartScreen::Home,      StartScreen::Card,     StartScreen::Sources,
                                    StartScreen::Reveal,    StartScreen::Done,     StartScreen::Article,
                                    StartScreen::Stats,     StartScreen::Settings, StartScreen::Report,
                                    StartScreen::BuildQuiz, StartScreen::Studio,   StartScreen::LiveClass};

struct HeadlessApp {
    ImGuiContextScope imgui;
    testing::TempDir dir;
    std::unique_ptr<StudyApp> app;
    std::unique_ptr<ui::Shell> shell;
    std::int64_t now = kNow;  // the app's clock, which a test may move on

    explicit HeadlessApp(ImVec2 size, const std::string& deck_file = kDeck) {
        DeckLoadResult deck = load_deck(deck_file);
        REQUIRE(deck.deck.has_value());
        app = std::make_unique<StudyApp>(
            std::move(*deck.deck), ProgressStore::open(dir / "progress.sqlite"), [this] { return now; }, dir.path());
        app->open_profile("Ada");
        shell = std::make_unique<ui::Shell>(*app, kFonts, 1);
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = size;
        shell->set_scale(1, 1);
        REQUIRE(shell->rebuild_fonts(*io.Fonts));
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    }
    // As Settings → Text size sets it, with the fonts built again at that size.
    void set_text_size(int percent) {
        DisplaySettings display = app->display_settings();
        display.text_size_percent = percent;
        app->set_display_settings(display);
        REQUIRE(shell->rebuild_fonts(*ImGui::GetIO().Fonts));
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    }
    // Two frames: the first measures, the second uses the measurements.
    void draw(StartScreen screen) {
        shell->open(screen);
        for (int frame = 0; frame < 2; ++frame) draw_frame();
    }
    void draw_frame() {
        const std::optional<std::string> fault = platform::build_frame([this] { shell->draw_frame(); });
        CHECK_MESSAGE(!fault.has_value(), fault.value_or(""));
    }
    void type(char character) {
        ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(character));
        // The key's action is carried out after its frame, the next frame
        // draws what it opened, and a scroll it asks for moves the frame after.
        for (int frame = 0; frame < 3; ++frame) draw_frame();
    }
    // The mouse wheel turned over the page, then two frames: one scrolls, one draws it.
    void wheel(float notches) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 2);
        io.MouseWheel = notches;  // ImGui 1.86 reads it each frame: one frame's turn
        draw_frame();
        io.MouseWheel = 0;
        draw_frame();
    }
    // A key pressed for one frame and let go in the next, then a frame for
    // what it asked. ImGui's key map is set here, as a backend sets it.
    void press(ImGuiKey key, bool shift = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyMap[key] = key;
        io.KeyShift = shift;
        for (bool down : {true, false}) {
            io.KeysDown[key] = down;
            draw_frame();
        }
        io.KeyShift = false;
        draw_frame();
    }
    // A click as a mouse makes it: moved there, pressed, released, one frame each.
    void click(ImVec2 at) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = at;
        for (bool down : {false, true, false}) {
            io.MouseDown[0] = down;
            draw_frame();
        }
    }
};

}  // namespace claimdeck

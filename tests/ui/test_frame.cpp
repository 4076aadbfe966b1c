// The frame boundary of platform/common/frame: a fault while drawing ends the
// frame cleanly and comes back as a message, and the next frame draws.
#include <doctest/doctest.h>
#include <imgui.h>

#include <stdexcept>

#include "frame.hpp"

namespace {

// An ImGui context with no backend: a display size and a built font atlas
// are all NewFrame() needs.
struct HeadlessImGui {
    HeadlessImGui() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(390, 844);
        io.IniFilename = nullptr;
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    }
    ~HeadlessImGui() { ImGui::DestroyContext(); }
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;
};

// Leaves a window, a child, an ID and a style colour open, then throws.
void draw_then_throw() {
    ImGui::Begin("page");
    ImGui::BeginChild("column");
    ImGui::PushID("row");
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 0, 0, 255));
    ImGui::TextUnformatted("half a frame");
    throw std::runtime_error("the store is locked");
}

void draw_normally() {
    ImGui::Begin("page");
    ImGui::TextUnformatted("a whole frame");
    ImGui::End();
}

}  // namespace

TEST_CASE("a fault while drawing ends the frame and comes back as its message") {
    HeadlessImGui imgui;
    const std::optional<std::string> fault = claimdeck::platform::build_frame(draw_then_throw);
    REQUIRE(fault.has_value());
    CHECK(*fault == "the store is locked");
    CHECK(ImGui::GetDrawData() != nullptr);
}

TEST_CASE("after a fault while drawing the next frame draws as usual") {
    HeadlessImGui imgui;
    CHECK(claimdeck::platform::build_frame(draw_then_throw).has_value());
    CHECK_FALSE(claimdeck::platform::build_frame(draw_normally).has_value());
    CHECK_FALSE(claimdeck::platform::build_frame(draw_normally).has_value());
    CHECK(ImGui::GetCurrentContext() != nullptr);
}

TEST_CASE("a frame that draws without a fault returns no message") {
    HeadlessImGui imgui;
    CHECK_FALSE(claimdeck::platform::build_frame(draw_normally).has_value());
}

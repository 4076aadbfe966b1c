#include "frame.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // ErrorCheckEndFrameRecover

#include <exception>

namespace claimdeck::platform {

std::optional<std::string> build_frame(const std::function<void()>& draw) {
    ImGui::NewFrame();
    std::optional<std::string> fault;
    try {
        draw();
    } catch (const std::exception& error) {
        fault = error.what();
    } catch (...) {
        fault = "Something unexpected went wrong while drawing.";
    }
    if (fault) ImGui::ErrorCheckEndFrameRecover(nullptr);
    ImGui::Render();
    return fault;
}

void build_frame(ui::Shell& shell) {
    if (std::optional<std::string> fault = build_frame([&shell] { shell.draw_frame(); }))
        shell.show_error("This screen could not be drawn: " + *fault);
}

}  // namespace claimdeck::platform

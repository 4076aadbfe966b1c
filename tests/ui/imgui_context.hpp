// An ImGui context for one test: created first and destroyed last, since
// the shell and the theme may touch ImGui from the start.
#pragma once

#include <imgui.h>

struct ImGuiContextScope {
    ImGuiContextScope() { ImGui::CreateContext(); }
    ~ImGuiContextScope() { ImGui::DestroyContext(); }
    ImGuiContextScope(const ImGuiContextScope&) = delete;
    ImGuiContextScope& operator=(const ImGuiContextScope&) = delete;
};

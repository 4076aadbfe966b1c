#include "gl_frame.hpp"

#include <imgui.h>

// The one place in platform/common that names a platform: the GL header and
// the backend's include path differ between Debian's packages and the web
// build's copy of Dear ImGui.
#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#include <imgui_impl_opengl3.h>
#else
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_opengl3.h>
#endif

namespace claimdeck::platform {

bool refresh_fonts(ui::Shell& shell, bool upload) {
    if (!shell.fonts_outdated()) return true;
    if (!shell.rebuild_fonts(*ImGui::GetIO().Fonts)) return false;
    if (upload) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    return true;
}

void render_frame() {
    const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(background.x, background.y, background.z, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace claimdeck::platform

#include "studio_text_view.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

namespace claimdeck::ui {
namespace {

// ImGui keeps the selection in characters of its own wide copy of the
// text; the deck counts bytes of UTF-8.
std::size_t byte_offset(const ImGuiInputTextState& state, int character) {
    character = std::clamp(character, 0, state.CurLenW);
    return static_cast<std::size_t>(ImTextCountUtf8BytesFromStr(state.TextW.Data, state.TextW.Data + character));
}

}  // namespace

std::optional<Span> selectable_text(const char* id, const std::string& text, float width, float height) {
    if (height <= 0) {
        // The field does not wrap: one line per line of the text.
        height = ImGui::CalcTextSize(text.c_str(), text.c_str() + text.size()).y +
                 2 * ImGui::GetStyle().FramePadding.y + ImGui::GetTextLineHeight();
    }
    // ReadOnly: ImGui never writes into the buffer, whatever its constness.
    ImGui::InputTextMultiline(id, const_cast<char*>(text.c_str()), text.size() + 1, ImVec2(width, height),
                              ImGuiInputTextFlags_ReadOnly);
    const ImGuiInputTextState* state = ImGui::GetInputTextState(ImGui::GetItemID());
    if (!state || !state->HasSelection()) return std::nullopt;
    const int from = std::min(state->Stb.select_start, state->Stb.select_end);
    const int to = std::max(state->Stb.select_start, state->Stb.select_end);
    return Span{byte_offset(*state, from), byte_offset(*state, to)};
}

}  // namespace claimdeck::ui

// Where ImGui drew its widgets, for the browser tests: they tap the canvas
// and need to know where "Create learner" or the first verdict button is.
//
// Built on ImGui's test-engine hooks (IMGUI_ENABLE_TEST_ENGINE). They cost a
// flag test per widget and do nothing until the page turns them on with
// Module.claimdeckInspect(labels). From then on every frame records, for each
// widget ImGui names (buttons, text fields) or whose ID matches one of
// `labels` (invisible buttons, "##verdict1"), its rectangle in CSS pixels and
// the part of it not clipped away; Module.claimdeckItems() returns them.
#include "inspect.hpp"

#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cstdio>
#include <string>
#include <unordered_map>
#include <vector>

#include "json_text.hpp"

namespace {

struct Item {
    std::string label;
    ImRect rect;
    ImRect visible;
};

struct Inspector {
    bool on = false;
    std::vector<std::string> watched;
    std::unordered_map<ImGuiID, std::size_t> by_id;  // into items
    std::vector<Item> items;
    std::string json;
};

Inspector& inspector() {
    static Inspector state;
    return state;
}

}  // namespace

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* context, const ImRect& bb, ImGuiID id) {
    Inspector& state = inspector();
    ImGuiWindow* window = context->CurrentWindow;
    ImRect visible = bb;
    visible.ClipWithFull(window->ClipRect);
    const ImGuiID seed = window->IDStack.back();
    std::string label;
    for (const std::string& watched : state.watched)
        if (ImHashStr(watched.c_str(), 0, seed) == id) label = watched;
    state.by_id[id] = state.items.size();
    state.items.push_back({label, bb, visible});
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
    Inspector& state = inspector();
    const auto found = state.by_id.find(id);
    if (found != state.by_id.end() && label && state.items[found->second].label.empty())
        state.items[found->second].label = label;
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }

namespace claimdeck::web {

void inspect_frame_begins() {
    Inspector& state = inspector();
    GImGui->TestEngineHookItems = state.on;
    state.items.clear();
    state.by_id.clear();
}

void inspect_frame_ends(float pixel_ratio) {
    Inspector& state = inspector();
    if (!state.on) return;
    std::string& json = state.json;
    json = "[";
    for (const Item& item : state.items) {
        if (item.label.empty()) continue;
        if (json.size() > 1) json += ',';
        char numbers[256];
        const float r = pixel_ratio;
        std::snprintf(numbers, sizeof numbers,
                      ",\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f,"
                      "\"vx\":%.1f,\"vy\":%.1f,\"vw\":%.1f,\"vh\":%.1f}",
                      item.rect.Min.x / r, item.rect.Min.y / r, item.rect.GetWidth() / r, item.rect.GetHeight() / r,
                      item.visible.Min.x / r, item.visible.Min.y / r, item.visible.GetWidth() / r,
                      item.visible.GetHeight() / r);
        json += "{\"label\":";
        append_json_string(json, item.label);
        json += numbers;
    }
    json += "]";
}

}  // namespace claimdeck::web

extern "C" {

// Turns the hooks on, watching for the given IDs ("\n"-separated).
EMSCRIPTEN_KEEPALIVE void claimdeck_web_inspect(const char* watched) {
    Inspector& state = inspector();
    state.on = true;
    state.watched.clear();
    std::string rest = watched ? watched : "";
    std::size_t start = 0;
    while (start <= rest.size()) {
        const std::size_t end = rest.find('\n', start);
        const std::string label = rest.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!label.empty()) state.watched.push_back(label);
        if (end == std::string::npos) break;
        start = end + 1;
    }
}

// The last frame's widgets as JSON.
EMSCRIPTEN_KEEPALIVE const char* claimdeck_web_items() { return inspector().json.c_str(); }
}

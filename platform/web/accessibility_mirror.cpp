#include "accessibility_mirror.hpp"

#include <emscripten.h>

#include <string>

#include "json_text.hpp"
#include "keyboard_focus.hpp"
#include "page_outline.hpp"

namespace claimdeck::web {
namespace {

// {"nodes":[{"role":"button","name":"Verified","id":123,"on":false,"value":""},...],
//  "focus":123,"say":"..."}
std::string outline_json(const ui::PageOutline& page) {
    std::string json = "{\"nodes\":[";
    bool first = true;
    for (const ui::OutlineNode& node : page.nodes) {
        if (!first) json += ',';
        first = false;
        json += "{\"role\":\"";
        json += ui::role_name(node.role);
        json += "\",\"name\":";
        append_json_string(json, node.name);
        json += ",\"id\":" + std::to_string(node.id) + ",\"on\":" + (node.on ? "true" : "false") + ",\"value\":";
        append_json_string(json, node.value);
        json += '}';
    }
    json += "],\"focus\":" + std::to_string(ui::focused_control()) + ",\"say\":";
    append_json_string(json, page.announcement);
    json += '}';
    return json;
}

}  // namespace

void mirror_outline() {
    static std::string mirrored;
    std::string json = outline_json(ui::outline_this_frame());
    if (json == mirrored) return;
    mirrored = std::move(json);
    EM_ASM({ Module.claimdeckMirror(UTF8ToString($0)); }, mirrored.c_str());
}

}  // namespace claimdeck::web

extern "C" {

// A mirrored control pressed, or given the focus, in the page.
EMSCRIPTEN_KEEPALIVE void claimdeck_web_press(double id) { claimdeck::ui::press_control(static_cast<ImGuiID>(id)); }
EMSCRIPTEN_KEEPALIVE void claimdeck_web_focus(double id) { claimdeck::ui::focus_control(static_cast<ImGuiID>(id)); }
}

#include "file_buttons.hpp"

#include <cmath>

#include "widgets.hpp"

namespace claimdeck::ui {
namespace {

FileChooserStatus& status() {
    static FileChooserStatus shown;
    return shown;
}

}  // namespace

void set_file_chooser_status(FileChooserStatus shown) { status() = shown; }

bool file_chooser_available() { return status().available; }

bool saved_files_download() { return status().downloads; }

float chooser_button_width(const char* label) {
    return std::round(ImGui::CalcTextSize(label).x + 2 * ImGui::GetStyle().FramePadding.x + em());
}

bool chooser_button(const char* label, float width) {
    if (!status().available) return false;
    // One chooser at a time: a second press would only be refused.
    ImGui::BeginDisabled(status().open);
    const bool clicked = button(label, width);
    ImGui::EndDisabled();
    return clicked;
}

int chooser_button_pair(const char* first, const char* second, float width) {
    if (!status().available) return -1;
    return button_pair(first, second, width, chooser_button);
}

PathField path_field(const char* id, const char* hint, std::string& path, const char* use_label,
                     const char* chooser_label, float width) {
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float use_width = use_label ? chooser_button_width(use_label) : 0;
    const float chooser_width = status().available && chooser_label ? chooser_button_width(chooser_label) : 0;
    // The field keeps at least 12 em beside the buttons on its line; the
    // buttons that leave it less go below it, as wide as the field.
    const bool use_below = use_width > 0 && width - use_width - spacing < 12 * em();
    const bool chooser_below =
        chooser_width > 0 && (use_below || width - use_width - chooser_width - 2 * spacing < 12 * em());
    const float beside = (use_width > 0 && !use_below ? use_width + spacing : 0) +
                         (chooser_width > 0 && !chooser_below ? chooser_width + spacing : 0);
    PathField result;
    result.use = text_field(id, hint, path, width - beside);
    if (use_label) {
        if (!use_below) ImGui::SameLine(0, spacing);
        result.use |= button(use_label, use_below ? width : use_width);
    }
    if (chooser_width > 0) {
        if (!chooser_below) ImGui::SameLine(0, spacing);
        result.choose = chooser_button(chooser_label, chooser_below ? width : chooser_width);
    }
    return result;
}

Action saved_file(const std::filesystem::path& file, float width) {
    // A file name can be longer than a phone is wide: it wraps above the button.
    if (status().downloads) {
        muted(file.filename().u8string(), width);
        return button("Download", width) ? Action(act::Download{file}) : Action();
    }
    std::string shown = file.u8string();
    // Read-only, so the path can be selected with the mouse as well.
    ImGui::PushID(shown.c_str());
    text_field("##saved", "", shown, width, ImGuiInputTextFlags_ReadOnly);
    ImGui::PopID();
    Action action;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float half = std::floor((width - spacing) / 2);
    if (status().show_folders) {
        if (button("Show in folder", half)) action = act::ShowInFolder{file};
        ImGui::SameLine(0, spacing);
    }
    if (button("Copy path", status().show_folders ? half : width)) ImGui::SetClipboardText(file.u8string().c_str());
    return action;
}

}  // namespace claimdeck::ui

#include "windows_file_dialog.hpp"

#include <shobjidl.h>
#include <windows.h>

#include <cstdio>
#include <string>
#include <vector>

namespace claimdeck::windows {
namespace {

std::wstring wide(const std::string& utf8) {
    if (utf8.empty()) return {};
    const int length = MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), nullptr, 0);
    std::wstring text(static_cast<std::size_t>(length), L'\0');
    MultiByteToWideChar(CP_UTF8, 0, utf8.data(), static_cast<int>(utf8.size()), text.data(), length);
    return text;
}

std::string hex(HRESULT code) {
    char text[16];
    std::snprintf(text, sizeof text, "0x%08lx", static_cast<unsigned long>(code));
    return text;
}

// Releases a COM object when it goes out of scope.
template <class Interface>
struct Owned {
    Interface* object = nullptr;
    Owned() = default;
    Owned(const Owned&) = delete;
    Owned& operator=(const Owned&) = delete;
    ~Owned() {
        if (object) object->Release();
    }
};

// The filter's rows, "Quiz files" with "*.json;*.claimdeck". The dialog keeps
// pointers into them until it is shown, so they live as long as the dialog.
struct FilterRows {
    std::vector<std::wstring> labels, patterns;
    std::vector<COMDLG_FILTERSPEC> specs;

    explicit FilterRows(const std::vector<FileKind>& kinds) {
        for (const FileKind& kind : kinds) {
            std::string joined;
            for (const std::string& pattern : kind.patterns) joined += (joined.empty() ? "" : ";") + pattern;
            labels.push_back(wide(kind.label));
            patterns.push_back(wide(joined));
        }
        for (std::size_t i = 0; i < labels.size(); ++i) specs.push_back({labels[i].c_str(), patterns[i].c_str()});
    }
};

// "json" from the first kind's first "*.json": what Save As adds to a
// name typed without one.
std::wstring default_extension(const std::vector<FileKind>& kinds) {
    if (kinds.empty() || kinds.front().patterns.empty()) return {};
    const std::string& pattern = kinds.front().patterns.front();
    return pattern.rfind("*.", 0) == 0 ? wide(pattern.substr(2)) : std::wstring();
}

FILEOPENDIALOGOPTIONS options_for(FileDialog kind) {
    FILEOPENDIALOGOPTIONS options = FOS_FORCEFILESYSTEM | FOS_NOCHANGEDIR;
    if (kind == FileDialog::OpenFile) options |= FOS_FILEMUSTEXIST | FOS_PATHMUSTEXIST;
    if (kind == FileDialog::OpenFolder) options |= FOS_PICKFOLDERS | FOS_PATHMUSTEXIST;
    if (kind == FileDialog::SaveFile) options |= FOS_OVERWRITEPROMPT;
    return options;
}

void start_in(IFileDialog* dialog, const std::filesystem::path& folder) {
    if (folder.empty()) return;
    Owned<IShellItem> item;
    if (SUCCEEDED(SHCreateItemFromParsingName(folder.c_str(), nullptr, IID_IShellItem,
                                              reinterpret_cast<void**>(&item.object))))
        dialog->SetFolder(item.object);
}

// The path of what was picked, wide as Windows gives it.
FileChoice picked(IFileDialog* dialog) {
    Owned<IShellItem> result;
    HRESULT code = dialog->GetResult(&result.object);
    if (FAILED(code)) return FileChoice::failed("the Windows file dialog gave no answer (error " + hex(code) + ")");
    wchar_t* name = nullptr;
    code = result.object->GetDisplayName(SIGDN_FILESYSPATH, &name);
    if (FAILED(code)) return FileChoice::failed("the place picked is not a file or folder on this computer");
    std::filesystem::path path(name);
    CoTaskMemFree(name);
    return FileChoice::chosen(std::move(path));
}

FileChoice show(const FileRequest& request) {
    const bool saving = request.dialog == FileDialog::SaveFile;
    Owned<IFileDialog> dialog;
    HRESULT code =
        CoCreateInstance(saving ? CLSID_FileSaveDialog : CLSID_FileOpenDialog, nullptr, CLSCTX_INPROC_SERVER,
                         saving ? IID_IFileSaveDialog : IID_IFileOpenDialog, reinterpret_cast<void**>(&dialog.object));
    if (FAILED(code)) return FileChoice::unavailable("the Windows file dialog is not there (error " + hex(code) + ")");
    FILEOPENDIALOGOPTIONS options = 0;
    dialog.object->GetOptions(&options);
    dialog.object->SetOptions(options | options_for(request.dialog));
    if (!request.title.empty()) dialog.object->SetTitle(wide(request.title).c_str());
    const FilterRows filter(request.kinds);
    if (request.dialog != FileDialog::OpenFolder && !filter.specs.empty())
        dialog.object->SetFileTypes(static_cast<UINT>(filter.specs.size()), filter.specs.data());
    if (const std::wstring extension = default_extension(request.kinds); saving && !extension.empty())
        dialog.object->SetDefaultExtension(extension.c_str());
    if (saving && !request.suggested_name.empty()) dialog.object->SetFileName(wide(request.suggested_name).c_str());
    start_in(dialog.object, request.folder);

    code = dialog.object->Show(nullptr);
    if (code == HRESULT_FROM_WIN32(ERROR_CANCELLED)) return FileChoice::cancelled();
    if (FAILED(code)) return FileChoice::failed("the Windows file dialog could not be shown (error " + hex(code) + ")");
    return picked(dialog.object);
}

}  // namespace

FileChoice WindowsFileDialog::ask(const FileRequest& request) {
    // The dialogs are COM objects wanting a single-threaded apartment.
    const HRESULT started = CoInitializeEx(nullptr, COINIT_APARTMENTTHREADED | COINIT_DISABLE_OLE1DDE);
    if (FAILED(started)) return FileChoice::unavailable("COM did not start (error " + hex(started) + ")");
    FileChoice choice = show(request);
    CoUninitialize();
    return choice;
}

}  // namespace claimdeck::windows

// Windows' own Open and Save As dialogs (IFileOpenDialog and
// IFileSaveDialog, the ones Explorer's programs show), as the desktop app's
// file chooser on Windows instead of the portal, zenity and kdialog.
#pragma once

#include "app/file_chooser.hpp"

namespace claimdeck::windows {

class WindowsFileDialog : public FileChooserBackend {
public:
    // Blocks until the person answers; BackgroundFileChooser calls it on a
    // thread of its own, where COM is started for the dialog and ended after.
    FileChoice ask(const FileRequest& request) override;
};

}  // namespace claimdeck::windows

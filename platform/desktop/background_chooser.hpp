// The desktop's FileChooser: the system's choosers asked in turn (portal,
// zenity, kdialog; Windows' own dialog there) on a thread of their own, so the window keeps drawing
// and answering while the dialog is open. The frame polls for the answer.
// A modal wait inside the frame would freeze the window (no redraw, no
// close) for as long as the person browses folders.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "app/file_chooser.hpp"

namespace claimdeck::desktop {

class BackgroundFileChooser : public FileChooser {
public:
    explicit BackgroundFileChooser(std::vector<std::unique_ptr<FileChooserBackend>> backends);
    bool start(FileRequest request) override;
    bool busy() const override;
    std::optional<FileChoice> poll() override;

private:
    // Shared with the asking thread, which is detached: closing the app
    // never waits for a dialog still open.
    struct Shared {
        std::mutex mutex;
        bool asking = false;
        std::optional<FileChoice> answer;
        std::vector<std::unique_ptr<FileChooserBackend>> backends;  // used by the asking thread only
    };
    std::shared_ptr<Shared> shared_;
};

// The portal first, then zenity, then kdialog; on Windows, its own dialog.
std::unique_ptr<FileChooser> system_file_chooser();

}  // namespace claimdeck::desktop

#include "background_chooser.hpp"

#include <thread>
#include <utility>

#ifdef _WIN32
#include "windows_file_dialog.hpp"
#else
#include "dialog_chooser.hpp"
#include "portal_chooser.hpp"
#endif

namespace claimdeck::desktop {

BackgroundFileChooser::BackgroundFileChooser(std::vector<std::unique_ptr<FileChooserBackend>> backends)
    : shared_(std::make_shared<Shared>()) {
    shared_->backends = std::move(backends);
}

bool BackgroundFileChooser::start(FileRequest request) {
    {
        std::lock_guard<std::mutex> lock(shared_->mutex);
        if (shared_->asking) return false;
        shared_->asking = true;
        shared_->answer.reset();
    }
    std::thread([shared = shared_, request = std::move(request)] {
        FileChoice choice = ask_first_available(shared->backends, request);
        std::lock_guard<std::mutex> lock(shared->mutex);
        shared->answer = std::move(choice);
    }).detach();
    return true;
}

bool BackgroundFileChooser::busy() const {
    std::lock_guard<std::mutex> lock(shared_->mutex);
    return shared_->asking;
}

std::optional<FileChoice> BackgroundFileChooser::poll() {
    std::lock_guard<std::mutex> lock(shared_->mutex);
    if (!shared_->answer) return std::nullopt;
    shared_->asking = false;
    return std::exchange(shared_->answer, std::nullopt);
}

std::unique_ptr<FileChooser> system_file_chooser() {
    std::vector<std::unique_ptr<FileChooserBackend>> backends;
#ifdef _WIN32
    backends.push_back(std::make_unique<windows::WindowsFileDialog>());
#else
    backends.push_back(std::make_unique<PortalChooser>());
    backends.push_back(std::make_unique<DialogProgramChooser>(zenity_arguments));
    backends.push_back(std::make_unique<DialogProgramChooser>(kdialog_arguments));
#endif
    return std::make_unique<BackgroundFileChooser>(std::move(backends));
}

}  // namespace claimdeck::desktop

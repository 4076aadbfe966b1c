// Asking the person at the screen for a file, the way their system does it:
// "open a file of these kinds" or "save as, with this name offered". The
// core names what is asked and how the answer comes back; each platform
// brings its own chooser (platform/desktop: the XDG desktop portal, then
// zenity, then kdialog). Where none is there the typed path is the way.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimdeck {

// A kind of file offered in the chooser's filter, e.g. {"Quiz files", {"*.json"}}.
struct FileKind {
    std::string label;
    std::vector<std::string> patterns;
};

enum class FileDialog { OpenFile, OpenFolder, SaveFile };

struct FileRequest {
    FileDialog dialog = FileDialog::OpenFile;
    std::string title;
    std::vector<FileKind> kinds;   // empty: any file
    std::filesystem::path folder;  // where the chooser starts; empty: its own choice
    std::string suggested_name;    // SaveFile: the name offered
};

struct FileChoice {
    // Unavailable: this chooser is not on the system (the next one is
    // asked). Failed: it is there but broke; message says how.
    enum class Outcome { Chosen, Cancelled, Unavailable, Failed };
    Outcome outcome = Outcome::Unavailable;
    std::filesystem::path path;  // Chosen: absolute
    std::string message;

    static FileChoice chosen(std::filesystem::path path) { return {Outcome::Chosen, std::move(path), {}}; }
    static FileChoice cancelled() { return {Outcome::Cancelled, {}, {}}; }
    static FileChoice unavailable(std::string why) { return {Outcome::Unavailable, {}, std::move(why)}; }
    static FileChoice failed(std::string why) { return {Outcome::Failed, {}, std::move(why)}; }
};

// One way of asking (a D-Bus service, a dialog program). ask() blocks until
// the person answers, so it is called off the frame (see FileChooser).
class FileChooserBackend {
public:
    virtual ~FileChooserBackend() = default;
    virtual FileChoice ask(const FileRequest& request) = 0;
};

// Asks each backend in order; the first that is there answers (chosen,
// cancelled or failed). When none is, the answer is Unavailable and its
// message lists why each was passed over.
FileChoice ask_first_available(const std::vector<std::unique_ptr<FileChooserBackend>>& backends,
                               const FileRequest& request);

// The local path a file:// URI names, percent-escapes decoded; nullopt for
// another scheme, another host, or an escape that is not two hex digits.
std::optional<std::filesystem::path> path_from_file_uri(std::string_view uri);

// What the app's screens use: start() hands the request to the platform's
// chooser and returns at once; the frame loop goes on drawing, and poll()
// each frame hands over the answer once it has come. One request at a time.
class FileChooser {
public:
    virtual ~FileChooser() = default;
    // False (and nothing asked) while an earlier request is still open.
    virtual bool start(FileRequest request) = 0;
    virtual bool busy() const = 0;
    // The answer, once, when it has come; nullopt until then.
    virtual std::optional<FileChoice> poll() = 0;
};

}  // namespace claimdeck

// File choosers that are programs: zenity (GTK) and kdialog (KDE), asked
// when no desktop portal answers. Each is run with the request as
// arguments and prints the chosen path; exit code 1 means cancelled.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "app/file_chooser.hpp"

namespace claimdeck::desktop {

struct CommandResult {
    bool started = false;  // false: the program is not installed (or not on PATH)
    int exit_code = -1;
    std::string output;  // what it printed on stdout
};
// Runs argv[0], found on PATH, and waits for it; its stderr goes to ours.
CommandResult run_command(const std::vector<std::string>& argv);
using CommandRunner = std::function<CommandResult(const std::vector<std::string>& argv)>;

std::vector<std::string> zenity_arguments(const FileRequest& request);
std::vector<std::string> kdialog_arguments(const FileRequest& request);

class DialogProgramChooser : public FileChooserBackend {
public:
    using Arguments = std::vector<std::string> (*)(const FileRequest&);
    DialogProgramChooser(Arguments arguments, CommandRunner runner = run_command);
    FileChoice ask(const FileRequest& request) override;

private:
    Arguments arguments_;
    CommandRunner runner_;
};

// What a dialog program's run means for the request.
FileChoice choice_from_dialog(const std::string& program, const CommandResult& result);

}  // namespace claimdeck::desktop

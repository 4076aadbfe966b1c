#include "dialog_chooser.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <utility>

extern char** environ;

namespace claimdeck::desktop {
namespace {

// Where the chooser opens: the suggested name inside the folder when saving.
std::string start_path(const FileRequest& request) {
    std::filesystem::path start = request.folder;
    if (request.dialog == FileDialog::SaveFile && !request.suggested_name.empty()) start /= request.suggested_name;
    // A folder given alone ends with '/', so the chooser opens in it
    // rather than on it.
    std::string text = start.u8string();
    if (!text.empty() && request.dialog != FileDialog::SaveFile && text.back() != '/') text += '/';
    return text;
}

std::string joined(const std::vector<std::string>& parts, const char* separator) {
    std::string text;
    for (const std::string& part : parts) text += (text.empty() ? "" : separator) + part;
    return text;
}

// Drops the newline the programs end their answer with.
std::string first_line(const std::string& output) { return output.substr(0, output.find('\n')); }

}  // namespace

CommandResult run_command(const std::vector<std::string>& argv) {
    int pipe_ends[2];
    if (pipe(pipe_ends) != 0) return {};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_ends[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, pipe_ends[0]);
    std::vector<char*> args;
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    pid_t child = 0;
    const int spawn_error = posix_spawnp(&child, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(pipe_ends[1]);
    CommandResult result;
    if (spawn_error == 0) {
        result.started = true;
        char buffer[4096];
        for (ssize_t got; (got = read(pipe_ends[0], buffer, sizeof buffer)) != 0;) {
            if (got > 0)
                result.output.append(buffer, static_cast<std::size_t>(got));
            else if (errno != EINTR)
                break;
        }
        int status = 0;
        while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
        }
        result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    close(pipe_ends[0]);
    return result;
}

std::vector<std::string> zenity_arguments(const FileRequest& request) {
    std::vector<std::string> args{"zenity", "--file-selection", "--title=" + request.title};
    if (request.dialog == FileDialog::OpenFolder) args.push_back("--directory");
    if (request.dialog == FileDialog::SaveFile) {
        args.push_back("--save");
        // zenity (GTK) replaces a file without asking unless told to ask.
        args.push_back("--confirm-overwrite");
    }
    const std::string start = start_path(request);
    if (!start.empty()) args.push_back("--filename=" + start);
    for (const FileKind& kind : request.kinds)
        args.push_back("--file-filter=" + kind.label + " | " + joined(kind.patterns, " "));
    return args;
}

std::vector<std::string> kdialog_arguments(const FileRequest& request) {
    const char* mode = request.dialog == FileDialog::OpenFile     ? "--getopenfilename"
                       : request.dialog == FileDialog::OpenFolder ? "--getexistingdirectory"
                                                                  : "--getsavefilename";
    const std::string start = start_path(request);
    std::vector<std::string> args{"kdialog", "--title", request.title, mode, start.empty() ? "." : start};
    std::vector<std::string> filters;
    for (const FileKind& kind : request.kinds) filters.push_back(kind.label + " (" + joined(kind.patterns, " ") + ")");
    if (request.dialog != FileDialog::OpenFolder && !filters.empty()) args.push_back(joined(filters, "\n"));
    return args;
}

FileChoice choice_from_dialog(const std::string& program, const CommandResult& result) {
    if (!result.started) return FileChoice::unavailable(program + " is not installed");
    if (result.exit_code == 1) return FileChoice::cancelled();
    if (result.exit_code != 0)
        return FileChoice::failed(program + " stopped with exit code " + std::to_string(result.exit_code));
    const std::filesystem::path path = first_line(result.output);
    if (!path.is_absolute()) return FileChoice::failed(program + " answered \"" + path.u8string() + "\", not a path");
    return FileChoice::chosen(path);
}

DialogProgramChooser::DialogProgramChooser(Arguments arguments, CommandRunner runner)
    : arguments_(arguments), runner_(std::move(runner)) {}

FileChoice DialogProgramChooser::ask(const FileRequest& request) {
    const std::vector<std::string> args = arguments_(request);
    return choice_from_dialog(args.front(), runner_(args));
}

}  // namespace claimdeck::desktop

// Starts a GUI program and measures what a learner feels: time from exec to
// the first frame on screen, memory at its peak, and what it costs while
// nobody touches it. Usage:
//   claimdeck-launch-probe [--idle-seconds S] [--wait-window NAME] -- PROGRAM ARGS...
// Without --wait-window the program must speak the benchmark protocol: a line
// "bench frame N T" (T: CLOCK_MONOTONIC ns) after each presented frame.
// With --wait-window (for programs that do not, such as Mnemosyne) the first
// frame is when the X server maps the program's top-level window whose title
// contains NAME: the probe listens to the server's events from before the
// program starts, so the time is the event's, not a poll's.
// Prints one line of key=value figures. Idle is measured from 1 s after the
// first frame, for S seconds (default 0: not measured).
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <X11/Xatom.h>
#include <X11/Xlib.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

long long monotonic_ns() {
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<long long>(now.tv_sec) * 1'000'000'000LL + now.tv_nsec;
}

// User plus system CPU time of a process, in seconds.
double cpu_seconds(pid_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    std::getline(stat, line);
    std::istringstream fields(line.substr(line.rfind(')') + 2));
    std::string skip;
    for (int i = 0; i < 11; ++i) fields >> skip;  // fields 3..13
    long long user = 0, system = 0;
    fields >> user >> system;
    return static_cast<double>(user + system) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

pid_t spawn(std::vector<char*> argv, int* stdout_fd) {
    int pipe_fds[2] = {-1, -1};
    if (stdout_fd && pipe(pipe_fds) != 0) return -1;
    argv.push_back(nullptr);
    pid_t pid = fork();
    if (pid == 0) {
        if (stdout_fd) {
            dup2(pipe_fds[1], STDOUT_FILENO);
            close(pipe_fds[0]);
            close(pipe_fds[1]);
        }
        execvp(argv[0], argv.data());
        std::perror(argv[0]);
        _exit(127);
    }
    if (stdout_fd) {
        close(pipe_fds[1]);
        *stdout_fd = pipe_fds[0];
    }
    return pid;
}

// Reads protocol lines, returning the time of each presented frame.
class FrameReader {
public:
    explicit FrameReader(int fd) : file_(fdopen(fd, "r")) {}
    // Blocks for the next frame line; -1 at end of output.
    long long next_frame_ns() {
        char line[256];
        while (file_ && std::fgets(line, sizeof line, file_)) {
            long long number = 0, ns = 0;
            if (std::sscanf(line, "bench frame %lld %lld", &number, &ns) == 2) return ns;
        }
        return -1;
    }

private:
    FILE* file_;
};

// Whether `program` has exited, leaving it to be waited for.
bool has_exited(pid_t program) {
    siginfo_t info{};
    return waitid(P_PID, static_cast<id_t>(program), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid != 0;
}

// Sees top-level windows appear on the X server and tells when one with
// `title_part` in its title is on screen. It must start listening before the
// program starts, so that no window is mapped unseen. No window manager runs
// under Xvfb: top-level windows stay children of the root window.
class WindowWatcher {
public:
    explicit WindowWatcher(std::string title_part) : title_part_(std::move(title_part)) {
        display_ = XOpenDisplay(nullptr);
        if (!display_) return;
        fcntl(ConnectionNumber(display_), F_SETFD, FD_CLOEXEC);  // not the program's to inherit
        // A window can be gone by the time its events are read; asking
        // about it then is harmless, not fatal.
        XSetErrorHandler([](Display*, XErrorEvent*) { return 0; });
        wm_name_ = XA_WM_NAME;
        net_wm_name_ = XInternAtom(display_, "_NET_WM_NAME", False);
        XSelectInput(display_, DefaultRootWindow(display_), SubstructureNotifyMask);
        XSync(display_, False);
    }
    ~WindowWatcher() {
        if (display_) XCloseDisplay(display_);
    }
    WindowWatcher(const WindowWatcher&) = delete;
    WindowWatcher& operator=(const WindowWatcher&) = delete;

    bool listening() const { return display_ != nullptr; }

    // Blocks until the window is on screen and returns when that was (ns);
    // -1 if `program` exits first or `timeout_ns` passes.
    long long wait_for_window(pid_t program, long long timeout_ns) {
        const long long deadline = monotonic_ns() + timeout_ns;
        pollfd connection{ConnectionNumber(display_), POLLIN, 0};
        while (monotonic_ns() < deadline && !has_exited(program)) {
            while (XPending(display_)) {
                XEvent event;
                XNextEvent(display_, &event);
                if (shows_the_window(event)) return monotonic_ns();
            }
            poll(&connection, 1, 50);
        }
        return -1;
    }

private:
    // Follows one event; true once a mapped top-level window has the title.
    bool shows_the_window(const XEvent& event) {
        switch (event.type) {
            case CreateNotify:
                // Its title may be set after it is mapped.
                XSelectInput(display_, event.xcreatewindow.window, PropertyChangeMask);
                return false;
            case MapNotify:
                // Menus and tooltips (override-redirect) are not the program's window.
                if (event.xmap.override_redirect) return false;
                mapped_.insert(event.xmap.window);
                return has_title(event.xmap.window);
            case UnmapNotify: mapped_.erase(event.xunmap.window); return false;
            case DestroyNotify: mapped_.erase(event.xdestroywindow.window); return false;
            case PropertyNotify:
                return (event.xproperty.atom == wm_name_ || event.xproperty.atom == net_wm_name_) &&
                       mapped_.count(event.xproperty.window) && has_title(event.xproperty.window);
            default: return false;
        }
    }

    bool has_title(Window window) {
        return text_property(window, net_wm_name_).find(title_part_) != std::string::npos ||
               text_property(window, wm_name_).find(title_part_) != std::string::npos;
    }

    // An 8-bit text property (WM_NAME is STRING, _NET_WM_NAME UTF8_STRING); empty if unset.
    std::string text_property(Window window, Atom property) {
        Atom type = None;
        int format = 0;
        unsigned long length = 0, remaining = 0;
        unsigned char* data = nullptr;
        if (XGetWindowProperty(display_, window, property, 0, 1024, False, AnyPropertyType, &type, &format, &length,
                               &remaining, &data) != Success ||
            !data)
            return {};
        std::string text = format == 8 ? std::string(reinterpret_cast<const char*>(data), length) : std::string();
        XFree(data);
        return text;
    }

    std::string title_part_;
    Display* display_ = nullptr;
    Atom wm_name_ = None, net_wm_name_ = None;
    std::set<Window> mapped_;
};

// How long a program may take to show its window before the probe gives up.
constexpr long long kWindowTimeoutNs = 60'000'000'000LL;

}  // namespace

int main(int argc, char** argv) {
    double idle_seconds = 0;
    std::string wait_window;
    int first_program_arg = 0;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--") == 0) {
            first_program_arg = i + 1;
            break;
        }
        if (std::strcmp(argv[i], "--idle-seconds") == 0 && i + 1 < argc)
            idle_seconds = std::atof(argv[++i]);
        else if (std::strcmp(argv[i], "--wait-window") == 0 && i + 1 < argc)
            wait_window = argv[++i];
    }
    if (first_program_arg == 0 || first_program_arg >= argc) {
        std::fprintf(stderr,
                     "usage: claimdeck-launch-probe [--idle-seconds S] [--wait-window NAME] -- PROGRAM ARGS...\n");
        return 2;
    }

    std::optional<WindowWatcher> watcher;
    if (!wait_window.empty()) {
        watcher.emplace(wait_window);
        if (!watcher->listening()) {
            std::fprintf(stderr, "claimdeck-launch-probe: cannot open the X display to watch for windows\n");
            return 1;
        }
    }

    const long long start = monotonic_ns();
    int output_fd = -1;
    pid_t program =
        spawn(std::vector<char*>(argv + first_program_arg, argv + argc), wait_window.empty() ? &output_fd : nullptr);
    if (program < 0) return 1;

    FrameReader frames(output_fd);
    const long long first_frame =
        watcher ? watcher->wait_for_window(program, kWindowTimeoutNs) : frames.next_frame_ns();

    double idle_cpu_percent = -1;
    long idle_frames = -1;
    if (idle_seconds > 0 && first_frame > 0) {
        // This is a benchmark, not a test: waiting out the idle window is the measurement.
        const long long window_start = first_frame + 1'000'000'000LL;
        const long long window_end = window_start + static_cast<long long>(idle_seconds * 1e9);
        while (monotonic_ns() < window_start) usleep(10'000);
        const double cpu_before = cpu_seconds(program);
        // Frame lines wait in the pipe meanwhile; they are counted after the window.
        while (monotonic_ns() < window_end) usleep(10'000);
        const double cpu_after = cpu_seconds(program);
        idle_cpu_percent = 100.0 * (cpu_after - cpu_before) / idle_seconds;
        kill(program, SIGTERM);
        if (wait_window.empty()) {
            idle_frames = 0;
            for (long long t = frames.next_frame_ns(); t >= 0; t = frames.next_frame_ns())
                if (t >= window_start && t < window_end) ++idle_frames;
        }
    } else if (!wait_window.empty()) {
        kill(program, SIGTERM);
    } else {
        while (frames.next_frame_ns() >= 0) {
        }
    }

    int status = 0;
    rusage usage{};
    wait4(program, &status, 0, &usage);
    std::printf("first_frame_ms=%.1f peak_rss_mb=%.1f idle_cpu_percent=%.2f idle_frames=%ld exit=%d\n",
                first_frame > 0 ? static_cast<double>(first_frame - start) / 1e6 : -1.0,
                static_cast<double>(usage.ru_maxrss) / 1024.0, idle_cpu_percent, idle_frames,
                WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
    return 0;
}

// Starts a GUI program and measures what a learner feels: time from exec to
// the first frame on screen, memory at its peak, and what it costs while
// nobody touches it. Usage:
//   claimdeck-launch-probe [--idle-seconds S] [--wait-window NAME] -- PROGRAM ARGS...
// Without --wait-window the program must speak the benchmark protocol: a line
// "bench frame N T" (T: CLOCK_MONOTONIC ns) after each presented frame.
// With --wait-window (for programs that do not, such as Mnemosyne) the first
// frame is when `xdotool search --sync --onlyvisible --name NAME` finds the window.
// Prints one line of key=value figures. Idle is measured from 1 s after the
// first frame, for S seconds (default 0: not measured).
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
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

    const long long start = monotonic_ns();
    int output_fd = -1;
    pid_t program =
        spawn(std::vector<char*>(argv + first_program_arg, argv + argc), wait_window.empty() ? &output_fd : nullptr);
    if (program < 0) return 1;

    long long first_frame = -1;
    FrameReader frames(output_fd);
    if (wait_window.empty()) {
        first_frame = frames.next_frame_ns();
    } else {
        std::string name = wait_window;
        pid_t search = spawn({const_cast<char*>("xdotool"), const_cast<char*>("search"), const_cast<char*>("--sync"),
                              const_cast<char*>("--onlyvisible"), const_cast<char*>("--name"), name.data()},
                             nullptr);
        int status = 0;
        waitpid(search, &status, 0);
        first_frame = monotonic_ns();
    }

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

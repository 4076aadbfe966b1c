// A claimdeck-server child process on 127.0.0.1 and a free port, for the
// live server tests and the load benchmark. CLAIMDECK_SERVER names the
// program (a compile definition of each target that includes this).
#pragma once

#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "harness_check.hpp"

namespace claimdeck::testing {

// A claimdeck-server child process; SIGTERM and reaped when it goes out of scope.
class ServerProcess {
public:
    // Later: the caller starts other servers first, then calls
    // read_banner(), so they all start at once.
    enum class Banner { Now, Later };

    ServerProcess(const std::filesystem::path& data_dir, std::vector<std::string> extra = {},
                  Banner banner = Banner::Now) {
        std::vector<std::string> words = {CLAIMDECK_SERVER, "--port", "0", "--data-dir", data_dir.string()};
        words.insert(words.end(), extra.begin(), extra.end());
        int out[2];
        harness_require(pipe(out) == 0, "no pipe for the server's output");
        const pid_t test_process = getpid();
        pid_ = fork();
        harness_require(pid_ >= 0, "cannot start " + words[0]);
        if (pid_ == 0) {
            // A test that dies mid-way (a failed check, a sanitizer report)
            // must not leave the server running and ctest waiting on it.
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (getppid() != test_process) _exit(127);  // died before the line above
            dup2(out[1], STDOUT_FILENO);
            close(out[0]);
            std::vector<char*> argv;
            for (std::string& word : words) argv.push_back(word.data());
            argv.push_back(nullptr);
            execv(argv[0], argv.data());
            _exit(127);
        }
        close(out[1]);
        output_ = out[0];
        if (banner == Banner::Now) read_banner();
    }
    ~ServerProcess() {
        if (pid_ > 0) {
            kill(pid_, SIGTERM);
            waitpid(pid_, nullptr, 0);
        }
        close(output_);
    }
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    void kill_hard() {
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }
    int port() const { return port_; }
    const std::string& teacher_key() const { return key_; }

    // Reads stdout until the address line, for at most 20 seconds.
    void read_banner() {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        std::string text;
        const std::regex address(R"(server on http://127\.0\.0\.1:([0-9]+)/)");
        std::smatch found;
        while (!std::regex_search(text, found, address)) {
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            pollfd ready{output_, POLLIN, 0};
            harness_require(left.count() > 0, "the server printed no address: " + text);
            harness_require(poll(&ready, 1, static_cast<int>(left.count())) >= 0, "poll failed");
            char buffer[256];
            const ssize_t got = read(output_, buffer, sizeof buffer);
            harness_require(got > 0, "the server stopped before printing its address: " + text);
            text.append(buffer, static_cast<std::size_t>(got));
        }
        port_ = std::stoi(found[1]);
        std::smatch key;
        if (std::regex_search(text, key, std::regex("Teacher key: ([0-9a-f]{32})"))) key_ = key[1];
    }

private:
    pid_t pid_ = -1;
    int output_ = -1;
    int port_ = 0;
    std::string key_;
};

}  // namespace claimdeck::testing

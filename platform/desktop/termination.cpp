#include "termination.hpp"

#include <GLFW/glfw3.h>

#include <atomic>
#include <initializer_list>

#ifndef _WIN32
#include <pthread.h>
#include <signal.h>
#endif

namespace claimdeck::desktop {
namespace {

std::atomic<GLFWwindow*> watched_window{nullptr};
std::atomic<bool> terminating{false};

#ifndef _WIN32
// SIGUSR2 is ours: the destructor sends it to end the watcher thread.
sigset_t watched_signals() {
    sigset_t signals;
    sigemptyset(&signals);
    for (int signal_number : {SIGTERM, SIGINT, SIGHUP, SIGUSR2}) sigaddset(&signals, signal_number);
    return signals;
}

void watch_signals() {
    const sigset_t signals = watched_signals();
    for (;;) {
        int received = 0;
        if (sigwait(&signals, &received) != 0 || received == SIGUSR2) return;
        // Both calls may be made from any thread (GLFW's thread-safety notes).
        terminating.store(true);
        if (GLFWwindow* window = watched_window.load()) {
            glfwSetWindowShouldClose(window, GLFW_TRUE);
            glfwPostEmptyEvent();
        }
    }
}
#endif

}  // namespace

#ifdef _WIN32
// Windows sends WM_CLOSE at the end of a session, which GLFW handles itself.
CloseOnTermination::CloseOnTermination() = default;
CloseOnTermination::~CloseOnTermination() = default;
#else
CloseOnTermination::CloseOnTermination() {
    const sigset_t signals = watched_signals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

CloseOnTermination::~CloseOnTermination() {
    watched_window.store(nullptr);
    if (!watcher_.joinable()) return;
    pthread_kill(watcher_.native_handle(), SIGUSR2);
    watcher_.join();
}
#endif

bool termination_requested() { return terminating.load(); }

void CloseOnTermination::watch(GLFWwindow* window) {
    watched_window.store(window);
#ifndef _WIN32
    // The thread starts with the first window, after glfwInit(): glibc's
    // stdio locks only once a process has a second thread, and glfwInit()
    // reads the X compose table a character at a time (with one more thread
    // it took 9 ms longer). Signals until then wait, blocked.
    if (window && !watcher_.joinable()) watcher_ = std::thread(watch_signals);
#endif
}

}  // namespace claimdeck::desktop

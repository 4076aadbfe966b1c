// Closing the window like the close button does when the desktop session
// ends or the terminal sends Ctrl+C (SIGTERM, SIGINT, SIGHUP): the main loop
// ends normally and the app saves what waits, instead of being cut off.
#pragma once

#include <thread>

struct GLFWwindow;

namespace claimdeck::desktop {

// True once a signal asked the app to end. Such a close is not refused for
// unsaved answers as the close button's first press is: a session that ends
// kills what does not go, so the app keeps them in a file and goes.
bool termination_requested();

class CloseOnTermination {
public:
    // Call before glfwInit(): the signals are blocked in this thread, and so
    // in every thread started after it, and handled by one thread of ours
    // from the first watch() of a window.
    CloseOnTermination();
    ~CloseOnTermination();
    CloseOnTermination(const CloseOnTermination&) = delete;
    CloseOnTermination& operator=(const CloseOnTermination&) = delete;

    // The window to close; nullptr while there is none.
    void watch(GLFWwindow* window);

private:
    std::thread watcher_;
};

}  // namespace claimdeck::desktop

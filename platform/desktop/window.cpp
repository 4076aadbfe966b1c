#include "window.hpp"

#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <GLFW/glfw3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <future>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "frame.hpp"
#include "gl_frame.hpp"
#include "screenshot.hpp"
#include "termination.hpp"

namespace claimdeck::desktop {
namespace {

// How long to keep drawing after an event and how often to wake: see
// platform::kDesktopIdle.
constexpr int kFramesAfterEvent = platform::kDesktopIdle.frames_after_input;
constexpr double kIdleRedrawSeconds = platform::kDesktopIdle.idle_redraw_seconds;
// While a text field has the keyboard, its caret blinks at this pace.
constexpr double kCaretBlinkSeconds = 0.5;
// While a quiz clock counts down, it is redrawn this often.
constexpr double kClockTickSeconds = 0.25;

std::string glfw_error;
// Set by request_frame() from another thread; the loop draws a frame for it.
std::atomic<bool> frame_requested{false};
// GLFW may be woken from any thread only between glfwInit and glfwTerminate.
std::mutex glfw_alive_mutex;
bool glfw_alive = false;

// A key going down or up, or a character typed (a key press gives both).
struct InputEvent {
    bool is_character;
    int key, scancode, action, mods;  // for keys
    unsigned int character;           // for characters
};

struct LoopState {
    int frames_left = kFramesAfterEvent;
    bool scale_changed = true;
    // ImGui 1.86 reads keys and typed characters once a frame: two keys
    // pressed between two frames would be seen as a chord ("3" then "2"
    // typed fast would answer "2"), and a key pressed and released between
    // them not at all. So a frame takes at most one key press and one
    // character, and a key goes down or up at most once a frame (a release
    // in a frame after its press, and a key pressed again, as BackSpace
    // held or tapped fast, in a frame after its release); the rest waits
    // here, in order.
    std::deque<InputEvent> waiting_input;
    std::vector<int> keys_this_frame;  // that went down or up
    bool pressed_this_frame = false;
    bool typed_this_frame = false;
    std::vector<std::string> dropped_files;  // handed to the shell before the next frame
};

LoopState& state_of(GLFWwindow* window) { return *static_cast<LoopState*>(glfwGetWindowUserPointer(window)); }
void wake(GLFWwindow* window) { state_of(window).frames_left = kFramesAfterEvent; }

// Whether this frame can take the event, by the rules in LoopState.
bool fits_this_frame(const LoopState& state, const InputEvent& event) {
    if (event.is_character) return !state.typed_this_frame;
    const bool key_changed =
        std::find(state.keys_this_frame.begin(), state.keys_this_frame.end(), event.key) != state.keys_this_frame.end();
    if (event.action != GLFW_RELEASE) return !state.pressed_this_frame && !key_changed;
    return !key_changed;
}

// Hands ImGui the waiting input this frame may take.
void deliver_input(GLFWwindow* window) {
    LoopState& state = state_of(window);
    while (!state.waiting_input.empty() && fits_this_frame(state, state.waiting_input.front())) {
        const InputEvent event = state.waiting_input.front();
        state.waiting_input.pop_front();
        if (event.is_character) {
            ImGui_ImplGlfw_CharCallback(window, event.character);
            state.typed_this_frame = true;
        } else {
            ImGui_ImplGlfw_KeyCallback(window, event.key, event.scancode, event.action, event.mods);
            state.keys_this_frame.push_back(event.key);
            if (event.action != GLFW_RELEASE) state.pressed_this_frame = true;
        }
    }
}

// ImGui's own callbacks are called from ours, so every input also wakes the loop.
void install_callbacks(GLFWwindow* window) {
    glfwSetMouseButtonCallback(window, [](GLFWwindow* w, int button, int action, int mods) {
        ImGui_ImplGlfw_MouseButtonCallback(w, button, action, mods);
        wake(w);
    });
    glfwSetScrollCallback(window, [](GLFWwindow* w, double x, double y) {
        ImGui_ImplGlfw_ScrollCallback(w, x, y);
        wake(w);
    });
    glfwSetKeyCallback(window, [](GLFWwindow* w, int key, int scancode, int action, int mods) {
        state_of(w).waiting_input.push_back({false, key, scancode, action, mods, 0});
        deliver_input(w);
        wake(w);
    });
    glfwSetCharCallback(window, [](GLFWwindow* w, unsigned int c) {
        state_of(w).waiting_input.push_back({true, 0, 0, 0, 0, c});
        deliver_input(w);
        wake(w);
    });
    glfwSetWindowFocusCallback(window, [](GLFWwindow* w, int focused) {
        ImGui_ImplGlfw_WindowFocusCallback(w, focused);
        wake(w);
    });
    glfwSetCursorEnterCallback(window, [](GLFWwindow* w, int entered) {
        ImGui_ImplGlfw_CursorEnterCallback(w, entered);
        wake(w);
    });
    glfwSetMonitorCallback(ImGui_ImplGlfw_MonitorCallback);
    glfwSetCursorPosCallback(window, [](GLFWwindow* w, double, double) { wake(w); });
    glfwSetDropCallback(window, [](GLFWwindow* w, int count, const char** paths) {
        for (int i = 0; i < count; ++i) state_of(w).dropped_files.emplace_back(paths[i]);
        wake(w);
    });
    glfwSetWindowSizeCallback(window, [](GLFWwindow* w, int, int) { wake(w); });
    glfwSetFramebufferSizeCallback(window, [](GLFWwindow* w, int, int) { wake(w); });
    glfwSetWindowRefreshCallback(window, [](GLFWwindow* w) { wake(w); });
    glfwSetWindowContentScaleCallback(window, [](GLFWwindow* w, float, float) {
        state_of(w).scale_changed = true;
        wake(w);
    });
}

// The monitor's scale in ImGui units, and how many framebuffer pixels make
// one unit (2 on a Retina Mac, where window coordinates are points).
void update_scale(GLFWwindow* window, ui::Shell& shell) {
    float content_scale = 1;
    glfwGetWindowContentScale(window, &content_scale, nullptr);
    int window_width = 0, framebuffer_width = 0;
    glfwGetWindowSize(window, &window_width, nullptr);
    glfwGetFramebufferSize(window, &framebuffer_width, nullptr);
    const float pixels_per_unit =
        window_width > 0 && framebuffer_width > 0 ? static_cast<float>(framebuffer_width) / window_width : 1.0f;
    shell.set_scale(content_scale / pixels_per_unit, pixels_per_unit);
}

void report_unreadable_fonts() { std::fprintf(stderr, "claimdeck: the font files could not be read\n"); }

// After a frame: the input that waited gets its turn, and frames go on
// until all of it has been seen.
void start_next_frame_input(GLFWwindow* window) {
    LoopState& state = state_of(window);
    state.keys_this_frame.clear();
    state.pressed_this_frame = false;
    state.typed_this_frame = false;
    deliver_input(window);
    if (!state.waiting_input.empty()) state.frames_left = kFramesAfterEvent;
}

// Takes in what happened since the last frame; blocks while nothing has.
void wait_for_change(GLFWwindow* window, const ui::Shell& shell) {
    LoopState& state = state_of(window);
    glfwPollEvents();
    while (state.frames_left <= 0 && !glfwWindowShouldClose(window)) {
        const double timeout = ImGui::GetIO().WantTextInput ? kCaretBlinkSeconds
                               : shell.clock_running()      ? kClockTickSeconds
                                                            : kIdleRedrawSeconds;
        const double started = glfwGetTime();
        glfwWaitEventsTimeout(timeout);
        if (state.frames_left <= 0 && glfwGetTime() - started >= timeout * 0.99) state.frames_left = 1;
        if (frame_requested.exchange(false)) state.frames_left = std::max(state.frames_left, 1);
    }
}

using BenchClock = std::chrono::steady_clock;  // CLOCK_MONOTONIC on Linux, as the benchmark protocol wants

double microseconds(BenchClock::duration duration) {
    return std::chrono::duration<double, std::micro>(duration).count();
}

// How long making a frame took, in two parts. The backends' NewFrame reads
// the window and the pointer: GLFW on X11 asks the server 4 to 6 times a
// frame and waits for each answer, so this part is the X server's and the
// scheduler's time. The build, ImGui::NewFrame to ImGui::Render, is the UI's.
struct FrameTime {
    double backends_us;
    double build_us;
};

// Draws a frame into the back buffer.
FrameTime draw_frame(ui::Shell& shell) {
    const BenchClock::time_point started = BenchClock::now();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    const BenchClock::time_point building = BenchClock::now();
    platform::build_frame(shell);
    const FrameTime time{microseconds(building - started), microseconds(BenchClock::now() - building)};
    platform::render_frame();
    return time;
}

// The p50 and p99 of the last `count` of `times` (µs).
std::pair<double, double> percentiles(std::vector<double> times, int count) {
    if (times.size() > static_cast<std::size_t>(count)) times.erase(times.begin(), times.end() - count);
    std::sort(times.begin(), times.end());
    auto percentile = [&](double p) { return times[static_cast<std::size_t>(p * (times.size() - 1))]; };
    return {percentile(0.50), percentile(0.99)};
}

// "bench frame-build p50_us=… p99_us=… backends_p50_us=… backends_p99_us=…"
// over the last `count` frames (the floor program prints the same).
void print_frame_times(const std::vector<FrameTime>& frames, int count) {
    if (frames.empty()) return;
    std::vector<double> build_us, backends_us;
    for (const FrameTime& frame : frames) {
        build_us.push_back(frame.build_us);
        backends_us.push_back(frame.backends_us);
    }
    const auto [build_p50, build_p99] = percentiles(std::move(build_us), count);
    const auto [backends_p50, backends_p99] = percentiles(std::move(backends_us), count);
    std::printf("bench frame-build p50_us=%.1f p99_us=%.1f backends_p50_us=%.1f backends_p99_us=%.1f\n", build_p50,
                build_p99, backends_p50, backends_p99);
}

// "NAME: x y width height", in framebuffer pixels.
void print_box(const char* name, const ImRect& box) {
    const ImVec2 scale = ImGui::GetIO().DisplayFramebufferScale;
    std::printf("%s: %d %d %d %d\n", name, static_cast<int>(box.Min.x * scale.x), static_cast<int>(box.Min.y * scale.y),
                static_cast<int>(box.GetWidth() * scale.x), static_cast<int>(box.GetHeight() * scale.y));
}

// What a scripted run showed, in framebuffer pixels, for the GUI tests.
void print_report(const ui::FrameReport& report) {
    std::printf("screen: %s\n", ui::screen_name(report.screen));
    if (report.claim) {
        std::printf("claim: %s: %s\n", report.claim->id.c_str(), report.claim->text.c_str());
        print_box("claim-box", report.claim_box);
    }
    if (report.primary_button) print_box("primary-button", *report.primary_button);
    if (!report.studio.empty()) std::printf("studio: %s\n", report.studio.c_str());
    if (!report.pupils.empty()) std::printf("pupils: %s\n", report.pupils.c_str());
    std::printf("text-colour: #%02x%02x%02x\n", report.text_colour & 0xFF, (report.text_colour >> 8) & 0xFF,
                (report.text_colour >> 16) & 0xFF);
    std::fflush(stdout);
}

// A paragraph on one line of the trace: its line breaks become spaces.
std::string one_line(std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
}

bool tracing_frames() {
    static const bool tracing = std::getenv("CLAIMDECK_TRACE_SCREENS") != nullptr;
    return tracing;
}

// "control: x y width height LABEL" for each control (then "focused: LABEL"
// for the field taking the keyboard), "text: PARAGRAPH" for each paragraph,
// then the Studio's summary.
std::string controls_text(const ui::FrameReport& report) {
    const ImVec2 scale = ImGui::GetIO().DisplayFramebufferScale;
    std::string text;
    char box[96];
    for (const ui::OutlineNode& control : report.controls) {
        std::snprintf(box, sizeof box, "control: %d %d %d %d ", static_cast<int>(control.box.Min.x * scale.x),
                      static_cast<int>(control.box.Min.y * scale.y), static_cast<int>(control.box.GetWidth() * scale.x),
                      static_cast<int>(control.box.GetHeight() * scale.y));
        text += box + control.name + "\n";
        if (control.typing) text += "focused: " + control.name + "\n";
    }
    for (const std::string& paragraph : report.texts) text += "text: " + one_line(paragraph) + "\n";
    if (!report.studio.empty()) text += "studio: " + report.studio + "\n";
    return text;
}

// For the GUI tests, which must not send keys to a screen before it is
// shown, nor click a control before it is drawn: with
// CLAIMDECK_TRACE_SCREENS set, each screen change is printed as
// "screen: NAME" on stdout, and whenever the controls drawn change, all of
// them between "controls:" and "controls-end" (see controls_text).
void trace_frame(const ui::Shell& shell) {
    static std::optional<ui::Screen> last;
    static std::string last_controls;
    if (!tracing_frames()) return;
    const ui::FrameReport report = shell.report();
    if (report.screen != last) std::printf("screen: %s\n", ui::screen_name(report.screen));
    last = report.screen;
    std::string controls = controls_text(report);
    if (controls != last_controls) std::printf("controls:\n%scontrols-end\n", controls.c_str());
    last_controls = std::move(controls);
    std::fflush(stdout);
}

// A close the shell refuses (answers still unsaved: it says so first) is
// taken back, and the window stays, drawn at once to show why.
bool closing(GLFWwindow* window, ui::Shell& shell) {
    if (!glfwWindowShouldClose(window)) return false;
    if (termination_requested() || shell.may_close()) return true;
    glfwSetWindowShouldClose(window, GLFW_FALSE);
    wake(window);
    return false;
}

int main_loop(GLFWwindow* window, ui::Shell& shell, const WindowOptions& options) {
    LoopState& state = state_of(window);
    int frames_drawn = 0;
    std::vector<FrameTime> frame_times;  // for --bench-frame-times
    while (!closing(window, shell)) {
        if (options.quit_after_frames)
            glfwPollEvents();
        else
            wait_for_change(window, shell);
        if (state.scale_changed) {
            update_scale(window, shell);
            state.scale_changed = false;
        }
        // A dropped file opens like one typed: a quiz, or results on the Report screen.
        for (const std::string& path : state.dropped_files) shell.drop_file(path);
        state.dropped_files.clear();
        // Before the first frame the backend uploads the atlas itself.
        if (!platform::refresh_fonts(shell, frames_drawn > 0)) {
            report_unreadable_fonts();
            return 1;
        }
        const FrameTime frame_time = draw_frame(shell);
        trace_frame(shell);
        if (options.bench_frame_times > 0) frame_times.push_back(frame_time);
        start_next_frame_input(window);
        ++frames_drawn;
        --state.frames_left;
        if (options.quit_after_frames && frames_drawn >= *options.quit_after_frames) break;
        glfwSwapBuffers(window);
        if (options.bench) {
            const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(BenchClock::now().time_since_epoch());
            std::printf("bench frame %d %lld\n", frames_drawn, static_cast<long long>(ns.count()));
            std::fflush(stdout);
        }
    }
    print_frame_times(frame_times, options.bench_frame_times);
    // A scripted run ends before swapping, so its last frame is still in the
    // back buffer; after a swap (the window was closed) one more is drawn.
    if (!options.screenshot.empty()) {
        if (!options.quit_after_frames) draw_frame(shell);
        int width = 0, height = 0;
        glfwGetFramebufferSize(window, &width, &height);
        if (!save_screenshot(options.screenshot, width, height)) {
            std::fprintf(stderr, "claimdeck: could not write the screenshot %s\n",
                         options.screenshot.u8string().c_str());
            return 1;
        }
    }
    if (options.quit_after_frames) print_report(shell.report());
    return 0;
}

GLFWwindow* open_window(const WindowSize& size) {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 2);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);  // required on macOS
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    GLFWwindow* window = glfwCreateWindow(size.width, size.height, "ClaimDeck", nullptr, nullptr);
    if (!window) return nullptr;
    glfwSetWindowSizeLimits(window, 320, 480, GLFW_DONT_CARE, GLFW_DONT_CARE);
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);
    return window;
}

// Builds the fonts on another thread, for the primary monitor's scale, while
// run_window opens the window: rasterising the glyphs and starting the GL
// driver each take tens of milliseconds of one core, and neither needs the
// other. Nothing else touches ImGui until the result is taken. Should the
// window open at another scale, the first frame builds the fonts again.
std::future<bool> build_fonts_meanwhile(ui::Shell& shell) {
    float scale = 1;
    if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) glfwGetMonitorContentScale(monitor, &scale, nullptr);
    shell.set_scale(scale, 1);
    return std::async(std::launch::async, [&shell] { return shell.rebuild_fonts(*ImGui::GetIO().Fonts); });
}

int run_in_window(GLFWwindow* window, ui::Shell& shell, const WindowOptions& options,
                  CloseOnTermination& close_on_termination) {
    LoopState state;
    glfwSetWindowUserPointer(window, &state);
    close_on_termination.watch(window);
    ImGui_ImplGlfw_InitForOpenGL(window, false);
    install_callbacks(window);
    ImGui_ImplOpenGL3_Init("#version 150");

    const int exit_code = main_loop(window, shell, options);

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    close_on_termination.watch(nullptr);
    return exit_code;
}

void set_glfw_alive(bool alive) {
    std::lock_guard<std::mutex> lock(glfw_alive_mutex);
    glfw_alive = alive;
}

}  // namespace

int run_window(ui::Shell& shell, const WindowOptions& options) {
    CloseOnTermination close_on_termination;
    glfwSetErrorCallback([](int, const char* description) { glfw_error = description; });
    if (!glfwInit()) {
        std::fprintf(stderr,
                     "claimdeck: no display found: run it under xvfb-run (xvfb-run -a claimdeck ...) or from a "
                     "desktop session (%s)\n",
                     glfw_error.c_str());
        return 1;
    }
    set_glfw_alive(true);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // the layout is fixed; nothing to remember
    std::future<bool> fonts_built = build_fonts_meanwhile(shell);
    GLFWwindow* window = open_window(options.size);
    const bool have_fonts = fonts_built.get();
    int exit_code = 1;
    if (!window)
        std::fprintf(stderr, "claimdeck: could not open an OpenGL 3.2 window (%s)\n", glfw_error.c_str());
    else if (!have_fonts)
        report_unreadable_fonts();
    else
        exit_code = run_in_window(window, shell, options, close_on_termination);
    if (window) glfwDestroyWindow(window);
    ImGui::DestroyContext();
    set_glfw_alive(false);
    glfwTerminate();
    return exit_code;
}

void request_frame() {
    frame_requested = true;
    std::lock_guard<std::mutex> lock(glfw_alive_mutex);
    if (glfw_alive) glfwPostEmptyEvent();
}

}  // namespace claimdeck::desktop

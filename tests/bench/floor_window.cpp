// The benchmark floor: the least a Dear ImGui + GLFW + OpenGL3 app can do
// with the same Debian packages as ClaimDeck. One TTF font, one window with
// a text and three buttons, waiting for events when idle.
//
// It speaks the benchmark protocol ClaimDeck speaks with --bench: after every
// frame it presents it prints "bench frame N T" (T from CLOCK_MONOTONIC, ns),
// and it stops after --quit-after-frames N or at SIGTERM. Like ClaimDeck,
// with --quit-after-frames it draws frames without waiting for events, and
// --bench-frame-times N prints the same line as ClaimDeck's over the last N
// frames at exit: "bench frame-build p50_us=… p99_us=… backends_p50_us=…
// backends_p99_us=…", the time from ImGui::NewFrame to ImGui::Render and
// the time in the backends' NewFrame.
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <vector>

namespace {

long long monotonic_ns() {
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<long long>(now.tv_sec) * 1'000'000'000LL + now.tv_nsec;
}

// The p50 and p99 of the last `count` of `times` (µs).
void print_percentiles(const char* name, std::vector<double> times, std::size_t count) {
    if (times.size() > count) times.erase(times.begin(), times.end() - static_cast<long>(count));
    std::sort(times.begin(), times.end());
    auto percentile = [&](double p) { return times[static_cast<std::size_t>(p * (times.size() - 1))]; };
    std::printf(" %sp50_us=%.1f %sp99_us=%.1f", name, percentile(0.50), name, percentile(0.99));
}

void draw_ui() {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("floor", nullptr, ImGuiWindowFlags_NoDecoration);
    ImGui::TextUnformatted("The Taliban lost over 50 men on the second day of fighting.");
    ImGui::Button("Verified");
    ImGui::Button("Contested");
    ImGui::Button("Propaganda");
    ImGui::End();
}

}  // namespace

int main(int argc, char** argv) {
    long quit_after = -1, frame_times = 0;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--quit-after-frames") == 0) quit_after = std::atol(argv[i + 1]);
        if (std::strcmp(argv[i], "--bench-frame-times") == 0) frame_times = std::atol(argv[i + 1]);
    }

    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    GLFWwindow* window = glfwCreateWindow(1280, 800, "floor", nullptr, nullptr);
    if (!window) return 1;
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);

    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::GetIO().Fonts->AddFontFromFileTTF("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 18.0f);
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 130");

    long frames = 0;
    int frames_to_settle = 2;  // ImGui needs a second frame to lay out after input
    std::vector<double> build_us, backends_us;
    while (!glfwWindowShouldClose(window)) {
        if (frames_to_settle <= 0 && quit_after <= 0) {
            // Nothing to redraw until an event comes. SIGTERM (from the
            // benchmark) ends the program where it waits.
            glfwWaitEvents();
            frames_to_settle = 2;
        } else {
            glfwPollEvents();
        }
        const long long started = monotonic_ns();
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        const long long building = monotonic_ns();
        ImGui::NewFrame();
        draw_ui();
        ImGui::Render();
        if (frame_times > 0) {
            backends_us.push_back(static_cast<double>(building - started) / 1e3);
            build_us.push_back(static_cast<double>(monotonic_ns() - building) / 1e3);
        }
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        glfwSwapBuffers(window);
        std::printf("bench frame %ld %lld\n", ++frames, monotonic_ns());
        std::fflush(stdout);
        --frames_to_settle;
        if (quit_after > 0 && frames >= quit_after) break;
    }
    if (!build_us.empty()) {
        std::printf("bench frame-build");
        print_percentiles("", std::move(build_us), static_cast<std::size_t>(frame_times));
        print_percentiles("backends_", std::move(backends_us), static_cast<std::size_t>(frame_times));
        std::printf("\n");
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}

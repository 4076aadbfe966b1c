#include "app/gui_options.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <string_view>
#include <utility>

namespace claimdeck {
namespace {

constexpr std::string_view kValueFlags[] = {
    "--deck",   "--data-dir", "--profile",      "--quit-after-frames", "--screenshot",
    "--window", "--screen",   "--demo-answers", "--bench-frame-times", "--quiz",
    "--report"};

constexpr std::array<std::pair<std::string_view, StartScreen>, 9> kScreenNames = {{
    {"home", StartScreen::Home},
    {"card", StartScreen::Card},
    {"reveal", StartScreen::Reveal},
    {"done", StartScreen::Done},
    {"article", StartScreen::Article},
    {"stats", StartScreen::Stats},
    {"settings", StartScreen::Settings},
    {"report", StartScreen::Report},
    {"build-quiz", StartScreen::BuildQuiz},
}};

std::optional<int> parse_int(std::string_view text, int min, int max) {
    int value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < min || value > max) return std::nullopt;
    return value;
}

std::optional<WindowSize> parse_window_size(std::string_view text) {
    const std::size_t x = text.find('x');
    if (x == std::string_view::npos) return std::nullopt;
    auto width = parse_int(text.substr(0, x), 200, 16384);
    auto height = parse_int(text.substr(x + 1), 200, 16384);
    if (!width || !height) return std::nullopt;
    return WindowSize{*width, *height};
}

std::optional<StartScreen> parse_screen(std::string_view text) {
    for (const auto& [name, screen] : kScreenNames)
        if (name == text) return screen;
    return std::nullopt;
}

std::string screen_names() {
    std::string names;
    for (const auto& entry : kScreenNames) names += (names.empty() ? "" : ", ") + std::string(entry.first);
    return names;
}

}  // namespace

GuiOptionsResult parse_gui_options(const std::vector<std::string>& args) {
    GuiOptions options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& flag = args[i];
        if (flag == "--help" || flag == "-h") {
            options.help = true;
            continue;
        }
        if (flag == "--version") {
            options.version = true;
            continue;
        }
        if (flag == "--bench") {
            options.bench = true;
            continue;
        }
        if (flag.rfind("--", 0) != 0) {
            // `claimdeck week3.json`, as a file manager's "Open with" runs it.
            if (!options.quiz.empty()) return {std::nullopt, "unexpected argument " + flag};
            options.quiz = flag;
            continue;
        }
        if (std::find(std::begin(kValueFlags), std::end(kValueFlags), flag) == std::end(kValueFlags))
            return {std::nullopt, "unknown option " + flag};
        if (i + 1 >= args.size()) return {std::nullopt, flag + " needs a value"};
        const std::string& value = args[++i];
        auto invalid = [&](const std::string& expected) {
            return GuiOptionsResult{std::nullopt, flag + " " + value + ": expected " + expected};
        };
        if (flag == "--deck") {
            options.deck = value;
        } else if (flag == "--data-dir") {
            options.data_dir = value;
        } else if (flag == "--profile") {
            if (value.empty()) return invalid("a profile name");
            options.profile = value;
        } else if (flag == "--quit-after-frames") {
            options.quit_after_frames = parse_int(value, 1, 1'000'000);
            if (!options.quit_after_frames) return invalid("a number of frames from 1 to 1000000");
        } else if (flag == "--quiz") {
            if (!options.quiz.empty()) return {std::nullopt, "only one quiz file can be opened"};
            if (value.empty()) return invalid("a quiz file");
            options.quiz = value;
        } else if (flag == "--report") {
            if (value.empty()) return invalid("a results file or folder");
            options.report.push_back(value);
        } else if (flag == "--screenshot") {
            options.screenshot = value;
        } else if (flag == "--window") {
            auto size = parse_window_size(value);
            if (!size) return invalid("WIDTHxHEIGHT, each from 200 to 16384, e.g. 1600x1000");
            options.window = *size;
        } else if (flag == "--screen") {
            auto screen = parse_screen(value);
            if (!screen) return invalid("one of " + screen_names());
            options.screen = *screen;
        } else if (flag == "--demo-answers") {
            auto count = parse_int(value, 0, 1000);
            if (!count) return invalid("a number of answers from 0 to 1000");
            options.demo_answers = *count;
        } else if (flag == "--bench-frame-times") {
            auto count = parse_int(value, 1, 1'000'000);
            if (!count) return invalid("a number of frames from 1 to 1000000");
            options.bench_frame_times = *count;
        }
    }
    if ((options.demo_answers > 0 || options.screen == StartScreen::Card || options.screen == StartScreen::Reveal ||
         options.screen == StartScreen::Done) &&
        options.profile.empty())
        return {std::nullopt, "--demo-answers and --screen card/reveal/done need --profile"};
    if (!options.report.empty() && !options.quiz.empty())
        return {std::nullopt, "a quiz file and --report cannot be opened together"};
    return {options, ""};
}

std::string gui_usage() {
    return "Usage: claimdeck [options] [QUIZ.json]\n"
           "Study fact-check flashcards: is each claim verified, contested or propaganda?\n"
           "\n"
           "  --deck PATH              deck file to study (default: the bundled deck)\n"
           "  --data-dir DIR           where progress is kept (default: the platform's data folder)\n"
           "  --profile NAME           open this learner's profile (created if new) and start studying\n"
           "  --quiz PATH              open a class quiz file (as does a path with no option);\n"
           "                           with --profile, start taking it\n"
           "  --report RESULTS         add a results file, or every one in a folder, to the class\n"
           "                           report and open it (repeatable)\n"
           "  --window WxH             window size in screen units (default 1280x800)\n"
           "  --quit-after-frames N    draw N frames, report what was shown, and exit\n"
           "  --screenshot PATH        save the last frame as a PNG before quitting\n"
           "  --demo-answers N         answer N cards by script first (needs --profile)\n"
           "  --screen NAME            open on a screen: " +
           screen_names() +
           "\n"
           "  --bench                  print \"bench frame N T\" after each frame (tests/bench)\n"
           "  --bench-frame-times N    at exit, print the p50/p99 time to build the last N frames\n"
           "  --help                   show this help\n"
           "  --version                show the version\n";
}

}  // namespace claimdeck

#include "app/gui_options.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <set>
#include <string_view>
#include <utility>

#include "app/display_settings.hpp"
#include "content/deck_library.hpp"
#include "storage/profile_name.hpp"

namespace claimdeck {
namespace {

constexpr std::array<std::pair<std::string_view, StartScreen>, 14> kScreenNames = {{
    {"home", StartScreen::Home},
    {"card", StartScreen::Card},
    {"sources", StartScreen::Sources},
    {"reveal", StartScreen::Reveal},
    {"technique", StartScreen::Technique},
    {"technique-answer", StartScreen::TechniqueAnswer},
    {"done", StartScreen::Done},
    {"article", StartScreen::Article},
    {"stats", StartScreen::Stats},
    {"settings", StartScreen::Settings},
    {"report", StartScreen::Report},
    {"build-quiz", StartScreen::BuildQuiz},
    {"studio", StartScreen::Studio},
    {"live-class", StartScreen::LiveClass},
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

// ---- The options -------------------------------------------------------------

// Stores an option's value in the options; returns what was wrong with the
// value (completing "--flag VALUE: "), or an empty string when it was fine.
using ApplyOption = std::string (*)(GuiOptions& options, const std::string& value);

struct OptionSpec {
    std::string_view name;
    std::string_view value_name;  // empty for a switch, which takes no value
    std::string help;             // a "\n" continues it on the next line of --help
    ApplyOption apply;
    bool repeatable = false;
};

std::string expected(const std::string& what) { return "expected " + what; }

std::string apply_int(std::optional<int>& out, const std::string& value, int min, int max, const char* what) {
    out = parse_int(value, min, max);
    return out ? "" : expected(what + std::string(" from ") + std::to_string(min) + " to " + std::to_string(max));
}

std::string apply_int(int& out, const std::string& value, int min, int max, const char* what) {
    std::optional<int> parsed;
    std::string problem = apply_int(parsed, value, min, max, what);
    if (parsed) out = *parsed;
    return problem;
}

std::string apply_profile(GuiOptions& options, const std::string& value) {
    if (std::string problem = profile_name_problem(value); !problem.empty())
        return expected("a profile name: " + problem);
    options.profile = trimmed_profile_name(value);
    return "";
}

std::string apply_quiz(GuiOptions& options, const std::string& value) {
    if (!options.quiz.empty()) return "only one quiz file can be opened";
    if (value.empty()) return expected("a quiz file");
    options.quiz = std::filesystem::u8path(value);
    return "";
}

std::string apply_report(GuiOptions& options, const std::string& value) {
    if (value.empty()) return expected("a results file or folder");
    options.report.push_back(std::filesystem::u8path(value));
    return "";
}

std::string apply_window(GuiOptions& options, const std::string& value) {
    auto size = parse_window_size(value);
    if (!size) return expected("WIDTHxHEIGHT, each from 200 to 16384, e.g. 1600x1000");
    options.window = *size;
    return "";
}

std::string apply_text_size(GuiOptions& options, const std::string& value) {
    std::string offered;
    for (const TextSizeChoice& choice : kTextSizes) {
        offered += (offered.empty() ? "" : ", ") + std::to_string(choice.value);
        if (value == std::to_string(choice.value)) options.text_size = choice.value;
    }
    return options.text_size ? "" : expected("one of " + offered);
}

std::string apply_screen(GuiOptions& options, const std::string& value) {
    auto screen = parse_screen(value);
    if (!screen) return expected("one of " + screen_names());
    options.screen = *screen;
    return "";
}

// Every option, once: parsing, the "unknown option" check and --help all
// read this table.
const std::vector<OptionSpec>& option_table() {
    static const std::vector<OptionSpec> table = {
        {"--deck", "PATH", "deck file to study (default: the bundled deck)",
         [](GuiOptions& o, const std::string& v) { return o.deck = std::filesystem::u8path(v), std::string(); }},
        {"--data-dir", "DIR", "where progress is kept (default: the platform's data folder)",
         [](GuiOptions& o, const std::string& v) { return o.data_dir = std::filesystem::u8path(v), std::string(); }},
        {"--profile", "NAME", "open this learner's profile (created if new) and start studying", apply_profile},
        {"--quiz", "PATH", "open a class quiz file (as does a path with no option);\nwith --profile, start taking it",
         apply_quiz},
        {"--report", "RESULTS",
         "add a results file, or every one in a folder, to the class\nreport and open it (repeatable)", apply_report,
         true},
        {"--window", "WxH", "window size in screen units (default 1280x800)", apply_window},
        {"--quit-after-frames", "N", "draw N frames, report what was shown, and exit",
         [](GuiOptions& o, const std::string& v) {
             return apply_int(o.quit_after_frames, v, 1, 1'000'000, "a number of frames");
         }},
        {"--screenshot", "PATH", "save the last frame as a PNG before quitting",
         [](GuiOptions& o, const std::string& v) { return o.screenshot = std::filesystem::u8path(v), std::string(); }},
        {"--demo-answers", "N", "answer N cards by script first (needs --profile)",
         [](GuiOptions& o, const std::string& v) {
             return apply_int(o.demo_answers, v, 0, 1000, "a number of answers");
         }},
        {"--text-size", "PERCENT", "set the text size, as Settings does (kept on this device)", apply_text_size},
        {"--screen", "NAME", "open on a screen: " + screen_names(), apply_screen},
        {"--scroll-to", "TEXT", "keep the page scrolled to the first paragraph\nstarting with TEXT (for screenshots)",
         [](GuiOptions& o, const std::string& v) { return o.scroll_to = v, std::string(); }},
        {"--search", "WORDS", "with --screen sources, search the other articles for\nWORDS (for screenshots)",
         [](GuiOptions& o, const std::string& v) { return o.search = v, std::string(); }},
        {"--bench", "", "print \"bench frame N T\" after each frame (tests/bench)",
         [](GuiOptions& o, const std::string&) { return o.bench = true, std::string(); }},
        {"--bench-frame-times", "N", "at exit, print the p50/p99 time to build the last N frames",
         [](GuiOptions& o, const std::string& v) {
             return apply_int(o.bench_frame_times, v, 1, 1'000'000, "a number of frames");
         }},
        {"--help", "", "show this help (also -h)",
         [](GuiOptions& o, const std::string&) { return o.help = true, std::string(); }},
        {"--version", "", "show the version",
         [](GuiOptions& o, const std::string&) { return o.version = true, std::string(); }},
    };
    return table;
}

const OptionSpec* find_option(std::string_view name) {
    for (const OptionSpec& option : option_table())
        if (option.name == name) return &option;
    return nullptr;
}

// "--flag=value" or "--flag value", as claimdeck-cli reads them.
struct Word {
    std::string name;
    std::optional<std::string> inline_value;
};

Word split_option(const std::string& word) {
    if (word == "-h") return {"--help", std::nullopt};
    const std::size_t equals = word.find('=');
    if (equals == std::string::npos) return {word, std::nullopt};
    return {word.substr(0, equals), word.substr(equals + 1)};
}

std::string check_combinations(const GuiOptions& options) {
    const bool needs_profile = options.demo_answers > 0 || options.screen == StartScreen::Card ||
                               options.screen == StartScreen::Sources || options.screen == StartScreen::Reveal ||
                               options.screen == StartScreen::Done || options.screen == StartScreen::Technique ||
                               options.screen == StartScreen::TechniqueAnswer;
    if (needs_profile && options.profile.empty())
        return "--demo-answers and --screen card/sources/reveal/technique/done need --profile";
    if (!options.search.empty() && options.screen != StartScreen::Sources) return "--search needs --screen sources";
    if (!options.report.empty() && !options.quiz.empty()) return "a quiz file and --report cannot be opened together";
    return "";
}

}  // namespace

GuiOptionsResult parse_gui_options(const std::vector<std::string>& args) {
    GuiOptions options;
    std::set<std::string_view> seen;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i].rfind("-", 0) != 0 || args[i] == "-") {
            // `claimdeck week3.json` or `claimdeck news.claimdeck`, as a file
            // manager's "Open with" runs it.
            std::filesystem::path& file = is_package_file(args[i]) ? options.import_deck : options.quiz;
            if (!file.empty()) return {std::nullopt, "unexpected argument " + args[i]};
            file = std::filesystem::u8path(args[i]);
            continue;
        }
        const Word word = split_option(args[i]);
        const OptionSpec* option = find_option(word.name);
        if (!option) return {std::nullopt, "unknown option " + args[i]};
        if (!seen.insert(option->name).second && !option->repeatable)
            return {std::nullopt, word.name + " is given twice"};
        const bool takes_value = !option->value_name.empty();
        if (!takes_value && word.inline_value) return {std::nullopt, word.name + " takes no value"};
        if (takes_value && !word.inline_value && i + 1 >= args.size())
            return {std::nullopt, word.name + " needs a value"};
        std::string value;
        if (word.inline_value)
            value = *word.inline_value;
        else if (takes_value)
            value = args[++i];
        if (std::string problem = option->apply(options, value); !problem.empty())
            return {std::nullopt, word.name + " " + value + ": " + problem};
    }
    if (std::string problem = check_combinations(options); !problem.empty()) return {std::nullopt, problem};
    return {options, ""};
}

std::vector<std::string> gui_option_names() {
    std::vector<std::string> names;
    for (const OptionSpec& option : option_table()) names.emplace_back(option.name);
    return names;
}

std::string gui_usage() {
    constexpr std::size_t kHelpColumn = 27;
    std::string usage =
        "Usage: claimdeck [options] [QUIZ.json] [DECK.claimdeck]\n"
        "Study fact-check flashcards: is each claim verified, contested or propaganda?\n"
        "Options take their value as --option VALUE or --option=VALUE.\n\n";
    for (const OptionSpec& option : option_table()) {
        std::string line =
            "  " + std::string(option.name) + (option.value_name.empty() ? "" : " " + std::string(option.value_name));
        line.resize(std::max(line.size() + 1, kHelpColumn), ' ');
        for (char c : option.help) line += c == '\n' ? "\n" + std::string(kHelpColumn, ' ') : std::string(1, c);
        usage += line + "\n";
    }
    return usage;
}

}  // namespace claimdeck

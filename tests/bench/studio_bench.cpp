// The Deck Studio's benchmarks on a large generated deck, each against its
// target (issue 16, "Speed"):
//   frames   the Studio's UI frame build (ImGui::NewFrame to Render) on each
//            tab, and in its reader scrolling a 1 MiB article, beside a
//            floor frame of one text and three buttons
//   checks   the live checks brought up to date after one edit, beside a
//            full run of every check
//   package  pack (package_deck + write_package) and import (read_package +
//            install_package) of the whole deck
// Frames are built with Dear ImGui and no window or backend (the desktop's
// fonts, a 1600×1000 display), so they time the UI alone. Prints Markdown
// for docs/benchmarks.md. Usage:
//   claimdeck-studio-bench [--runs N] [--smoke]
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "content/deck_library.hpp"
#include "content/deck_package.hpp"
#include "fonts.hpp"
#include "studio/studio_app.hpp"
#include "studio_screen.hpp"
#include "theme.hpp"

namespace fs = std::filesystem;
using namespace claimdeck;

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

struct Summary {
    double median, min, max;
};
Summary summarise(const std::vector<double>& runs) {
    return {percentile(runs, 0.5), *std::min_element(runs.begin(), runs.end()),
            *std::max_element(runs.begin(), runs.end())};
}

std::string cell(const std::vector<double>& runs) {
    const Summary s = summarise(runs);
    char text[96];
    std::snprintf(text, sizeof text, "%.3f ms (%.3f – %.3f)", s.median, s.min, s.max);
    return text;
}

struct ScratchDir {
    fs::path path;
    explicit ScratchDir(const std::string& name) : path(fs::temp_directory_path() / name) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~ScratchDir() { fs::remove_all(path); }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
};

// ---- the deck ------------------------------------------------------------

struct DeckSize {
    int claims;
    int articles;
    std::size_t long_article_bytes;  // the article read in the reader benchmark
};

// One sentence of an article, different in every article and place.
std::string sentence(int article, int n) {
    return "In district " + std::to_string(n) + " the officials of region " + std::to_string(article) +
           " reported that " + std::to_string(100 + n * 7 % 900) + " families had left their homes. ";
}

// An article of `sentences` sentences in paragraphs of five, and where each sentence is.
Article make_article(int number, int sentences, std::vector<Span>& spans) {
    Article article;
    article.id = "article-" + std::to_string(number);
    article.file = article.id + ".txt";
    article.title = "Report number " + std::to_string(number);
    article.provenance = "Generated for the benchmark";
    for (int n = 0; n < sentences; ++n) {
        const std::string words = sentence(number, n);
        spans.push_back({article.text.size(), article.text.size() + words.size() - 1});
        article.text += words;
        if (n % 5 == 4) article.text += "\n\n";
    }
    return article;
}

// A deck of `size.claims` claims spread over `size.articles` articles and 50
// topics, each claim quoting a sentence of its article, with one piece of
// evidence from the next article and, for propaganda, a technique.
Deck make_deck(const DeckSize& size) {
    Deck deck = StudioDocument::empty_deck();
    deck.id = "studio-bench";
    deck.title = "Studio benchmark";
    const int per_article = (size.claims + size.articles - 1) / size.articles;
    std::vector<std::vector<Span>> spans(static_cast<std::size_t>(size.articles));
    for (int a = 0; a < size.articles; ++a)
        deck.articles.push_back(make_article(a, per_article + 5, spans[static_cast<std::size_t>(a)]));
    for (int t = 0; t < 50; ++t) deck.topics.push_back({"topic-" + std::to_string(t), "Topic " + std::to_string(t)});
    for (int c = 0; c < size.claims; ++c) {
        const auto a = static_cast<std::size_t>(c % size.articles);
        const auto other = (a + 1) % deck.articles.size();
        const Span span = spans[a][static_cast<std::size_t>(c / size.articles)];
        const Span evidence_span = spans[other][static_cast<std::size_t>(c / size.articles)];
        Claim claim;
        claim.id = "claim-" + std::to_string(c);
        claim.article = deck.articles[a].id;
        claim.quote = deck.articles[a].text.substr(span.begin, span.end - span.begin);
        claim.span = span;
        claim.text = "Officials say " + std::to_string(c) + " families left district " + std::to_string(c) + ".";
        claim.topic = deck.topics[static_cast<std::size_t>(c % 50)].id;
        claim.verdict = kAllVerdicts[static_cast<std::size_t>(c % 3)];
        claim.rationale = "Only one report gives this figure, and it names no source for it.";
        if (claim.verdict == Verdict::Propaganda)
            claim.techniques.push_back({"Exaggeration, Minimisation", {"families"}});
        claim.evidence.push_back(
            {deck.articles[other].id,
             deck.articles[other].text.substr(evidence_span.begin, evidence_span.end - evidence_span.begin),
             evidence_span, Stance::Qualifies});
        deck.claims.push_back(std::move(claim));
    }
    deck.index();
    return deck;
}

// A deck of one article of about `bytes` bytes and one claim on it.
Deck make_long_article_deck(std::size_t bytes) {
    Deck deck = make_deck({1, 1, 0});
    Article& article = deck.articles.front();
    for (int n = 0; article.text.size() < bytes; ++n) article.text += sentence(0, n) + (n % 5 == 4 ? "\n\n" : "");
    return deck;
}

// ---- frames ----------------------------------------------------------------

// Dear ImGui with the app's fonts and theme and no backend.
struct HeadlessImGui {
    HeadlessImGui() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1600, 1000);
        const ui::FontFiles files{CLAIMDECK_FONT_DIR "/DejaVuSans.ttf", CLAIMDECK_FONT_DIR "/DejaVuSans-Bold.ttf"};
        ui::set_fonts(ui::build_fonts(*io.Fonts, files, 18, 1));
        ui::apply_theme(Theme::Light, 1);
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    }
    ~HeadlessImGui() { ImGui::DestroyContext(); }
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;
};

// The CPU time this thread has used, in ms: unlike the clock, it does not
// count the time the thread waited while others ran on a loaded machine.
double thread_cpu_ms() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

struct FrameTime {
    double wall_ms, cpu_ms;
};

// One frame: NewFrame, a whole-screen window around `draw`, Render.
FrameTime timed_frame(const std::function<void()>& draw) {
    const double cpu_start = thread_cpu_ms();
    const auto start = Clock::now();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("page", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
    draw();
    ImGui::End();
    ImGui::Render();
    return {ms_since(start), thread_cpu_ms() - cpu_start};
}

struct FrameTimes {
    double p50, p99, cpu_p99;
};

// `frames` frames after `warm_up` (fonts, first layout); `before` runs ahead of each.
FrameTimes frame_times(
    const std::function<void()>& draw, int warm_up, int frames, const std::function<void(int)>& before = [](int) {}) {
    std::vector<double> times, cpu_times;
    for (int frame = 0; frame < warm_up + frames; ++frame) {
        before(frame);
        const FrameTime time = timed_frame(draw);
        if (frame < warm_up) continue;
        times.push_back(time.wall_ms);
        cpu_times.push_back(time.cpu_ms);
    }
    return {percentile(times, 0.5), percentile(times, 0.99), percentile(cpu_times, 0.99)};
}

void floor_frame() {
    ImGui::TextUnformatted("A text");
    for (const char* label : {"One", "Two", "Three"}) ImGui::Button(label);
}

// The reader's scrolling box, wherever the page put it.
const ImGuiWindow* reader_window() {
    for (const ImGuiWindow* window : GImGui->Windows)
        if (std::strstr(window->Name, "##reader") && window->Active) return window;
    return nullptr;
}

// Moves the pointer into the reader, clicks once (as an editor does before
// selecting), then turns the wheel a notch a frame, down and back up.
void scroll_reader(int frame) {
    ImGuiIO& io = ImGui::GetIO();
    io.MouseWheel = 0;
    io.MouseDown[0] = false;
    const ImGuiWindow* reader = reader_window();
    if (!reader) return;
    const ImRect box = reader->InnerRect;
    io.MousePos = ImVec2(box.Min.x + 40, std::min(box.GetCenter().y, io.DisplaySize.y - 10));
    if (frame == 1) io.MouseDown[0] = true;
    if (frame > 3) io.MouseWheel = (frame / 100) % 2 ? 1.0f : -1.0f;
}

struct FrameRow {
    std::string label;
    std::vector<double> p50, p99, cpu_p99;
    void add(const FrameTimes& times) {
        p50.push_back(times.p50);
        p99.push_back(times.p99);
        cpu_p99.push_back(times.cpu_p99);
    }
};

void print_frame_row(const FrameRow& row, const char* target) {
    std::printf("| %s | %s | %s | %s | %s |\n", row.label.c_str(), cell(row.p50).c_str(), cell(row.p99).c_str(), target,
                cell(row.cpu_p99).c_str());
}

struct FrameSetup {
    int warm_up, frames;
};

void bench_frames(int runs, const DeckSize& size, const FrameSetup& setup) {
    const std::vector<std::pair<ui::StudioTab, const char*>> tabs = {
        {ui::StudioTab::Articles, "Articles (a claim's article in the reader)"},
        {ui::StudioTab::Claim, "Claim (a claim open)"},
        {ui::StudioTab::Evidence, "Evidence (a second article in the reader)"},
        {ui::StudioTab::Topics, "Topics"},
        {ui::StudioTab::Checks, "Checks"},
        {ui::StudioTab::Try, "Try"}};
    FrameRow floor{"floor (one text, three buttons)", {}, {}, {}};
    std::vector<FrameRow> rows;
    for (const auto& tab : tabs) rows.push_back({std::string("Studio: ") + tab.second, {}, {}, {}});
    FrameRow reader{
        "Studio: reader scrolling a " + std::to_string(size.long_article_bytes >> 10) + " KiB article", {}, {}, {}};
    ScratchDir dir("claimdeck-bench-studio-frames");
    const Deck deck = make_deck(size);
    const Deck long_article = make_long_article_deck(size.long_article_bytes);
    for (int run = 0; run < runs; ++run) {
        HeadlessImGui imgui;
        floor.add(frame_times(floor_frame, setup.warm_up, setup.frames));
        StudioApp studio(dir.path);
        studio.open_copy(deck);
        for (std::size_t t = 0; t < tabs.size(); ++t) {
            ui::StudioView view;
            view.tab = tabs[t].first;
            view.claim = deck.claims[deck.claims.size() / 2].id;
            view.article = deck.claim(view.claim)->article;
            view.evidence_article = deck.claim(view.claim)->evidence.front().article;
            rows[t].add(frame_times([&] { ui::draw_studio_screen(studio, view, true); }, setup.warm_up, setup.frames));
        }
        StudioApp reading(dir.path);
        reading.open_copy(long_article);
        ui::StudioView view;
        view.article = long_article.articles.front().id;
        reader.add(frame_times([&] { ui::draw_studio_screen(reading, view, true); }, setup.warm_up, setup.frames,
                               scroll_reader));
    }
    std::printf("\n### Frame build\n\n");
    std::printf("| view | build p50 | build p99 | target | build p99, CPU time of the thread |\n");
    std::printf("|---|---|---|---|---|\n");
    print_frame_row(floor, "");
    for (const FrameRow& row : rows) print_frame_row(row, "p99 < 4 ms");
    print_frame_row(reader, "p99 < 4 ms");
}

// ---- live checks -------------------------------------------------------------

void print_row(const std::string& figure, const std::vector<double>& runs, const char* target) {
    const Summary s = summarise(runs);
    std::printf("| %s | %.1f ms | %.1f – %.1f | %s |\n", figure.c_str(), s.median, s.min, s.max, target);
}

// One kind of edit, made on a claim (or its article) in the middle of the deck.
struct EditCase {
    const char* label;
    std::function<void(StudioApp&, const Claim&)> make;
};

const std::vector<EditCase>& edit_cases() {
    static const std::vector<EditCase> cases = {
        {"a claim's rationale",
         [](StudioApp& studio, const Claim& claim) {
             studio.apply(edit::SetClaimField{claim.id, ClaimField::Rationale, "Two reports give this figure."});
         }},
        {"a claim's verdict",
         [](StudioApp& studio, const Claim& claim) {
             studio.apply(edit::SetVerdict{
                 claim.id, claim.verdict == Verdict::Verified ? Verdict::Contested : Verdict::Verified});
         }},
        {"an article's text (every quote from it followed)",
         [](StudioApp& studio, const Claim& claim) {
             const std::string text = studio.document().deck().article(claim.article)->text;
             studio.apply(edit::SetArticleField{claim.article, ArticleField::Text, "A new first line.\n\n" + text});
         }},
        {"a claim removed", [](StudioApp& studio, const Claim& claim) { studio.apply(edit::RemoveClaim{claim.id}); }},
        {"undo", [](StudioApp& studio, const Claim&) { studio.undo(); }},
    };
    return cases;
}

// The clock's and the thread's CPU time of one step, in ms.
struct Timed {
    std::vector<double> wall, cpu;
    template <typename Step>
    void add(Step step) {
        const double cpu_start = thread_cpu_ms();
        const auto start = Clock::now();
        step();
        wall.push_back(ms_since(start));
        cpu.push_back(thread_cpu_ms() - cpu_start);
    }
};

void print_timed_row(const std::string& figure, const Timed& timed, const char* target) {
    const Summary s = summarise(timed.wall);
    std::printf("| %s | %.1f ms | %.1f – %.1f | %.1f ms | %s |\n", figure.c_str(), s.median, s.min, s.max,
                summarise(timed.cpu).median, target);
}

void bench_checks(int runs, const DeckSize& size) {
    ScratchDir dir("claimdeck-bench-studio-checks");
    const Deck deck = make_deck(size);
    Timed full, opened;
    std::vector<Timed> after_edit(edit_cases().size());
    std::size_t problems = 0;
    for (int run = 0; run < runs; ++run) {
        StudioApp studio(dir.path);
        opened.add([&] { studio.open_copy(deck); });
        full.add([&] { problems = studio_checks(studio.document(), deck.id + ".json").size(); });
        const Claim claim = deck.claims[deck.claims.size() / 2 + static_cast<std::size_t>(run)];
        for (std::size_t e = 0; e < edit_cases().size(); ++e)
            after_edit[e].add([&] {
                edit_cases()[e].make(studio, claim);
                problems = studio.live_checks().size();
            });
    }
    std::printf("\n### Live checks (%d claims, %zu problems found)\n\n", size.claims, problems);
    std::printf("An edit is applied (with its undo step) and the live checks brought up to date with it, the\n");
    std::printf("claims it touched checked again; the floor runs every check over the whole deck, as\n");
    std::printf("`claimdeck-cli deck check` does. The CPU time of the thread leaves out the time it waited for\n");
    std::printf("a core on a loaded machine.\n\n");
    std::printf("| figure | median | min – max | CPU time of the thread, median | target |\n|---|---|---|---|---|\n");
    print_timed_row("floor: every check over the whole deck", full, "");
    print_timed_row("opening the deck (a copy made, every claim checked)", opened, "");
    for (std::size_t e = 0; e < edit_cases().size(); ++e)
        print_timed_row(std::string("one edit and the live checks up to date: ") + edit_cases()[e].label, after_edit[e],
                        "< 30 ms");
}

// ---- pack and import ---------------------------------------------------------

void bench_package(int runs, const DeckSize& size) {
    ScratchDir dir("claimdeck-bench-studio-package");
    const Deck deck = make_deck(size);
    std::vector<double> pack, import, pack_cpu, import_cpu;
    std::size_t bytes = 0;
    for (int run = 0; run < runs; ++run) {
        auto start = Clock::now();
        double cpu_start = thread_cpu_ms();
        const PackageReadResult packed = package_deck(deck);
        const std::string package = packed.files ? write_package(*packed.files) : std::string();
        pack.push_back(ms_since(start));
        pack_cpu.push_back(thread_cpu_ms() - cpu_start);
        if (!packed.files) std::fprintf(stderr, "%s", describe_all(packed.problems).c_str());
        bytes = package.size();
        const fs::path library = dir.path / ("library-" + std::to_string(run));
        start = Clock::now();
        cpu_start = thread_cpu_ms();
        const PackageReadResult read = read_package(package, "bench.claimdeck");
        const InstallResult installed =
            read.files ? install_package(library, *read.files, *read.deck) : InstallResult{};
        import.push_back(ms_since(start));
        import_cpu.push_back(thread_cpu_ms() - cpu_start);
        if (!installed.installed()) std::fprintf(stderr, "%s", describe_all(installed.problems).c_str());
    }
    std::printf("\n### Pack and import (%d claims, %d articles, a %.1f MiB package)\n\n", size.claims, size.articles,
                static_cast<double>(bytes) / (1 << 20));
    std::printf("| figure | median | min – max | target |\n|---|---|---|---|\n");
    print_row("pack: package_deck + write_package", pack, "< 1000 ms");
    print_row("import: read_package + install_package", import, "< 1000 ms");
    print_row("pack, CPU time of the thread", pack_cpu, "");
    print_row("import, CPU time of the thread (its disk writes wait outside it)", import_cpu, "");
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 5;
    bool smoke = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--smoke") {
            smoke = true;
            runs = 1;
        } else if (arg == "--runs" && i + 1 < argc) {
            runs = std::max(1, std::atoi(argv[++i]));
        } else {
            std::fprintf(stderr, "usage: claimdeck-studio-bench [--runs N] [--smoke]\n");
            return 2;
        }
    }
    const DeckSize size = smoke ? DeckSize{300, 10, 64u << 10} : DeckSize{10000, 200, 1u << 20};
    const FrameSetup setup = smoke ? FrameSetup{5, 20} : FrameSetup{30, 300};
    std::printf("\n## Deck Studio\n\n");
    std::printf("A generated deck of %d claims on %d articles (50 topics, one evidence entry a claim). Frames are\n",
                size.claims, size.articles);
    std::printf("built by Dear ImGui with no window or backend (the desktop's fonts, 1600×1000), ImGui::NewFrame to\n");
    std::printf("ImGui::Render, %d frames after %d to warm up; each cell the median of %d runs (min – max).\n",
                setup.frames, setup.warm_up, runs);
    std::printf("The reader is clicked once, then scrolled by the mouse wheel a notch a frame. On a loaded machine\n");
    std::printf("the clock's p99 counts the time the thread waited for a core; the last column, the thread's CPU\n");
    std::printf("time, does not.\n");
    bench_frames(runs, size, setup);
    bench_checks(runs, size);
    bench_package(runs, size);
    return 0;
}

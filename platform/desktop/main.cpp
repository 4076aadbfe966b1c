// claimdeck: the desktop app. This file turns the command line into a deck,
// a progress store and a window; everything else lives in the core (what
// the app does) and app/ui (how it looks).
#include <cstdio>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "app/app_store.hpp"
#include "app/gui_options.hpp"
#include "app/study_app.hpp"
#include "background_chooser.hpp"
#include "bundled_content.hpp"
#include "content/deck.hpp"
#include "content/deck_library.hpp"
#include "data_dir.hpp"
#include "font_files.hpp"
#ifdef CLAIMDECK_LIVE_CLASSES
#include "http_client_transport.hpp"
#include "local_live_server.hpp"
#include "qr_encoder.hpp"
#endif
#include "shell.hpp"
#include "show_folder.hpp"
#include "storage/store.hpp"
#include "window.hpp"

using namespace claimdeck;

namespace {

std::unique_ptr<Deck> load_deck_or_report(const std::filesystem::path& path) {
    DeckLoadResult result = load_deck(path);
    if (!result.deck) {
        std::fprintf(stderr, "claimdeck: the deck %s cannot be used:\n%s", path.u8string().c_str(),
                     describe_all(result.problems).c_str());
        return nullptr;
    }
    return std::make_unique<Deck>(std::move(*result.deck));
}

// The store is opened the careful way (app/app_store.hpp): what opening did
// is shown on Home, and a store that cannot be opened at all is explained in
// the window. Both go to stderr too, for logs.
std::optional<AppStore> open_store_or_report(const std::filesystem::path& data_dir) {
    if (data_dir.empty()) {
        std::fprintf(stderr, "claimdeck: no home folder is set; choose where to keep progress with --data-dir DIR\n");
        return std::nullopt;
    }
    AppStore opened = open_app_store(data_dir);
    for (const std::string& notice : opened.notices) std::fprintf(stderr, "claimdeck: %s\n", notice.c_str());
    if (!opened.fault.empty()) std::fprintf(stderr, "claimdeck: %s\n", opened.fault.c_str());
    return opened;
}

std::optional<ui::FontFiles> find_fonts_or_report(const char* program) {
    std::vector<std::filesystem::path> asset_dirs{CLAIMDECK_ASSETS_DIR};
    // An installed copy keeps its assets beside the executable.
    asset_dirs.push_back(std::filesystem::u8path(program).parent_path() / "assets");
    const std::vector<std::filesystem::path> folders = desktop::font_folders(asset_dirs);
    if (auto files = desktop::find_font_files(folders)) return files;
    std::fprintf(stderr,
                 "claimdeck: DejaVuSans.ttf and DejaVuSans-Bold.ttf were not found. Install them "
                 "(Debian: apt-get install fonts-dejavu-core) or copy them into one of:\n");
    for (const auto& folder : folders) std::fprintf(stderr, "  %s\n", folder.u8string().c_str());
    return std::nullopt;
}

// The learner named on the command line, a deck package, a quiz file or
// results files given there, and any scripted answers (to the quiz when there is one).
void apply_script(const GuiOptions& options, StudyApp& app, ui::Shell& shell) {
    if (!options.profile.empty()) app.open_profile(options.profile);
    if (!options.import_deck.empty()) shell.import_deck(options.import_deck.u8string());
    if (!options.report.empty()) return shell.open_report(options.report);
    if (!options.quiz.empty()) {
        shell.open_quiz(options.quiz.u8string(), !options.profile.empty());
        shell.answer_quiz_by_script(options.demo_answers);
        return;
    }
    if (options.profile.empty()) return;
    shell.start_studying();
    shell.answer_by_script(options.demo_answers);
}

// Live classes where this build has them (not on Windows: no server there).
void add_live_classes(ui::PlatformFeatures& features, const char* program, const std::filesystem::path& data_dir) {
#ifdef CLAIMDECK_LIVE_CLASSES
    features.connect_live = [](const std::string& address) {
        return desktop::connect_http(address, desktop::request_frame);
    };
    const desktop::LocalServerPlace place{desktop::find_server_program(program), data_dir, desktop::web_app_folders()};
    features.start_live_server = [place](const Deck& deck) { return desktop::start_local_server(place, deck); };
    features.make_qr_code = desktop::encode_qr;
#else
    (void)features, (void)program, (void)data_dir;
#endif
}

int run(const GuiOptions& options, const char* program) {
    auto deck = load_deck_or_report(options.deck.empty() ? desktop::bundled_deck_path() : options.deck);
    if (!deck) return 1;
    const std::filesystem::path data_dir = options.data_dir.empty() ? desktop::default_data_dir() : options.data_dir;
    auto opened = open_store_or_report(data_dir);
    if (!opened) return 1;
    auto font_files = find_fonts_or_report(program);
    if (!font_files) return 1;

    StudyApp app(std::move(*deck), std::move(*opened), system_clock_ms(), data_dir);
    // --deck PATH is studied as it is, never copied into the library; Home
    // lists it first, then the library's decks.
    app.open_library(library_folder_in(data_dir));
    if (options.deck.empty()) app.study_last_deck();
    // Scripted runs shuffle the same way every time, so their screenshots repeat.
    const std::uint64_t seed = options.quit_after_frames ? 1 : std::random_device()();
    const std::unique_ptr<FileChooser> file_chooser = desktop::system_file_chooser();
    // No pick_deck_file or pick_file: "Import a deck…" and the Studio's files ask the system's file chooser.
    ui::PlatformFeatures features;
    features.file_chooser = file_chooser.get();
    features.show_folder = desktop::show_folder;
    add_live_classes(features, program, data_dir);
    ui::Shell shell(app, *font_files, seed, std::move(features));
    const bool store_opened = app.store_fault().empty();
    if (store_opened) {
        try {
            apply_script(options, app, shell);
        } catch (const StoreError& fault) {
            std::fprintf(stderr, "claimdeck: %s\n", fault.what());
            return 1;
        }
        if (options.text_size) {
            DisplaySettings display = app.display_settings();
            display.text_size_percent = *options.text_size;
            app.set_display_settings(display);
        }
        shell.open(options.screen);
        shell.search_sources(options.search);
        ui::keep_scrolled_to(options.scroll_to);
    }

    int exit_code = desktop::run_window(shell, {options.window, options.quit_after_frames, options.screenshot,
                                                options.bench, options.bench_frame_times});
    // Answers are saved as they are given; any the store still refuses are
    // kept in a file for the next start.
    for (const std::string& unsaved : app.close()) {
        std::fprintf(stderr, "claimdeck: %s\n", unsaved.c_str());
        exit_code = 1;
    }
    return store_opened ? exit_code : 1;
}

}  // namespace

int main(int argc, char** argv) {
    GuiOptionsResult parsed = parse_gui_options(std::vector<std::string>(argv + 1, argv + argc));
    if (!parsed.options) {
        std::fprintf(stderr, "claimdeck: %s\nTry 'claimdeck --help'.\n", parsed.error.c_str());
        return 2;
    }
    const GuiOptions& options = *parsed.options;
    if (options.help) {
        std::fputs(gui_usage().c_str(), stdout);
        return 0;
    }
    if (options.version) {
        std::printf("claimdeck %s\n", CLAIMDECK_VERSION);
        return 0;
    }
    return run(options, argv[0]);
}

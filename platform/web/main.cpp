// ClaimDeck in the browser: the desktop app's shell (app/ui) and core
// (app/core) around a canvas, for phones and desktops alike.
//
// What differs from platform/desktop:
// - The canvas is sized here from the page (CSS size × devicePixelRatio),
//   which Emscripten's GLFW does not do; ImGui works in device pixels and
//   the shell is told the ratio as its UI scale.
// - Progress, imported decks and the Studio's work live in /data, an
//   IndexedDB-backed folder that pre.js has loaded before main() runs. After
//   each frame in which something in it changed, the page is asked to save
//   it (one save at a time; see pre.js).
// - Touch and the on-screen keyboard are handled in pre.js, which feeds
//   them in through the two exported functions at the end of this file.
// - Each frame publishes what it shows as attributes on <body>, for tests
//   and for the page (data-screen, data-profile, data-answers, data-deck,
//   data-shelf, data-studio, data-live).
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <sys/stat.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "accessibility_mirror.hpp"
#include "app/app_store.hpp"
#include "app/study_app.hpp"
#include "content/deck.hpp"
#include "content/deck_library.hpp"
#include "frame.hpp"
#include "gl_frame.hpp"
#include "inspect.hpp"
#include "live_fetch.hpp"
#include "shell.hpp"
#include "storage/store.hpp"

namespace {

using namespace claimdeck;

constexpr const char* kDeckFile = "/content/decks/panjshir-2021.json";
constexpr const char* kDataDir = "/data";
const ui::FontFiles kFonts{"/fonts/DejaVuSans.ttf", "/fonts/DejaVuSans-Bold.ttf"};

// The page's size in device pixels and its pixel ratio.
struct PageSize {
    int width = 0;
    int height = 0;
    float ratio = 1;
};

PageSize page_size() {
    PageSize size;
    size.ratio = static_cast<float>(EM_ASM_DOUBLE({ return window.devicePixelRatio || 1; }));
    size.width = EM_ASM_INT(
        { return Math.round(Module.canvas.getBoundingClientRect().width * (window.devicePixelRatio || 1)); });
    size.height = EM_ASM_INT(
        { return Math.round(Module.canvas.getBoundingClientRect().height * (window.devicePixelRatio || 1)); });
    if (size.width <= 0) size.width = 1;
    if (size.height <= 0) size.height = 1;
    return size;
}

// The data folder's last change, to notice writes without hooking every
// writer: the store, an imported deck, a Studio draft or a saved deck. A file
// written, added, renamed into place or removed changes the newest
// modification time, the count or the bytes.
struct FolderStamp {
    long long newest_seconds = 0;
    long newest_nanoseconds = 0;
    long long files = 0;
    long long bytes = 0;
    bool operator!=(const FolderStamp& other) const {
        return newest_seconds != other.newest_seconds || newest_nanoseconds != other.newest_nanoseconds ||
               files != other.files || bytes != other.bytes;
    }
};

void add_to_stamp(FolderStamp& stamp, const struct stat& info) {
    ++stamp.files;
    stamp.bytes += static_cast<long long>(info.st_size);
    const long long seconds = info.st_mtim.tv_sec;
    if (seconds > stamp.newest_seconds ||
        (seconds == stamp.newest_seconds && info.st_mtim.tv_nsec > stamp.newest_nanoseconds)) {
        stamp.newest_seconds = seconds;
        stamp.newest_nanoseconds = info.st_mtim.tv_nsec;
    }
}

FolderStamp stamp_of(const std::filesystem::path& folder) {
    FolderStamp stamp;
    std::error_code error;
    for (std::filesystem::recursive_directory_iterator entry(folder, error), end; !error && entry != end;
         entry.increment(error)) {
        struct stat info {};
        if (stat(entry->path().c_str(), &info) == 0) add_to_stamp(stamp, info);
    }
    return stamp;
}

// What <body>'s attributes tell the page and the tests (see publish_state()).
struct PageState {
    std::string screen;
    std::int64_t profile = 0;
    std::string profile_name;
    int answers = 0;
    std::string theme;
    std::string deck;
    std::string shelf;   // the ids of the decks Home lists, space-separated
    std::string studio;  // on the Studio: "N articles, M claims, K problems"
    std::string live;    // a pupil in a live class (FrameReport::live)
    bool operator==(const PageState& other) const {
        return screen == other.screen && profile == other.profile && profile_name == other.profile_name &&
               answers == other.answers && theme == other.theme && deck == other.deck && shelf == other.shelf &&
               studio == other.studio && live == other.live;
    }
};

struct WebApp {
    GLFWwindow* window = nullptr;
    std::unique_ptr<StudyApp> app;
    std::unique_ptr<ui::Shell> shell;
    FolderStamp data_stamp;
    PageSize size;
    bool wanted_text_input = false;
    std::optional<PageState> shown;  // what <body> says the app shows
    int frames = 0;
    int lift_pointer_in = 0;  // frames until a lifted finger stops hovering
    int busy_frames = 0;      // frames still to draw after the last input
    double last_drawn = 0;    // glfwGetTime() of the last frame drawn
};

// A phone's battery is spared: frames are drawn while the learner acts (and
// a moment after, for ImGui's own transitions), while a text field blinks
// its caret, and once a second otherwise; the canvas keeps the last frame.
// The numbers are platform::kWebIdle.
constexpr int kFramesAfterInput = platform::kWebIdle.frames_after_input;
constexpr double kIdleRedrawSeconds = platform::kWebIdle.idle_redraw_seconds;

WebApp* the_app = nullptr;

void fail(const std::string& message) {
    std::fprintf(stderr, "%s\n", message.c_str());
    EM_ASM(
        {
            if (Module.claimdeckFailed) Module.claimdeckFailed(UTF8ToString($0));
        },
        message.c_str());
}

void follow_page_size() {
    const PageSize now = page_size();
    int width = 0, height = 0;
    glfwGetWindowSize(the_app->window, &width, &height);
    // Not glfwSetWindowSize: Emscripten's turns a screen-sized window into
    // a request for full screen.
    if (now.width != width || now.height != height)
        EM_ASM(
            {
                Browser.setCanvasSize($0, $1);
                if (GLFW.active) {
                    GLFW.active.width = $0;
                    GLFW.active.height = $1;
                }
            },
            now.width, now.height);
    if (now.ratio != the_app->size.ratio) {
        the_app->shell->set_scale(now.ratio, 1);
        // A finger wobbles more than a mouse: a tap stays a tap up to 8 CSS pixels.
        ImGui::GetIO().MouseDragThreshold = 8 * now.ratio;
    }
    the_app->size = now;
}

std::string shelf_ids(const StudyApp& app) {
    std::string ids;
    for (const ShelfDeck& deck : app.shelf()) ids += (ids.empty() ? "" : " ") + deck.id;
    return ids;
}

// What the frame shows, as the page's <body> attributes say it.
PageState page_state() {
    const StudyApp& app = *the_app->app;
    const ui::FrameReport report = the_app->shell->report();
    return {ui::screen_name(report.screen),
            app.profile() ? app.profile()->id : 0,
            app.profile() ? app.profile()->name : "",
            app.answers_given(),
            std::string(to_string(app.display_settings().theme)),
            app.deck().id,
            shelf_ids(app),
            report.studio,
            report.live};
}

// Tells the page what the frame shows, when it changes.
void publish_state() {
    PageState state = page_state();
    if (the_app->shown == state) return;
    EM_ASM(
        {
            document.body.dataset.screen = UTF8ToString($0);
            document.body.dataset.profile = $1 ? UTF8ToString($2) : "";
            document.body.dataset.answers = String($3);
            document.body.dataset.theme = UTF8ToString($4);
            document.body.dataset.deck = UTF8ToString($5);
            document.body.dataset.shelf = UTF8ToString($6);
            document.body.dataset.studio = UTF8ToString($7);
            document.body.dataset.live = UTF8ToString($8);
            if ($1) {
                try {
                    localStorage.setItem("claimdeck.profile", String($1));
                } catch (e) {
                }
            }
        },
        state.screen.c_str(), static_cast<int>(state.profile), state.profile_name.c_str(), state.answers,
        state.theme.c_str(), state.deck.c_str(), state.shelf.c_str(), state.studio.c_str(), state.live.c_str());
    the_app->shown = std::move(state);
}

void frame(bool forced) {
    const PageSize before = the_app->size;
    follow_page_size();
    const bool input = EM_ASM_INT({
        const active = Module.claimdeckActivity;
        Module.claimdeckActivity = 0;
        return active ? 1 : 0;
    });
    if (input || forced || before.width != the_app->size.width || before.height != the_app->size.height)
        the_app->busy_frames = kFramesAfterInput;
    const bool due = glfwGetTime() - the_app->last_drawn >= kIdleRedrawSeconds;
    if (the_app->busy_frames == 0 && !the_app->wanted_text_input && !the_app->shell->fonts_outdated() && !due) return;
    if (the_app->busy_frames > 0) --the_app->busy_frames;
    the_app->last_drawn = glfwGetTime();

    if (!platform::refresh_fonts(*the_app->shell, true)) fail("ClaimDeck could not read its fonts.");
    // Keys are named only where one was pressed more lately than a finger touched (pre.js).
    ImGuiIO& io = ImGui::GetIO();
    if (EM_ASM_INT({ return Module.claimdeckTouchScreen ? 1 : 0; }))
        io.ConfigFlags |= ImGuiConfigFlags_IsTouchScreen;
    else
        io.ConfigFlags &= ~ImGuiConfigFlags_IsTouchScreen;

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    claimdeck::web::inspect_frame_begins();
    platform::build_frame(*the_app->shell);
    claimdeck::web::inspect_frame_ends(the_app->size.ratio);
    claimdeck::web::mirror_outline();

    platform::render_frame();

    // The on-screen keyboard follows ImGui's wish for text.
    const bool wants_text = ImGui::GetIO().WantTextInput;
    if (wants_text != the_app->wanted_text_input) {
        the_app->wanted_text_input = wants_text;
        EM_ASM({ Module.claimdeckTextInput($0); }, wants_text);
    }

    // After a tap, the finger is gone: nothing stays hovered.
    if (the_app->lift_pointer_in > 0 && --the_app->lift_pointer_in == 0) EM_ASM({ Module.claimdeckLiftPointer(); });

    // Progress, decks and Studio work reach IndexedDB after each write.
    const FolderStamp stamp = stamp_of(kDataDir);
    if (stamp != the_app->data_stamp) {
        the_app->data_stamp = stamp;
        EM_ASM({ Module.claimdeckSave(); });
    }

    ++the_app->frames;
    publish_state();
    if (the_app->frames == 1) EM_ASM({ Module.claimdeckFirstFrame(); });
}

// Emscripten's GLFW has no clipboard. ImGui's paste (Ctrl+V, the Studio's
// "Paste article") takes the text of the page's last paste event, which
// pre.js hands in through claimdeck_web_paste(): a browser fires it on
// Ctrl+V before the frame that sees the keys. ImGui's copy goes to the
// system's clipboard through the page.
std::string last_pasted;

const char* pasted_text(void*) { return last_pasted.c_str(); }

void copy_text(void*, const char* text) {
    last_pasted = text;
    EM_ASM(
        {
            if (navigator.clipboard) navigator.clipboard.writeText(UTF8ToString($0)).catch(function(){});
        },
        text);
}

std::optional<std::int64_t> remembered_profile() {
    const int id = EM_ASM_INT({
        try {
            return parseInt(localStorage.getItem("claimdeck.profile") || "0", 10) || 0;
        } catch (e) {
            return 0;
        }
    });
    if (id <= 0) return std::nullopt;
    return id;
}

// The picker's `accept` list for the request's kinds: "*.txt" becomes ".txt".
std::string accepted_types(const FileRequest& request) {
    std::string accept;
    for (const FileKind& kind : request.kinds)
        for (const std::string& pattern : kind.patterns)
            accept += (accept.empty() ? "" : ",") + pattern.substr(pattern.rfind('*') + 1);
    return accept;
}

// The class code in the page's address (?join=CODE), or "" (malloc'd).
EM_JS(char*, join_code_js, (), {
    const code = new URLSearchParams(location.search).get('join') || "";
    const size = lengthBytesUTF8(code) + 1;
    const copy = _malloc(size);
    stringToUTF8(code, copy, size);
    return copy;
});

std::string join_code_in_address() {
    char* code = join_code_js();
    std::string text = code ? code : "";
    std::free(code);
    return text;
}

}  // namespace

extern "C" {

// Text from the on-screen keyboard (or a hardware one typing into the
// hidden field), as UTF-8.
EMSCRIPTEN_KEEPALIVE void claimdeck_web_text_input(const char* text) { ImGui::GetIO().AddInputCharactersUTF8(text); }

// The text of a paste event, for ImGui's next paste (see pasted_text()).
EMSCRIPTEN_KEEPALIVE void claimdeck_web_paste(const char* text) { last_pasted = text; }

// A finger left the screen: after the frame that sees the release, the
// pointer leaves too, so the tapped button does not stay highlighted.
EMSCRIPTEN_KEEPALIVE void claimdeck_web_touch_end() {
    if (the_app) the_app->lift_pointer_in = 2;
}

// A deck package chosen in the browser's file picker (pre.js copied its
// bytes into the module): installed in /data/library and studied, then /data
// is saved to IndexedDB at once, like an answer.
EMSCRIPTEN_KEEPALIVE void claimdeck_web_import_deck(const char* bytes, int size, const char* name) {
    if (!the_app || !the_app->shell || size < 0) return;
    the_app->shell->import_deck_bytes(std::string_view(bytes, static_cast<std::size_t>(size)), name);
    EM_ASM({
        if (Module.claimdeckSave) Module.claimdeckSave();
    });
    the_app->busy_frames = kFramesAfterInput;
}

// A backup or progress file chosen in the browser's picker for "Import
// progress…": imported as if its path had been chosen (the store file then
// changes, and the frame that sees it saves /data to IndexedDB).
EMSCRIPTEN_KEEPALIVE void claimdeck_web_import_progress(const char* bytes, int size, const char* name) {
    if (!the_app || !the_app->shell || size < 0) return;
    the_app->shell->import_progress_bytes(std::string_view(bytes, static_cast<std::size_t>(size)), name);
    the_app->busy_frames = kFramesAfterInput;
}

// A file chosen in the browser's picker (pick_file): a Studio deck
// or article, or a class quiz, `purpose` saying which (a FilePurpose).
EMSCRIPTEN_KEEPALIVE void claimdeck_web_open_file(int purpose, const char* bytes, int size, const char* name) {
    if (!the_app || !the_app->shell || size < 0) return;
    the_app->shell->open_picked_file(static_cast<ui::FilePurpose>(purpose),
                                     std::string_view(bytes, static_cast<std::size_t>(size)), name);
    the_app->busy_frames = kFramesAfterInput;
}

// A class quiz from a link (index.html?quiz=ADDRESS, fetched by pre.js):
// opened as if picked.
EMSCRIPTEN_KEEPALIVE void claimdeck_web_open_quiz(const char* bytes, int size, const char* name) {
    claimdeck_web_open_file(static_cast<int>(ui::FilePurpose::OpenQuiz), bytes, size, name);
}

// Why a link could not be followed, shown in the app's banner.
EMSCRIPTEN_KEEPALIVE void claimdeck_web_notice(const char* message) {
    if (!the_app || !the_app->shell) return;
    the_app->shell->show_error(message);
    the_app->busy_frames = kFramesAfterInput;
}

// Runs `count` frames at once, from inside a touch handler.
EMSCRIPTEN_KEEPALIVE void claimdeck_web_pump(int count) {
    if (!the_app || !the_app->shell || the_app->frames == 0) return;
    for (int i = 0; i < count; ++i) frame(true);
}
}

int main() {
    the_app = new WebApp;
    const DeckLoadResult loaded = load_deck(kDeckFile);
    if (!loaded.deck) {
        fail("The bundled deck could not be loaded.");
        return 1;
    }

    StoreOptions options;
    options.write_ahead_log = false;  // IndexedDB snapshots copy one file at a time
    // Backups go to /data/backups, inside the IndexedDB-backed folder (see
    // README.md): a repair, like the answers, must outlive the tab. What
    // opening did, or why it failed, is shown on Home.
    AppStore opened = open_app_store(kDataDir, options);
    // No stamp yet: the first frame saves /data, with any backup or repair
    // that opening wrote.
    the_app->data_stamp = {};
    // The Studio keeps its drafts and saved decks under /data/studio, so they
    // outlive the tab like the answers do.
    the_app->app = std::make_unique<StudyApp>(*loaded.deck, std::move(opened), system_clock_ms(), kDataDir);
    // Imported decks live in /data/library, saved to IndexedDB with the progress.
    the_app->app->open_library(library_folder_in(kDataDir));
    the_app->app->study_last_deck();
    if (const auto id = remembered_profile()) the_app->app->choose_profile(*id);

    if (!glfwInit()) {
        fail("This browser cannot show ClaimDeck (no GLFW).");
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    the_app->size = page_size();
    the_app->window = glfwCreateWindow(the_app->size.width, the_app->size.height, "ClaimDeck", nullptr, nullptr);
    if (!the_app->window) {
        fail("This browser cannot show ClaimDeck: WebGL 2 is not available.");
        return 1;
    }
    glfwMakeContextCurrent(the_app->window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;                         // nothing of ImGui's own is kept between visits
    io.MouseDragThreshold = 8 * the_app->size.ratio;  // see follow_page_size()
    ImGui_ImplGlfw_InitForOpenGL(the_app->window, true);
    io.GetClipboardTextFn = pasted_text;
    io.SetClipboardTextFn = copy_text;
    ImGui_ImplOpenGL3_Init("#version 300 es");

    const auto seed = static_cast<std::uint64_t>(EM_ASM_DOUBLE({ return Date.now(); }));
    // A browser tab has no files to name or drop: no quiz building or
    // reports; a deck package, a class quiz, a Studio deck or article comes
    // through the browser's file picker, and what is kept (a backup, a
    // package, a quiz's results) leaves as a download.
    ui::PlatformFeatures features;
    features.files = false;
    features.pick_deck_file = [] { EM_ASM({ Module.claimdeckPickDeck(); }); };
    features.offer_download = [](const std::filesystem::path& file, const std::string& name) {
        EM_ASM({ Module.claimdeckDownload(UTF8ToString($0), UTF8ToString($1)); }, file.c_str(), name.c_str());
    };
    features.pick_progress_file = [] { EM_ASM({ Module.claimdeckPickProgress(); }); };
    features.pick_file = [](ui::FilePurpose purpose, const FileRequest& request) {
        EM_ASM({ Module.claimdeckPickFile($0, UTF8ToString($1)); }, static_cast<int>(purpose),
               accepted_types(request).c_str());
    };
    // Live classes: the page's own server, which served it (claimdeck-server --web-root).
    features.connect_live = web::connect_live;
    features.live_server_is_page_origin = true;
    the_app->shell = std::make_unique<ui::Shell>(*the_app->app, kFonts, seed, features);
    the_app->shell->set_scale(the_app->size.ratio, 1);
    // A link or QR code to the class: /?join=CODE opens its join form.
    if (const std::string code = join_code_in_address(); !code.empty()) the_app->shell->join_live_class(code);

    emscripten_set_main_loop([] { frame(false); }, 0, false);
    return 0;
}

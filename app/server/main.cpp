// claimdeck-server: a live class over HTTP (issue 19). Prints the address it
// listens on and, when one is made, the teacher key; stops on SIGINT/SIGTERM.
#include <pthread.h>

#include <csignal>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "base/printable.hpp"
#include "bundled_content.hpp"
#include "live/live_classes.hpp"
#include "live/secrets.hpp"
#include "live_server.hpp"
#include "postgres_live_database.hpp"
#include "server_options.hpp"

namespace {

using claimdeck::printable;
using namespace claimdeck::server;

claimdeck::Deck load_deck_or_throw(const std::filesystem::path& path) {
    claimdeck::DeckLoadResult loaded = claimdeck::load_deck(path);
    if (!loaded.deck) throw std::runtime_error(claimdeck::describe_all(loaded.problems));
    return std::move(*loaded.deck);
}

// The key is shown only when it is made; the store keeps its hash alone.
void announce_teacher_key(claimdeck::live::LiveClasses& classes, bool replace) {
    const std::string key = claimdeck::live::make_secret();
    if (replace)
        classes.set_teacher_key(key);
    else if (!classes.set_first_teacher_key(key)) {
        std::cout << "Teacher key: the one shown when this "
                  << (classes.database_kind() == "sqlite" ? "data folder" : "database")
                  << " was first used (--new-teacher-key makes a new one)\n";
        return;
    }
    std::cout << "Teacher key: " << key << "  (shown once: note it now)\n";
}

// Said at the start, as a teacher whose pupils' phones open the address
// would otherwise find out only from them.
void announce_web_app(const Options& options) {
    if (options.web_root && !claimdeck::desktop::first_web_app({*options.web_root}).empty()) {
        std::cout << "Web app for phones: " << options.web_root->u8string() << "\n";
        return;
    }
    std::cout << "No web app " << (options.web_root ? "in " + options.web_root->u8string() : std::string("found"))
              << ": phones that open the address are told so (build it with ./dev web, or give --web-root DIR)\n";
}

// SIGINT and SIGTERM are taken by a thread of their own, so the server stops
// cleanly outside a signal handler.
sigset_t stop_signals() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    return signals;
}

std::unique_ptr<claimdeck::live::LiveDatabase> open_store(const Options& options) {
    if (is_postgresql(options.database)) return open_postgres_live_database(options.database);
    std::filesystem::create_directories(options.data_dir);
    return claimdeck::live::open_sqlite_live_database(options.data_dir / "live.sqlite");
}

int serve(const Options& options) {
    claimdeck::live::LiveClasses classes(open_store(options));
    LiveServer server(options, classes, load_deck_or_throw(options.deck));
    // Other processes on the same PostgreSQL announce their pupils' answers.
    std::optional<ChangeListener> listener;
    if (is_postgresql(options.database))
        listener.emplace(options.database,
                         [&server](const std::string& class_code) { server.wake_dashboards(class_code); });
    const int port = server.bind();
    if (port <= 0)
        throw std::runtime_error("cannot listen on " + options.host + ":" + std::to_string(options.port) +
                                 " (in use, or not an address of this machine)");
    announce_web_app(options);
    announce_teacher_key(classes, options.new_teacher_key);
    std::cout << "Live class server on http://" << options.host << ":" << port << "/" << std::endl;
    sigset_t signals = stop_signals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::thread stopper([&] {
        int signal = 0;
        sigwait(&signals, &signal);
        server.stop();
    });
    server.run();
    // Should serving end without a signal (the socket failed), wake the
    // stopper so it can be joined; stopping twice is harmless.
    pthread_kill(stopper.native_handle(), SIGTERM);
    stopper.join();
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    try {
        options = parse_options(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const UsageError& error) {
        std::cerr << "claimdeck-server: " << printable(error.what()) << "\n" << kUsage;
        return 2;
    }
    if (options.help) {
        std::cout << kUsage;
        return 0;
    }
    if (options.version) {
        std::cout << "claimdeck-server " << CLAIMDECK_VERSION << "\n";
        return 0;
    }
    try {
        return serve(options);
    } catch (const std::exception& error) {
        std::cerr << "claimdeck-server: " << printable(error.what()) << "\n";
        return 1;
    }
}

#include "server_options.hpp"

#include <cstdlib>
#include <string_view>

#include "bundled_content.hpp"
#include "postgres_live_database.hpp"

namespace claimdeck::server {

const char* const kUsage =
    "Usage: claimdeck-server [--port N] [--host ADDRESS] [--data-dir DIR] [--database DB]\n"
    "                        [--deck DECK] [--web-root DIR] [--new-teacher-key] [--rate-limit N]\n"
    "\n"
    "Runs a live class: pupils join with a code and answer from a browser, the teacher\n"
    "watches the class's answers arrive.\n"
    "\n"
    "  --port N           port to listen on (default 8470; 0 picks a free one)\n"
    "  --host ADDRESS     address to listen on (default 127.0.0.1, this machine only;\n"
    "                     0.0.0.0 for a classroom network)\n"
    "  --data-dir DIR     where the live classes are kept (default\n"
    "                     $XDG_DATA_HOME/claimdeck/live or ~/.local/share/claimdeck/live)\n"
    "  --database DB      where classes are kept: sqlite (default), a file in the data\n"
    "                     folder; or PostgreSQL, as postgresql://USER@HOST/DBNAME or a\n"
    "                     libpq connection string (\"host=... dbname=...\"), shared by\n"
    "                     several server processes\n"
    "  --deck DECK        the deck classes run on (default: the bundled deck)\n"
    "  --web-root DIR     serve the web app from DIR (the web build's site folder;\n"
    "                     default: the installed one, else the one ./dev web built)\n"
    "  --new-teacher-key  replace the teacher key by a new one, shown once\n"
    "  --rate-limit N     requests per second allowed from one address (default 50; 0: none)\n"
    "  --help             this text\n"
    "  --version          the version\n";

namespace {

std::filesystem::path default_data_dir() {
    const char* xdg = std::getenv("XDG_DATA_HOME");
    // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
    if (xdg && std::filesystem::path(xdg).is_absolute()) return std::filesystem::path(xdg) / "claimdeck" / "live";
    const char* home = std::getenv("HOME");
    if (!home || !*home) return {};
    return std::filesystem::path(home) / ".local" / "share" / "claimdeck" / "live";
}

double number_of(const std::string& option, const std::string& text, double min, double max) {
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !(value >= min && value <= max))
        throw UsageError(option + " \"" + text + "\": must be a number from " + std::to_string(static_cast<long>(min)) +
                         " to " + std::to_string(static_cast<long>(max)));
    return value;
}

// The connection string is not echoed: it may hold a password.
std::string checked_database(const std::string& value) {
    if (value == "sqlite") return value;
    if (!is_postgresql(value))
        throw UsageError("--database \"" + value +
                         "\": use sqlite, a postgresql:// URL or a libpq connection string (host=... dbname=...)");
    if (std::string problem = connection_string_problem(value); !problem.empty())
        throw UsageError("--database: not a PostgreSQL connection string: " + problem);
    return value;
}

}  // namespace

Options parse_options(const std::vector<std::string>& words) {
    Options options;
    options.data_dir = default_data_dir();
    options.deck = desktop::bundled_deck_path();
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& word = words[i];
        if (word == "--help" || word == "-h")
            options.help = true;
        else if (word == "--version")
            options.version = true;
        else if (word == "--new-teacher-key")
            options.new_teacher_key = true;
        else {
            if (word.rfind("--", 0) != 0) throw UsageError("unexpected \"" + word + "\"");
            static const char* const kWithValue[] = {"--port", "--host",     "--data-dir",  "--database",
                                                     "--deck", "--web-root", "--rate-limit"};
            bool known = false;
            for (const char* option : kWithValue) known = known || word == option;
            if (!known) throw UsageError("unknown option " + word);
            if (i + 1 == words.size()) throw UsageError(word + " needs a value");
            const std::string& value = words[++i];
            if (word == "--port")
                options.port = static_cast<int>(number_of(word, value, 0, 65535));
            else if (word == "--host")
                options.host = value;
            else if (word == "--data-dir")
                options.data_dir = value;
            else if (word == "--database")
                options.database = checked_database(value);
            else if (word == "--deck")
                options.deck = value;
            else if (word == "--web-root")
                options.web_root = value;
            else
                options.rate_per_second = number_of(word, value, 0, 1000000);
        }
    }
    if (!options.web_root) {
        const std::filesystem::path found = desktop::first_web_app(desktop::web_app_folders());
        if (!found.empty()) options.web_root = found;
    }
    if (options.data_dir.empty() && options.database == "sqlite" && !options.help && !options.version)
        throw UsageError("no data folder: HOME is not set; give --data-dir");
    return options;
}

}  // namespace claimdeck::server

// Kills `claimdeck-cli study --plain` with SIGKILL at random moments, run
// after run, and then checks that every answer it reported as `saved <id>`
// is in the store and that the store is sound. Moments: during start-up
// (opening, checking, backing up), right after a reported save, just after
// sending an answer (mid-transaction, often), and half-way through one.
//
// Usage: crash_test CLAIMDECK_CLI MINI_DECK_DIR WORK_DIR [SEED]
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "learning/study_settings.hpp"
#include "storage/store.hpp"

namespace fs = std::filesystem;

namespace {

constexpr int kRuns = 40;
constexpr int kMaxAnswersPerRun = 5;
// Enough new cards that no run finds the deck exhausted.
constexpr int kClaims = kRuns * (kMaxAnswersPerRun + 1) + 50;
constexpr int kReplyTimeoutMs = 10'000;
constexpr const char* kProfile = "Crash";

[[noreturn]] void fail(const std::string& message) {
    std::cerr << "crash_test: " << message << "\n";
    std::exit(1);
}

// The mini deck's article with kClaims claims on its first sentence, so a
// session never runs out of new cards.
fs::path write_deck(const fs::path& mini_deck_dir, const fs::path& work_dir) {
    fs::create_directories(work_dir / "decks");
    fs::copy(mini_deck_dir / "articles", work_dir / "articles", fs::copy_options::recursive);
    std::string json = R"({"format_version": 1, "id": "crash", "version": 1, "title": "Crash deck",
        "description": "One claim, many times.", "language": "en",
        "articles": [{"id": "a", "file": "a.txt", "title": "Headline A", "byline": "", "provenance": "Test."}],
        "topics": [{"id": "t", "title": "Topic"}], "claims": [)";
    for (int i = 0; i < kClaims; ++i)
        json += std::string(i ? "," : "") + R"({"id": "c)" + std::to_string(i) +
                R"(", "article": "a", "text": "The valley is 80 km north of Kabul.",
                "quote": "The valley lies 80km north of Kabul.", "span": [12, 48], "topic": "t",
                "verdict": "verified", "rationale": "Maps agree.", "techniques": [], "evidence": []})";
    json += "]}";
    const fs::path deck = work_dir / "decks" / "crash.json";
    std::ofstream(deck) << json;
    return deck;
}

// The learner's settings allow every card of the deck as new today.
void prepare_store(const fs::path& data_dir) {
    fs::create_directories(data_dir);
    auto store = claimdeck::ProgressStore::open(claimdeck::store_file_in(data_dir));
    claimdeck::StudySettings settings;
    settings.new_cards_per_day = kClaims;
    claimdeck::save_study_settings(*store, store->ensure_profile(kProfile).id, settings);
}

// claimdeck-cli in a child process, its stdin and stdout on pipes.
class Child {
public:
    explicit Child(const std::vector<std::string>& argv) {
        int to_child[2], from_child[2];
        if (pipe(to_child) != 0 || pipe(from_child) != 0) fail("pipe failed");
        pid_ = fork();
        if (pid_ < 0) fail("fork failed");
        if (pid_ == 0) {
            dup2(to_child[0], STDIN_FILENO);
            dup2(from_child[1], STDOUT_FILENO);
            for (int fd : {to_child[0], to_child[1], from_child[0], from_child[1]}) close(fd);
            std::vector<char*> args;
            for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
            args.push_back(nullptr);
            execv(args[0], args.data());
            _exit(127);
        }
        close(to_child[0]);
        close(from_child[1]);
        to_child_ = to_child[1];
        from_child_ = from_child[0];
    }
    ~Child() {
        kill_now();
        close(to_child_);
        close(from_child_);
    }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    void send(const std::string& text) {
        if (write(to_child_, text.data(), text.size()) != static_cast<ssize_t>(text.size()))
            fail("writing to the child failed");
    }

    // Reads output until a line starts with one of `prefixes`; returns that line.
    std::string read_line_starting(const std::vector<std::string>& prefixes) {
        for (;;) {
            for (std::size_t end; (end = buffer_.find('\n')) != std::string::npos;) {
                std::string line = buffer_.substr(0, end);
                buffer_.erase(0, end + 1);
                for (const std::string& prefix : prefixes)
                    if (line.rfind(prefix, 0) == 0) return line;
            }
            read_more();
        }
    }

    void kill_now() {
        if (pid_ <= 0) return;
        kill(pid_, SIGKILL);
        int status = 0;
        waitpid(pid_, &status, 0);
        pid_ = 0;
    }

private:
    void read_more() {
        pollfd waiting{from_child_, POLLIN, 0};
        if (poll(&waiting, 1, kReplyTimeoutMs) <= 0) fail("the child said nothing for 10 s");
        char chunk[4096];
        const ssize_t got = read(from_child_, chunk, sizeof chunk);
        if (got <= 0) fail("the child's output ended early");
        buffer_.append(chunk, static_cast<std::size_t>(got));
    }

    pid_t pid_ = 0;
    int to_child_ = -1;
    int from_child_ = -1;
    std::string buffer_;
};

// One answer: a verdict, a confidence, then the save report. Returns the id saved.
std::int64_t answer(Child& child, std::mt19937& random) {
    std::uniform_int_distribution<int> choice(1, 3);
    child.read_line_starting({"Verdict?"});
    child.send(std::to_string(choice(random)) + "\n");
    child.read_line_starting({"How sure?"});
    child.send(std::to_string(choice(random)) + "\n");
    const std::string report = child.read_line_starting({"saved ", "not saved"});
    if (report.rfind("saved ", 0) != 0) fail("an answer was not saved: " + report);
    return std::stoll(report.substr(6));
}

enum class Moment { DuringStart, AfterSave, JustAfterAnswer, HalfWayThroughAnswer };

// Runs one session and kills it; returns the ids it reported saved.
std::vector<std::int64_t> run_and_kill(const std::vector<std::string>& argv, std::mt19937& random) {
    const auto moment = static_cast<Moment>(std::uniform_int_distribution<int>(0, 3)(random));
    const int answers = std::uniform_int_distribution<int>(0, kMaxAnswersPerRun)(random);
    std::vector<std::int64_t> saved;
    Child child(argv);
    if (moment == Moment::DuringStart) return saved;  // the destructor kills it
    for (int i = 0; i < answers; ++i) saved.push_back(answer(child, random));
    if (moment == Moment::JustAfterAnswer) {
        child.read_line_starting({"Verdict?"});
        child.send("2\n1\n");
    } else if (moment == Moment::HalfWayThroughAnswer) {
        child.read_line_starting({"Verdict?"});
        child.send("3\n");
    }
    child.kill_now();
    return saved;
}

// The first column of every row of `sql`, run on `file` read-only.
std::vector<std::string> query(const fs::path& file, const char* sql) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(file.string().c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
        fail("cannot open " + file.string());
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK) fail(sqlite3_errmsg(db));
    std::vector<std::string> rows;
    while (sqlite3_step(statement) == SQLITE_ROW)
        rows.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return rows;
}

void check_store(const fs::path& data_dir, const std::vector<std::int64_t>& saved) {
    const fs::path store = claimdeck::store_file_in(data_dir);
    const std::vector<std::string> check = query(store, "PRAGMA quick_check");
    if (check != std::vector<std::string>{"ok"}) fail("quick_check: " + check.front());
    std::set<std::string> stored;
    for (std::string& id : query(store, "SELECT id FROM reviews")) stored.insert(std::move(id));
    for (std::int64_t id : saved)
        if (!stored.count(std::to_string(id))) fail("answer " + std::to_string(id) + " was reported saved but is lost");
    for (const fs::directory_entry& entry : fs::directory_iterator(data_dir))
        if (entry.path().filename().string().find(".corrupt-") != std::string::npos)
            fail("a crash left a store that looked damaged: " + entry.path().string());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) fail("usage: crash_test CLAIMDECK_CLI MINI_DECK_DIR WORK_DIR [SEED]");
    const unsigned seed = argc > 4 ? static_cast<unsigned>(std::stoul(argv[4])) : std::random_device{}();
    std::cout << "seed " << seed << " (pass it as the fourth argument to repeat this run)\n";
    signal(SIGPIPE, SIG_IGN);  // writing to a child just killed must not kill the test

    const fs::path work_dir = argv[3];
    fs::remove_all(work_dir);
    const fs::path deck = write_deck(argv[2], work_dir);
    const fs::path data_dir = work_dir / "data";
    prepare_store(data_dir);

    const std::vector<std::string> study{argv[1],     "study",  "--plain", "--data-dir", data_dir.string(),
                                         "--profile", kProfile, "--deck",  deck.string()};
    std::mt19937 random(seed);
    std::vector<std::int64_t> saved;
    for (int run = 0; run < kRuns; ++run)
        for (std::int64_t id : run_and_kill(study, random)) saved.push_back(id);

    if (saved.size() < static_cast<std::size_t>(kRuns)) fail("too few answers were saved to mean anything");
    check_store(data_dir, saved);
    std::cout << kRuns << " kills; all " << saved.size() << " answers reported saved are in the store\n";
    return 0;
}

// The core's benchmarks, each beside its floor measured in the same run:
//   commit   answer-to-durable-commit latency vs a bare SQLite insert+commit
//            with the same pragmas
//   deck     deck load time for synthetic decks of growing size
//   stats    scoring a learner's whole history from stores of growing size
// Prints Markdown sections for docs/benchmarks.md. Usage:
//   claimdeck-core-bench [--runs N] [--smoke]
// --smoke uses tiny sizes and one run, so ctest can check it still works.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "deck.hpp"
#include "deck_samples.hpp"
#include "progress_stats.hpp"
#include "session.hpp"
#include "sqlite.hpp"
#include "store.hpp"

namespace fs = std::filesystem;
using namespace claimdeck;

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    std::size_t index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

// Median, min and max of one figure over the runs.
struct Summary {
    double median, min, max;
};
Summary summarise(const std::vector<double>& runs) {
    return {percentile(runs, 0.5), *std::min_element(runs.begin(), runs.end()),
            *std::max_element(runs.begin(), runs.end())};
}

void print_row(const std::string& figure, const std::vector<double>& runs, const std::string& unit,
               const std::vector<double>* floor_runs = nullptr) {
    Summary s = summarise(runs);
    std::printf("| %s | %.3f %s | %.3f – %.3f |", figure.c_str(), s.median, unit.c_str(), s.min, s.max);
    if (floor_runs)
        std::printf(" %.2f× |\n", s.median / summarise(*floor_runs).median);
    else
        std::printf(" |\n");
}

struct ScratchDir {
    fs::path path;
    explicit ScratchDir(const std::string& name) : path(fs::temp_directory_path() / name) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~ScratchDir() { fs::remove_all(path); }
};

// ---- commit latency ----------------------------------------------------

// The floor: one INSERT of a review-sized row and a COMMIT, with the store's
// own pragmas, nothing else.
std::vector<double> bare_sqlite_commits(const fs::path& file, int count) {
    sql::Database db(file, sql::Database::Mode::ReadWriteCreate);
    db.execute("PRAGMA foreign_keys = ON");
    db.execute("PRAGMA journal_mode = WAL");
    db.execute("PRAGMA synchronous = FULL");
    db.execute("CREATE TABLE log(id INTEGER PRIMARY KEY AUTOINCREMENT, uid TEXT UNIQUE, card TEXT, at INTEGER, "
               "picked TEXT, confidence INTEGER, correct INTEGER, stability REAL, difficulty REAL)");
    std::vector<double> latencies;
    for (int i = 0; i < count; ++i) {
        auto start = Clock::now();
        sql::Transaction transaction(db);
        db.prepare("INSERT INTO log(uid, card, at, picked, confidence, correct, stability, difficulty) "
                   "VALUES (?1, ?2, ?3, 'verified', 70, 1, 3.2, 5.1)")
            .bind(1, "uid-" + std::to_string(i))
            .bind(2, "card-" + std::to_string(i))
            .bind(3, static_cast<std::int64_t>(i))
            .run();
        transaction.commit();
        latencies.push_back(ms_since(start));
    }
    return latencies;
}

// Ours: StudySession::answer(), from the learner's click to the answer
// being committed (FSRS step, log row and card state in one transaction).
std::vector<double> session_answers(const fs::path& file, int count) {
    Deck deck = claimdeck::testing::sample_deck(count, 17);
    auto store = ProgressStore::open(file);
    Profile profile = store->create_profile("bench");
    StudySettings settings;
    settings.new_cards_per_day = count;
    StudySession session(deck, *store, profile, settings, system_clock_ms(), 1);
    std::vector<double> latencies;
    while (const Claim* claim = session.current()) {
        auto start = Clock::now();
        session.answer(claim->verdict, Confidence::Seventy);
        latencies.push_back(ms_since(start));
    }
    return latencies;
}

void bench_commits(int runs, int answers) {
    std::vector<double> floor_p50, floor_p99, ours_p50, ours_p99;
    for (int run = 0; run < runs; ++run) {
        ScratchDir dir("claimdeck-bench-commit");
        auto floor = bare_sqlite_commits(dir.path / "floor.sqlite", answers);
        auto ours = session_answers(dir.path / "progress.sqlite", answers);
        floor_p50.push_back(percentile(floor, 0.5));
        floor_p99.push_back(percentile(floor, 0.99));
        ours_p50.push_back(percentile(ours, 0.5));
        ours_p99.push_back(percentile(ours, 0.99));
    }
    std::printf("\n### Answer to durable commit (%d answers a run)\n\n", answers);
    std::printf("| figure | median | min – max | ratio to floor |\n|---|---|---|---|\n");
    print_row("floor: bare SQLite insert + commit, p50", floor_p50, "ms");
    print_row("floor: bare SQLite insert + commit, p99", floor_p99, "ms");
    print_row("ClaimDeck answer(), p50", ours_p50, "ms", &floor_p50);
    print_row("ClaimDeck answer(), p99", ours_p99, "ms", &floor_p99);
}

// ---- deck load -----------------------------------------------------------

// Writes a deck of `claims` claims over one article, each quoting one of its
// sentences, with one piece of evidence from a second article.
fs::path write_synthetic_deck(const fs::path& root, int claims) {
    fs::create_directories(root / "decks");
    fs::create_directories(root / "articles");
    std::string article_a;
    std::vector<std::pair<std::size_t, std::size_t>> sentences;
    for (int i = 0; i < 200; ++i) {
        std::string sentence = "Sentence number " + std::to_string(i) + " says something checkable. ";
        sentences.emplace_back(article_a.size(), article_a.size() + sentence.size() - 1);
        article_a += sentence;
    }
    std::ofstream(root / "articles/a.txt", std::ios::binary) << article_a;
    const std::string evidence = "Another source agrees.";
    std::ofstream(root / "articles/b.txt", std::ios::binary) << evidence;

    fs::path file = root / "decks/bench.json";
    std::ofstream out(file, std::ios::binary);
    out << R"({"format_version": 1, "id": "bench", "version": 1, "title": "Bench",
  "articles": [{"id": "a", "file": "a.txt", "title": "A"}, {"id": "b", "file": "b.txt", "title": "B"}],
  "topics": [{"id": "t", "title": "T"}],
  "claims": [)";
    for (int i = 0; i < claims; ++i) {
        auto [begin, end] = sentences[static_cast<std::size_t>(i) % sentences.size()];
        out << (i ? ",\n" : "\n") << R"({"id": "c)" << i << R"(", "article": "a", "text": "Claim )" << i
            << R"(.", "quote": ")" << article_a.substr(begin, end - begin) << R"(", "span": [)" << begin << ", "
            << end << R"(], "topic": "t", "verdict": "contested", "rationale": "Only one source says so.",
   "techniques": [], "evidence": [{"article": "b", "quote": "Another source agrees.", "span": [0, 22],
   "stance": "corroborates"}]})";
    }
    out << "]}\n";
    return file;
}

void bench_deck_load(int runs, const std::vector<int>& sizes) {
    std::printf("\n### Deck load\n\n| claims | median | min – max | per 1,000 claims |\n|---|---|---|---|\n");
    for (int size : sizes) {
        ScratchDir dir("claimdeck-bench-deck");
        fs::path file = write_synthetic_deck(dir.path, size);
        std::vector<double> times;
        for (int run = 0; run < runs; ++run) {
            auto start = Clock::now();
            DeckLoadResult result = load_deck(file);
            times.push_back(ms_since(start));
            if (!result.deck) std::fprintf(stderr, "%s", describe_all(result.problems).c_str());
        }
        Summary s = summarise(times);
        std::printf("| %d | %.1f ms | %.1f – %.1f | %.2f ms |\n", size, s.median, s.min, s.max,
                    s.median * 1000.0 / size);
    }
}

// ---- statistics over a long history ------------------------------------

// Fills a store with `reviews` answers of one learner in one transaction,
// the way years of study would leave it.
void fill_history(const fs::path& file, int reviews) {
    { ProgressStore::open(file)->create_profile("bench"); }
    sql::Database db(file, sql::Database::Mode::ReadWrite);
    sql::Transaction transaction(db);
    auto insert = db.prepare(R"sql(INSERT INTO reviews(uid, profile_id, session_id, deck_id, card_id, article_id,
        kind, reviewed_ms, truth, picked, confidence, correct, response_ms, hint_used, grade, stability,
        difficulty, due_ms) VALUES (?1, 1, NULL, 'bench', ?2, ?3, 'study', ?4, ?5, ?6, ?7, ?8, 4000, 0, 3, 3.0,
        5.0, 0))sql");
    std::mt19937 random(42);
    const char* verdicts[] = {"verified", "contested", "propaganda"};
    const int confidences[] = {50, 70, 90};
    for (int i = 0; i < reviews; ++i) {
        const char* truth = verdicts[random() % 3];
        const char* picked = random() % 4 ? truth : verdicts[random() % 3];
        insert.reset();
        insert.bind(1, "u" + std::to_string(i))
            .bind(2, "c" + std::to_string(random() % 5000))
            .bind(3, "article-" + std::to_string(random() % 40))
            .bind(4, static_cast<std::int64_t>(i) * 60'000)
            .bind(5, std::string(truth))
            .bind(6, std::string(picked))
            .bind(7, confidences[random() % 3])
            .bind(8, truth == picked ? 1 : 0)
            .run();
    }
    transaction.commit();
}

void bench_statistics(int runs, const std::vector<int>& sizes) {
    std::printf("\n### Statistics over a whole history\n\n| reviews | median | min – max |\n|---|---|---|\n");
    for (int size : sizes) {
        ScratchDir dir("claimdeck-bench-stats");
        fill_history(dir.path / "progress.sqlite", size);
        auto store = ProgressStore::open(dir.path / "progress.sqlite");
        std::vector<double> times;
        for (int run = 0; run < runs; ++run) {
            auto start = Clock::now();
            Scorecard card = load_score(*store, 1).scorecard();
            times.push_back(ms_since(start));
            if (card.overall.answered != size) std::fprintf(stderr, "scored %d of %d\n", card.overall.answered, size);
        }
        Summary s = summarise(times);
        std::printf("| %d | %.1f ms | %.1f – %.1f |\n", size, s.median, s.min, s.max);
    }
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 5;
    bool smoke = false;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--smoke") {
            smoke = true;
            runs = 1;
        } else if (arg == "--runs" && i + 1 < argc) {
            runs = std::max(1, std::atoi(argv[++i]));
        } else {
            std::fprintf(stderr, "usage: claimdeck-core-bench [--runs N] [--smoke]\n");
            return 2;
        }
    }
    bench_commits(runs, smoke ? 20 : 300);
    bench_deck_load(runs, smoke ? std::vector<int>{100} : std::vector<int>{1000, 10000, 100000});
    bench_statistics(runs, smoke ? std::vector<int>{1000} : std::vector<int>{10000, 100000, 1000000});
    return 0;
}

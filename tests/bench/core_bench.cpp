// The core's benchmarks, each beside its floor measured in the same run:
//   commit   answer-to-durable-commit latency vs a bare SQLite insert+commit
//            with the same pragmas
//   deck     deck load time for synthetic decks of growing size
//   stats    scoring a learner's whole history from stores of growing size
// Prints Markdown sections for docs/benchmarks.md. Usage:
//   claimdeck-core-bench [--runs N] [--smoke]
//   claimdeck-core-bench --make-store DATA_DIR DECK REVIEWS
// --smoke uses tiny sizes and one run, so ctest can check it still works.
// --make-store writes a data folder with a long history for the app's own
// benchmarks (run_benchmarks.sh).
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

#include "base/calendar.hpp"
#include "content/deck.hpp"
#include "deck_samples.hpp"
#include "learning/progress_stats.hpp"
#include "learning/session.hpp"
#include "storage/sqlite.hpp"
#include "storage/store.hpp"

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
    db.execute(
        "CREATE TABLE log(id INTEGER PRIMARY KEY AUTOINCREMENT, uid TEXT UNIQUE, card TEXT, at INTEGER, "
        "picked TEXT, confidence INTEGER, correct INTEGER, stability REAL, difficulty REAL)");
    std::vector<double> latencies;
    for (int i = 0; i < count; ++i) {
        auto start = Clock::now();
        sql::Transaction transaction(db);
        db.prepare(
              "INSERT INTO log(uid, card, at, picked, confidence, correct, stability, difficulty) "
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
            << R"(.", "quote": ")" << article_a.substr(begin, end - begin) << R"(", "span": [)" << begin << ", " << end
            << R"(], "topic": "t", "verdict": "contested", "rationale": "Only one source says so.",
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

// Fills a store with `reviews` answers of the learner "Bench" about the
// deck's claims, one a minute up to now, and a card state for every claim:
// what years of study leave behind. One transaction, so it takes seconds.
void fill_history(const fs::path& file, const Deck& deck, int reviews) {
    { ProgressStore::open(file)->create_profile("Bench"); }
    sql::Database db(file, sql::Database::Mode::ReadWrite);
    sql::Transaction transaction(db);
    auto insert = db.prepare(R"sql(INSERT INTO reviews(uid, profile_id, session_id, deck_id, card_id, article_id,
        kind, reviewed_ms, truth, picked, confidence, correct, response_ms, hint_used, grade, stability,
        difficulty, due_ms) VALUES (?1, 1, NULL, ?2, ?3, ?4, 'study', ?5, ?6, ?7, ?8, ?9, 4000, 0, 3, 3.0,
        5.0, 0))sql");
    std::mt19937 random(42);
    const int confidences[] = {50, 70, 90};
    const std::int64_t now = system_clock_ms()();
    for (int i = 0; i < reviews; ++i) {
        const Claim& claim = deck.claims[random() % deck.claims.size()];
        const Verdict picked = random() % 4 ? claim.verdict : kAllVerdicts[random() % 3];
        insert.reset();
        insert.bind(1, "u" + std::to_string(i))
            .bind(2, deck.id)
            .bind(3, claim.id)
            .bind(4, claim.article)
            .bind(5, now - static_cast<std::int64_t>(reviews - i) * 60'000)
            .bind(6, to_string(claim.verdict))
            .bind(7, to_string(picked))
            .bind(8, confidences[random() % 3])
            .bind(9, picked == claim.verdict ? 1 : 0)
            .run();
    }
    auto state = db.prepare(R"sql(INSERT INTO card_states(profile_id, deck_id, card_id, stability, difficulty,
        due_ms, last_review_ms, first_review_ms, reps, lapses) VALUES (1, ?1, ?2, 30.0, 5.0, ?3, ?4, ?5, 20, 2))sql");
    for (std::size_t i = 0; i < deck.claims.size(); ++i) {
        state.reset();
        state.bind(1, deck.id)
            .bind(2, deck.claims[i].id)
            .bind(3, now + static_cast<std::int64_t>(i % 30 - 10) * kMsPerDay)  // some due, most later
            .bind(4, now - kMsPerDay)
            .bind(5, now - 700 * kMsPerDay)
            .run();
    }
    transaction.commit();
}

void bench_statistics(int runs, const std::vector<int>& sizes) {
    std::printf("\n### Statistics over a whole history\n\n| reviews | median | min – max |\n|---|---|---|\n");
    for (int size : sizes) {
        ScratchDir dir("claimdeck-bench-stats");
        fill_history(dir.path / "progress.sqlite", claimdeck::testing::sample_deck(5000, 17), size);
        auto store = ProgressStore::open(dir.path / "progress.sqlite");
        std::vector<double> times;
        for (int run = 0; run < runs; ++run) {
            auto start = Clock::now();
            Scorecard card = load_scores(*store, 1).all.scorecard();
            times.push_back(ms_since(start));
            if (card.overall.answered != size) std::fprintf(stderr, "scored %d of %d\n", card.overall.answered, size);
        }
        Summary s = summarise(times);
        std::printf("| %d | %.1f ms | %.1f – %.1f |\n", size, s.median, s.min, s.max);
    }
}

}  // namespace

// --make-store: a data folder whose store holds `reviews` answers about
// `deck_file`'s claims, for timing the app itself with a long history.
int make_store(const fs::path& data_dir, const fs::path& deck_file, int reviews) {
    DeckLoadResult loaded = load_deck(deck_file);
    if (!loaded.deck) {
        std::fprintf(stderr, "%s", describe_all(loaded.problems).c_str());
        return 1;
    }
    fs::remove_all(data_dir);
    fs::create_directories(data_dir);
    fill_history(store_file_in(data_dir), *loaded.deck, reviews);
    return 0;
}

int main(int argc, char** argv) {
    int runs = 5;
    bool smoke = false;
    std::string store_dir, deck_file;
    int reviews = 0;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--smoke") {
            smoke = true;
            runs = 1;
        } else if (arg == "--runs" && i + 1 < argc) {
            runs = std::max(1, std::atoi(argv[++i]));
        } else if (arg == "--make-store" && i + 3 < argc) {
            store_dir = argv[++i];
            deck_file = argv[++i];
            reviews = std::max(0, std::atoi(argv[++i]));
        } else {
            std::fprintf(stderr,
                         "usage: claimdeck-core-bench [--runs N] [--smoke]\n"
                         "       claimdeck-core-bench --make-store DATA_DIR DECK REVIEWS\n");
            return 2;
        }
    }
    if (!store_dir.empty()) return make_store(store_dir, deck_file, reviews);
    bench_commits(runs, smoke ? 20 : 300);
    bench_deck_load(runs, smoke ? std::vector<int>{100} : std::vector<int>{1000, 10000, 100000});
    bench_statistics(runs, smoke ? std::vector<int>{1000} : std::vector<int>{10000, 100000, 1000000});
    return 0;
}

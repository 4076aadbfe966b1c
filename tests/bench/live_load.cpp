// The live class under load: pupils in classes each answer every card over
// HTTP as a client does (ask for the card, send the answer with an
// idempotency key, send it again after a lost connection or a 503's
// Retry-After), while each class's teacher watches the dashboard's event
// stream. It times each answer from its first send to its confirmation (an
// answer still unconfirmed after 10 sends is counted apart), on SQLite with
// one server process and on PostgreSQL with two sharing one database (pupils
// alternate between them). Then each class's dashboard must count every
// confirmed answer once: a benchmark that lost answers, or counted one twice,
// would be timing the wrong thing. Its floor,
// `--request health`, has the same pupils send GET /api/health where they
// would answer: what HTTP on this machine costs with no database at all.
//
//   claimdeck-live-load [--pupils N] [--classes N] [--cards N] [--think-ms N] [--backend sqlite|postgresql]
//                       [--request answer|health]
//
// One result line per run:
//   bench live-load backend=sqlite request=answer processes=1 pupils=1000 classes=40 cards=20 answers=20000
//         unconfirmed=0 counted=20000 p50_ms=.. p99_ms=.. answers_per_s=.. seconds=..
// Traffic goes to 127.0.0.1 only; every wait is bounded (request timeouts,
// a fixed number of retries).
#include <httplib.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "base/json_library.hpp"
#include "postgres_cluster.hpp"
#include "server_process.hpp"
#include "temp_dir.hpp"

namespace {

using claimdeck::testing::harness_require;
using claimdeck::testing::PostgresCluster;
using claimdeck::testing::ServerProcess;
using claimdeck::testing::TempDir;
using Clock = std::chrono::steady_clock;

struct Options {
    int pupils = 1000;
    int classes = 40;
    int cards = 20;
    // A pupil reads each card for a random time up to twice this.
    int think_ms = 5000;
    std::string backend = "sqlite";
    bool health_only = false;
};

const char* const kUsage =
    "Usage: claimdeck-live-load [--pupils N] [--classes N] [--cards N] [--think-ms N] "
    "[--backend sqlite|postgresql] [--request answer|health]\n";

std::optional<Options> parse_options(int argc, char** argv) {
    Options options;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        const std::string value = argv[i + 1];
        if (flag == "--backend" && (value == "sqlite" || value == "postgresql")) {
            options.backend = value;
        } else if (flag == "--request" && (value == "answer" || value == "health")) {
            options.health_only = value == "health";
        } else if (flag == "--pupils" || flag == "--classes" || flag == "--cards" || flag == "--think-ms") {
            const int number = std::atoi(value.c_str());
            if (number <= 0 && !(flag == "--think-ms" && value == "0")) return std::nullopt;
            (flag == "--pupils"    ? options.pupils
             : flag == "--classes" ? options.classes
             : flag == "--cards"   ? options.cards
                                   : options.think_ms) = number;
        } else {
            return std::nullopt;
        }
    }
    if (argc % 2 == 0 || options.classes > options.pupils) return std::nullopt;
    return options;
}

rapidjson::Document json_of(const std::string& body) {
    rapidjson::Document document;
    document.Parse(body.c_str());
    harness_require(document.IsObject(), "the server answered with no JSON object: " + body);
    return document;
}

httplib::Headers bearer(const std::string& secret) { return {{"Authorization", "Bearer " + secret}}; }

std::unique_ptr<httplib::Client> client_for(int port) {
    auto client = std::make_unique<httplib::Client>("127.0.0.1", port);
    client->set_connection_timeout(5);
    client->set_read_timeout(10);
    return client;
}

// The body of a request that must succeed with `status`.
std::string must(httplib::Result result, int status, const std::string& what) {
    harness_require(result && result->status == status,
                    what + " failed: " + (result ? std::to_string(result->status) + " " + result->body : "no answer"));
    return result->body;
}

// What one pupil saw: the time each confirmed answer took, in milliseconds,
// and how many answers were never confirmed.
struct PupilTimes {
    std::vector<double> latencies;
    int unconfirmed = 0;
};

// One pupil: joins, then answers every card of an own-pace class.
class Pupil {
public:
    Pupil(int port, std::string code, std::string nickname, unsigned seed)
        : http_(client_for(port)), code_(std::move(code)), nickname_(std::move(nickname)), random_(seed) {}

    void join() {
        const std::string body = R"({"code":")" + code_ + R"(","nickname":")" + nickname_ + "\"}";
        token_ = json_of(must(http_->Post("/api/join", body, "application/json"), 201, "joining"))["token"].GetString();
    }
    void answer_every_card(const Options& options, PupilTimes& times) {
        std::uniform_int_distribution<int> think(0, 2 * options.think_ms);
        for (int position = 0; position < options.cards; ++position) {
            // The pupil reading the card: the load's pace, not a wait for the server.
            std::this_thread::sleep_for(std::chrono::milliseconds(think(random_)));
            if (options.health_only) {
                times.latencies.push_back(ask_health());
                continue;
            }
            const std::string card = next_card();
            if (std::optional<double> took = answer(card, nickname_ + "-" + std::to_string(position)))
                times.latencies.push_back(*took);
            else
                ++times.unconfirmed;
        }
    }

private:
    std::string next_card() {
        const std::string body =
            must(http_->Get(("/api/classes/" + code_ + "/card").c_str(), bearer(token_)), 200, "asking for a card");
        const rapidjson::Document view = json_of(body);
        harness_require(view["card"].IsObject(), "no card left for " + nickname_ + ": " + body);
        return view["card"]["id"].GetString();
    }
    double ask_health() {
        const auto sent = Clock::now();
        must(http_->Get("/api/health"), 200, "asking /api/health");
        return std::chrono::duration<double, std::milli>(Clock::now() - sent).count();
    }
    // Sends the answer until it is confirmed, as a client does: again after
    // a lost connection, and after the Retry-After of a 503 or a 429.
    std::optional<double> answer(const std::string& card, const std::string& key) {
        static const char* const verdicts[] = {"verified", "contested", "propaganda"};
        const std::string body = R"({"token":")" + token_ + R"(","card":")" + card + R"(","verdict":")" +
                                 verdicts[random_() % 3] + R"(","confidence":70,"key":")" + key + "\"}";
        const auto sent = Clock::now();
        for (int attempt = 0; attempt < 10; ++attempt) {
            httplib::Result result = http_->Post("/api/answers", body, "application/json");
            if (result && result->status == 200)
                return std::chrono::duration<double, std::milli>(Clock::now() - sent).count();
            const bool try_again = !result || result->status == 503 || result->status == 429;
            if (!try_again)
                harness_require(false, "an answer was refused: " + std::to_string(result->status) + " " + result->body);
            if (result) std::this_thread::sleep_for(std::chrono::seconds(retry_after(*result)));
        }
        return std::nullopt;
    }
    static int retry_after(const httplib::Response& response) {
        return std::clamp(std::atoi(response.get_header_value("Retry-After").c_str()), 0, 5);
    }

    std::unique_ptr<httplib::Client> http_;
    std::string code_, nickname_, token_;
    std::mt19937 random_;
};

// The teacher of one class watching its dashboard stream until told to stop
// (it reads with a timeout, so it notices within a second).
class WatchingTeacher {
public:
    WatchingTeacher(int port, const std::string& key, const std::string& code, const std::atomic<bool>& done)
        : thread_([port, key, code, &done] {
              httplib::Client stream("127.0.0.1", port);
              stream.set_read_timeout(1);
              while (!done)
                  stream.Get(("/api/classes/" + code + "/events").c_str(), bearer(key),
                             [&](const char*, std::size_t) { return !done.load(); });
          }) {}
    ~WatchingTeacher() { thread_.join(); }
    WatchingTeacher(const WatchingTeacher&) = delete;
    WatchingTeacher& operator=(const WatchingTeacher&) = delete;

private:
    std::thread thread_;
};

struct Servers {
    std::string backend;
    std::vector<std::unique_ptr<ServerProcess>> processes;
    std::string teacher_key() const { return processes.front()->teacher_key(); }
    int port_for(int pupil) const { return processes[static_cast<std::size_t>(pupil) % processes.size()]->port(); }
};

// The rate limit is off: every simulated pupil comes from 127.0.0.1, which a
// real classroom's phones do not.
Servers start_servers(const Options& options, const TempDir& folder, std::optional<PostgresCluster>& cluster) {
    Servers servers{options.backend, {}};
    std::vector<std::string> flags = {"--rate-limit", "0"};
    const int count = options.backend == "postgresql" ? 2 : 1;
    if (count == 2) {
        cluster.emplace(PostgresCluster::Sync::Durable);
        flags.insert(flags.end(), {"--database", cluster->connection()});
    }
    for (int i = 0; i < count; ++i)
        servers.processes.push_back(std::make_unique<ServerProcess>(folder / ("server-" + std::to_string(i)), flags));
    // Only the first process to make the tables prints the key.
    std::sort(servers.processes.begin(), servers.processes.end(),
              [](const auto& a, const auto& b) { return !a->teacher_key().empty() && b->teacher_key().empty(); });
    return servers;
}

std::vector<std::string> start_classes(const Servers& servers, const Options& options) {
    auto teacher = client_for(servers.port_for(0));
    const std::string body = R"({"count":)" + std::to_string(options.cards) + R"(,"pace":"own"})";
    std::vector<std::string> codes;
    for (int i = 0; i < options.classes; ++i) {
        const std::string created =
            must(teacher->Post("/api/classes", bearer(servers.teacher_key()), body, "application/json"), 201,
                 "starting a class");
        codes.push_back(json_of(created)["join_code"].GetString());
    }
    return codes;
}

// How many answers the class's dashboard counts.
int answers_counted(const Servers& servers, const std::string& code) {
    auto teacher = client_for(servers.port_for(0));
    const std::string body =
        must(teacher->Get(("/api/classes/" + code + "/dashboard").c_str(), bearer(servers.teacher_key())), 200,
             "reading a dashboard");
    const rapidjson::Document dashboard = json_of(body);
    int counted = 0;
    for (const auto& card : dashboard["totals"].GetArray()) counted += card["answered"].GetInt();
    return counted;
}

double percentile(std::vector<double> values, double fraction) {
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1) + 0.5);
    return values[index];
}

struct Run {
    std::vector<double> latencies;
    int unconfirmed = 0;
    int counted = 0;
    double seconds = 0;
};

// Every pupil on a thread of its own, all joined before anyone answers.
Run run_class_load(const Servers& servers, const Options& options, const std::vector<std::string>& codes) {
    std::vector<std::unique_ptr<Pupil>> pupils;
    for (int i = 0; i < options.pupils; ++i)
        pupils.push_back(std::make_unique<Pupil>(servers.port_for(i), codes[static_cast<std::size_t>(i) % codes.size()],
                                                 "pupil" + std::to_string(i), static_cast<unsigned>(i)));
    for (auto& pupil : pupils) pupil->join();

    std::atomic<bool> done{false};
    std::vector<std::unique_ptr<WatchingTeacher>> teachers;
    for (std::size_t i = 0; i < codes.size(); ++i)
        teachers.push_back(std::make_unique<WatchingTeacher>(servers.port_for(static_cast<int>(i)),
                                                             servers.teacher_key(), codes[i], done));
    std::vector<PupilTimes> times(pupils.size());
    std::mutex failure_mutex;
    std::string failure;
    const auto started = Clock::now();
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < pupils.size(); ++i)
        threads.emplace_back([&, i] {
            try {
                pupils[i]->answer_every_card(options, times[i]);
            } catch (const std::exception& error) {
                std::lock_guard<std::mutex> lock(failure_mutex);
                failure = error.what();
            }
        });
    for (auto& thread : threads) thread.join();
    Run run;
    run.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    done = true;
    teachers.clear();
    harness_require(failure.empty(), failure);
    for (const PupilTimes& pupil : times) {
        run.latencies.insert(run.latencies.end(), pupil.latencies.begin(), pupil.latencies.end());
        run.unconfirmed += pupil.unconfirmed;
    }
    for (const std::string& code : codes) run.counted += answers_counted(servers, code);
    return run;
}

void print_result(const Servers& servers, const Options& options, const Run& run) {
    std::printf(
        "bench live-load backend=%s request=%s processes=%zu pupils=%d classes=%d cards=%d answers=%zu "
        "unconfirmed=%d counted=%d "
        "p50_ms=%.2f p99_ms=%.2f answers_per_s=%.1f seconds=%.1f\n",
        servers.backend.c_str(), options.health_only ? "health" : "answer", servers.processes.size(), options.pupils,
        options.classes, options.cards, run.latencies.size(), run.unconfirmed, run.counted,
        percentile(run.latencies, 0.50), percentile(run.latencies, 0.99),
        static_cast<double>(run.latencies.size()) / run.seconds, run.seconds);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 2 && std::strcmp(argv[1], "--help") == 0) {
        std::cout << kUsage;
        return 0;
    }
    const std::optional<Options> options = parse_options(argc, argv);
    if (!options) {
        std::cerr << kUsage;
        return 2;
    }
    // A server that drops a connection must not end the benchmark by SIGPIPE.
    signal(SIGPIPE, SIG_IGN);
    try {
        TempDir folder;
        std::optional<PostgresCluster> cluster;
        const Servers servers = start_servers(*options, folder, cluster);
        const Run run = run_class_load(servers, *options, start_classes(servers, *options));
        print_result(servers, *options, run);
        // Every confirmed answer counted once; an unconfirmed one may or may
        // not have been committed before its reply was lost.
        const int confirmed = options->health_only ? 0 : static_cast<int>(run.latencies.size());
        if (run.counted < confirmed || run.counted > confirmed + run.unconfirmed) {
            std::cerr << "the dashboards count " << run.counted << " answers, not " << confirmed << " (and up to "
                      << run.unconfirmed << " unconfirmed)\n";
            return 1;
        }
    } catch (const std::exception& error) {
        std::cerr << "claimdeck-live-load: " << error.what() << "\n";
        return 1;
    }
    return 0;
}

// A throwaway PostgreSQL cluster for a test: initdb into a temporary folder,
// reached only through a Unix socket in that folder (no TCP port), stopped
// and removed when it goes out of scope, also when the test fails. PostgreSQL
// refuses to run as root, so under root (as CI runs) it runs as nobody in a
// folder nobody owns. Debian's postgresql package puts its programs in
// /usr/lib/postgresql/VERSION/bin; without them the test fails, it does not
// skip. Every wait is pg_ctl's own bounded -w wait, never a sleep.
#pragma once

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "harness_check.hpp"
#include "temp_dir.hpp"

namespace claimdeck::testing {

class PostgresCluster {
public:
    // A test's cluster runs with fsync off: it needs no protection from a
    // power cut, and an immediate stop (below) still loses nothing that was
    // committed. A benchmark asks for Durable, to time commits as a school's
    // server makes them.
    enum class Sync { Off, Durable };

    explicit PostgresCluster(Sync sync = Sync::Off) : bin_(installed_bin_dir()), sync_(sync) {
        if (geteuid() == 0)
            harness_require(chown(folder_.path().c_str(), kNobody, kNobody) == 0,
                            "cannot give nobody the cluster's folder");
        require_ran({(bin_ / "initdb").string(), "-D", data(), "-A", "trust", "-U", "claimdeck", "--no-sync", "-E",
                     "UTF8", "--locale=C"});
        start();
    }
    ~PostgresCluster() {
        if (running_) run({pg_ctl(), "-D", data(), "-m", "immediate", "-w", "stop"});
    }
    PostgresCluster(const PostgresCluster&) = delete;
    PostgresCluster& operator=(const PostgresCluster&) = delete;

    void start() {
        const std::string fsync = sync_ == Sync::Off ? "off" : "on";
        require_ran({pg_ctl(), "-D", data(), "-l", (folder_ / "postgres.log").string(), "-w", "-t", "60", "-o",
                     "-k " + folder_.path().string() + " -c listen_addresses='' -c fsync=" + fsync, "start"});
        running_ = true;
    }
    // Stops it the hard way, as a crash would: no checkpoint, clients cut off.
    void crash() {
        require_ran({pg_ctl(), "-D", data(), "-m", "immediate", "-w", "stop"});
        running_ = false;
    }
    std::string connection() const {
        return "host=" + folder_.path().string() + " port=5432 dbname=postgres user=claimdeck";
    }

private:
    static constexpr uid_t kNobody = 65534;

    static std::filesystem::path installed_bin_dir() {
        std::filesystem::path newest;
        std::error_code missing;
        for (const auto& version : std::filesystem::directory_iterator("/usr/lib/postgresql", missing))
            if (std::filesystem::exists(version.path() / "bin" / "pg_ctl") && version.path() > newest)
                newest = version.path() / "bin";
        harness_require(!newest.empty(),
                        "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/pg_ctl): "
                        "apt-get install postgresql, or run ./dev test, which installs it");
        return newest;
    }

    std::string data() const { return (folder_ / "data").string(); }
    std::string pg_ctl() const { return (bin_ / "pg_ctl").string(); }

    // Runs `words` (as nobody when we are root) with its output in a log
    // file; returns its exit status.
    int run(std::vector<std::string> words) const {
        if (geteuid() == 0) words.insert(words.begin(), {"runuser", "-u", "nobody", "--"});
        const std::string log = (folder_ / "commands.log").string();
        const pid_t child = fork();
        if (child == 0) {
            const int out = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0666);
            dup2(out, STDOUT_FILENO);
            dup2(out, STDERR_FILENO);
            std::vector<char*> argv;
            for (std::string& word : words) argv.push_back(word.data());
            argv.push_back(nullptr);
            execvp(argv[0], argv.data());
            _exit(127);
        }
        int status = 0;
        waitpid(child, &status, 0);
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
    }

    void require_ran(const std::vector<std::string>& words) const {
        const int status = run(words);
        std::ostringstream output;
        output << std::ifstream(folder_ / "commands.log").rdbuf() << std::ifstream(folder_ / "postgres.log").rdbuf();
        harness_require(status == 0, words[0] + " failed (" + std::to_string(status) + "): " + output.str());
    }

    TempDir folder_;
    std::filesystem::path bin_;
    Sync sync_;
    bool running_ = false;
};

}  // namespace claimdeck::testing

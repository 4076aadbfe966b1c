// claimdeck-server's command line.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace claimdeck::server {

// A malformed command line: main() prints it with the usage and exits 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct Options {
    bool help = false;
    bool version = false;
    std::string host = "127.0.0.1";
    int port = 8470;  // 0: any free port (printed)
    std::filesystem::path data_dir;
    // "sqlite" (a file in data_dir), or a PostgreSQL URL or connection string.
    std::string database = "sqlite";
    std::filesystem::path deck;
    // Given, or else the web app found where it is installed or built; none: GET / says so.
    std::optional<std::filesystem::path> web_root;
    bool new_teacher_key = false;
    double rate_per_second = 50;  // requests per client address; 0: no limit
};

extern const char* const kUsage;

Options parse_options(const std::vector<std::string>& words);

}  // namespace claimdeck::server

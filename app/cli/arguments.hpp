// Command-line arguments of claimdeck-cli: positional words and --options,
// with a clear message for anything unknown.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace claimdeck::cli {

// Thrown for a malformed command line; main() prints it and exits 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Arguments {
public:
    // `with_value` names the options that take a value; `switches` those that
    // do not. Anything else starting with -- is a UsageError.
    Arguments(const std::vector<std::string>& words, const std::set<std::string>& with_value,
              const std::set<std::string>& switches);

    const std::vector<std::string>& positional() const { return positional_; }
    std::optional<std::string> value(const std::string& option) const;
    std::string required(const std::string& option) const;
    double number(const std::string& option, double fallback, double min, double max) const;
    // Paths are read as UTF-8, as typed. (Turned into a path without
    // std::filesystem::u8path, a std::string is read in the system's code
    // page, which the Windows build's C++ library keeps at one byte a
    // character: "Übung" would become a folder named "Ãœbung".)
    std::optional<std::filesystem::path> path(const std::string& option) const;
    std::filesystem::path required_path(const std::string& option) const;
    std::filesystem::path positional_path(std::size_t index) const {
        return std::filesystem::u8path(positional_.at(index));
    }
    bool has(const std::string& option) const { return switches_.count(option) > 0; }
    // Exactly `count` positional words, or a UsageError naming `what`.
    void expect_positional(std::size_t count, const std::string& what) const;

private:
    std::vector<std::string> positional_;
    std::map<std::string, std::string> values_;
    std::set<std::string> switches_;
};

}  // namespace claimdeck::cli

// claimdeck-cli: the ClaimDeck core from a terminal.
#include <cstring>
#include <iostream>

#include "arguments.hpp"
#include "commands.hpp"

namespace {

using claimdeck::cli::Words;

struct Command {
    const char* name;
    const char* usage;
    int (*run)(const Words&);
};

const Command kCommands[] = {
    {"validate", "validate DECK                      check a deck; lists every problem, exit 1 if any",
     claimdeck::cli::validate_command},
    {"export", "export --format claimreview DECK   write the deck as schema.org ClaimReview JSON-LD",
     claimdeck::cli::export_command},
    {"study", "study --data-dir DIR --profile NAME [--deck PATH] [--plain]\n"
              "                                     study in the terminal",
     claimdeck::cli::study_command},
    {"stats", "stats --data-dir DIR --profile NAME [--json]\n"
              "                                     a learner's results",
     claimdeck::cli::stats_command},
    {"replay", "replay FILE.csv [--retention R]    FSRS-6 states for card,reviewed_at,rating rows",
     claimdeck::cli::replay_command},
};

void print_help(std::ostream& out) {
    out << "Usage: claimdeck-cli COMMAND [OPTIONS]\n\nCommands:\n";
    for (const Command& command : kCommands) out << "  " << command.usage << "\n";
    out << "\n  --help       this text\n  --version    the version\n";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        print_help(std::cerr);
        return 2;
    }
    const std::string first = argv[1];
    if (first == "--help" || first == "-h" || first == "help") {
        print_help(std::cout);
        return 0;
    }
    if (first == "--version") {
        std::cout << "claimdeck-cli " << CLAIMDECK_VERSION << "\n";
        return 0;
    }
    for (const Command& command : kCommands) {
        if (first != command.name) continue;
        try {
            return command.run(Words(argv + 2, argv + argc));
        } catch (const claimdeck::cli::UsageError& error) {
            std::cerr << "claimdeck-cli " << command.name << ": " << error.what() << "\nUsage: claimdeck-cli "
                      << command.usage << "\n";
            return 2;
        } catch (const std::exception& error) {
            std::cerr << "claimdeck-cli " << command.name << ": " << error.what() << "\n";
            return 1;
        }
    }
    std::cerr << "claimdeck-cli: unknown command \"" << first << "\"\n\n";
    print_help(std::cerr);
    return 2;
}

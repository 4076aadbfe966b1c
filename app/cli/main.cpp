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
    {"audit-cues", claimdeck::cli::kAuditCuesUsage, claimdeck::cli::audit_cues_command},
    {"study",
     "study --data-dir DIR --profile NAME [--deck PATH] [--plain]\n"
     "                                     study in the terminal",
     claimdeck::cli::study_command},
    {"stats",
     "stats --data-dir DIR --profile NAME [--deck PATH] [--json]\n"
     "                                     a learner's results",
     claimdeck::cli::stats_command},
    {"replay", "replay FILE.csv [--retention R]    FSRS-6 states for card,reviewed_at,rating rows",
     claimdeck::cli::replay_command},
    {"backup", "backup --data-dir DIR              a backup of the progress store, now",
     claimdeck::cli::backup_command},
    {"restore",
     "restore FILE --data-dir DIR         replace the progress store by FILE (close ClaimDeck\n"
     "                                     first); the current one is moved aside, never deleted",
     claimdeck::cli::restore_command},
    {"export-progress",
     "export-progress --data-dir DIR --profile NAME --out FILE.json\n"
     "                                     one learner's answers and card states as JSON",
     claimdeck::cli::export_progress_command},
    {"import-progress",
     "import-progress FILE.json --data-dir DIR\n"
     "                                     merge an exported file; importing twice adds nothing",
     claimdeck::cli::import_progress_command},
    {"quiz",
     "quiz create --deck DECK --out FILE [--count N] [--topic T] [--article A] [--verdict V]\n"
     "         [--seed S] [--time-limit SEC] [--reveal after_each|at_end] [--title TEXT]\n"
     "  quiz pretest --deck DECK --out-a A.json --out-b B.json [--count N] [create's options]\n"
     "  quiz take QUIZ --data-dir DIR --profile NAME --out RESULTS.json [--deck PATH] [--plain]\n"
     "         [--count-towards-schedule]\n"
     "                                     a quiz, or parallel pre/post forms; take one in the terminal",
     claimdeck::cli::quiz_command},
    {"report",
     "report RESULTS... [--csv FILE] [--html FILE]\n"
     "                                     combine a class's results; exit 1 if a file was left out",
     claimdeck::cli::report_command},
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

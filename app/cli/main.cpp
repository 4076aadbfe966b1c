// claimdeck-cli: the ClaimDeck core from a terminal.
#include <iostream>
#include <string_view>
#include <vector>

#include "arguments.hpp"
#include "base/printable.hpp"
#include "commands.hpp"

namespace {

using claimdeck::printable;
using claimdeck::cli::Words;

struct Command {
    const char* family;  // the first word on the command line
    const char* action;  // the second for commands with actions (quiz create), else ""
    const char* usage;   // what follows "claimdeck-cli ", then a summary
    int (*run)(const Words&);
};

const Command kCommands[] = {
    {"validate", "", "validate DECK                      check a deck; lists every problem, exit 1 if any",
     claimdeck::cli::validate_command},
    {"export", "", "export --format claimreview DECK   write the deck as schema.org ClaimReview JSON-LD",
     claimdeck::cli::export_command},
    {"audit-cues", "", claimdeck::cli::kAuditCuesUsage, claimdeck::cli::audit_cues_command},
    {"study", "",
     "study --data-dir DIR --profile NAME [--deck PATH] [--plain]\n"
     "                                     study in the terminal",
     claimdeck::cli::study_command},
    {"stats", "",
     "stats --data-dir DIR --profile NAME [--deck PATH] [--json]\n"
     "                                     a learner's results",
     claimdeck::cli::stats_command},
    {"replay", "", "replay FILE.csv [--retention R]    FSRS-6 states for card,reviewed_at,rating rows",
     claimdeck::cli::replay_command},
    {"backup", "", "backup --data-dir DIR              a backup of the progress store, now",
     claimdeck::cli::backup_command},
    {"restore", "",
     "restore FILE --data-dir DIR         replace the progress store by FILE (close ClaimDeck\n"
     "                                     first); the current one is moved aside, never deleted",
     claimdeck::cli::restore_command},
    {"export-progress", "",
     "export-progress --data-dir DIR --profile NAME --out FILE.json\n"
     "                                     one learner's answers and card states as JSON",
     claimdeck::cli::export_progress_command},
    {"import-progress", "",
     "import-progress FILE --data-dir DIR\n"
     "                                     merge an exported file (.json) or a backup (.sqlite);\n"
     "                                     importing twice adds nothing",
     claimdeck::cli::import_progress_command},
    {"quiz", "create",
     "quiz create --deck DECK --out FILE [--count N] [--topic T] [--article A] [--verdict V]\n"
     "         [--seed S] [--time-limit SEC] [--reveal after_each|at_end]\n"
     "         [--other-sources off|offered|required] [--title TEXT] [--force]\n"
     "                                     a quiz file for a class; --other-sources lets pupils\n"
     "                                     search the deck's other articles before answering\n"
     "                                     (required: before every answer); --force replaces\n"
     "                                     a file at --out that is not a quiz",
     claimdeck::cli::quiz_create_command},
    {"quiz", "pretest",
     "quiz pretest --deck DECK --out-a A.json --out-b B.json [--out-c C.json [--days-after N]]\n"
     "         [--count N] [create's options]\n"
     "                                     parallel pre/post forms: same verdicts and topics;\n"
     "                                     --out-c adds a delayed posttest, meant for N days\n"
     "                                     (14 unless given) after the posttest; verdicts\n"
     "                                     shown at the end unless --reveal after_each",
     claimdeck::cli::quiz_pretest_command},
    {"quiz", "take",
     "quiz take QUIZ --data-dir DIR --profile NAME --out RESULTS.json [--deck PATH] [--plain]\n"
     "         [--count-towards-schedule] [--force]\n"
     "                                     take a quiz in the terminal; --force replaces a file\n"
     "                                     at --out that is not this pupil's results of it",
     claimdeck::cli::quiz_take_command},
    {"report", "",
     "report RESULTS... [--deck DECK] [--csv FILE] [--html FILE]\n"
     "                                     combine a class's results; exit 1 if a file was left out;\n"
     "                                     with the class's deck, each file's true verdicts are\n"
     "                                     checked against it, not only against the other files;\n"
     "                                     --csv class.csv writes one file per table beside it:\n"
     "                                     class-claims.csv, class-pupils.csv, class-class.csv ...",
     claimdeck::cli::report_command},
    {"export-research", "",
     "export-research [RESULTS...] [--data-dir DIR] --out FILE.csv|- [--salt TEXT] [--force]\n"
     "                                     every answer as one CSV row for research, pupils as\n"
     "                                     salted pseudonymous ids (docs/research-export.md);\n"
     "                                     --data-dir adds the study answers in that store;\n"
     "                                     --out - writes to stdout; --force replaces a file\n"
     "                                     already at --out",
     claimdeck::cli::export_research_command},
    {"deck", "new", claimdeck::cli::kDeckNewUsage, claimdeck::cli::deck_new_command},
    {"deck", "check", claimdeck::cli::kDeckCheckUsage, claimdeck::cli::deck_check_command},
    {"deck", "spans", claimdeck::cli::kDeckSpansUsage, claimdeck::cli::deck_spans_command},
    {"deck", "import-csv", claimdeck::cli::kDeckImportCsvUsage, claimdeck::cli::deck_import_csv_command},
    {"deck", "import-claimreview", claimdeck::cli::kDeckImportClaimReviewUsage,
     claimdeck::cli::deck_import_claimreview_command},
    {"deck", "pack",
     "deck pack DECK --out FILE.claimdeck\n"
     "                                     the deck and its articles as one file to hand out",
     claimdeck::cli::deck_pack_command},
    {"deck", "unpack",
     "deck unpack FILE.claimdeck --out DIR\n"
     "                                     the package as a deck folder: DIR/decks/ and DIR/articles/",
     claimdeck::cli::deck_unpack_command},
    {"deck", "install",
     "deck install FILE.claimdeck|DECK.json [--data-dir DIR]\n"
     "                                     add the deck to the app's decks (a newer version\n"
     "                                     replaces the old one and keeps every answer)",
     claimdeck::cli::deck_install_command},
    {"deck", "list",
     "deck list [--data-dir DIR]\n"
     "                                     the bundled deck and every installed one",
     claimdeck::cli::deck_list_command},
    {"deck", "remove",
     "deck remove ID [--data-dir DIR] [--delete-progress [--yes]]\n"
     "                                     take a deck out of the library; its answers are kept\n"
     "                                     unless --delete-progress (says how many, --yes deletes)",
     claimdeck::cli::deck_remove_command},
};

bool is_help(std::string_view word) { return word == "--help" || word == "-h"; }

bool asks_for_help(const Words& words) {
    for (const std::string& word : words)
        if (is_help(word)) return true;
    return false;
}

void print_help(std::ostream& out) {
    out << "Usage: claimdeck-cli COMMAND [OPTIONS]\n\nCommands:\n";
    for (const Command& command : kCommands) out << "  " << command.usage << "\n";
    out << "\n  --help       this text; COMMAND --help or help COMMAND: that command's\n"
           "  --version    the version\n";
}

// The usage of every command in `family` (one, or all of quiz's actions).
void print_usage(std::ostream& out, std::string_view family) {
    const char* lead = "Usage: claimdeck-cli ";
    for (const Command& command : kCommands) {
        if (family != command.family) continue;
        out << lead << command.usage << "\n";
        lead = "       claimdeck-cli ";
    }
}

bool is_family(std::string_view word) {
    for (const Command& command : kCommands)
        if (word == command.family) return true;
    return false;
}

const Command* find_command(std::string_view family, std::string_view action) {
    for (const Command& command : kCommands)
        if (family == command.family && action == command.action) return &command;
    return nullptr;
}

// "create, pretest or take"
std::string actions_of(std::string_view family) {
    std::vector<std::string> actions;
    for (const Command& command : kCommands)
        if (family == command.family) actions.emplace_back(command.action);
    std::string list;
    for (std::size_t i = 0; i < actions.size(); ++i)
        list += (i == 0 ? "" : i + 1 == actions.size() ? " or " : ", ") + actions[i];
    return list;
}

bool has_actions(std::string_view family) { return find_command(family, "") == nullptr; }

// Exit 2, the message and the usage on stderr.
int usage_error(std::string_view family, const std::string& message) {
    std::cerr << "claimdeck-cli " << family << ": " << printable(message) << "\n";
    print_usage(std::cerr, family);
    return 2;
}

int run(const Command& command, const Words& words) {
    if (asks_for_help(words)) {
        std::cout << "Usage: claimdeck-cli " << command.usage << "\n";
        return 0;
    }
    const std::string name = std::string(command.family) + (*command.action ? " " : "") + command.action;
    try {
        return command.run(words);
    } catch (const claimdeck::cli::UsageError& error) {
        std::cerr << "claimdeck-cli " << name << ": " << printable(error.what()) << "\nUsage: claimdeck-cli "
                  << command.usage << "\n";
        return 2;
    } catch (const std::exception& error) {
        std::cerr << "claimdeck-cli " << name << ": " << printable(error.what()) << "\n";
        return 1;
    }
}

// quiz ACTION ...: the action picks the command; `quiz --help` lists them all.
int run_family(std::string_view family, const Words& words) {
    if (!has_actions(family)) return run(*find_command(family, ""), words);
    if (words.empty()) return usage_error(family, "missing action: " + actions_of(family));
    if (is_help(words[0])) {
        print_usage(std::cout, family);
        return 0;
    }
    const Command* command = find_command(family, words[0]);
    if (!command) return usage_error(family, "unknown action \"" + words[0] + "\"; use " + actions_of(family));
    return run(*command, Words(words.begin() + 1, words.end()));
}

// help [COMMAND [ACTION]]
int help(const Words& topic) {
    if (topic.empty()) {
        print_help(std::cout);
        return 0;
    }
    if (!is_family(topic[0])) {
        std::cerr << "claimdeck-cli help: no command \"" << printable(topic[0]) << "\"\n\n";
        print_help(std::cerr);
        return 2;
    }
    Words asked(topic.begin() + 1, topic.end());
    asked.push_back("--help");
    return run_family(topic[0], asked);
}

}  // namespace

int main(int argc, char** argv) {
    const Words words(argv + 1, argv + argc);
    if (words.empty()) {
        print_help(std::cerr);
        return 2;
    }
    const std::string& first = words[0];
    const Words rest(words.begin() + 1, words.end());
    if (is_help(first)) return help({});
    if (first == "help") return help(rest);
    if (first == "--version") {
        std::cout << "claimdeck-cli " << CLAIMDECK_VERSION << "\n";
        return 0;
    }
    if (is_family(first)) return run_family(first, rest);
    std::cerr << "claimdeck-cli: unknown command \"" << printable(first) << "\"\n\n";
    print_help(std::cerr);
    return 2;
}

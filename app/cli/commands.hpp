// The subcommands of claimdeck-cli. Each takes the words after its name and
// returns the process exit code: 0 done, 1 a problem with the input or the
// store, 2 a malformed command line (thrown as UsageError).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "content/deck.hpp"

namespace claimdeck::cli {

using Words = std::vector<std::string>;

int validate_command(const Words& words);
int export_command(const Words& words);
int audit_cues_command(const Words& words);
int stats_command(const Words& words);
int study_command(const Words& words);
int replay_command(const Words& words);
int backup_command(const Words& words);
int restore_command(const Words& words);
int export_progress_command(const Words& words);
int import_progress_command(const Words& words);
int quiz_create_command(const Words& words);
int quiz_pretest_command(const Words& words);
int quiz_take_command(const Words& words);
int report_command(const Words& words);
int export_research_command(const Words& words);
int deck_new_command(const Words& words);
int deck_check_command(const Words& words);
int deck_spans_command(const Words& words);
int deck_import_csv_command(const Words& words);
int deck_import_claimreview_command(const Words& words);
int deck_pack_command(const Words& words);
int deck_unpack_command(const Words& words);
int deck_install_command(const Words& words);
int deck_list_command(const Words& words);
int deck_remove_command(const Words& words);

// The deck the app ships with, used when --deck is not given.
std::filesystem::path default_deck_path();

// Loads a deck, printing every problem; nullopt when there were any.
std::optional<Deck> load_or_report(const std::filesystem::path& path);

// audit-cues' line in the command list, also what its --help prints.
extern const char kAuditCuesUsage[];
// The deck authoring commands' lines (deck_authoring_commands.cpp).
extern const char kDeckNewUsage[];
extern const char kDeckCheckUsage[];
extern const char kDeckSpansUsage[];
extern const char kDeckImportCsvUsage[];
extern const char kDeckImportClaimReviewUsage[];

}  // namespace claimdeck::cli

// backup, restore, export-progress and import-progress: the progress store's
// safety net, from a terminal.
#include <iostream>
#include <system_error>

#include "arguments.hpp"
#include "base/printable.hpp"
#include "commands.hpp"
#include "learning/session.hpp"
#include "storage/backup.hpp"
#include "storage/progress_import.hpp"
#include "storage/progress_io.hpp"
#include "storage/salvage.hpp"
#include "store_access.hpp"

namespace claimdeck::cli {

int backup_command(const Words& words) {
    Arguments args(words, {"--data-dir"}, {});
    args.expect_positional(0, "");
    const std::filesystem::path data_dir = args.required_path("--data-dir");
    StoreOptions options;
    options.backup_on_open = false;  // this command writes its own, whatever the schedule
    std::unique_ptr<ProgressStore> store = open_existing_store(data_dir, options);
    const std::filesystem::path backup = write_backup(store->path(), backups_folder_in(data_dir), system_clock_ms()());
    thin_backups(backups_folder_in(data_dir));
    std::cout << "backup written: " << backup.u8string() << "\n";
    return 0;
}

namespace {

std::optional<std::filesystem::path> restore_whole(const std::filesystem::path& source,
                                                   const std::filesystem::path& store_file) {
    std::optional<std::filesystem::path> kept = restore_store(source, store_file, system_clock_ms()());
    std::cout << "restored " << store_file.u8string() << " from " << source.u8string() << "\n";
    return kept;
}

// A damaged file (a kept .corrupt-* one, say): what it still holds.
std::optional<std::filesystem::path> restore_what_can_be_read(const std::filesystem::path& source,
                                                              const std::filesystem::path& store_file) {
    const SalvageRestored salvaged = restore_salvage(source, store_file, system_clock_ms()());
    std::cout << "read back " << salvaged.answers << " answers of " << salvaged.learners
              << " learners from the damaged " << source.u8string() << " into " << store_file.u8string()
              << " (what could not be read is left out)\n";
    return salvaged.kept;
}

}  // namespace

// Another window with the store open would go on writing to the file moved
// aside, so restore refuses while any ClaimDeck holds the folder's lock.
int restore_command(const Words& words) {
    Arguments args(words, {"--data-dir"}, {});
    args.expect_positional(1, "the store FILE to restore");
    const std::filesystem::path source = args.positional_path(0);
    const std::filesystem::path data_dir = args.required_path("--data-dir");
    std::error_code error;
    std::filesystem::create_directories(data_dir, error);
    if (error)
        throw StoreError(StoreError::Kind::ReadOnly, "cannot create " + data_dir.u8string() + ": " + error.message());
    const FolderLock alone = FolderLock::exclusive(data_dir);
    const std::filesystem::path store_file = store_file_in(data_dir);
    const std::optional<std::filesystem::path> kept =
        std::filesystem::is_regular_file(source, error) && find_damage(source)
            ? restore_what_can_be_read(source, store_file)
            : restore_whole(source, store_file);
    if (kept) std::cout << "the store it replaced was kept as " << kept->string() << "\n";
    return 0;
}

int export_progress_command(const Words& words) {
    Arguments args(words, {"--data-dir", "--profile", "--out"}, {});
    args.expect_positional(0, "");
    const std::string name = args.required("--profile");
    const std::filesystem::path out = args.required_path("--out");
    std::unique_ptr<ProgressStore> store = open_existing_store(args.required_path("--data-dir"));
    std::optional<Profile> profile = store->find_profile(name);
    if (!profile) throw std::runtime_error("no profile \"" + name + "\" in " + store->path().u8string());
    const ProfileProgress progress = store->progress_of(*profile);
    write_progress_file(progress, out);
    // Technique cards' answers and states count with the claims', as import counts them.
    std::cout << "exported " << progress.reviews.size() + progress.technique_reviews.size() << " answers and "
              << progress.card_states.size() + progress.technique_states.size() << " card states of "
              << printable(profile->name) << " to " << printable(out.u8string()) << "\n";
    return 0;
}

int import_progress_command(const Words& words) {
    Arguments args(words, {"--data-dir"}, {});
    args.expect_positional(1, "the progress FILE.json or backup to import");
    // Read and checked before the store is opened: a bad file changes nothing.
    const std::filesystem::path file = args.positional_path(0);
    read_progress_to_import(file);
    std::unique_ptr<ProgressStore> store = open_or_create_store(args.required_path("--data-dir"));
    const ProgressImport imported = import_progress_from(*store, file);
    std::string names;
    for (const std::string& name : imported.learners) names += (names.empty() ? "" : ", ") + printable(name);
    const ImportCounts& counts = imported.counts;
    std::cout << "imported into profile " << names << ": " << counts.reviews_added << " new answers ("
              << counts.reviews_already_there << " were already there), " << counts.card_states_taken
              << " card states taken (" << counts.card_states_kept << " kept, as new or newer here)\n";
    return 0;
}

}  // namespace claimdeck::cli

// deck pack / unpack / install / list / remove: a deck as one file, and the
// library of decks the app lists on Home.
#include <iostream>
#include <stdexcept>

#include "arguments.hpp"
#include "base/printable.hpp"
#include "base/text_file.hpp"
#include "commands.hpp"
#include "content/deck_library.hpp"
#include "content/deck_package.hpp"
#include "data_dir.hpp"
#include "inputs.hpp"
#include "store_access.hpp"

namespace claimdeck::cli {
namespace {

std::string plural(std::int64_t count, const char* one, const char* many) {
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

PackageReadResult checked_or_fail(PackageReadResult read) {
    if (!read.deck) throw std::runtime_error(problem_list(read.problems));
    return read;
}

// --data-dir, or the folder the app keeps its progress in.
std::filesystem::path data_dir_from(const Arguments& args) {
    if (auto given = args.path("--data-dir")) return *given;
    std::filesystem::path folder = desktop::default_data_dir();
    if (folder.empty()) throw UsageError("no home folder is set; name the data folder with --data-dir DIR");
    return folder;
}

// Unpacking never replaces a file that says something else: nothing a user
// made is lost.
void refuse_to_replace(const DeckPackage& files, const std::filesystem::path& folder) {
    auto check = [&](const std::filesystem::path& path, const std::string& text) {
        std::error_code error;
        if (!std::filesystem::exists(path, error)) return;
        if (read_text_file(path, text.size()).text != text)
            throw std::runtime_error(path.u8string() + " already exists with other contents; choose another --out");
    };
    check(folder / "decks" / files.deck_file.name, files.deck_file.text);
    for (const PackedFile& article : files.articles) check(folder / "articles" / article.name, article.text);
}

std::string describe(const Deck& deck) {
    return printable(deck.id) + "  version " + std::to_string(deck.version) + "  " + printable(deck.title) + "  (" +
           plural(static_cast<std::int64_t>(deck.claims.size()), "claim", "claims") + ")";
}

}  // namespace

int deck_pack_command(const Words& words) {
    Arguments args(words, {"--out"}, {});
    args.expect_positional(1, "DECK (the deck file to pack)");
    const std::filesystem::path out = args.required_path("--out");
    const PackageReadResult read = checked_or_fail(package_deck_file(args.positional_path(0)));
    if (std::string error = write_text_file(out, write_package(*read.files)); !error.empty())
        throw std::runtime_error(error);
    std::cout << printable(out.u8string()) << ": " << describe(*read.deck) << " and "
              << plural(static_cast<std::int64_t>(read.files->articles.size()), "article", "articles") << "\n";
    return 0;
}

int deck_unpack_command(const Words& words) {
    Arguments args(words, {"--out"}, {});
    args.expect_positional(1, "FILE.claimdeck (the package to unpack)");
    const std::filesystem::path folder = args.required_path("--out");
    const PackageReadResult read = checked_or_fail(read_package_file(args.positional_path(0)));
    refuse_to_replace(*read.files, folder);
    if (std::string error = write_deck_folder(*read.files, folder); !error.empty()) throw std::runtime_error(error);
    std::cout << printable((folder / "decks" / read.files->deck_file.name).u8string()) << ": " << describe(*read.deck)
              << "\n";
    return 0;
}

int deck_install_command(const Words& words) {
    Arguments args(words, {"--data-dir"}, {});
    args.expect_positional(1, "FILE.claimdeck or DECK.json (the deck to install)");
    const std::filesystem::path library = library_folder_in(data_dir_from(args));
    const InstallResult result = install_file(library, args.positional_path(0));
    if (!result.installed()) throw std::runtime_error(problem_list(result.problems));
    std::cout << printable(result.summary()) << "\n";
    return 0;
}

int deck_list_command(const Words& words) {
    Arguments args(words, {"--data-dir"}, {});
    args.expect_positional(0, "");
    const Deck bundled = load_deck_or_fail(default_deck_path());
    std::cout << describe(bundled) << "  bundled\n";
    const LibraryContents library = read_library(library_folder_in(data_dir_from(args)));
    for (const InstalledDeck& installed : library.decks) std::cout << describe(installed.deck) << "\n";
    std::cerr << printable(describe_all(library.problems));
    return library.problems.empty() ? 0 : 1;
}

int deck_remove_command(const Words& words) {
    Arguments args(words, {"--data-dir"}, {"--delete-progress", "--yes"});
    args.expect_positional(1, "ID (the id of the deck to remove, as deck list shows it)");
    const std::string& deck_id = args.positional()[0];
    const std::filesystem::path data_dir = data_dir_from(args);
    if (!in_library(library_folder_in(data_dir), deck_id))
        throw std::runtime_error("there is no deck " + deck_id + " in " + library_folder_in(data_dir).u8string() +
                                 " (deck list shows the installed ones)");
    const bool delete_progress = args.has("--delete-progress");
    std::unique_ptr<ProgressStore> store = delete_progress ? open_or_create_store(data_dir) : nullptr;
    const std::int64_t answers = store ? store->deck_answer_count(ProgressStore::kAllProfiles, deck_id) : 0;
    // Deleting answers cannot be undone: it says how many go, and is done
    // only when confirmed.
    if (delete_progress && !args.has("--yes"))
        throw std::runtime_error("this would delete " + plural(answers, "answer", "answers") + " on " + deck_id +
                                 ", of every learner; add --yes to remove the deck and delete them");
    if (std::string error = remove_from_library(library_folder_in(data_dir), deck_id); !error.empty())
        throw std::runtime_error(error);
    if (store) store->delete_deck_progress(ProgressStore::kAllProfiles, deck_id);
    std::cout << "removed " << printable(deck_id) << " from the library; "
              << (store ? plural(answers, "answer", "answers") + " deleted" : std::string("its progress is kept"))
              << "\n";
    return 0;
}

}  // namespace claimdeck::cli

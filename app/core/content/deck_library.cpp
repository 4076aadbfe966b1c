#include "content/deck_library.hpp"

#include <algorithm>

#include "base/json_input.hpp"
#include "base/text_file.hpp"

namespace claimdeck {
namespace {

std::string in_quotes(std::string_view text) { return "\u201C" + std::string(text) + "\u201D"; }

// Where an install writes before it swaps, and where the old copy waits
// until the new one is in place. Names starting with `.` are never decks
// (a deck id is a bare file name), so they cannot clash with one.
std::filesystem::path incoming_folder(const std::filesystem::path& library, const std::string& deck_id) {
    return library / ("." + deck_id + ".incoming");
}
std::filesystem::path previous_folder(const std::filesystem::path& library, const std::string& deck_id) {
    return library / ("." + deck_id + ".previous");
}
std::filesystem::path removing_folder(const std::filesystem::path& library, const std::string& deck_id) {
    return library / ("." + deck_id + ".removing");
}

// An install cut short: the old copy moved aside and the new one not yet in
// place comes back; a finished one's leftovers go.
void finish_interrupted_installs(const std::filesystem::path& library) {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(library, error)) {
        const std::string name = entry.path().filename().u8string();
        const auto ends_with = [&](std::string_view tail) {
            return name.size() > tail.size() + 1 && name.compare(name.size() - tail.size(), tail.size(), tail) == 0;
        };
        std::error_code ignored;
        if (ends_with(".incoming") || ends_with(".removing")) std::filesystem::remove_all(entry.path(), ignored);
        if (!ends_with(".previous")) continue;
        const std::filesystem::path home = library / name.substr(1, name.size() - 1 - std::string(".previous").size());
        if (std::filesystem::exists(home, ignored))
            std::filesystem::remove_all(entry.path(), ignored);
        else
            std::filesystem::rename(entry.path(), home, ignored);
    }
}

// The version of the deck installed under `deck_id`, or 0 when there is none
// (or it can no longer be read: then anything may replace it).
int installed_version(const std::filesystem::path& library, const std::string& deck_id) {
    const DeckLimits limits;
    TextFileResult read = read_text_file(deck_file_in(library / deck_id, deck_id), limits.max_deck_bytes);
    if (!read.error.empty()) return 0;
    std::int64_t version = 0;
    std::vector<Problem> ignored;
    read_json_object(read.text, "", {limits.max_json_depth, limits.max_string_bytes}, ignored,
                     [&](FieldReader& fields) { fields.read_int("version", version); });
    return static_cast<int>(std::clamp<std::int64_t>(version, 0, 1'000'000'000));
}

std::string swap_in(const std::filesystem::path& library, const std::string& deck_id) {
    const std::filesystem::path home = library / deck_id;
    const std::filesystem::path previous = previous_folder(library, deck_id);
    std::error_code error;
    std::filesystem::remove_all(previous, error);
    const bool had_copy = std::filesystem::exists(home, error);
    if (had_copy) std::filesystem::rename(home, previous, error);
    if (!error) std::filesystem::rename(incoming_folder(library, deck_id), home, error);
    if (error) {
        std::error_code ignored;
        if (had_copy && !std::filesystem::exists(home, ignored)) std::filesystem::rename(previous, home, ignored);
        return "cannot move the new copy into " + home.u8string() + ": " + error.message();
    }
    std::filesystem::remove_all(previous, error);
    return "";
}

InstallResult refused(std::string file, std::string message) {
    InstallResult result;
    result.problems.push_back({std::move(file), "", std::move(message)});
    return result;
}

InstallResult install_checked(const std::filesystem::path& library, const PackageReadResult& read) {
    if (!read.deck) {
        InstallResult result;
        result.problems = read.problems;
        return result;
    }
    return install_package(library, *read.files, *read.deck);
}

}  // namespace

std::string InstallResult::summary() const {
    if (!installed()) return describe_all(problems);
    std::string text = "Installed " + in_quotes(title) + " (version " + std::to_string(version) + ")";
    if (replaced_version) text += ", replacing version " + std::to_string(replaced_version);
    return text + ".";
}

LibraryContents read_library(const std::filesystem::path& library) {
    LibraryContents contents;
    finish_interrupted_installs(library);
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(library, error)) {
        const std::string deck_id = entry.path().filename().u8string();
        if (!is_bare_file_name(deck_id) || !entry.is_directory(error)) continue;
        const std::filesystem::path deck_file = deck_file_in(entry.path(), deck_id);
        DeckLoadResult loaded = load_deck(deck_file);
        if (loaded.deck)
            contents.decks.push_back({deck_file, std::move(*loaded.deck)});
        else
            for (Problem& problem : loaded.problems) add_problem(contents.problems, std::move(problem));
    }
    std::sort(contents.decks.begin(), contents.decks.end(),
              [](const InstalledDeck& a, const InstalledDeck& b) { return a.deck.title < b.deck.title; });
    return contents;
}

InstallResult install_package(const std::filesystem::path& library, const DeckPackage& files, const Deck& deck) {
    // The id names a folder: it must be a name that stays inside the library.
    if (!is_bare_file_name(deck.id))
        return refused(files.deck_file.name, "the deck id " + in_quotes(deck.id) +
                                                 " must be letters, digits, . _ - only to be kept in the library");
    if (library.empty()) return refused(files.deck_file.name, "there is no data folder to keep decks in");
    finish_interrupted_installs(library);
    InstallResult result;
    result.deck_id = deck.id;
    result.title = deck.title;
    result.version = deck.version;
    result.replaced_version = installed_version(library, deck.id);
    if (result.replaced_version > deck.version)
        return refused(files.deck_file.name, "your decks already hold " + in_quotes(deck.title) + " version " +
                                                 std::to_string(result.replaced_version) +
                                                 "; this file holds the older version " + std::to_string(deck.version) +
                                                 ", so it was not installed");
    const std::filesystem::path incoming = incoming_folder(library, deck.id);
    std::error_code ignored;
    std::filesystem::remove_all(incoming, ignored);
    // Always decks/<id>.json, where read_library() looks.
    std::string error = write_deck_folder(files, incoming, deck.id + ".json");
    if (error.empty()) error = swap_in(library, deck.id);
    if (!error.empty()) {
        std::filesystem::remove_all(incoming, ignored);
        return refused(library.u8string(), error);
    }
    return result;
}

bool is_package_file(const std::filesystem::path& file) { return file.extension() == kPackageExtension; }

InstallResult install_file(const std::filesystem::path& library, const std::filesystem::path& file) {
    const PackageReadResult read = is_package_file(file) ? read_package_file(file) : package_deck_file(file);
    return install_checked(library, read);
}

InstallResult install_package_bytes(const std::filesystem::path& library, std::string_view bytes,
                                    const std::string& name) {
    return install_checked(library, read_package(bytes, name));
}

InstallResult install_deck(const std::filesystem::path& library, const Deck& deck) {
    return install_checked(library, package_deck(deck));
}

bool in_library(const std::filesystem::path& library, const std::string& deck_id) {
    std::error_code error;
    return is_bare_file_name(deck_id) && std::filesystem::is_directory(library / deck_id, error);
}

std::string remove_from_library(const std::filesystem::path& library, const std::string& deck_id) {
    const std::filesystem::path home = library / deck_id;
    std::error_code error;
    if (!in_library(library, deck_id)) return "there is no deck " + in_quotes(deck_id) + " in " + library.u8string();
    // Moved aside first, so a removal cut short never leaves half a deck.
    const std::filesystem::path leaving = removing_folder(library, deck_id);
    std::filesystem::remove_all(leaving, error);
    std::filesystem::rename(home, leaving, error);
    if (error) return "cannot remove " + home.u8string() + ": " + error.message();
    std::filesystem::remove_all(leaving, error);
    return error ? "cannot delete " + leaving.u8string() + ": " + error.message() : "";
}

}  // namespace claimdeck

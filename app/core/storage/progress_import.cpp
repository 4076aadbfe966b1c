#include "storage/progress_import.hpp"

#include <fstream>
#include <system_error>

#include "storage/salvage.hpp"

namespace claimdeck {
namespace {

namespace fs = std::filesystem;

// Every SQLite database starts with these 16 bytes.
constexpr char kSqliteHeader[] = "SQLite format 3";

bool is_sqlite_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    char header[sizeof kSqliteHeader] = {};
    return in.read(header, sizeof header) &&
           std::string(header, sizeof header) == std::string(kSqliteHeader, sizeof header);
}

std::vector<ProfileProgress> read_backup(const fs::path& file) {
    int version = 0;
    try {
        version = stored_schema_version(file);
    } catch (const StoreError& error) {
        throw ProgressFileError(file.u8string() + " could not be read: " + error.what());
    }
    if (version < 1) throw ProgressFileError(file.u8string() + " is a database, but not a ClaimDeck backup.");
    if (version > kStoreSchemaVersion)
        throw ProgressFileError(file.u8string() + " was written by a newer ClaimDeck: update this one to import it.");
    return salvage_store(file).learners;
}

std::string answers_text(int count) { return std::to_string(count) + (count == 1 ? " answer" : " answers"); }

std::string names_text(const std::vector<std::string>& names) {
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i)
        text += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
    return text;
}

}  // namespace

std::vector<ProfileProgress> read_progress_to_import(const fs::path& file) {
    std::error_code error;
    if (!fs::is_regular_file(file, error))
        throw ProgressFileError(file.u8string() + " does not exist or is not a file.");
    if (is_sqlite_file(file)) return read_backup(file);
    return {read_progress_file(file)};
}

ProgressImport import_progress_from(ProgressStore& store, const fs::path& file) {
    ProgressImport result;
    for (const ProfileProgress& learner : read_progress_to_import(file)) {
        const ImportCounts counts = store.import_progress(learner);
        result.learners.push_back(learner.profile_name);
        result.counts.reviews_added += counts.reviews_added;
        result.counts.reviews_already_there += counts.reviews_already_there;
        result.counts.card_states_taken += counts.card_states_taken;
        result.counts.card_states_kept += counts.card_states_kept;
    }
    return result;
}

std::string describe_import(const ProgressImport& result) {
    if (result.learners.empty()) return "There was no progress to import in that file.";
    return "Imported " + answers_text(result.counts.reviews_added) + " for " + names_text(result.learners) + "; " +
           std::to_string(result.counts.reviews_already_there) +
           (result.counts.reviews_already_there == 1 ? " was" : " were") + " already here.";
}

}  // namespace claimdeck

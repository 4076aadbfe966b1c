#include "storage/kept_answers.hpp"

#include <algorithm>
#include <system_error>

#include "storage/backup.hpp"
#include "storage/progress_io.hpp"

namespace claimdeck {
namespace {

namespace fs = std::filesystem;

constexpr const char* kKeptPrefix = "unsaved-answers-";
constexpr const char* kKeptSuffix = ".json";

bool is_kept_file(const fs::path& path) {
    const std::string name = path.filename().u8string();
    const std::string prefix = kKeptPrefix, suffix = kKeptSuffix;
    return name.size() > prefix.size() + suffix.size() && name.rfind(prefix, 0) == 0 &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The kept files, oldest first (their names sort by time).
std::vector<fs::path> kept_files(const fs::path& data_dir) {
    std::vector<fs::path> files;
    std::error_code error;  // a folder that cannot be listed holds nothing to save
    for (fs::directory_iterator entry(data_dir, error), end; !error && entry != end; entry.increment(error))
        if (is_kept_file(entry->path())) files.push_back(entry->path());
    std::sort(files.begin(), files.end());
    return files;
}

std::string answers_text(std::size_t count) { return std::to_string(count) + (count == 1 ? " answer" : " answers"); }

// Saves one kept file; returns the notice saying how it went.
std::string save_kept_file(ProgressStore& store, const fs::path& file) {
    try {
        const ProfileProgress kept = read_progress_file(file);
        store.import_progress(kept);
        std::error_code ignored;
        fs::remove(file, ignored);  // saved; importing it again would add nothing
        return answers_text(kept.reviews.size()) + " of " + kept.profile_name +
               " that could not be saved last time are saved now.";
    } catch (const std::exception& error) {
        return "Answers kept in " + file.u8string() + " could not be saved yet (" + error.what() +
               "). The file stays, and they are tried again at the next start.";
    }
}

}  // namespace

fs::path keep_unsaved_answers(const ProfileProgress& unsaved, const fs::path& data_dir, std::int64_t now_ms) {
    const std::string stem = (data_dir / (kKeptPrefix + file_timestamp(now_ms))).u8string();
    fs::path file = stem + kKeptSuffix;
    std::error_code ignored;
    for (int number = 2; fs::exists(file, ignored); ++number) file = stem + "-" + std::to_string(number) + kKeptSuffix;
    write_progress_file(unsaved, file);
    return file;
}

std::string keep_unsaved_answers_and_say(const ProfileProgress& unsaved, const std::string& why,
                                         const fs::path& data_dir, std::int64_t now_ms) {
    const std::string not_saved = answers_text(unsaved.reviews.size()) + " could not be saved (" + why + ").";
    try {
        const fs::path file = keep_unsaved_answers(unsaved, data_dir, now_ms);
        return not_saved + " They are kept in " + file.u8string() +
               " and saved the next time ClaimDeck opens the store.";
    } catch (const std::exception& error) {
        return not_saved + " Keeping them in a file failed too: " + error.what();
    }
}

std::vector<std::string> save_kept_answers(ProgressStore& store, const fs::path& data_dir) {
    std::vector<std::string> notices;
    for (const fs::path& file : kept_files(data_dir)) notices.push_back(save_kept_file(store, file));
    return notices;
}

}  // namespace claimdeck

#include "studio/deck_folder.hpp"

#include <fcntl.h>
#include <unistd.h>

#include "content/deck_writer.hpp"

namespace claimdeck {
namespace fs = std::filesystem;
namespace {

// Written and flushed to the disk before it counts, so a power cut after
// the rename finds the whole file.
std::string write_synced(const fs::path& path, const std::string& text) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) return "cannot create " + path.u8string();
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n <= 0) break;
        written += static_cast<std::size_t>(n);
    }
    const bool ok = written == text.size() && ::fsync(fd) == 0;
    ::close(fd);
    return ok ? "" : "cannot write " + path.u8string() + " (is the disk full?)";
}

fs::path with_suffix(const fs::path& folder, const char* suffix) {
    fs::path out = folder;
    out += suffix;
    return out;
}

std::string write_folder(const Deck& deck, const fs::path& folder) {
    std::error_code error;
    fs::remove_all(folder, error);
    fs::create_directories(folder / "decks", error);
    fs::create_directories(folder / "articles", error);
    if (error) return "cannot create " + folder.u8string() + ": " + error.message();
    for (const Article& article : deck.articles)
        if (std::string failed = write_synced(folder / "articles" / article.file, article.text); !failed.empty())
            return failed;
    return write_synced(deck_file_in(folder, deck.id), write_deck_json(deck));
}

}  // namespace

bool holds_one_deck_only(const fs::path& folder) {
    std::error_code error;
    if (!fs::exists(folder, error)) return true;
    if (!fs::is_directory(folder, error)) return false;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder, error))
        if (entry.path().filename() != "decks" && entry.path().filename() != "articles") return false;
    const fs::path decks = folder / "decks";
    if (!fs::exists(decks, error)) return true;
    const auto files = std::distance(fs::directory_iterator(decks, error), fs::directory_iterator());
    return !error && files <= 1;
}

std::string save_deck_folder(const Deck& deck, const fs::path& folder) {
    if (!holds_one_deck_only(folder))
        return folder.u8string() + " holds other files than one deck's; choose an empty folder or a deck folder";
    const fs::path partial = with_suffix(folder, ".partial");
    const fs::path previous = with_suffix(folder, ".previous");
    if (std::string failed = write_folder(deck, partial); !failed.empty()) return failed;
    std::error_code error;
    if (fs::exists(folder)) {
        fs::remove_all(previous, error);
        fs::rename(folder, previous, error);
        if (error) return "cannot keep the previous version of " + folder.u8string() + ": " + error.message();
    }
    fs::rename(partial, folder, error);
    if (error) return "cannot save " + folder.u8string() + ": " + error.message();
    return {};
}

OpenedDeckFolder open_deck_folder(const fs::path& given, bool checked) {
    const fs::path folder = fs::exists(given) ? given : with_suffix(given, ".previous");
    std::error_code error;
    fs::path deck_file;
    for (fs::directory_iterator it(folder / "decks", error), end; !error && it != end; it.increment(error))
        if (it->path().extension() == ".json") deck_file = it->path();
    if (deck_file.empty())
        return {std::nullopt, {{given.u8string(), "", "there is no deck in " + (given / "decks").u8string()}}};
    if (checked) {
        DeckLoadResult loaded = load_deck(deck_file);
        return {std::move(loaded.deck), std::move(loaded.problems)};
    }
    return open_deck_file(deck_file);
}

OpenedDeckFolder open_deck_file(const fs::path& deck_file) {
    const fs::path folder = deck_file.parent_path().parent_path();
    const DeckLimits limits;
    TextFileResult json = read_text_file(deck_file, limits.max_deck_bytes);
    if (!json.error.empty()) return {std::nullopt, {{deck_file.u8string(), "", json.error}}};
    OpenedDeckFolder opened;
    const fs::path articles = folder / "articles";
    opened.deck = read_deck_for_editing(
        json.text, deck_file.u8string(),
        [&](const std::string& name) { return read_text_file(articles / name, limits.max_article_bytes); },
        opened.problems, limits);
    return opened;
}

}  // namespace claimdeck

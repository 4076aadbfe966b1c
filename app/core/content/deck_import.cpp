#include "content/deck_import.hpp"

#include <cctype>

#include "base/text_file.hpp"
#include "content/deck_writer.hpp"

namespace claimdeck {

std::string kebab_id(std::string_view text, std::string_view fallback) {
    constexpr std::size_t kLongest = 48;
    std::string id;
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) && byte < 0x80)
            id += static_cast<char>(std::tolower(byte));
        else if (!id.empty() && id.back() != '-')
            id += '-';
        if (id.size() >= kLongest) break;
    }
    while (!id.empty() && id.back() == '-') id.pop_back();
    return id.empty() ? std::string(fallback) : id;
}

std::string IdRegistry::take(const std::string& wanted) {
    std::string id = wanted;
    for (int n = 2; !taken_.insert(id).second; ++n) id = wanted + "-" + std::to_string(n);
    return id;
}

Deck new_deck(const std::string& id, const std::string& title) {
    Deck deck;
    deck.format_version = kDeckFormatVersion;
    deck.id = id;
    deck.version = 1;
    deck.title = title;
    return deck;
}

Article& add_article(Deck& deck, IdRegistry& ids, std::string_view name, std::string text) {
    Article article;
    article.id = ids.take(kebab_id(name, "article"));
    article.file = article.id + ".txt";
    article.title = text.substr(0, text.find('\n'));
    article.text = std::move(text);
    deck.articles.push_back(std::move(article));
    return deck.articles.back();
}

namespace {

std::string refuse_linked_folder(const std::filesystem::path& folder) {
    std::error_code error;
    if (std::filesystem::is_symlink(folder, error))
        return folder.u8string() + " is a symbolic link; write the deck folder somewhere else";
    return "";
}

std::string write_article(const std::filesystem::path& folder, const Article& article) {
    const std::filesystem::path path = folder / article.file;
    std::error_code error;
    if (std::filesystem::exists(std::filesystem::symlink_status(path, error))) {
        const TextFileResult there = read_text_file(path, article.text.size() + 1);
        if (there.error.empty() && there.text == article.text) return "";
        return path.u8string() + " is already there with other text; it was left as it is";
    }
    return write_text_file(path, article.text);
}

}  // namespace

std::string write_deck_folder(const Deck& deck, const std::filesystem::path& out) {
    const std::filesystem::path deck_file = deck_file_in(out, deck.id);
    std::error_code error;
    if (std::filesystem::exists(std::filesystem::symlink_status(deck_file, error)))
        return deck_file.u8string() + " is already there; choose another --out folder or deck id";
    for (const char* folder : {"decks", "articles"}) {
        std::string refused = refuse_linked_folder(out / folder);
        if (!refused.empty()) return refused;
        std::filesystem::create_directories(out / folder, error);
        if (error) return (out / folder).u8string() + " cannot be made: " + error.message();
    }
    for (const Article& article : deck.articles) {
        std::string failed = write_article(out / "articles", article);
        if (!failed.empty()) return failed;
    }
    return write_text_file(deck_file, write_deck_json(deck));
}

bool is_safe_relative_path(std::string_view path) {
    if (path.empty() || path.size() > 255 || path.front() == '/' || path.front() == '\\') return false;
    if (path.find(':') != std::string_view::npos || path.find('\\') != std::string_view::npos) return false;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string_view part = path.substr(start, end - start);
        if (part.empty() || part.front() == '.') return false;
        start = end + 1;
    }
    return path.find('\0') == std::string_view::npos;
}

}  // namespace claimdeck

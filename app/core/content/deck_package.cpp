#include "content/deck_package.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "base/json_input.hpp"
#include "base/text_file.hpp"
#include "content/deck_writer.hpp"

namespace claimdeck {
namespace {

constexpr const char* kPackageFormatName = "claimdeck-package";

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::string mebibytes(std::uintmax_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

// ---- Reading the envelope ----------------------------------------------------

// A package from a newer ClaimDeck may hold anything; its other fields are
// not read, so the learner sees the one thing to do.
bool read_package_version(FieldReader& fields) {
    std::string format;
    if (fields.read_string("format", format) && format != kPackageFormatName) {
        fields.report("format", in_quotes(format) + " is not " + in_quotes(kPackageFormatName) +
                                    "; this is not a ClaimDeck deck package");
        return false;
    }
    std::int64_t version = 0;
    if (!fields.read_int("package_version", version)) return false;
    if (version > kPackageFormatVersion) {
        fields.report("package_version", "is " + std::to_string(version) +
                                             ": the package was made by a newer ClaimDeck, which reads format " +
                                             std::to_string(version) + "; update ClaimDeck to open it");
        return false;
    }
    if (version < 1) fields.report("package_version", "must be 1 or more");
    return version >= 1;
}

void read_packed_file(FieldReader& fields, PackedFile& out) {
    if (fields.read_string("file", out.name)) fields.set_place("file " + in_quotes(out.name));
    fields.read_string("text", out.text);
}

void read_envelope(FieldReader& fields, const PackageLimits& limits, DeckPackage& package) {
    if (!read_package_version(fields)) return;
    fields.read_string("deck_file", package.deck_file.name);
    fields.read_string("deck", package.deck_file.text);
    fields.read_objects("articles", limits.deck.max_articles, [&](FieldReader& item, std::size_t) {
        package.articles.emplace_back();
        read_packed_file(item, package.articles.back());
    });
}

// ---- Checking what a package holds -------------------------------------------

class PackageChecker {
public:
    PackageChecker(const DeckPackage& package, std::string file, const DeckLimits& limits,
                   std::vector<Problem>& problems)
        : package_(package), file_(std::move(file)), limits_(limits), problems_(problems) {}

    std::optional<Deck> check() {
        check_deck_file_name();
        check_article_names();
        if (!problems_.empty()) return std::nullopt;
        DeckLoadResult read = read_deck(
            package_.deck_file.text, file_ + " (" + deck_path() + ")",
            [&](const std::string& name) { return article_text(name); }, limits_);
        for (Problem& problem : read.problems) add_problem(problems_, std::move(problem));
        check_every_article_used();
        if (!problems_.empty()) return std::nullopt;
        return std::move(read.deck);
    }

private:
    void report(const std::string& place, std::string message) {
        add_problem(problems_, Problem{file_, place, std::move(message)});
    }
    std::string deck_path() const { return "decks/" + package_.deck_file.name; }

    void check_deck_file_name() {
        const std::string& name = package_.deck_file.name;
        const bool json = name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0;
        if (!is_bare_file_name(name) || !json)
            report("field \"deck_file\"",
                   in_quotes(name) + " must be a bare file name ending in .json (letters, digits, . _ -)");
    }

    void check_article_names() {
        for (const PackedFile& article : package_.articles) {
            const std::string place = "article file " + in_quotes(article.name);
            if (!is_bare_file_name(article.name))
                report(place, "must be a bare file name (letters, digits, . _ -) in the articles folder");
            else if (!texts_.emplace(article.name, &article.text).second)
                report(place, "is in the package twice");
            else if (article.text.size() > limits_.max_article_bytes)
                report(place, "is larger than " + mebibytes(limits_.max_article_bytes) + ", the most ClaimDeck reads");
            else if (!is_valid_utf8(article.text))
                report(place, "is not UTF-8 text");
        }
    }

    TextFileResult article_text(const std::string& name) {
        auto found = texts_.find(name);
        if (found == texts_.end()) return {"", in_quotes(name) + " is not in the package"};
        used_.insert(name);
        return {*found->second, ""};
    }

    // Nothing the deck does not name is unpacked or installed.
    void check_every_article_used() {
        for (const auto& [name, text] : texts_)
            if (!used_.count(name))
                report("article file " + in_quotes(name), "no article of the deck is read from this file");
    }

    const DeckPackage& package_;
    std::string file_;
    const DeckLimits& limits_;
    std::vector<Problem>& problems_;
    std::map<std::string, const std::string*> texts_;
    std::set<std::string> used_;
};

PackageReadResult checked(DeckPackage package, const std::string& file, const DeckLimits& limits) {
    PackageReadResult result;
    result.deck = PackageChecker(package, file, limits, result.problems).check();
    if (result.deck) result.files = std::move(package);
    return result;
}

// Each article file once, in the order the deck names them.
std::vector<PackedFile> article_files(const Deck& deck) {
    std::vector<PackedFile> files;
    std::set<std::string> seen;
    for (const Article& article : deck.articles)
        if (seen.insert(article.file).second) files.push_back({article.file, article.text});
    return files;
}

}  // namespace

// Written in one string sized once: a package carries megabytes of text.
std::string write_package(const DeckPackage& package) {
    std::size_t size = package.deck_file.name.size() + package.deck_file.text.size() + 128;
    for (const PackedFile& article : package.articles) size += article.name.size() + article.text.size() + 32;
    std::string out;
    out.reserve(size + size / 8);  // room for escapes
    const auto member = [&](const char* key, std::string_view text) {
        append_json_string(out, key);
        out += ':';
        append_json_string(out, text);
    };
    out += '{';
    member("format", kPackageFormatName);
    out += ",\"package_version\":" + std::to_string(kPackageFormatVersion) + ',';
    member("deck_file", package.deck_file.name);
    out += ',';
    member("deck", package.deck_file.text);
    out += ",\"articles\":[";
    for (std::size_t i = 0; i < package.articles.size(); ++i) {
        out += i == 0 ? "{" : ",{";
        member("file", package.articles[i].name);
        out += ',';
        member("text", package.articles[i].text);
        out += '}';
    }
    out += "]}\n";
    return out;
}

PackageReadResult read_package(std::string_view bytes, const std::string& file, const PackageLimits& limits) {
    PackageReadResult result;
    if (bytes.size() > limits.max_package_bytes) {
        result.problems.push_back(
            {file, "",
             "the package is larger than " + mebibytes(limits.max_package_bytes) + ", the most ClaimDeck reads"});
        return result;
    }
    // A package needs three levels (root, list of articles, article); a
    // deck's depth is allowed so a deck file given by mistake is told
    // apart by its missing "format" rather than by its nesting.
    const JsonShapeLimits shape{limits.deck.max_json_depth,
                                std::max<std::size_t>(limits.deck.max_deck_bytes, limits.deck.max_article_bytes)};
    DeckPackage package;
    if (!read_json_object(bytes, file, shape, result.problems,
                          [&](FieldReader& fields) { read_envelope(fields, limits, package); }) ||
        !result.problems.empty())
        return result;
    return checked(std::move(package), file, limits.deck);
}

PackageReadResult read_package_file(const std::filesystem::path& file, const PackageLimits& limits) {
    TextFileResult read = read_text_file(file, limits.max_package_bytes);
    if (!read.error.empty()) return {std::nullopt, std::nullopt, {{file.u8string(), "", read.reason}}};
    return read_package(read.text, file.u8string(), limits);
}

PackageReadResult package_deck_file(const std::filesystem::path& deck_file, const DeckLimits& limits) {
    DeckLoadResult loaded = load_deck(deck_file, limits);
    if (!loaded.deck) return {std::nullopt, std::nullopt, std::move(loaded.problems)};
    TextFileResult json = read_text_file(deck_file, limits.max_deck_bytes);
    if (!json.error.empty()) return {std::nullopt, std::nullopt, {{deck_file.u8string(), "", json.reason}}};
    DeckPackage package{{deck_file.filename().u8string(), std::move(json.text)}, article_files(*loaded.deck)};
    return checked(std::move(package), deck_file.u8string(), limits);
}

PackageReadResult package_deck(const Deck& deck) {
    DeckPackage package{{deck.id + ".json", write_deck_json(deck)}, article_files(deck)};
    return checked(std::move(package), deck.id + kPackageExtension, {});
}

std::string write_deck_folder(const DeckPackage& package, const std::filesystem::path& folder) {
    return write_deck_folder(package, folder, package.deck_file.name);
}

std::string write_deck_folder(const DeckPackage& package, const std::filesystem::path& folder,
                              const std::string& deck_file_name) {
    // The names were checked to be bare file names when the package was read.
    if (std::string error = write_text_file(folder / "decks" / deck_file_name, package.deck_file.text); !error.empty())
        return error;
    for (const PackedFile& article : package.articles)
        if (std::string error = write_text_file(folder / "articles" / article.name, article.text); !error.empty())
            return error;
    return "";
}

}  // namespace claimdeck

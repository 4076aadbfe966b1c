// The deck: articles, the claims taken from them, and the evidence that links
// claims across articles. load_deck() reads and checks a deck file; a deck that
// comes back has passed every check, so the rest of the app can trust it.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/problems.hpp"
#include "base/text_file.hpp"
#include "base/verdict.hpp"

namespace claimdeck {

// [begin, end) byte offsets into an article's text.
struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
};

struct Article {
    std::string id;
    std::string file;  // bare file name inside the articles folder
    std::string title;
    std::string byline;  // empty when the article has none
    std::string provenance;
    std::string text;       // the whole file, verbatim
    std::string url;        // where it was published; empty when unknown
    std::string published;  // publication date, YYYY-MM-DD; empty when unknown
};

struct Topic {
    std::string id;
    std::string title;
};

struct TechniqueUse {
    std::string name;                // one of propaganda_techniques()
    std::vector<std::string> words;  // verbatim pieces of the claim's quote that carry it
};

enum class Stance { Corroborates, Contradicts, Qualifies };
std::string_view to_string(Stance stance);
std::optional<Stance> parse_stance(std::string_view text);

// What another article says about the same fact.
struct Evidence {
    std::string article;
    std::string quote;
    Span span;
    Stance stance = Stance::Corroborates;
};

struct Claim {
    std::string id;
    std::string article;
    std::string text;   // the assertion as the card shows it
    std::string quote;  // verbatim from the article
    Span span;
    std::string topic;
    Verdict verdict = Verdict::Contested;
    std::string rationale;
    std::vector<TechniqueUse> techniques;
    std::vector<Evidence> evidence;
    std::string known_now;  // later public record, from outside the articles; may be empty
};

// The deck format this version of ClaimDeck reads and writes (FORMAT.md).
inline constexpr int kDeckFormatVersion = 1;

class Deck {
public:
    int format_version = 0;
    std::string id;
    int version = 0;
    std::string title;
    std::string description;
    std::string language;
    std::vector<Article> articles;
    std::vector<Topic> topics;
    std::vector<Claim> claims;

    // Rebuilds the id indexes; call after filling the vectors.
    void index();
    const Article* article(std::string_view article_id) const;
    const Claim* claim(std::string_view claim_id) const;
    const Topic* topic(std::string_view topic_id) const;
    std::optional<std::size_t> claim_index(std::string_view claim_id) const;

private:
    std::unordered_map<std::string, std::size_t> article_index_;
    std::unordered_map<std::string, std::size_t> claim_index_;
    std::unordered_map<std::string, std::size_t> topic_index_;
};

// Caps that keep an untrusted deck from exhausting memory or time.
struct DeckLimits {
    std::uintmax_t max_deck_bytes = 128u << 20;
    std::uintmax_t max_article_bytes = 4u << 20;
    std::size_t max_string_bytes = 64u << 10;
    std::size_t max_claims = 200000;
    std::size_t max_articles = 1000;
    std::size_t max_list_items = 1000;  // evidence, techniques, words per claim
    int max_json_depth = 16;
};

struct DeckLoadResult {
    std::optional<Deck> deck;  // set only when there are no problems
    std::vector<Problem> problems;
};

DeckLoadResult load_deck(const std::filesystem::path& deck_file, const DeckLimits& limits = {});

// The text of an article file named in a deck (a bare file name, checked
// before it is asked for), or a sentence saying why it cannot be had.
using ArticleSource = std::function<TextFileResult(const std::string& file_name)>;

// The same strict reading from a deck's JSON held in memory, its articles
// taken from `articles`: what a deck package and the Studio use. `file` names
// the deck in problems.
DeckLoadResult read_deck(std::string_view json, const std::string& file, const ArticleSource& articles,
                         const DeckLimits& limits = {});

// The deck as written, its article texts loaded, before the checks of its
// contents: what `claimdeck-cli deck spans` repairs when quotes and spans
// disagree. Set only when the file itself reads (JSON, fields, limits,
// article files); `problems` holds those that stopped it.
DeckLoadResult load_deck_unchecked(const std::filesystem::path& deck_file, const DeckLimits& limits = {});
// The same reading without the content checks: a Studio draft is a deck
// still being written (an empty rationale, a quote not yet chosen), so it
// comes back whenever its JSON can be read at all; `problems` holds what was
// wrong with the JSON or an article file.
std::optional<Deck> read_deck_for_editing(std::string_view json, const std::string& file, const ArticleSource& articles,
                                          std::vector<Problem>& problems, const DeckLimits& limits = {});

// Every problem with a deck's contents (ids, quotes against their spans,
// techniques, evidence), the checks load_deck() makes after reading: the
// Studio runs them on the deck being edited. Article texts must be filled in.
std::vector<Problem> check_deck(const Deck& deck, const std::string& file);

// check_deck() in its two parts, so that the Studio can check again only the
// claims an edit touched: the ids of the deck as a whole, and each claim
// against the deck's articles and topics (looked up by id, made once here).
// The deck must not change while its validator is in use.
class DeckValidator {
public:
    DeckValidator(const Deck& deck, std::string file);
    // Every check: the ids, then each claim until the list is full.
    void check(std::vector<Problem>& problems) const;
    void check_ids(std::vector<Problem>& problems) const;
    void check_claim(const Claim& claim, std::vector<Problem>& problems) const;

private:
    const Article* find_article(const std::string& article_id) const;
    void check_quote(const std::string& place, const std::string& article_id, const std::string& quote, Span span,
                     std::vector<Problem>& problems) const;
    void check_techniques(const Claim& claim, std::vector<Problem>& problems) const;
    void check_evidence(const Claim& claim, std::vector<Problem>& problems) const;

    const Deck& deck_;
    std::string file_;
    std::unordered_map<std::string_view, const Article*> articles_;
    std::unordered_set<std::string_view> topics_;
};

// The folder that holds a deck's article files: `articles/` beside the deck's
// own `decks/` folder (content/decks/x.json -> content/articles/).
std::filesystem::path articles_folder_for(const std::filesystem::path& deck_file);

// The deck file inside a deck folder (`FOLDER/decks/<id>.json`, its articles
// in `FOLDER/articles/`): the layout the Studio saves, importers write and
// packages unpack to.
std::filesystem::path deck_file_in(const std::filesystem::path& folder, const std::string& deck_id);

// Whether `name` may name a file in a deck folder's articles/ or decks/:
// letters, digits, `.`, `_`, `-`, not starting with `.` (FORMAT.md). Such a
// name can never lead outside the folder.
bool is_bare_file_name(std::string_view name);

// The paragraph of the article around a span: the hint a learner may ask for.
std::string_view surrounding_paragraph(const Article& article, Span span);

}  // namespace claimdeck

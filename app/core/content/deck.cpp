#include "content/deck.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <unordered_set>

#include "base/calendar.hpp"
#include "base/json_input.hpp"
#include "base/text_file.hpp"
#include "content/techniques.hpp"

namespace claimdeck {

std::string_view to_string(Stance stance) {
    switch (stance) {
        case Stance::Corroborates: return "corroborates";
        case Stance::Contradicts: return "contradicts";
        case Stance::Qualifies: return "qualifies";
    }
    return "corroborates";
}

std::optional<Stance> parse_stance(std::string_view text) {
    for (Stance s : {Stance::Corroborates, Stance::Contradicts, Stance::Qualifies})
        if (to_string(s) == text) return s;
    return std::nullopt;
}

void Deck::index() {
    article_index_.clear();
    claim_index_.clear();
    topic_index_.clear();
    for (std::size_t i = 0; i < articles.size(); ++i) article_index_.emplace(articles[i].id, i);
    for (std::size_t i = 0; i < claims.size(); ++i) claim_index_.emplace(claims[i].id, i);
    for (std::size_t i = 0; i < topics.size(); ++i) topic_index_.emplace(topics[i].id, i);
}

namespace {

template <class Map, class Vector>
auto* find_in(const Map& index, const Vector& items, std::string_view id) {
    auto found = index.find(std::string(id));
    return found == index.end() ? nullptr : &items[found->second];
}

}  // namespace

const Article* Deck::article(std::string_view article_id) const {
    return find_in(article_index_, articles, article_id);
}
const Claim* Deck::claim(std::string_view claim_id) const { return find_in(claim_index_, claims, claim_id); }
const Topic* Deck::topic(std::string_view topic_id) const { return find_in(topic_index_, topics, topic_id); }

std::optional<std::size_t> Deck::claim_index(std::string_view claim_id) const {
    auto found = claim_index_.find(std::string(claim_id));
    if (found == claim_index_.end()) return std::nullopt;
    return found->second;
}

std::filesystem::path articles_folder_for(const std::filesystem::path& deck_file) {
    return deck_file.parent_path().parent_path() / "articles";
}

// Article files are named by a bare file name and read only from the deck's
// articles folder, so a deck cannot make the app read anything else.
bool is_bare_file_name(std::string_view name) {
    if (name.empty() || name.front() == '.') return false;
    return std::all_of(name.begin(), name.end(),
                       [](unsigned char c) { return std::isalnum(c) || c == '.' || c == '_' || c == '-'; });
}

std::filesystem::path deck_file_in(const std::filesystem::path& folder, const std::string& deck_id) {
    return folder / "decks" / (deck_id + ".json");
}

std::string_view surrounding_paragraph(const Article& article, Span span) {
    std::string_view text = article.text;
    if (span.begin > text.size()) return {};
    std::size_t start = text.rfind("\n\n", span.begin);
    start = start == std::string_view::npos ? 0 : start + 2;
    std::size_t end = text.find("\n\n", std::min(span.end, text.size()));
    if (end == std::string_view::npos) end = text.size();
    while (end > start && (text[end - 1] == '\n' || text[end - 1] == ' ')) --end;
    return text.substr(start, end - start);
}

namespace {

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

// ---- Reading the structure -------------------------------------------------

bool is_date(std::string_view text) {
    return text.size() == 10 && parse_utc_stamp(text, "YYYY-MM-DD").fault == StampFault::None;
}

// Ids and the names that refer to them must not be empty: an empty one would
// pass for "missing, already reported" in the checks that follow.
bool read_id(FieldReader& fields, const char* field, std::string& out) {
    if (!fields.read_string(field, out)) return false;
    if (!out.empty()) return true;
    fields.report(field, "is empty");
    return false;
}

bool read_span(FieldReader& fields, const char* field, Span& span) {
    std::vector<std::int64_t> bounds;
    if (!fields.read_ints(field, bounds, 2)) return false;
    if (bounds.size() != 2 || bounds[0] < 0 || bounds[1] < bounds[0]) {
        fields.report(field, "must be [begin, end] with 0 <= begin <= end");
        return false;
    }
    span = {static_cast<std::size_t>(bounds[0]), static_cast<std::size_t>(bounds[1])};
    return true;
}

void read_techniques(FieldReader& fields, const DeckLimits& limits, Claim& claim) {
    fields.read_objects(
        "techniques", limits.max_list_items,
        [&](FieldReader& item, std::size_t) {
            TechniqueUse use;
            item.read_string("name", use.name);
            item.read_strings("words", use.words, limits.max_list_items);
            claim.techniques.push_back(std::move(use));
        },
        Presence::Optional);
}

void read_evidence(FieldReader& fields, const DeckLimits& limits, Claim& claim) {
    fields.read_objects("evidence", limits.max_list_items, [&](FieldReader& item, std::size_t) {
        Evidence evidence;
        std::string stance;
        read_id(item, "article", evidence.article);
        item.read_string("quote", evidence.quote);
        read_span(item, "span", evidence.span);
        if (item.read_string("stance", stance)) {
            if (auto parsed = parse_stance(stance))
                evidence.stance = *parsed;
            else
                item.report("stance", in_quotes(stance) + " is not one of corroborates, contradicts, qualifies");
        }
        claim.evidence.push_back(std::move(evidence));
    });
}

Claim read_claim(FieldReader& fields, const DeckLimits& limits) {
    Claim claim;
    // Problems are placed by claim id once it is known, which is what a
    // person editing the file searches for.
    if (read_id(fields, "id", claim.id)) fields.set_place("claim " + in_quotes(claim.id));
    read_id(fields, "article", claim.article);
    fields.read_string("text", claim.text);
    fields.read_string("quote", claim.quote);
    read_span(fields, "span", claim.span);
    read_id(fields, "topic", claim.topic);
    std::string verdict;
    if (fields.read_string("verdict", verdict)) {
        if (auto parsed = parse_verdict(verdict))
            claim.verdict = *parsed;
        else
            fields.report("verdict", in_quotes(verdict) + " is not one of verified, contested, propaganda");
    }
    fields.read_string("rationale", claim.rationale);
    read_techniques(fields, limits, claim);
    read_evidence(fields, limits, claim);
    fields.read_string("known_now", claim.known_now, Presence::Optional);
    return claim;
}

void read_deck_fields(FieldReader& fields, const DeckLimits& limits, Deck& deck) {
    std::int64_t format_version = 0;
    if (fields.read_int("format_version", format_version) && format_version != kDeckFormatVersion)
        fields.report("format_version", "is " + std::to_string(format_version) +
                                            "; this version of ClaimDeck reads format " +
                                            std::to_string(kDeckFormatVersion));
    deck.format_version = static_cast<int>(format_version);
    read_id(fields, "id", deck.id);
    std::int64_t version = 0;
    fields.read_int("version", version);
    deck.version = static_cast<int>(std::clamp<std::int64_t>(version, 0, 1'000'000'000));
    fields.read_string("title", deck.title);
    fields.read_string("description", deck.description, Presence::Optional);
    fields.read_string("language", deck.language, Presence::Optional);

    fields.read_objects("articles", limits.max_articles, [&](FieldReader& item, std::size_t) {
        Article article;
        if (read_id(item, "id", article.id)) item.set_place("article " + in_quotes(article.id));
        read_id(item, "file", article.file);
        item.read_string("title", article.title);
        item.read_string("byline", article.byline, Presence::Optional);
        item.read_string("provenance", article.provenance, Presence::Optional);
        item.read_string("url", article.url, Presence::Optional);
        if (item.read_string("published", article.published, Presence::Optional) && !article.published.empty() &&
            !is_date(article.published))
            item.report("published", in_quotes(article.published) + " is not a date written YYYY-MM-DD");
        deck.articles.push_back(std::move(article));
    });
    fields.read_objects("topics", limits.max_claims, [&](FieldReader& item, std::size_t) {
        Topic topic;
        if (read_id(item, "id", topic.id)) item.set_place("topic " + in_quotes(topic.id));
        item.read_string("title", topic.title);
        deck.topics.push_back(std::move(topic));
    });
    fields.read_objects("claims", limits.max_claims,
                        [&](FieldReader& item, std::size_t) { deck.claims.push_back(read_claim(item, limits)); });
}

// ---- Checking what was read ------------------------------------------------

void report(std::vector<Problem>& problems, const std::string& file, const std::string& place, std::string message) {
    add_problem(problems, Problem{file, place, std::move(message)});
}

std::string claim_place(const Claim& claim, std::string_view field) {
    return "claim " + in_quotes(claim.id) + ", field " + in_quotes(field);
}

}  // namespace

DeckValidator::DeckValidator(const Deck& deck, std::string file) : deck_(deck), file_(std::move(file)) {
    for (const Article& article : deck.articles) articles_.emplace(article.id, &article);  // the first of an id
    for (const Topic& topic : deck.topics) topics_.insert(topic.id);
}

void DeckValidator::check_ids(std::vector<Problem>& problems) const {
    auto check = [&](std::string_view kind, const auto& items) {
        std::unordered_set<std::string_view> seen;
        seen.reserve(items.size());
        for (const auto& item : items) {
            if (item.id.empty()) continue;
            if (!seen.insert(item.id).second)
                report(problems, file_, std::string(kind) + " " + in_quotes(item.id), "the id is used twice");
        }
    };
    check("article", deck_.articles);
    check("topic", deck_.topics);
    check("claim", deck_.claims);
}

const Article* DeckValidator::find_article(const std::string& article_id) const {
    const auto found = articles_.find(article_id);
    return found == articles_.end() ? nullptr : found->second;
}

// Checks that `quote` stands in `article_id`'s text at `span`, byte for byte.
void DeckValidator::check_quote(const std::string& place, const std::string& article_id, const std::string& quote,
                                Span span, std::vector<Problem>& problems) const {
    const Article* article = find_article(article_id);
    if (!article || article->text.empty()) return;  // reported elsewhere
    if (quote.empty()) {
        report(problems, file_, place, "the quote is empty");
        return;
    }
    const std::string& text = article->text;
    if (span.end > text.size()) {
        report(problems, file_, place,
               "the span [" + std::to_string(span.begin) + ", " + std::to_string(span.end) + "] runs past the end of " +
                   in_quotes(article->file) + " (" + std::to_string(text.size()) + " bytes)");
        return;
    }
    if (text.compare(span.begin, span.end - span.begin, quote) == 0) return;
    std::size_t found = find_text(text, quote);
    std::string hint = found == std::string::npos ? "the quote is not in the article word for word"
                                                  : "the quote is in the article at [" + std::to_string(found) + ", " +
                                                        std::to_string(found + quote.size()) + "]";
    report(problems, file_, place, "the quote does not match the article at its span; " + hint);
}

void DeckValidator::check_claim(const Claim& claim, std::vector<Problem>& problems) const {
    if (claim.id.empty()) return;  // already reported as missing
    if (!claim.article.empty() && !find_article(claim.article))
        report(problems, file_, claim_place(claim, "article"),
               in_quotes(claim.article) + " is not an article of this deck");
    if (!claim.topic.empty() && !topics_.count(claim.topic))
        report(problems, file_, claim_place(claim, "topic"), in_quotes(claim.topic) + " is not declared in \"topics\"");
    if (claim.text.empty()) report(problems, file_, claim_place(claim, "text"), "is empty");
    if (claim.rationale.find_first_not_of(" \t\n") == std::string::npos)
        report(problems, file_, claim_place(claim, "rationale"), "is empty; every verdict needs its reasons");
    check_quote(claim_place(claim, "quote"), claim.article, claim.quote, claim.span, problems);
    check_techniques(claim, problems);
    check_evidence(claim, problems);
}

void DeckValidator::check_techniques(const Claim& claim, std::vector<Problem>& problems) const {
    if (claim.verdict == Verdict::Propaganda && claim.techniques.empty())
        report(problems, file_, claim_place(claim, "techniques"), "a propaganda claim needs at least one technique");
    for (const TechniqueUse& use : claim.techniques) {
        if (!find_technique(use.name))
            report(problems, file_, claim_place(claim, "techniques"),
                   in_quotes(use.name) + " is not one of the 18 techniques listed in FORMAT.md");
        for (const std::string& words : use.words)
            if (words.empty() || find_text(claim.quote, words) == std::string::npos)
                report(problems, file_, claim_place(claim, "techniques"),
                       "the words " + in_quotes(words) + " of " + in_quotes(use.name) + " are not in the quote");
    }
}

void DeckValidator::check_evidence(const Claim& claim, std::vector<Problem>& problems) const {
    for (std::size_t i = 0; i < claim.evidence.size(); ++i) {
        const Evidence& evidence = claim.evidence[i];
        std::string place = claim_place(claim, "evidence[" + std::to_string(i) + "]");
        if (evidence.article == claim.article)
            report(problems, file_, place, "cites the claim's own article; evidence must come from another article");
        else if (!find_article(evidence.article))
            report(problems, file_, place, in_quotes(evidence.article) + " is not an article of this deck");
        check_quote(place, evidence.article, evidence.quote, evidence.span, problems);
    }
}

void DeckValidator::check(std::vector<Problem>& problems) const {
    check_ids(problems);
    for (const Claim& claim : deck_.claims) {
        if (problems_full(problems)) return;
        check_claim(claim, problems);
    }
}

namespace {

void load_article_texts(Deck& deck, const std::string& file, const ArticleSource& source,
                        std::vector<Problem>& problems) {
    for (Article& article : deck.articles) {
        std::string place = "article " + in_quotes(article.id) + ", field \"file\"";
        if (article.file.empty()) continue;  // reported as missing
        if (!is_bare_file_name(article.file)) {
            add_problem(problems, {file, place,
                                   in_quotes(article.file) +
                                       " must be a bare file name (letters, digits, . _ -) in the articles folder"});
            continue;
        }
        TextFileResult read = source(article.file);
        if (!read.error.empty()) {
            add_problem(problems, {file, place, read.error});
            continue;
        }
        // An empty text would be taken for one that failed to load and skip
        // the quote checks of every claim from it.
        if (read.text.empty()) {
            add_problem(problems, {file, place, in_quotes(article.file) + " is empty"});
            continue;
        }
        article.text = std::move(read.text);
    }
}

enum class ContentChecks { Run, Skip };

// The deck's JSON and its article files, before any check of their contents;
// nullopt when the JSON itself cannot be read.
std::optional<Deck> read_deck_structure(std::string_view json, const std::string& file, const ArticleSource& articles,
                                        const DeckLimits& limits, std::vector<Problem>& problems) {
    if (json.size() > limits.max_deck_bytes) {
        problems.push_back({file, "",
                            "the deck is larger than " + std::to_string(limits.max_deck_bytes >> 20) +
                                " MiB, the most ClaimDeck reads"});
        return std::nullopt;
    }
    Deck deck;
    if (!read_json_object(json, file, {limits.max_json_depth, limits.max_string_bytes}, problems,
                          [&](FieldReader& fields) { read_deck_fields(fields, limits, deck); }))
        return std::nullopt;
    load_article_texts(deck, file, articles, problems);
    return deck;
}

DeckLoadResult read_deck_checking(std::string_view json, const std::string& file, const ArticleSource& articles,
                                  const DeckLimits& limits, ContentChecks checks) {
    DeckLoadResult result;
    std::optional<Deck> deck = read_deck_structure(json, file, articles, limits, result.problems);
    if (!deck) return result;
    if (checks == ContentChecks::Run) DeckValidator(*deck, file).check(result.problems);
    if (result.problems.empty()) {
        deck->index();
        result.deck = std::move(deck);
    }
    return result;
}

DeckLoadResult load_deck_file(const std::filesystem::path& deck_file, const DeckLimits& limits, ContentChecks checks) {
    const std::string file = deck_file.u8string();
    TextFileResult read = read_text_file(deck_file, limits.max_deck_bytes);
    if (!read.error.empty()) return {std::nullopt, {{file, "", read.reason}}};
    const std::filesystem::path folder = articles_folder_for(deck_file);
    return read_deck_checking(
        read.text, file,
        [&](const std::string& name) { return read_text_file(folder / name, limits.max_article_bytes); }, limits,
        checks);
}

}  // namespace

DeckLoadResult load_deck(const std::filesystem::path& deck_file, const DeckLimits& limits) {
    return load_deck_file(deck_file, limits, ContentChecks::Run);
}

DeckLoadResult load_deck_unchecked(const std::filesystem::path& deck_file, const DeckLimits& limits) {
    return load_deck_file(deck_file, limits, ContentChecks::Skip);
}

DeckLoadResult read_deck(std::string_view json, const std::string& file, const ArticleSource& articles,
                         const DeckLimits& limits) {
    return read_deck_checking(json, file, articles, limits, ContentChecks::Run);
}

std::optional<Deck> read_deck_for_editing(std::string_view json, const std::string& file, const ArticleSource& articles,
                                          std::vector<Problem>& problems, const DeckLimits& limits) {
    std::optional<Deck> deck = read_deck_structure(json, file, articles, limits, problems);
    if (deck) deck->index();
    return deck;
}

std::vector<Problem> check_deck(const Deck& deck, const std::string& file) {
    std::vector<Problem> problems;
    DeckValidator(deck, file).check(problems);
    return problems;
}

}  // namespace claimdeck

#include "studio/studio_document.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "base/text_file.hpp"
#include "content/techniques.hpp"

namespace claimdeck {
namespace {

// Enough history for an afternoon's work; each step holds what one edit changed.
constexpr std::size_t kMaxUndoSteps = 300;

template <typename... Cases>
struct Overloaded : Cases... {
    using Cases::operator()...;
};
template <typename... Cases>
Overloaded(Cases...) -> Overloaded<Cases...>;

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The selected bytes, refused when empty, past the end or cutting a character in two.
std::string selected(const std::string& text, Span span) {
    if (span.begin >= span.end || span.end > text.size()) throw std::invalid_argument("Select some words first.");
    if (is_continuation_byte(text[span.begin]) || (span.end < text.size() && is_continuation_byte(text[span.end])))
        throw std::invalid_argument("The selection cuts a character in two; select whole words.");
    return text.substr(span.begin, span.end - span.begin);
}

// Where `quote` now stands in `text`: the occurrence nearest its old place.
std::optional<Span> relocate(const std::string& text, const std::string& quote, Span old) {
    std::optional<Span> best;
    std::size_t from = 0;
    while (from <= text.size()) {
        const std::size_t found = find_text(std::string_view(text).substr(from), quote);
        if (found == std::string::npos) break;
        const Span at{from + found, from + found + quote.size()};
        const auto distance = [&](Span s) { return s.begin > old.begin ? s.begin - old.begin : old.begin - s.begin; };
        if (!best || distance(at) < distance(*best)) best = at;
        from = at.begin + 1;
    }
    return best;
}

template <typename Items, typename Id>
std::vector<std::string> ids_of(const Items& items, Id id) {
    std::vector<std::string> ids;
    for (const auto& item : items) ids.push_back(id(item));
    return ids;
}

std::string typing_key(const std::string& kind, const std::string& id, int field) {
    return kind + "\n" + id + "\n" + std::to_string(field);
}

std::string lower_ascii(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

int version_number(const std::string& typed) {
    const bool digits = !typed.empty() && typed.size() <= 6 &&
                        std::all_of(typed.begin(), typed.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits || std::stoi(typed) < 1)
        throw std::invalid_argument("A deck's version is a whole number, 1 or more, not \"" + typed + "\".");
    return std::stoi(typed);
}

}  // namespace

std::optional<Span> find_words(const std::string& text, const std::string& words, std::size_t from) {
    if (words.empty()) return std::nullopt;
    const std::string haystack = lower_ascii(text);
    const std::string needle = lower_ascii(words);
    from = std::min(from, haystack.size());
    std::size_t found = find_text(std::string_view(haystack).substr(from), needle);
    if (found != std::string::npos)
        found += from;
    else
        found = find_text(haystack, needle);
    if (found == std::string::npos) return std::nullopt;
    return Span{found, found + needle.size()};
}

std::string unique_id(const std::string& title, const std::vector<std::string>& taken) {
    std::string base;
    for (unsigned char c : title) {
        if (std::isalnum(c))
            base += static_cast<char>(std::tolower(c));
        else if (!base.empty() && base.back() != '-')
            base += '-';
        if (base.size() >= 32) break;
    }
    while (!base.empty() && base.back() == '-') base.pop_back();
    if (base.empty()) base = "item";
    std::string id = base;
    for (int n = 2; std::find(taken.begin(), taken.end(), id) != taken.end(); ++n) id = base + "-" + std::to_string(n);
    return id;
}

Deck StudioDocument::empty_deck() {
    Deck deck;
    deck.format_version = kDeckFormatVersion;
    deck.id = "new-deck";
    deck.version = 1;
    deck.title = "New deck";
    deck.language = "en";
    return deck;
}

StudioDocument::StudioDocument(Deck deck) : deck_(std::move(deck)) { deck_.index(); }

void StudioDocument::apply(const StudioEdit& edit) {
    // Keystrokes in one field undo together: only the first of a run keeps
    // the state before it.
    std::optional<std::string> typing;
    if (const auto* set = std::get_if<edit::SetClaimField>(&edit))
        typing = typing_key("claim", set->claim, static_cast<int>(set->field));
    if (const auto* set = std::get_if<edit::SetArticleField>(&edit))
        typing = typing_key("article", set->article, static_cast<int>(set->field));
    if (const auto* set = std::get_if<edit::SetDeckField>(&edit))
        typing = typing_key("deck", "", static_cast<int>(set->field));

    Reversal before = reversal_for(edit);
    try {
        std::visit([this](const auto& chosen) { change(chosen); }, edit);
    } catch (...) {
        reverse(before);
        throw;
    }
    if (reshapes(before)) deck_.index();
    last_change_ = change_made(before, before.topics ? *before.topics : deck_.topics);
    if (!typing || typing != last_typing_) {
        undo_.push_back(std::move(before));
        if (undo_.size() > kMaxUndoSteps) undo_.erase(undo_.begin());
    }
    last_typing_ = typing;
    redo_.clear();
    ++revision_;
}

void StudioDocument::undo() {
    if (undo_.empty()) return;
    Reversal step = std::move(undo_.back());
    undo_.pop_back();
    reverse(step);
    last_change_ = change_made(step, step.topics ? *step.topics : deck_.topics);
    redo_.push_back(std::move(step));
    last_typing_.reset();
    ++revision_;
}

void StudioDocument::redo() {
    if (redo_.empty()) return;
    Reversal step = std::move(redo_.back());
    redo_.pop_back();
    reverse(step);
    last_change_ = change_made(step, step.topics ? *step.topics : deck_.topics);
    undo_.push_back(std::move(step));
    last_typing_.reset();
    ++revision_;
}

template <typename Item>
void StudioDocument::ItemChange<Item>::apply_to(std::vector<Item>& items) {
    if (kind != Kind::Insert && index >= items.size()) return;  // an edit refused before it added its item
    const auto at = items.begin() + static_cast<std::ptrdiff_t>(index);
    switch (kind) {
        case Kind::Replace: std::swap(*at, item); return;
        case Kind::Insert:
            items.insert(at, std::move(item));
            kind = Kind::Erase;
            return;
        case Kind::Erase:
            item = std::move(*at);
            items.erase(at);
            kind = Kind::Insert;
            return;
    }
}

// What `edit` is about to change, copied before it does.
StudioDocument::Reversal StudioDocument::reversal_for(const StudioEdit& edit) const {
    Reversal reversal;
    reversal.lost_quotes = lost_quotes_;
    std::visit(Overloaded{
                   [&](const edit::SetDeckField&) {
                       reversal.fields = DeckFields{deck_.title, deck_.description, deck_.id, deck_.version};
                   },
                   [&](const edit::AddArticle&) {
                       reversal.articles.push_back({ItemChange<Article>::Kind::Erase, deck_.articles.size(), {}});
                   },
                   [&](const edit::SetArticleField& set) {
                       keep_article(reversal, set.article, set.field == ArticleField::Text);
                   },
                   [&](const edit::NewClaim&) {
                       reversal.claims.push_back({ItemChange<Claim>::Kind::Erase, deck_.claims.size(), {}});
                   },
                   [&](const edit::RemoveClaim& remove) {
                       if (const auto index = deck_.claim_index(remove.claim))
                           reversal.claims.push_back({ItemChange<Claim>::Kind::Insert, *index, deck_.claims[*index]});
                   },
                   [&](const edit::SetTopic& set) {
                       keep_claim(reversal, set.claim);
                       reversal.topics = deck_.topics;  // it may add one
                   },
                   [&](const auto& change) { keep_claim(reversal, change.claim); },  // the rest change one claim
               },
               edit);
    return reversal;
}

void StudioDocument::keep_claim(Reversal& reversal, const std::string& id) const {
    if (const auto index = deck_.claim_index(id))
        reversal.claims.push_back({ItemChange<Claim>::Kind::Replace, *index, deck_.claims[*index]});
}

// A new text moves the quotes taken from it: the claims citing it are kept too.
void StudioDocument::keep_article(Reversal& reversal, const std::string& id, bool with_its_quotes) const {
    for (std::size_t i = 0; i < deck_.articles.size(); ++i)
        if (deck_.articles[i].id == id)
            reversal.articles.push_back({ItemChange<Article>::Kind::Replace, i, deck_.articles[i]});
    if (!with_its_quotes) return;
    for (std::size_t i = 0; i < deck_.claims.size(); ++i) {
        const Claim& c = deck_.claims[i];
        const bool cites = c.article == id || std::any_of(c.evidence.begin(), c.evidence.end(),
                                                          [&](const Evidence& e) { return e.article == id; });
        if (cites) reversal.claims.push_back({ItemChange<Claim>::Kind::Replace, i, c});
    }
}

// Puts back what the step holds and keeps, in its place, what was there.
void StudioDocument::reverse(Reversal& step) {
    if (step.fields) {
        std::swap(deck_.title, step.fields->title);
        std::swap(deck_.description, step.fields->description);
        std::swap(deck_.id, step.fields->id);
        std::swap(deck_.version, step.fields->version);
    }
    if (step.topics) std::swap(deck_.topics, *step.topics);
    // In the opposite order to the edit's; the next reverse() is the edit's order again.
    for (auto change = step.articles.rbegin(); change != step.articles.rend(); ++change)
        change->apply_to(deck_.articles);
    std::reverse(step.articles.begin(), step.articles.end());
    for (auto change = step.claims.rbegin(); change != step.claims.rend(); ++change) change->apply_to(deck_.claims);
    std::reverse(step.claims.begin(), step.claims.end());
    std::swap(lost_quotes_, step.lost_quotes);
    if (reshapes(step)) deck_.index();
}

// Whether a step adds or takes away an item, so the deck's indexes must be rebuilt.
bool StudioDocument::reshapes(const Reversal& step) {
    const auto moves = [](const auto& changes) {
        return std::any_of(changes.begin(), changes.end(),
                           [](const auto& c) { return c.kind != decltype(c.kind)::Replace; });
    };
    return step.topics || moves(step.articles) || moves(step.claims);
}

DeckChange StudioDocument::change_made(const Reversal& step, const std::vector<Topic>& topics_before) const {
    using Kind = ItemChange<Claim>::Kind;
    DeckChange made;
    for (const ItemChange<Claim>& claim : step.claims) {
        // The step undoes the change: erasing a claim undoes its insertion.
        const auto done = claim.kind == Kind::Erase    ? DeckChange::ClaimStep::Inserted
                          : claim.kind == Kind::Insert ? DeckChange::ClaimStep::Erased
                                                       : DeckChange::ClaimStep::Replaced;
        made.claims.push_back({done, claim.index});
    }
    for (const ItemChange<Article>& article : step.articles) {
        const bool gone = article.kind == ItemChange<Article>::Kind::Insert;
        if (gone)
            made.articles.push_back(article.item.id);
        else if (article.index < deck_.articles.size())
            made.articles.push_back(deck_.articles[article.index].id);
    }
    const auto declared_in = [](const std::vector<Topic>& topics, const std::string& id) {
        return std::any_of(topics.begin(), topics.end(), [&](const Topic& t) { return t.id == id; });
    };
    for (const Topic& topic : topics_before)
        if (!declared_in(deck_.topics, topic.id)) made.topics.push_back(topic.id);
    for (const Topic& topic : deck_.topics)
        if (!declared_in(topics_before, topic.id)) made.topics.push_back(topic.id);
    return made;
}

Article& StudioDocument::article(const std::string& id) {
    auto found =
        std::find_if(deck_.articles.begin(), deck_.articles.end(), [&](const Article& a) { return a.id == id; });
    if (found == deck_.articles.end()) throw std::invalid_argument("There is no article \"" + id + "\".");
    return *found;
}

Claim& StudioDocument::claim(const std::string& id) {
    const auto index = deck_.claim_index(id);
    if (!index) throw std::invalid_argument("There is no claim \"" + id + "\".");
    return deck_.claims[*index];
}

void StudioDocument::change(const edit::SetDeckField& set) {
    switch (set.field) {
        case DeckField::Title: deck_.title = set.value; return;
        case DeckField::Description: deck_.description = set.value; return;
        case DeckField::Id: deck_.id = set.value; return;
        case DeckField::Version: deck_.version = version_number(set.value); return;
    }
}

void StudioDocument::change(const edit::AddArticle& add) {
    Article article;
    article.title = add.title.empty() ? "Untitled article" : add.title;
    article.id = unique_id(article.title, ids_of(deck_.articles, [](const Article& a) { return a.id; }));
    article.file = article.id + ".txt";
    article.text = add.text;
    deck_.articles.push_back(std::move(article));
}

void StudioDocument::change(const edit::SetArticleField& set) {
    Article& target = article(set.article);
    switch (set.field) {
        case ArticleField::Title: target.title = set.value; return;
        case ArticleField::Byline: target.byline = set.value; return;
        case ArticleField::Provenance: target.provenance = set.value; return;
        case ArticleField::Url: target.url = set.value; return;
        case ArticleField::Published: target.published = set.value; return;
        case ArticleField::Text: set_article_text(target, set.value); return;
    }
}

// Every quote that points into the article follows its words to their new
// place; one whose words are gone keeps its span and is flagged.
void StudioDocument::set_article_text(Article& target, std::string text) {
    target.text = std::move(text);
    auto follow = [&](const std::string& quote, Span& span, LostQuote lost) {
        lost_quotes_.erase(
            std::remove_if(lost_quotes_.begin(), lost_quotes_.end(),
                           [&](const LostQuote& q) { return q.claim == lost.claim && q.evidence == lost.evidence; }),
            lost_quotes_.end());
        if (const auto moved = relocate(target.text, quote, span))
            span = *moved;
        else
            lost_quotes_.push_back(std::move(lost));
    };
    for (Claim& c : deck_.claims) {
        if (c.article == target.id) follow(c.quote, c.span, {c.id, std::nullopt});
        for (std::size_t i = 0; i < c.evidence.size(); ++i)
            if (c.evidence[i].article == target.id) follow(c.evidence[i].quote, c.evidence[i].span, {c.id, i});
    }
}

void StudioDocument::change(const edit::NewClaim& create) {
    const Article& source = article(create.article);
    Claim made;
    made.quote = selected(source.text, create.selection);
    made.span = create.selection;
    made.article = source.id;
    made.id = unique_id(source.id + "-" + std::to_string(deck_.claims.size() + 1),
                        ids_of(deck_.claims, [](const Claim& c) { return c.id; }));
    made.text = made.quote;  // a start; the editor rewrites it as the card's assertion
    if (!deck_.topics.empty()) made.topic = deck_.topics.front().id;
    last_new_claim_ = made.id;
    deck_.claims.push_back(std::move(made));
}

void StudioDocument::change(const edit::SetClaimField& set) {
    Claim& target = claim(set.claim);
    switch (set.field) {
        case ClaimField::Text: target.text = set.value; return;
        case ClaimField::Rationale: target.rationale = set.value; return;
        case ClaimField::KnownNow: target.known_now = set.value; return;
    }
}

void StudioDocument::change(const edit::SetVerdict& set) { claim(set.claim).verdict = set.verdict; }

void StudioDocument::change(const edit::SetTopic& set) {
    Claim& target = claim(set.claim);
    if (set.topic.empty()) throw std::invalid_argument("Name the topic first.");
    auto found = std::find_if(deck_.topics.begin(), deck_.topics.end(),
                              [&](const Topic& t) { return t.id == set.topic || t.title == set.topic; });
    if (found == deck_.topics.end()) {
        deck_.topics.push_back(
            {unique_id(set.topic, ids_of(deck_.topics, [](const Topic& t) { return t.id; })), set.topic});
        found = deck_.topics.end() - 1;
    }
    target.topic = found->id;
}

void StudioDocument::change(const edit::AddTechniqueWords& add) {
    Claim& target = claim(add.claim);
    if (!find_technique(add.technique))
        throw std::invalid_argument("\"" + add.technique + "\" is not one of the 18 techniques.");
    const std::string words = selected(target.quote, add.in_quote);
    auto use = std::find_if(target.techniques.begin(), target.techniques.end(),
                            [&](const TechniqueUse& u) { return u.name == add.technique; });
    if (use == target.techniques.end()) use = target.techniques.insert(target.techniques.end(), {add.technique, {}});
    if (std::find(use->words.begin(), use->words.end(), words) == use->words.end()) use->words.push_back(words);
}

void StudioDocument::change(const edit::RemoveTechnique& remove) {
    Claim& target = claim(remove.claim);
    if (remove.index >= target.techniques.size()) throw std::invalid_argument("That technique is already gone.");
    target.techniques.erase(target.techniques.begin() + static_cast<std::ptrdiff_t>(remove.index));
}

void StudioDocument::change(const edit::AddEvidence& add) {
    Claim& target = claim(add.claim);
    if (add.article == target.article)
        throw std::invalid_argument("Evidence comes from another article than the claim's own.");
    const Article& source = article(add.article);
    target.evidence.push_back({source.id, selected(source.text, add.selection), add.selection, add.stance});
}

void StudioDocument::change(const edit::RemoveEvidence& remove) {
    Claim& target = claim(remove.claim);
    if (remove.index >= target.evidence.size()) throw std::invalid_argument("That evidence is already gone.");
    target.evidence.erase(target.evidence.begin() + static_cast<std::ptrdiff_t>(remove.index));
}

void StudioDocument::change(const edit::RemoveClaim& remove) {
    claim(remove.claim);  // throws when it is not there
    deck_.claims.erase(deck_.claims.begin() + static_cast<std::ptrdiff_t>(*deck_.claim_index(remove.claim)));
}

// One pass over the claims, whatever the number of topics.
std::vector<TopicOverview> StudioDocument::topic_overview() const {
    std::vector<TopicOverview> overview;
    std::unordered_map<std::string_view, std::size_t> topic_at;
    for (const Topic& topic : deck_.topics) {
        topic_at.emplace(topic.id, overview.size());
        overview.push_back({topic.id, {}, {}, {}});
    }
    std::vector<std::set<std::string_view>> cited(overview.size());
    for (const Claim& c : deck_.claims) {
        const auto found = topic_at.find(c.topic);
        if (found == topic_at.end()) continue;
        overview[found->second].claims.push_back(c.id);
        cited[found->second].insert(c.article);
        for (const Evidence& e : c.evidence) cited[found->second].insert(e.article);
    }
    for (std::size_t i = 0; i < overview.size(); ++i)
        for (const Article& a : deck_.articles)
            (cited[i].count(a.id) ? overview[i].cited_articles : overview[i].uncited_articles).push_back(a.id);
    return overview;
}

}  // namespace claimdeck

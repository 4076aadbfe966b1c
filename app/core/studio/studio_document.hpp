// The deck a teacher is writing in the Studio, with its article texts. Every
// change goes through apply(), one StudioEdit at a time, so undo and redo
// cover all of them and the deck is never changed behind the editor's back.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "content/deck.hpp"

namespace claimdeck {

enum class DeckField { Title, Description, Id, Version };  // Version: a whole number, 1 or more
enum class ArticleField { Title, Byline, Provenance, Url, Published, Text };
enum class ClaimField { Text, Rationale, KnownNow };

namespace edit {
struct SetDeckField {
    DeckField field;
    std::string value;
};
struct AddArticle {  // pasted or opened text; the id comes from the headline
    std::string title;
    std::string text;
};
struct SetArticleField {
    std::string article;
    ArticleField field;
    std::string value;
};
struct NewClaim {  // from words selected in an article: the quote is exactly those bytes
    std::string article;
    Span selection;
};
struct SetClaimField {
    std::string claim;
    ClaimField field;
    std::string value;
};
struct SetVerdict {
    std::string claim;
    Verdict verdict;
};
struct SetTopic {  // an existing topic's id or title, or the title of a new one
    std::string claim;
    std::string topic;
};
struct AddTechniqueWords {  // words selected inside the claim's quote
    std::string claim;
    std::string technique;
    Span in_quote;
};
struct RemoveTechnique {
    std::string claim;
    std::size_t index;
};
struct AddEvidence {  // words selected in another article
    std::string claim;
    std::string article;
    Span selection;
    Stance stance;
};
struct RemoveEvidence {
    std::string claim;
    std::size_t index;
};
struct RemoveClaim {
    std::string claim;
};
}  // namespace edit

using StudioEdit = std::variant<edit::SetDeckField, edit::AddArticle, edit::SetArticleField, edit::NewClaim,
                                edit::SetClaimField, edit::SetVerdict, edit::SetTopic, edit::AddTechniqueWords,
                                edit::RemoveTechnique, edit::AddEvidence, edit::RemoveEvidence, edit::RemoveClaim>;

// A claim or evidence entry whose quote is no longer in its article after the
// article's text was edited: the editor must select it again.
struct LostQuote {
    std::string claim;
    std::optional<std::size_t> evidence;  // absent: the claim's own quote
};

// One topic across the deck: who says what about the fact, and which
// articles say nothing yet (house style: one entry per other article).
struct TopicOverview {
    std::string topic;
    std::vector<std::string> claims;          // ids
    std::vector<std::string> cited_articles;  // by a claim or an evidence entry
    std::vector<std::string> uncited_articles;
};

// What one apply(), undo() or redo() changed, for whoever keeps results per
// claim (the live checks): which claims, articles and topics to look at again.
struct DeckChange {
    enum class ClaimStep { Replaced, Inserted, Erased };
    struct ClaimChange {
        ClaimStep step;
        std::size_t index;  // where the claim now is, or was before it was erased
    };
    std::vector<ClaimChange> claims;    // in the order they were made
    std::vector<std::string> articles;  // ids of articles changed, added or taken away
    std::vector<std::string> topics;    // ids of topics added or taken away
};

class StudioDocument {
public:
    explicit StudioDocument(Deck deck = empty_deck());
    static Deck empty_deck();

    const Deck& deck() const { return deck_; }
    // Changes the deck; throws std::invalid_argument (with a sentence for
    // the editor) when the edit cannot be made, leaving the deck as it was.
    void apply(const StudioEdit& change);
    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }
    void undo();
    void redo();

    // Goes up by one with every change, undo and redo: a cheap "has it changed".
    std::uint64_t revision() const { return revision_; }
    // The id of the claim the last NewClaim made.
    const std::string& last_new_claim() const { return last_new_claim_; }
    const std::vector<LostQuote>& lost_quotes() const { return lost_quotes_; }
    const DeckChange& last_change() const { return last_change_; }

    std::vector<TopicOverview> topic_overview() const;

private:
    // One undo step: the parts of the deck an edit changed, as they were.
    // Applying it puts them back and turns it into the step that redoes the
    // edit, so a step holds a claim or an article, never the whole deck.
    template <typename Item>
    struct ItemChange {
        enum class Kind { Replace, Insert, Erase };
        Kind kind;
        std::size_t index;
        Item item;  // Replace: the other version; Insert: the item to put back
        void apply_to(std::vector<Item>& items);
    };
    struct DeckFields {
        std::string title, description, id;
        int version = 0;
    };
    struct Reversal {
        std::optional<DeckFields> fields;
        std::optional<std::vector<Topic>> topics;
        std::vector<ItemChange<Article>> articles;
        std::vector<ItemChange<Claim>> claims;
        std::vector<LostQuote> lost_quotes;
    };
    Reversal reversal_for(const StudioEdit& edit) const;
    void keep_claim(Reversal& reversal, const std::string& id) const;
    void keep_article(Reversal& reversal, const std::string& id, bool with_its_quotes) const;
    void reverse(Reversal& step);
    static bool reshapes(const Reversal& step);
    // `step` holds what was there before: the reversal of the change just made.
    DeckChange change_made(const Reversal& step, const std::vector<Topic>& topics_before) const;
    void change(const edit::SetDeckField& set);
    void change(const edit::AddArticle& add);
    void change(const edit::SetArticleField& set);
    void change(const edit::NewClaim& create);
    void change(const edit::SetClaimField& set);
    void change(const edit::SetVerdict& set);
    void change(const edit::SetTopic& set);
    void change(const edit::AddTechniqueWords& add);
    void change(const edit::RemoveTechnique& remove);
    void change(const edit::AddEvidence& add);
    void change(const edit::RemoveEvidence& remove);
    void change(const edit::RemoveClaim& remove);

    Article& article(const std::string& id);
    Claim& claim(const std::string& id);
    void set_article_text(Article& article, std::string text);

    Deck deck_;
    std::vector<LostQuote> lost_quotes_;
    std::vector<Reversal> undo_;
    std::vector<Reversal> redo_;
    std::optional<std::string> last_typing_;  // the field typed into last: its keystrokes undo as one
    std::uint64_t revision_ = 0;
    std::string last_new_claim_;
    DeckChange last_change_;
};

// Where `words` next stand in `text`, searching from byte `from` and then
// from the top; ASCII letters match either case. The Studio's "Find words"
// selects words this way, for whoever does not drag a mouse over them.
std::optional<Span> find_words(const std::string& text, const std::string& words, std::size_t from);

// A lower-case id made of letters, digits and '-' from a title, not yet in `taken`.
std::string unique_id(const std::string& title, const std::vector<std::string>& taken);

}  // namespace claimdeck

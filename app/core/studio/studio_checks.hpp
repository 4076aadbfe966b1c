// The Studio's live checks: every problem the validator and the house style
// find in the deck being written (the checks `claimdeck-cli deck check`
// runs), each tied to the field it concerns so a click can go there.
#pragma once

#include <string>
#include <vector>

#include "base/problems.hpp"
#include "content/cue_audit.hpp"
#include "content/deck.hpp"
#include "content/house_style.hpp"
#include "studio/studio_document.hpp"

namespace claimdeck {

// The field a problem is about, read from its place ("claim \"x\", field \"quote\"").
struct FieldRef {
    enum class Kind { Deck, Article, Topic, Claim };
    Kind kind = Kind::Deck;
    std::string id;     // empty for the deck itself
    std::string field;  // e.g. "quote", "evidence[1]"; empty when the whole item
};
FieldRef field_of(const Problem& problem);

struct StudioProblem {
    Problem problem;
    FieldRef where;
};

// The quotes an article edit lost, then the validator's problems, then the
// house style's: every check run over the whole deck.
std::vector<StudioProblem> studio_checks(const StudioDocument& document, const std::string& file);

// The same problems, in the same order, kept up to date edit by edit: after
// a change only the claims it touched, and those citing an article or topic
// it touched, are checked again; the deck-wide rules read counts kept per
// claim, and the cue audit the cards as last read. A 10,000-claim deck is
// brought up to date in milliseconds rather than checked again whole.
class LiveChecks {
public:
    // Every claim checked afresh, as for a document just opened.
    void check_all(const StudioDocument& document, const std::string& file);
    // After each apply(), undo() or redo() of `document`, in turn: its last_change().
    void update(const StudioDocument& document, const std::string& file);
    const std::vector<StudioProblem>& problems() const { return problems_; }

private:
    // What the checks found in one claim, and what the tallies counted of it.
    struct ClaimResults {
        std::vector<Problem> validator;    // their file is left empty: it is filled in when listed,
        std::vector<Problem> house_style;  // so a new deck id does not make every claim stale
        CardReading card;
        std::string article, topic;
        Verdict verdict = Verdict::Contested;
        bool counted = false;  // in the tallies
        bool stale = true;     // to be checked again
    };
    void follow_claim_changes(const DeckChange& change);
    void mark_claims_citing(const Deck& deck, const DeckChange& change);
    void check_stale_claims(const Deck& deck);
    void uncount(ClaimResults& results);
    void list(const StudioDocument& document, const std::string& file);
    const CueAudit& audit(const Deck& deck);

    std::vector<ClaimResults> claims_;  // one for each claim of the deck, in its order
    ClaimTallies tallies_;
    WordIds word_ids_;
    // The cue audit reads only the cards, their articles and topics, and the
    // deck's lists of these: an edit that changes none of them (a rationale,
    // evidence) keeps it.
    CueAudit audit_;
    bool audit_stale_ = true;
    std::vector<StudioProblem> problems_;
};

}  // namespace claimdeck

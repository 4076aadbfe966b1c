// Where an unfinished study session stands, kept in the progress store (a
// setting of the learner, one per deck) so that closing the app, or
// reloading its page, does not lose the session: its cards in their order,
// how far the learner got, and the answers given so far. The answers
// themselves are in the log already; the snapshot only says which session
// they belong to. It is written after every answer and forgotten when the
// session ends; one from an earlier day is dropped, as that day's session
// would not be chosen again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/verdict.hpp"
#include "content/deck.hpp"
#include "storage/store.hpp"

namespace claimdeck {

enum class SessionKind;

struct SessionSnapshot {
    struct Queued {
        std::string card;
        bool comeback = false;
    };
    struct Answer {
        std::string card;
        Verdict picked = Verdict::Verified;
        Confidence confidence = Confidence::Unstated;
    };
    SessionKind kind{};
    std::int64_t session_id = 0;  // the store's session row; 0 for practice
    std::int64_t day = 0;         // the UTC day it started
    int size = 0;                 // the cards it started with
    int done = 0;                 // how many of them were answered once
    std::vector<Queued> queue;    // the card on screen first
    std::vector<Answer> answers;  // in the order given
};

std::string write_session_snapshot(const SessionSnapshot& snapshot);
// nullopt for text that is not a snapshot, or names a card `deck` lacks.
std::optional<SessionSnapshot> read_session_snapshot(std::string_view json, const Deck& deck);

// In the store: written, read (nullopt when there is none, it cannot be
// read, or it is from a day before `today`) and forgotten.
void keep_session_snapshot(ProgressStore& store, std::int64_t profile_id, const std::string& deck_id,
                           const SessionSnapshot& snapshot);
std::optional<SessionSnapshot> kept_session_snapshot(const ProgressStore& store, std::int64_t profile_id,
                                                     const Deck& deck, std::int64_t today);
void forget_session_snapshot(ProgressStore& store, std::int64_t profile_id, const std::string& deck_id);

}  // namespace claimdeck

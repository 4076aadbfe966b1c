// A pupil in a live class: joins with a code and a nickname, is shown the
// card the class is on, and answers it. Each answer is written to the
// device's progress store before it is sent and stays there until the
// server confirms it; until then it is sent again, with the same key,
// whenever the server could not be reached or asked for a moment (5xx, 429,
// 503). Wi-Fi dropping, a phone asleep, a reload or a server restarted
// loses nothing, and the key makes sure nothing counts twice.
//
// Nothing here blocks or draws: requests go through the platform's
// HttpTransport, and update() collects what came back once a frame.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/verdict.hpp"
#include "live/http_transport.hpp"
#include "storage/store.hpp"

namespace claimdeck::live {

enum class PupilStage {
    Out,      // not in a class: the join form
    Joining,  // the join request is on its way
    Loading,  // joined; the first card is being fetched
    Card,     // a card to answer
    Waiting,  // answered all there is for now: the teacher moves the class on
    Ended     // the teacher ended the class
};

struct PupilCard {
    std::string id;
    std::string text;
    int position = 0;  // from 0
    int count = 0;     // cards in the class
};

enum class AnswerFate { Sending, Saved, Refused };

// The pupil's last answer, as they are told about it.
struct GivenLiveAnswer {
    std::string key;
    std::string card_id;
    Verdict verdict = Verdict::Contested;
    AnswerFate fate = AnswerFate::Sending;
};

// How long the waiting screen goes between asking whether the teacher moved on.
inline constexpr std::int64_t kPollEveryMs = 2000;
// How long a failed answer waits before it is sent again: doubling from the
// first, up to the last (longer when the server says Retry-After).
inline constexpr std::int64_t kFirstRetryMs = 1000;
inline constexpr std::int64_t kLongestRetryMs = 15000;

// The projector's join link ("http://192.168.1.20:8765/?join=ABC123"),
// pasted whole where the server address is asked: its server and its code.
struct JoinLink {
    std::string server;  // "http://192.168.1.20:8765"
    std::string code;
};
// nullopt when `typed` is a plain address, with no join code in it.
std::optional<JoinLink> read_join_link(const std::string& typed);

class PupilClient {
public:
    // `server_address` empty: the server the web page came from.
    using Connect = std::function<std::unique_ptr<HttpTransport>(const std::string& server_address)>;

    // Picks up where this device left off: the class it was in (its card is
    // fetched again) and every answer not confirmed yet (sent again).
    // Throws StoreError when the store cannot be read.
    PupilClient(ProgressStore& store, Connect connect, std::int64_t now_ms);

    // Sends the join request, or says in words why the code or nickname
    // cannot be used (nothing is sent then). `server` may be the whole join
    // link; its code is used when `code` is left empty.
    std::optional<std::string> join(const std::string& server, const std::string& code, const std::string& nickname);
    // Answers the card shown. Kept in the store before it is sent: throws
    // StoreError (nothing sent) when the store refuses it.
    void answer(Verdict verdict, Confidence confidence, std::int64_t now_ms);
    // Back to the join form. Answers not confirmed yet go on being sent.
    void leave();
    // Takes in finished exchanges, sends again what is due, asks for the
    // next card while waiting. Call once a frame; never blocks.
    void update(std::int64_t now_ms);
    // True while an exchange is under way or one is due soon: the frame
    // loop must keep calling update().
    bool wants_updates() const;

    PupilStage stage() const { return stage_; }
    const std::string& class_code() const { return class_code_; }
    const std::string& class_title() const { return class_title_; }
    const std::string& nickname() const { return nickname_; }
    const std::optional<PupilCard>& card() const { return card_; }
    const std::optional<GivenLiveAnswer>& last_answer() const { return last_answer_; }
    // Answers kept on the device that the server has not confirmed yet.
    std::size_t unconfirmed() const { return pending_.size(); }
    // Why the last request was refused, in the server's words; empty when it was not.
    const std::string& problem() const { return problem_; }
    // Empty while the server answers; else why it cannot be reached just now.
    const std::string& connection_problem() const { return connection_problem_; }

private:
    enum class Asked { Join, Card, Answer };
    struct Exchange {
        Asked asked;
        std::string key;  // the answer's, for Asked::Answer
    };
    struct Pending {
        LiveAnswerRow row;
        bool in_flight = false;
        int failures = 0;
        std::int64_t send_at_ms = 0;
    };

    HttpTransport* transport_for(const std::string& server);
    void send(HttpRequest request, Exchange exchange);
    void send_due_answers(std::int64_t now_ms);
    void ask_for_card(std::int64_t now_ms);
    void take(const HttpResponse& response, const Exchange& exchange, std::int64_t now_ms);
    void take_joined(const HttpResponse& response, std::int64_t now_ms);
    void take_card(const HttpResponse& response, std::int64_t now_ms);
    void take_confirmation(const HttpResponse& response, const std::string& key, std::int64_t now_ms);
    bool answered_here(const std::string& card_id) const;
    void forget(const std::string& key, AnswerFate fate);
    void remember_class();

    ProgressStore& store_;
    Connect connect_;
    std::string server_;
    std::unique_ptr<HttpTransport> transport_;
    std::map<HttpTransport::Ticket, Exchange> exchanges_;

    PupilStage stage_ = PupilStage::Out;
    std::string class_code_;
    std::string class_title_;
    std::string nickname_;
    std::string token_;
    std::optional<PupilCard> card_;
    bool asking_for_card_ = false;
    std::int64_t ask_for_card_at_ms_ = 0;
    std::vector<Pending> pending_;
    // This class's cards whose answers the server confirmed: a card view
    // the server sent before an answer was committed, arriving after its
    // confirmation, must not show the card again.
    std::set<std::string> saved_cards_;
    std::optional<GivenLiveAnswer> last_answer_;
    std::string problem_;
    std::string connection_problem_;
};

// "no class has the code ABC123" as a pupil reads it: "No class has the
// code ABC123." The body's JSON error when there is one.
std::string refusal_words(const HttpResponse& response);

}  // namespace claimdeck::live

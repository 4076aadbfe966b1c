// The live class's requests and replies as JSON: what a client sends is read
// strictly (every problem named), what the server answers is written here so
// that the server, the tests and the fuzzer share one definition.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/problems.hpp"
#include "live/live_classes.hpp"

namespace claimdeck {
class Deck;
}

namespace claimdeck::live {

// The largest request body any endpoint reads.
inline constexpr std::size_t kMaxRequestBytes = 64u << 10;

// POST /api/classes. Without `claims`, the class runs on the first `count`
// cards of the server's deck (all of them without `count`); with them (a
// quiz's claims, in its order), on those.
struct ClassRequest {
    std::string title;
    Pace pace = Pace::Teacher;
    std::optional<std::string> deck_id;  // when given, must be the server's deck
    std::vector<std::string> claims;
    std::optional<std::size_t> count;
};

struct JoinRequest {
    std::string code;
    std::string nickname;
};

// Either the request or every problem with it (never both).
template <class Request>
struct Parsed {
    std::optional<Request> request;
    std::vector<Problem> problems;
};

Parsed<ClassRequest> parse_class_request(std::string_view body);
Parsed<JoinRequest> parse_join_request(std::string_view body);
Parsed<Answer> parse_answer_request(std::string_view body);

// The class a request asks for, on `deck`; a LiveError (Invalid or
// Conflict) says why it cannot be run.
NewClass class_on_deck(const ClassRequest& request, const Deck& deck);

// What the app sends: POST /api/classes.
std::string class_request_json(const ClassRequest& request);

// What the server answers, read back by the app's clients. Replies are read
// as strictly as requests: a server of another version says so in problems.
Parsed<ClassState> parse_class_state_reply(std::string_view body);  // class_state_json, class_created_json
Parsed<Dashboard> parse_dashboard_reply(std::string_view body);
Parsed<std::vector<PupilAnswers>> parse_class_answers_reply(std::string_view body);
// The message of an error_json reply; empty when the body is not one.
std::string error_message_of(std::string_view body);

std::string error_json(std::string_view message);
std::string problems_json(const std::vector<Problem>& problems);
std::string class_created_json(const std::string& code, const ClassState& state);
std::string joined_json(const Joined& joined, const ClassState& state);
std::string pupil_view_json(const PupilView& view);
std::string confirmation_json(const Confirmation& confirmation);
std::string class_state_json(const ClassState& state);
std::string dashboard_json(const Dashboard& dashboard);
// GET /api/classes/{code}/answers, the teacher's: each pupil's answers.
std::string class_answers_json(const std::vector<PupilAnswers>& pupils);

}  // namespace claimdeck::live

// libFuzzer target: every reply from claimdeck-server that the teacher's app
// reads (app/core/live/live_json.hpp): a class's state, its dashboard, its
// answers, and an error. A server of another version, or something else
// answering on that port, must never crash the app. Besides crashes, leaks
// and undefined behaviour, it checks that each read gives a reply or
// problems (never both, never neither), that every problem has a message,
// and that a reply that was read, written again as the server writes it,
// reads back: the reader accepts everything the writer makes of it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "live/live_json.hpp"

namespace {

using claimdeck::fuzz::fail;

// The reply read from `body`, if any, after the checks every read shares.
template <class Reply>
const std::optional<Reply>& checked(const claimdeck::live::Parsed<Reply>& parsed) {
    if (parsed.request.has_value() == !parsed.problems.empty()) fail("a reply and problems, or neither");
    for (const claimdeck::Problem& problem : parsed.problems)
        if (problem.message.empty()) fail("a problem without a message");
    return parsed.request;
}

template <class Reply, class Read, class Write>
void check_round_trip(std::string_view body, Read read, Write write) {
    const claimdeck::live::Parsed<Reply> parsed = read(body);
    if (const std::optional<Reply>& reply = checked(parsed))
        if (!checked(read(write(*reply))).has_value()) fail("a reply that was read does not read back once written");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace claimdeck::live;
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    check_round_trip<ClassState>(body, parse_class_state_reply, class_state_json);
    check_round_trip<Dashboard>(body, parse_dashboard_reply, dashboard_json);
    check_round_trip<std::vector<PupilAnswers>>(body, parse_class_answers_reply, class_answers_json);
    const std::string message = error_message_of(body);
    if (!message.empty() && error_message_of(error_json(message)) != message)
        fail("an error message that was read does not read back once written");
    return 0;
}

// libFuzzer target: every request body claimdeck-server parses
// (app/core/live/live_json.hpp): a class, a join and an answer. Besides
// crashes, leaks and undefined behaviour, it checks that each parse gives a
// request or problems (never both, never neither), that every problem has a
// message, that the JSON error sent back is one valid JSON object, and that
// an answer that was read keeps to the limits the store relies on.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "base/json_library.hpp"
#include "fuzz_support.hpp"
#include "live/live_json.hpp"

namespace {

using claimdeck::fuzz::fail;

template <class Request>
void check(const claimdeck::live::Parsed<Request>& parsed) {
    if (parsed.request.has_value() == !parsed.problems.empty()) fail("a request and problems, or neither");
    for (const claimdeck::Problem& problem : parsed.problems)
        if (problem.message.empty()) fail("a problem without a message");
    if (parsed.request) return;
    const std::string error = claimdeck::live::problems_json(parsed.problems);
    rapidjson::Document document;
    document.Parse(error.c_str(), error.size());
    if (document.HasParseError() || !document.IsObject() || !document.HasMember("error"))
        fail("the JSON error is not a JSON object with an error");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    check(claimdeck::live::parse_class_request(body));
    check(claimdeck::live::parse_join_request(body));
    const auto answer = claimdeck::live::parse_answer_request(body);
    check(answer);
    if (answer.request && (answer.request->key.empty() || answer.request->key.size() > claimdeck::live::kMaxKeyBytes))
        fail("an answer was read with a key outside the limits");
    return 0;
}

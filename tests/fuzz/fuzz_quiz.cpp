// libFuzzer target: parse_quiz() on an untrusted quiz file (app/core/quiz.hpp).
// Besides crashes, leaks and undefined behaviour, it checks that a quiz comes
// back only without problems, and that a quiz that was read writes out to a
// file that reads back as the same quiz.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "classroom/quiz.hpp"
#include "fuzz_support.hpp"

namespace {

using claimdeck::fuzz::fail;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view json(reinterpret_cast<const char*>(data), size);
    const claimdeck::QuizLoadResult result = claimdeck::parse_quiz(json, "fuzz.quiz.json");
    if (result.quiz.has_value() == !result.problems.empty()) fail("a quiz and problems, or neither");
    for (const claimdeck::Problem& problem : result.problems)
        if (problem.message.empty()) fail("a problem without a message");
    if (!result.quiz) return 0;
    const std::string written = claimdeck::quiz_to_json(*result.quiz);
    const claimdeck::QuizLoadResult again = claimdeck::parse_quiz(written, "again.quiz.json");
    if (!again.quiz) {
        std::fprintf(stderr, "%s\n", claimdeck::describe_all(again.problems).c_str());
        fail("a quiz that was read does not read back after writing");
    }
    if (!(*again.quiz == *result.quiz)) fail("a quiz changes when written and read back");
    return 0;
}

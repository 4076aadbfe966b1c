// libFuzzer target: parse_results() on an untrusted results file
// (app/core/results.hpp). Besides crashes, leaks and undefined behaviour, it
// checks that results come back only without problems (so only with a
// matching checksum), and that results that were read write out to a file
// that reads back as the same results.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "classroom/results.hpp"
#include "fuzz_support.hpp"

namespace {

using claimdeck::fuzz::fail;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view json(reinterpret_cast<const char*>(data), size);
    const claimdeck::ResultsLoadResult result = claimdeck::parse_results(json, "fuzz.results.json");
    if (result.results.has_value() == !result.problems.empty()) fail("results and problems, or neither");
    for (const claimdeck::Problem& problem : result.problems)
        if (problem.message.empty()) fail("a problem without a message");
    if (!result.results) return 0;
    const std::string written = claimdeck::results_to_json(*result.results);
    const claimdeck::ResultsLoadResult again = claimdeck::parse_results(written, "again.results.json");
    if (!again.results) {
        std::fprintf(stderr, "%s\n", claimdeck::describe_all(again.problems).c_str());
        fail("results that were read do not read back after writing");
    }
    if (!(*again.results == *result.results)) fail("results change when written and read back");
    return 0;
}

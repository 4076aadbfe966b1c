// libFuzzer target: replay_reviews() on an untrusted review CSV.
//
// The input is the CSV. An input whose first line is `#retention=X` replays
// with desired retention X (that line is not part of the CSV), so the
// retention check and the scheduler's arithmetic at extreme retentions are
// fuzzed too. Besides crashes, leaks and undefined behaviour, the target
// checks the contract of replay.hpp: on success nothing goes to err; on
// failure nothing goes to out and err holds one line.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "learning/replay.hpp"

namespace {

using claimdeck::fuzz::fail;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    double retention = 0.9;
    constexpr std::string_view kRetention = "#retention=";
    if (input.substr(0, kRetention.size()) == kRetention) {
        const std::size_t end = input.find('\n');
        const std::string value(input.substr(
            kRetention.size(), end == std::string_view::npos ? std::string_view::npos : end - kRetention.size()));
        char* parsed_end = nullptr;
        retention = std::strtod(value.c_str(), &parsed_end);
        input.remove_prefix(end == std::string_view::npos ? input.size() : end + 1);
    }
    // Small limits, so that the fuzzer reaches them.
    claimdeck::ReplayLimits limits;
    limits.max_line_bytes = 200;
    limits.max_rows = 64;

    std::istringstream in{std::string(input)};
    std::ostringstream out, err;
    const int status = claimdeck::replay_reviews(in, "fuzz.csv", out, err, retention, limits);
    const std::string out_text = out.str(), err_text = err.str();
    if (status == 0) {
        if (!err_text.empty()) fail("success with an error message");
        if (out_text.rfind("card,reviewed_at,rating,elapsed_days,stability,difficulty,interval_days\n", 0) != 0)
            fail("success without the output header");
    } else {
        if (status != 1) fail("a status other than 0 or 1");
        if (!out_text.empty()) fail("failure with output");
        if (err_text.empty() || err_text.back() != '\n' || err_text.find('\n') != err_text.size() - 1)
            fail("failure without exactly one error line");
    }
    return 0;
}

// libFuzzer target: check_json_shape() and FieldReader on untrusted JSON.
//
// The input is a JSON document, read with read_json_object() (shape check,
// then FieldReader over the parsed document) using a generic schema: fields
// "s" (text), "i" (number), "b" (true/false), "ss" (texts), "is" (numbers)
// and "o" (objects, each read with the same schema, four levels deep), each
// read twice in an order chosen by a field of the document itself. It checks
// what json_input.hpp promises: every missing or mistyped required field
// becomes a Problem, nothing read passes the caps, and the reader never
// throws. The input is also checked with the shape check alone, under
// tighter limits.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "base/json_input.hpp"
#include "fuzz_support.hpp"

namespace {

constexpr std::size_t kMaxStringBytes = 256;
constexpr std::size_t kMaxItems = 16;
constexpr int kMaxDepth = 4;

using claimdeck::fuzz::fail;

void read_object(claimdeck::FieldReader& fields, int depth) {
    using claimdeck::Presence;
    const Presence presence = depth % 2 == 0 ? Presence::Required : Presence::Optional;
    std::int64_t order = 0;
    fields.read_int("n", order, Presence::Optional);
    for (int pass = 0; pass < 2; ++pass) {
        for (int step = 0; step < 6; ++step) {
            const auto which = (static_cast<std::uint64_t>(order) + static_cast<std::uint64_t>(step + pass)) % 6;
            std::string text;
            std::int64_t number = 0;
            std::vector<std::string> texts;
            std::vector<std::int64_t> numbers;
            const std::size_t before = fields.problem_count();
            bool read = false;
            bool flag = false;
            switch (which) {
                case 0: read = fields.read_string("s", text, presence); break;
                case 1: read = fields.read_int("i", number, presence); break;
                case 2: read = fields.read_strings("ss", texts, kMaxItems, presence); break;
                case 3: read = fields.read_ints("is", numbers, kMaxItems, presence); break;
                case 4: read = fields.read_bool("b", flag, presence); break;
                default:
                    if (depth < kMaxDepth)
                        fields.read_objects(
                            "o", kMaxItems,
                            [&](claimdeck::FieldReader& item, std::size_t) { read_object(item, depth + 1); }, presence);
                    read = true;
                    break;
            }
            if (which == 0 && read && text.size() > kMaxStringBytes) fail("a text past the cap was read");
            for (const std::string& item : texts)
                if (read && item.size() > kMaxStringBytes) fail("a list item past the cap was read");
            if ((which == 2 && texts.size() > kMaxItems) || (which == 3 && numbers.size() > kMaxItems))
                fail("a list past the cap was read");
            if (which < 5 && !read && presence == Presence::Required && !fields.has_problems_since(before))
                fail("a required field failed without a problem");
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view json(reinterpret_cast<const char*>(data), size);
    // The shape check alone, with the limits of quiz and results files.
    if (auto problem = claimdeck::check_json_shape(json, "tight.json", claimdeck::JsonShapeLimits{4, 64}))
        if (problem->message.empty() || problem->place.empty()) fail("a shape problem without place or message");

    claimdeck::JsonShapeLimits limits;
    limits.max_depth = 8;
    limits.max_string_bytes = kMaxStringBytes;
    std::vector<claimdeck::Problem> problems;
    bool called = false;
    const bool parsed =
        claimdeck::read_json_object(json, "fuzz.json", limits, problems, [&](claimdeck::FieldReader& fields) {
            called = true;
            read_object(fields, 0);
        });
    if (parsed != called) fail("read_json_object's result does not say whether it read");
    if (!parsed && problems.empty()) fail("a refused document without a problem");
    for (const claimdeck::Problem& problem : problems)
        if (problem.message.empty()) fail("a problem without a message");
    return 0;
}

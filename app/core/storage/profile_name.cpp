#include "storage/profile_name.hpp"

#include <cctype>

#include "base/printable.hpp"

namespace claimdeck {
namespace {

std::size_t letters_in(std::string_view utf8) {
    std::size_t letters = 0;
    for (unsigned char byte : utf8) letters += (byte & 0xC0) != 0x80 ? 1 : 0;
    return letters;
}

}  // namespace

std::string trimmed_profile_name(std::string_view name) {
    auto blank = [](unsigned char c) { return std::isspace(c) != 0; };
    while (!name.empty() && blank(name.front())) name.remove_prefix(1);
    while (!name.empty() && blank(name.back())) name.remove_suffix(1);
    return std::string(name);
}

std::string profile_name_problem(std::string_view name) {
    const std::string clean = trimmed_profile_name(name);
    if (clean.empty()) return "Type a name first.";
    if (letters_in(clean) > kMaxProfileNameLetters)
        return "That name is too long; keep it under " + std::to_string(kMaxProfileNameLetters) + " letters.";
    // printable() changes exactly the characters a name must not hold (and
    // newlines and tabs, which it keeps, are refused here too).
    if (printable(clean) != clean || clean.find_first_of("\n\t") != std::string::npos)
        return "A name cannot hold line breaks, other control characters or text direction overrides.";
    return "";
}

}  // namespace claimdeck

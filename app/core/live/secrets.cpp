#include "live/secrets.hpp"

#include <cctype>
#include <cstdio>
#include <random>

namespace claimdeck::live {
namespace {

// std::random_device reads the kernel's random source on Linux (getrandom or
// /dev/urandom), which is what secrets need; a seeded engine would not do.
unsigned random_below(unsigned bound) {
    static thread_local std::random_device source;
    return std::uniform_int_distribution<unsigned>(0, bound - 1)(source);
}

}  // namespace

std::string make_join_code() {
    std::string code;
    for (std::size_t i = 0; i < kJoinCodeLength; ++i)
        code += kJoinCodeLetters[random_below(static_cast<unsigned>(kJoinCodeLetters.size()))];
    return code;
}

std::optional<std::string> normalize_join_code(std::string_view typed) {
    std::string code;
    for (char c : typed) {
        if (c == ' ' || c == '-') continue;
        const char letter = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (kJoinCodeLetters.find(letter) == std::string_view::npos) return std::nullopt;
        code += letter;
    }
    if (code.size() != kJoinCodeLength) return std::nullopt;
    return code;
}

std::string make_secret(std::size_t bytes) {
    std::string hex;
    for (std::size_t i = 0; i < bytes; ++i) {
        char digits[3];
        std::snprintf(digits, sizeof digits, "%02x", random_below(256));
        hex += digits;
    }
    return hex;
}

}  // namespace claimdeck::live

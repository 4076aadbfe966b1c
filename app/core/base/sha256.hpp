// SHA-256 (FIPS 180-4), for storing secrets that must be checked but never
// shown again: the live class's teacher key and pupil tokens. They are long
// random strings, so a plain hash is enough; a password would need a slow,
// salted one.
#pragma once

#include <string>
#include <string_view>

namespace claimdeck {

// The digest of `data` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

}  // namespace claimdeck

// The random strings a live class hands out: join codes a pupil types from a
// projector, and the keys and tokens that prove who is asking.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace claimdeck::live {

// Letters nobody confuses when read off a wall across a classroom: no I/L/1,
// O/Q/0, S/5, Z/2, B/8, G/6.
inline constexpr std::string_view kJoinCodeLetters = "ACDEFHJKMNPRTUVWXY";
inline constexpr std::size_t kJoinCodeLength = 6;

// A fresh join code from the operating system's random source.
std::string make_join_code();
// The code as typed ("ack-dhx", " ACK DHX ") in its stored form ("ACKDHX"),
// or nullopt when it cannot be a join code.
std::optional<std::string> normalize_join_code(std::string_view typed);

// `bytes` random bytes from the operating system, as hex: a teacher key or a
// pupil token. Shown once, stored only as its SHA-256.
std::string make_secret(std::size_t bytes = 16);

}  // namespace claimdeck::live

// What the live server harness does when something it needs is missing (a
// server that prints no address, PostgreSQL not installed): it throws, so a
// doctest test fails with the message and the load benchmark stops with it.
#pragma once

#include <stdexcept>
#include <string>

namespace claimdeck::testing {

inline void harness_require(bool ok, const std::string& what) {
    if (!ok) throw std::runtime_error(what);
}

}  // namespace claimdeck::testing

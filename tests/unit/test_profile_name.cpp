// The rules for a learner's name, shared by the app, claimdeck-cli and
// progress import (reliability report 3.23, 3.24).
#include <doctest/doctest.h>

#include <string>

#include "storage/profile_name.hpp"

using namespace claimdeck;

TEST_CASE("a name is trimmed, and must not be empty once trimmed") {
    CHECK(trimmed_profile_name("  Ana Lee \t") == "Ana Lee");
    CHECK(profile_name_problem("Ana Lee").empty());
    CHECK(profile_name_problem("") == "Type a name first.");
    CHECK(profile_name_problem("   ") == "Type a name first.");
}

TEST_CASE("the length cap counts letters, not bytes") {
    CHECK(profile_name_problem(std::string(40, 'x')).empty());
    CHECK(profile_name_problem(std::string(41, 'x')) == "That name is too long; keep it under 40 letters.");
    std::string cyrillic;
    for (int i = 0; i < 40; ++i) cyrillic += "\xD0\x94";  // Д: 80 bytes, 40 letters
    CHECK(profile_name_problem(cyrillic).empty());
    CHECK_FALSE(profile_name_problem(std::string(10240, 'x')).empty());
}

TEST_CASE("control characters and direction overrides are refused") {
    for (const std::string& name : {std::string("Line1\nLine2"), std::string("a\tb"), std::string("x\x1b[2J"),
                                    std::string("abc\xE2\x80\xAEgpj.exe"), std::string("bad\xFFutf8")}) {
        CAPTURE(name);
        CHECK(profile_name_problem(name).find("cannot hold") != std::string::npos);
    }
}

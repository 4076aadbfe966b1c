// printable(): untrusted text made safe for a terminal or a spreadsheet.
#include <doctest/doctest.h>

#include "base/printable.hpp"

using claimdeck::printable;

TEST_CASE("escape sequences and other control characters become visible escapes") {
    CHECK(printable("\x1b[2Jcleared") == "\\x1b[2Jcleared");
    CHECK(printable("\x1b]0;TITLE\x07") == "\\x1b]0;TITLE\\x07");
    CHECK(printable("\x1b]52;c;cm0gLXJmIH4=\x1b\\") == "\\x1b]52;c;cm0gLXJmIH4=\\x1b\\");
    CHECK(printable(std::string("nul\0byte", 8)) == "nul\\x00byte");
    CHECK(printable("over\rwrite\x7f") == "over\\x0dwrite\\x7f");
    CHECK(printable("\xC2\x9B"
                    "31m") == "\\u009b31m");  // C1 CSI, as UTF-8
}

TEST_CASE("bidirectional overrides are shown, so names read in their stored order") {
    CHECK(printable("abc\xE2\x80\xAEgpj.exe") == "abc\\u202egpj.exe");
    CHECK(printable("\xE2\x81\xA6x\xE2\x81\xA9") == "\\u2066x\\u2069");
}

TEST_CASE("bytes that are not UTF-8 become U+FFFD") {
    CHECK(printable("a\xFF"
                    "b") ==
          "a\xEF\xBF\xBD"
          "b");
    CHECK(printable("cut \xE2\x80") == "cut \xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("ordinary text, newlines, tabs and other scripts pass unchanged") {
    const std::string text = "Lions of Panjshir — “350 killed”\n\tДа, ☃ データ %s ${HOME}";
    CHECK(printable(text) == text);
}

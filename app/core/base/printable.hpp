// Text from files other people made (decks, quiz and results files, progress
// files) made harmless to print in a terminal or a spreadsheet.
#pragma once

#include <string>
#include <string_view>

namespace claimdeck {

// C0 and C1 control characters other than newline and tab, DEL, and the
// bidirectional controls become visible escapes such as \x1b or \u202e;
// bytes that are not UTF-8 become U+FFFD. Printed, the text can then not
// clear the screen, set the window title, write the clipboard (OSC 52) or
// show its words in another order than they are stored.
std::string printable(std::string_view text);

}  // namespace claimdeck

// Where the decks and articles that come with ClaimDeck are.
#pragma once

#include <filesystem>

namespace claimdeck::desktop {

// The bundled content folder (decks/ and articles/). An installed copy keeps
// it at a fixed place relative to its programs (<prefix>/bin/claimdeck finds
// <prefix>/share/claimdeck/content), so the same binaries work under /usr,
// /usr/local or an unpacked .deb; a developer build, which has no such
// folder beside it, uses the source tree's content/ it was compiled from.
std::filesystem::path bundled_content_dir();

// The deck Home opens first and the commands study without --deck.
std::filesystem::path bundled_deck_path();

// The rule behind bundled_content_dir() for a program in `program_dir`
// (empty when the system cannot say where the program is) built from the
// source tree whose content folder is `source`.
std::filesystem::path bundled_content_dir_for(const std::filesystem::path& program_dir,
                                              const std::filesystem::path& source);

}  // namespace claimdeck::desktop

// Where the decks and articles that come with ClaimDeck are.
#pragma once

#include <filesystem>
#include <vector>

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

// Where the web app (platform/web's site folder, which claimdeck-server
// gives to phones) may be, best first: share/claimdeck/web as installed
// beside the programs' bin/, then the one this build's browser tests made
// (<build>/web/site), then the one ./dev web made (build-web/site in the
// sources).
std::vector<std::filesystem::path> web_app_folders();

// The first of `folders` that holds a web app (its index.html); empty when none does.
std::filesystem::path first_web_app(const std::vector<std::filesystem::path>& folders);

}  // namespace claimdeck::desktop

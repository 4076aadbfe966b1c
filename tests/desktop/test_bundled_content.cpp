// Where the programs look for the bundled decks and the web app: beside
// themselves when installed, else in the source tree a developer build came
// from. (The packaging tests run the really installed programs.)
#include <doctest/doctest.h>

#include "../unit/temp_dir.hpp"
#include "bundled_content.hpp"

using claimdeck::desktop::bundled_content_dir_for;
using claimdeck::desktop::first_web_app;
using claimdeck::desktop::web_app_folders;
using claimdeck::testing::TempDir;

TEST_CASE("an installed program finds the content in share/claimdeck beside its bin folder") {
    TempDir root;
    root.write("usr/share/claimdeck/content/decks/deck.json", "{}");
    TempDir source;
    CHECK(bundled_content_dir_for(root / "usr/bin", source.path()) == root / "usr/share/claimdeck/content");
}

TEST_CASE("a program with no installed content beside it uses the source tree's content") {
    TempDir build;
    TempDir source;
    CHECK(bundled_content_dir_for(build / "app/cli", source.path()) == source.path());
}

TEST_CASE("an installed program whose content is gone names the installed place, not a missing source tree") {
    TempDir root;
    const std::filesystem::path gone_source = root / "source-tree-of-another-machine/content";
    CHECK(bundled_content_dir_for(root / "usr/bin", gone_source) == root / "usr/share/claimdeck/content");
}

TEST_CASE("a program that cannot tell where it is uses the source tree's content, never a path from where it runs") {
    TempDir root;
    const std::filesystem::path gone_source = root / "source-tree-of-another-machine/content";
    CHECK(bundled_content_dir_for({}, gone_source) == gone_source);
}

TEST_CASE("the web app is looked for where it is installed beside the program first, then where it is built") {
    const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe");
    const std::vector<std::filesystem::path> folders = web_app_folders();
    REQUIRE(folders.size() == 3);
    CHECK(folders.front() == (program.parent_path() / "../share/claimdeck/web").lexically_normal());
    CHECK(folders.back().filename() == "site");
    CHECK(folders.back().parent_path().filename() == "build-web");
}

TEST_CASE("the web app served is the first folder that holds an index.html, and none when no folder does") {
    TempDir root;
    root.write("empty/readme.txt", "no web app here");
    root.write("built/index.html", "<title>ClaimDeck</title>");
    root.write("later/index.html", "<title>ClaimDeck</title>");
    CHECK(first_web_app({root / "missing", root / "empty", root / "built", root / "later"}) == root / "built");
    CHECK(first_web_app({root / "missing", root / "empty"}).empty());
}

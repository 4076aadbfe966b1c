// Where the programs look for the bundled decks: beside themselves when
// installed, else in the source tree a developer build came from. (The
// packaging tests run the really installed programs.)
#include <doctest/doctest.h>

#include "../unit/temp_dir.hpp"
#include "bundled_content.hpp"

using claimdeck::desktop::bundled_content_dir_for;
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

// libFuzzer target: load_deck() on an untrusted deck file.
//
// The input is the deck's JSON. It is written to <tmp>/decks/x.json beside an
// articles/ folder holding the two articles of tests/data/mini-deck (so the
// seed corpus holds decks that load), plus a file that no deck may reach.
// Besides crashes, leaks and undefined behaviour, the target checks what
// load_deck promises: a deck comes back only with no problems, every quote it
// holds stands in its article at its span, and no article text comes from
// outside the articles folder.
#include <stdlib.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "content/deck.hpp"
#include "fuzz_support.hpp"

namespace fs = std::filesystem;

namespace {

constexpr const char* kSecret = "SECRET: this file lies outside the articles folder.\n";

using claimdeck::fuzz::fail;

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_all(const fs::path& path, const char* data, std::size_t size) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(data, static_cast<std::streamsize>(size));
}

// One folder per fuzzing process, removed when it exits normally.
class Workspace {
public:
    Workspace() : root_(scratch_.path()) {
        fs::create_directories(root_ / "decks");
        fs::create_directories(root_ / "articles");
        const fs::path source = CLAIMDECK_FUZZ_ARTICLES_DIR;
        for (const char* name : {"a.txt", "b.txt"}) {
            const std::string text = read_all(source / name);
            if (text.empty()) fail("cannot read the seed articles");
            write_all(root_ / "articles" / name, text.data(), text.size());
        }
        // Files a deck must never reach: beside the deck, in the root and
        // under a name that looks like an article.
        write_all(root_ / "secret.txt", kSecret, std::char_traits<char>::length(kSecret));
        write_all(root_ / "decks" / "secret.txt", kSecret, std::char_traits<char>::length(kSecret));
        deck_file_ = root_ / "decks" / "x.json";
    }
    const fs::path& deck_file() const { return deck_file_; }

private:
    claimdeck::fuzz::ScratchFolder scratch_;
    fs::path root_;
    fs::path deck_file_;
};

void check_loaded(const claimdeck::Deck& deck) {
    for (const claimdeck::Article& article : deck.articles) {
        if (article.text.find("SECRET:") != std::string::npos) fail("an article was read from outside its folder");
        if (article.file.find('/') != std::string::npos || article.file.rfind(".", 0) == 0)
            fail("an article file is not a bare name");
        if (deck.article(article.id) == nullptr) fail("an article is missing from the index");
    }
    for (const claimdeck::Claim& claim : deck.claims) {
        const claimdeck::Article* article = deck.article(claim.article);
        if (!article) fail("a claim names an unknown article");
        if (claim.span.begin > claim.span.end || claim.span.end > article->text.size())
            fail("a claim's span lies outside its article");
        if (article->text.compare(claim.span.begin, claim.span.end - claim.span.begin, claim.quote) != 0)
            fail("a claim's quote does not stand at its span");
        if (!deck.topic(claim.topic)) fail("a claim names an unknown topic");
        if (deck.claim(claim.id) == nullptr || !deck.claim_index(claim.id)) fail("a claim is missing from the index");
        (void)claimdeck::surrounding_paragraph(*article, claim.span);
        for (const claimdeck::Evidence& evidence : claim.evidence) {
            const claimdeck::Article* source = deck.article(evidence.article);
            if (!source) fail("evidence names an unknown article");
            if (evidence.span.end > source->text.size() ||
                source->text.compare(evidence.span.begin, evidence.span.end - evidence.span.begin, evidence.quote) != 0)
                fail("evidence's quote does not stand at its span");
            (void)claimdeck::surrounding_paragraph(*source, evidence.span);
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Workspace workspace;
    write_all(workspace.deck_file(), reinterpret_cast<const char*>(data), size);
    claimdeck::DeckLoadResult result = claimdeck::load_deck(workspace.deck_file());
    if (result.deck && !result.problems.empty()) fail("a deck came back with problems");
    if (!result.deck && result.problems.empty()) fail("no deck and no problem");
    for (const claimdeck::Problem& problem : result.problems) {
        if (problem.message.empty()) fail("a problem without a message");
        (void)problem.describe();
    }
    if (result.deck) check_loaded(*result.deck);
    return 0;
}

// libFuzzer target: read_package() on an untrusted .claimdeck file, then
// write_deck_folder() of what it accepted.
//
// Besides crashes, leaks and undefined behaviour, the target checks what a
// package reader promises: the files and the deck come back together and
// only with no problems, every file name is a bare name, unpacking writes
// only inside the folder it is given, and the unpacked folder loads as the
// same deck.
#include <stdlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

#include "content/deck_package.hpp"
#include "fuzz_support.hpp"

namespace fs = std::filesystem;

namespace {

using claimdeck::fuzz::fail;

// One folder per fuzzing process: packages unpack into out/, and nothing
// may appear beside it.
class Workspace {
public:
    Workspace() : root_(scratch_.path() / "inner") { fs::create_directories(root_); }
    fs::path fresh_output() const {
        std::error_code ignored;
        fs::remove_all(root_ / "out", ignored);
        return root_ / "out";
    }
    // Every entry of the workspace outside out/ (there is none but inner/ and out/).
    bool wrote_outside() const {
        for (const auto& entry : fs::recursive_directory_iterator(root_.parent_path())) {
            const fs::path& path = entry.path();
            if (path == root_ || path == root_ / "out") continue;
            if (std::string(path.string()).rfind((root_ / "out").string() + "/", 0) != 0) return true;
        }
        return false;
    }

private:
    claimdeck::fuzz::ScratchFolder scratch_;
    fs::path root_;
};

void check_names(const claimdeck::DeckPackage& files) {
    if (!claimdeck::is_bare_file_name(files.deck_file.name)) fail("the deck file's name is not bare");
    for (const claimdeck::PackedFile& article : files.articles)
        if (!claimdeck::is_bare_file_name(article.name)) fail("an article file's name is not bare");
}

void check_unpacked(const claimdeck::PackageReadResult& read, const Workspace& workspace) {
    const fs::path out = workspace.fresh_output();
    if (!claimdeck::write_deck_folder(*read.files, out).empty()) fail("an accepted package could not be unpacked");
    if (workspace.wrote_outside()) fail("unpacking wrote outside its folder");
    claimdeck::DeckLoadResult loaded = claimdeck::load_deck(out / "decks" / read.files->deck_file.name);
    if (!loaded.deck) fail("the unpacked deck does not load");
    if (loaded.deck->claims.size() != read.deck->claims.size()) fail("the unpacked deck is another deck");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Workspace workspace;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    claimdeck::PackageReadResult read = claimdeck::read_package(bytes, "fuzz.claimdeck");
    if (bool(read.deck) != bool(read.files)) fail("a deck without its files, or files without the deck");
    if (read.deck && !read.problems.empty()) fail("a package came back with problems");
    if (!read.deck && read.problems.empty()) fail("no package and no problem");
    for (const claimdeck::Problem& problem : read.problems) {
        if (problem.message.empty()) fail("a problem without a message");
        (void)problem.describe();
    }
    if (!read.deck) return 0;
    check_names(*read.files);
    check_unpacked(read, workspace);
    return 0;
}

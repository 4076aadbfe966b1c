// libFuzzer target: read_progress_file() on an untrusted progress export
// (app/core/progress_io.hpp). The input is written to a temporary file. The
// reader promises to throw ProgressFileError for a bad file and nothing
// else; a file it accepts must write out and read back with the same
// reviews and card states.
#include <stdlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "fuzz_support.hpp"
#include "storage/progress_io.hpp"

namespace fs = std::filesystem;

namespace {

using claimdeck::fuzz::fail;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const claimdeck::fuzz::ScratchFolder workspace;
    const fs::path input = workspace.path() / "input.json";
    {
        std::ofstream out(input, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    claimdeck::ProfileProgress progress;
    try {
        progress = claimdeck::read_progress_file(input);
    } catch (const claimdeck::ProgressFileError& error) {
        if (std::string(error.what()).empty()) fail("a refusal without a message");
        return 0;
    }
    const fs::path again_file = workspace.path() / "again.json";
    claimdeck::write_progress_file(progress, again_file);
    claimdeck::ProfileProgress again;
    try {
        again = claimdeck::read_progress_file(again_file);
    } catch (const claimdeck::ProgressFileError& error) {
        std::fprintf(stderr, "%s\n", error.what());
        fail("an accepted file does not read back after writing");
    }
    if (again.profile_name != progress.profile_name || again.reviews.size() != progress.reviews.size() ||
        again.card_states.size() != progress.card_states.size())
        fail("an accepted file changes when written and read back");
    return 0;
}

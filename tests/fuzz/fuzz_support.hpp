// What every fuzz target shares: how a broken promise stops the run, and a
// scratch folder of its own for targets that read or write files.
#pragma once

#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <system_error>

namespace claimdeck::fuzz {

// Aborts, so libFuzzer keeps the input that broke the promise. The name of
// the target comes from the build (fuzz_target() in CMakeLists.txt).
[[noreturn]] inline void fail(const char* what) {
    std::fprintf(stderr, "%s: broken guarantee: %s\n", CLAIMDECK_FUZZ_TARGET, what);
    std::abort();
}

// A fresh folder per fuzzing process, in memory when /dev/shm is there
// (targets write thousands of files a second), removed when the run ends.
class ScratchFolder {
public:
    ScratchFolder() {
        std::error_code ignored;
        const std::filesystem::path base = std::filesystem::is_directory("/dev/shm", ignored)
                                               ? std::filesystem::path("/dev/shm")
                                               : std::filesystem::temp_directory_path();
        std::string pattern = (base / (std::string("claimdeck-") + CLAIMDECK_FUZZ_TARGET + "-XXXXXX")).string();
        if (!mkdtemp(pattern.data())) fail("cannot create a temporary folder");
        path_ = pattern;
    }
    ~ScratchFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;

    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace claimdeck::fuzz

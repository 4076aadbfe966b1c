// Reading a whole file that the user handed us, within a size cap.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace claimdeck {

struct TextFileResult {
    std::string text;
    std::string error;        // empty on success; a sentence naming the file otherwise
    std::string reason = {};  // the same without the file's name, for a Problem that names it already
};

// Refuses files larger than max_bytes before reading them, and text that is
// not valid UTF-8.
TextFileResult read_text_file(const std::filesystem::path& path, std::uintmax_t max_bytes);

// Well-formed UTF-8 as RFC 3629 defines it: no overlong forms, no surrogates,
// nothing past U+10FFFF.
bool is_valid_utf8(std::string_view text);

// Where `pattern` first occurs in `text`, or npos, in time linear in both:
// the "aaa…ab" quotes that made std::string::find take 30 s on a 4 MB
// article take milliseconds.
std::size_t find_text(std::string_view text, std::string_view pattern);

// Writes `text` to a temporary file beside `path`, then renames it over
// `path`, so a crash or a full disk never leaves a half-written file behind.
// A missing folder on the way is created: paths are typed by people. A
// symlink is written through to its target and stays a link; a device, a
// FIFO or /dev/stdout is written directly, never replaced.
// Returns an empty string on success, otherwise a sentence naming the file.
std::string write_text_file(const std::filesystem::path& path, std::string_view text);

}  // namespace claimdeck

#include "base/text_file.hpp"

#include <fstream>
#include <system_error>
#include <vector>

namespace claimdeck {

namespace {

// The number of bytes of the UTF-8 sequence starting with `lead`, and the
// range its second byte must fall in (RFC 3629, table 3-7 of Unicode); 0 for
// a byte that cannot start a sequence.
struct SequenceRule {
    std::size_t length;
    unsigned char second_min;
    unsigned char second_max;
};

SequenceRule rule_for(unsigned char lead) {
    if (lead < 0x80) return {1, 0, 0};
    if (lead >= 0xC2 && lead <= 0xDF) return {2, 0x80, 0xBF};
    if (lead == 0xE0) return {3, 0xA0, 0xBF};  // no overlong forms
    if (lead == 0xED) return {3, 0x80, 0x9F};  // no surrogates
    if (lead >= 0xE1 && lead <= 0xEF) return {3, 0x80, 0xBF};
    if (lead == 0xF0) return {4, 0x90, 0xBF};  // no overlong forms
    if (lead >= 0xF1 && lead <= 0xF3) return {4, 0x80, 0xBF};
    if (lead == 0xF4) return {4, 0x80, 0x8F};  // nothing past U+10FFFF
    return {0, 0, 0};
}

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

}  // namespace

bool is_valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const SequenceRule rule = rule_for(static_cast<unsigned char>(text[i]));
        if (rule.length == 0 || i + rule.length > text.size()) return false;
        if (rule.length > 1) {
            const auto second = static_cast<unsigned char>(text[i + 1]);
            if (second < rule.second_min || second > rule.second_max) return false;
            for (std::size_t k = 2; k < rule.length; ++k)
                if (!is_continuation(static_cast<unsigned char>(text[i + k]))) return false;
        }
        i += rule.length;
    }
    return true;
}

// Knuth-Morris-Pratt: linear in the text and the pattern whatever they hold,
// so an untrusted quote cannot make the search quadratic.
std::size_t find_text(std::string_view text, std::string_view pattern) {
    if (pattern.empty()) return 0;
    // border[i]: the length of the longest proper prefix of pattern[0..i]
    // that is also its suffix; where to resume matching after a mismatch.
    std::vector<std::size_t> border(pattern.size(), 0);
    for (std::size_t i = 1, length = 0; i < pattern.size(); ++i) {
        while (length > 0 && pattern[i] != pattern[length]) length = border[length - 1];
        if (pattern[i] == pattern[length]) ++length;
        border[i] = length;
    }
    for (std::size_t i = 0, matched = 0; i < text.size(); ++i) {
        while (matched > 0 && text[i] != pattern[matched]) matched = border[matched - 1];
        if (text[i] == pattern[matched]) ++matched;
        if (matched == pattern.size()) return i + 1 - matched;
    }
    return std::string_view::npos;
}

TextFileResult read_text_file(const std::filesystem::path& path, std::uintmax_t max_bytes) {
    TextFileResult result;
    const auto fail = [&](std::string reason) {
        result.text.clear();
        result.error = path.u8string() + " " + reason;
        result.reason = std::move(reason);
        return result;
    };
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) return fail("does not exist or is not a file");
    std::uintmax_t size = std::filesystem::file_size(path, error);
    if (error) return fail("cannot be read: " + error.message());
    if (size > max_bytes)
        return fail("is " + std::to_string(size) + " bytes, more than the limit of " + std::to_string(max_bytes));
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail("cannot be opened");
    // One read of the size we were told, then a check that nothing follows:
    // a file that grows meanwhile is refused rather than read without bound.
    result.text.resize(static_cast<std::size_t>(size));
    in.read(result.text.data(), static_cast<std::streamsize>(size));
    result.text.resize(static_cast<std::size_t>(in.gcount()));
    if (in.peek() != std::ifstream::traits_type::eof()) return fail("changed while it was read; try again");
    if (!is_valid_utf8(result.text)) return fail("is not UTF-8 text");
    return result;
}

namespace {

// Where a write to `path` really lands: a symlink is followed (a bounded
// number of hops, a dangling one included) so the link itself is kept and
// its target gets the text, as `echo > link` would do.
std::filesystem::path link_target(std::filesystem::path path) {
    std::error_code error;
    for (int hop = 0; hop < 40 && std::filesystem::is_symlink(path, error); ++hop) {
        const std::filesystem::path target = std::filesystem::read_symlink(path, error);
        if (error) break;
        path = target.is_absolute() ? target : path.parent_path() / target;
    }
    return path;
}

// Devices, FIFOs and /dev/stdout cannot be replaced by a renamed file, and
// must not be (as root, rename would swap /dev/null for a regular file), so
// they are written through as they are.
bool is_special_file(const std::filesystem::path& path) {
    std::error_code error;
    const std::filesystem::file_status status = std::filesystem::status(path, error);
    return std::filesystem::exists(status) && !std::filesystem::is_regular_file(status);
}

std::string write_through(const std::filesystem::path& path, std::string_view text) {
    std::ofstream out(path, std::ios::binary);
    if (!out) return "cannot open " + path.u8string() + " for writing";
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.flush();
    return out ? "" : "cannot write " + path.u8string();
}

std::string write_by_rename(const std::filesystem::path& path, std::string_view text) {
    std::error_code ignored;  // a folder that cannot be made shows up as "cannot create" below
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ignored);
    std::filesystem::path temporary = path;
    temporary += ".partial";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) return "cannot create " + temporary.u8string();
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        out.flush();
        if (!out) {
            out.close();
            std::filesystem::remove(temporary, ignored);
            return "cannot write " + path.u8string() + " (is the disk full?)";
        }
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error) {
        std::filesystem::remove(temporary, ignored);
        return "cannot write " + path.u8string() + ": " + error.message();
    }
    return {};
}

}  // namespace

std::string write_text_file(const std::filesystem::path& path, std::string_view text) {
    if (is_special_file(path)) return write_through(path, text);
    return write_by_rename(link_target(path), text);
}

}  // namespace claimdeck

#include "base/printable.hpp"

#include <cstdio>

#include "base/text_file.hpp"

namespace claimdeck {
namespace {

constexpr const char* kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The length a UTF-8 sequence starting with `lead` claims; 0 for a byte
// that cannot start one. is_valid_utf8() then checks the claim.
std::size_t claimed_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) return 2;
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    return 0;
}

char32_t decode(std::string_view sequence) {
    static const unsigned char lead_bits[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
    char32_t code = static_cast<unsigned char>(sequence[0]) & lead_bits[sequence.size()];
    for (std::size_t i = 1; i < sequence.size(); ++i)
        code = (code << 6) | (static_cast<unsigned char>(sequence[i]) & 0x3F);
    return code;
}

bool is_control(char32_t code) {
    const bool c0 = code < 0x20 && code != '\n' && code != '\t';
    const bool c1 = code >= 0x7F && code <= 0x9F;  // DEL and C1, CSI (U+009B) among them
    const bool bidi = code == 0x061C || code == 0x200E || code == 0x200F || (code >= 0x202A && code <= 0x202E) ||
                      (code >= 0x2066 && code <= 0x2069);
    return c0 || c1 || bidi;
}

std::string escaped(char32_t code) {
    char text[16];
    if (code < 0x80)
        std::snprintf(text, sizeof text, "\\x%02x", static_cast<unsigned>(code));
    else
        std::snprintf(text, sizeof text, "\\u%04x", static_cast<unsigned>(code));
    return text;
}

}  // namespace

std::string printable(std::string_view text) {
    std::string shown;
    shown.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t length = claimed_length(static_cast<unsigned char>(text[i]));
        const std::string_view sequence = text.substr(i, length);
        if (length == 0 || sequence.size() < length || !is_valid_utf8(sequence)) {
            shown += kReplacement;
            ++i;
            continue;
        }
        const char32_t code = decode(sequence);
        if (is_control(code))
            shown += escaped(code);
        else
            shown += sequence;
        i += length;
    }
    return shown;
}

}  // namespace claimdeck

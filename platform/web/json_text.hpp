// A string as a JSON string literal, for what the page reads from the app.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace claimdeck::web {

inline void append_json_string(std::string& out, std::string_view text) {
    out += '"';
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char code[8];
            std::snprintf(code, sizeof code, "\\u%04x", c);
            out += code;
        } else {
            out += c;
        }
    }
    out += '"';
}

}  // namespace claimdeck::web

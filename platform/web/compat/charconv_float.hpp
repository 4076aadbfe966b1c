// Emscripten 3.1.6 ships LLVM 14's libc++, whose <charconv> has no
// floating-point std::to_chars. The core formats numbers with it, so the web
// build force-includes this header (-include) to supply the overloads the
// core calls, on top of snprintf (the C locale: a '.' decimal point). Drop it
// when the toolchain's libc++ has them.
#pragma once

#include <charconv>
#include <cstdio>
#include <cstring>
#include <system_error>

#if defined(__EMSCRIPTEN__) && defined(_LIBCPP_VERSION) && _LIBCPP_VERSION < 15000

namespace claimdeck::web_compat {
inline std::to_chars_result format(char* first, char* last, const char* format, int precision, double value) {
    char buffer[512];
    const int length = precision < 0 ? std::snprintf(buffer, sizeof buffer, format, value)
                                     : std::snprintf(buffer, sizeof buffer, format, precision, value);
    if (length < 0 || length > last - first) return {last, std::errc::value_too_large};
    std::memcpy(first, buffer, static_cast<std::size_t>(length));
    return {first + length, std::errc{}};
}
inline const char* format_for(std::chars_format fmt, bool with_precision) {
    switch (fmt) {
        case std::chars_format::fixed: return with_precision ? "%.*f" : "%f";
        case std::chars_format::scientific: return with_precision ? "%.*e" : "%e";
        case std::chars_format::hex: return with_precision ? "%.*a" : "%a";
        default: return with_precision ? "%.*g" : "%.17g";
    }
}
}  // namespace claimdeck::web_compat

namespace std {
inline to_chars_result to_chars(char* first, char* last, double value) {
    return claimdeck::web_compat::format(first, last, "%.17g", -1, value);
}
inline to_chars_result to_chars(char* first, char* last, double value, chars_format fmt) {
    return claimdeck::web_compat::format(first, last, claimdeck::web_compat::format_for(fmt, false), -1, value);
}
inline to_chars_result to_chars(char* first, char* last, double value, chars_format fmt, int precision) {
    return claimdeck::web_compat::format(first, last, claimdeck::web_compat::format_for(fmt, true), precision, value);
}
inline to_chars_result to_chars(char* first, char* last, float value, chars_format fmt, int precision) {
    return to_chars(first, last, static_cast<double>(value), fmt, precision);
}
}  // namespace std

#endif

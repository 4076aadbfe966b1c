#include "app/file_chooser.hpp"

namespace claimdeck {
namespace {

std::optional<int> hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return std::nullopt;
}

std::optional<std::string> percent_decoded(std::string_view text) {
    std::string decoded;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            decoded += text[i];
            continue;
        }
        const std::optional<int> high = i + 1 < text.size() ? hex_value(text[i + 1]) : std::nullopt;
        const std::optional<int> low = i + 2 < text.size() ? hex_value(text[i + 2]) : std::nullopt;
        if (!high || !low) return std::nullopt;
        decoded += static_cast<char>(*high * 16 + *low);
        i += 2;
    }
    return decoded;
}

}  // namespace

FileChoice ask_first_available(const std::vector<std::unique_ptr<FileChooserBackend>>& backends,
                               const FileRequest& request) {
    std::string passed_over;
    for (const auto& backend : backends) {
        FileChoice choice = backend->ask(request);
        if (choice.outcome != FileChoice::Outcome::Unavailable) return choice;
        passed_over += (passed_over.empty() ? "" : "; ") + choice.message;
    }
    return FileChoice::unavailable(passed_over.empty() ? "no file chooser is set up" : passed_over);
}

std::optional<std::filesystem::path> path_from_file_uri(std::string_view uri) {
    constexpr std::string_view kScheme = "file://";
    if (uri.substr(0, kScheme.size()) != kScheme) return std::nullopt;
    std::string_view rest = uri.substr(kScheme.size());
    // file:///path or file://localhost/path: a file on this machine.
    const std::size_t path_start = rest.find('/');
    if (path_start == std::string_view::npos) return std::nullopt;
    const std::string_view host = rest.substr(0, path_start);
    if (!host.empty() && host != "localhost") return std::nullopt;
    std::optional<std::string> path = percent_decoded(rest.substr(path_start));
    // A NUL byte cannot be in a path; an escaped one would cut it short.
    if (!path || path->find('\0') != std::string::npos) return std::nullopt;
    return std::filesystem::u8path(*path);
}

}  // namespace claimdeck

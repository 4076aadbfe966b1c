#include "base/typed_path.hpp"

#include <cstdlib>

namespace claimdeck {

TypedPath expand_typed_path(std::string_view typed, const char* home) {
    if (typed.empty() || typed.front() != '~') return {std::filesystem::u8path(typed), {}};
    const std::size_t slash = typed.find('/');
    if (slash != 1 && typed.size() != 1)
        return {{},
                "\"" + std::string(typed.substr(0, slash)) +
                    "\" names another person's home folder: type the whole path, starting with /."};
    if (!home || !*home)
        return {{}, "No home folder is set, so \"~\" means nothing here: type the whole path, starting with /."};
    std::string expanded = home;
    if (slash != std::string_view::npos) expanded += typed.substr(slash);
    return {std::filesystem::u8path(expanded), {}};
}

TypedPath expand_typed_path(std::string_view typed) { return expand_typed_path(typed, std::getenv("HOME")); }

}  // namespace claimdeck

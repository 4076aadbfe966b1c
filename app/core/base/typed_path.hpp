// A path a person typed or pasted into a field. Shells expand "~"; a file
// API does not, and "~/report.csv" would become a folder named "~" in
// whatever folder the app was started from. So "~" and "~/…" mean the home
// folder here, and "~name/…" (someone else's home) is refused with a
// sentence saying what to type instead.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace claimdeck {

struct TypedPath {
    std::filesystem::path path;  // empty when the field was empty or on error
    std::string error;           // a sentence for the person; empty when fine
};

// `home`: the home folder ($HOME); null or empty when unknown.
TypedPath expand_typed_path(std::string_view typed, const char* home);
// The same with this process's $HOME.
TypedPath expand_typed_path(std::string_view typed);

}  // namespace claimdeck

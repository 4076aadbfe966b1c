#include "inputs.hpp"

#include <stdexcept>

#include "storage/profile_name.hpp"

namespace claimdeck::cli {

std::string problem_list(const std::vector<Problem>& problems) {
    std::string list = describe_all(problems);
    while (!list.empty() && list.back() == '\n') list.pop_back();
    return list;
}

Deck load_deck_or_fail(const std::filesystem::path& path) {
    DeckLoadResult loaded = load_deck(path);
    if (!loaded.deck) throw std::runtime_error(problem_list(loaded.problems));
    return std::move(*loaded.deck);
}

std::string profile_name_from(const Arguments& args) {
    const std::string name = args.required("--profile");
    if (std::string problem = profile_name_problem(name); !problem.empty())
        throw UsageError("--profile \"" + name + "\": " + problem);
    return trimmed_profile_name(name);
}

}  // namespace claimdeck::cli

// replay: FSRS-6 memory states for a log of ratings, to compare with other
// FSRS implementations.
#include <fstream>
#include <iostream>
#include <stdexcept>

#include "arguments.hpp"
#include "commands.hpp"
#include "learning/replay.hpp"
#include "learning/study_settings.hpp"

namespace claimdeck::cli {

int replay_command(const Words& words) {
    Arguments args(words, {"--retention"}, {});
    args.expect_positional(1, "FILE.csv (rows of card,reviewed_at,rating)");
    const double retention =
        args.number("--retention", kDesiredRetention.fallback, kDesiredRetention.min, kDesiredRetention.max);
    const std::string& file = args.positional()[0];
    std::ifstream in(std::filesystem::u8path(file), std::ios::binary);
    if (!in) throw std::runtime_error(file + ": cannot be opened");
    return replay_reviews(in, file, std::cout, std::cerr, retention);
}

}  // namespace claimdeck::cli

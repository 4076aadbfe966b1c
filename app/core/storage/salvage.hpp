// Reading back what a damaged store still holds. SQLite's recover extension
// is not in Debian's libsqlite3, so this reads the tables with ordinary
// queries, row by row, stepping over the rows it cannot read: the learners,
// their answers and their cards' states. A card state it cannot read is
// rebuilt from the card's latest answer (every answer records the state it
// led to). Settings are not read back: they are quickly set again.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "storage/store.hpp"

namespace claimdeck {

struct Salvage {
    std::vector<ProfileProgress> learners;
    std::size_t answers = 0;
    std::size_t unreadable_rows = 0;  // stepped over
};

// What can be read from the store file at `damaged` (opened read-only; an
// empty salvage when it is no database at all).
Salvage salvage_store(const std::filesystem::path& damaged);

// After a repair (open_progress_store): adds to `store` the answers that
// only the damaged file, kept at `damaged`, still holds. Answers already in
// `store` (from the restored backup) are not added twice. Returns notices;
// never throws.
std::vector<std::string> add_salvage(ProgressStore& store, const std::filesystem::path& damaged);

// `restore` given a damaged file: a new store at `store_file` made of what
// salvage_store() reads back, the current store moved aside first as
// "before-restore". Throws StoreError (Corrupt) when nothing could be read.
struct SalvageRestored {
    std::optional<std::filesystem::path> kept;  // where the replaced store went
    std::size_t learners = 0;
    std::size_t answers = 0;
};
SalvageRestored restore_salvage(const std::filesystem::path& damaged, const std::filesystem::path& store_file,
                                std::int64_t now_ms);

}  // namespace claimdeck

// Turning SQLite faults into StoreErrors that tell the learner what to do.
// For the core's store files only (store.cpp, backup.cpp); the rest of the
// app sees StoreError alone.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string_view>

#include "storage/sqlite.hpp"
#include "storage/store.hpp"

namespace claimdeck {

// What a learner can do about an SQLite failure, from its result code and
// the free space on the store's disk.
StoreError::Kind kind_of_fault(int sqlite_code, std::uintmax_t free_bytes);

// "Could not <doing> in <path> (<SQLite's words>). <advice>"
StoreError store_error(const sql::Error& error, const std::filesystem::path& path, std::string_view doing);

template <class Operation>
auto guarded(const std::filesystem::path& path, std::string_view doing, Operation&& operation) {
    try {
        return operation();
    } catch (const sql::Error& error) {
        throw store_error(error, path, doing);
    }
}

}  // namespace claimdeck

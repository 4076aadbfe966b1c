// Reading JSON written by hand or by other people's machines.
//
// check_json_shape() runs first, as a streaming pass that builds nothing: it
// reports syntax errors with their line and column, and rejects nesting and
// strings past the caps before cereal builds its document (whose parser
// recurses, so depth must be bounded first).
//
// FieldReader then reads fields through cereal's JSON archive one at a time,
// turning each missing or mistyped field into a Problem instead of an
// exception, so a loader can report every problem in a file in one go.
#pragma once

#include <cereal/archives/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "problems.hpp"

namespace claimdeck {

struct JsonShapeLimits {
    int max_depth = 16;
    std::size_t max_string_bytes = 64u << 10;
};

// Returns the first problem with the document's syntax or shape, if any. The
// root must be an object.
std::optional<Problem> check_json_shape(std::string_view json, const std::string& file,
                                        const JsonShapeLimits& limits);

enum class Presence { Required, Optional };

class FieldReader {
public:
    FieldReader(cereal::JSONInputArchive& archive, std::vector<Problem>& problems, std::string file,
                std::string place, std::size_t max_string_bytes);

    // Each returns true when the field was present and well typed; otherwise
    // it records a problem (unless an optional field is simply absent).
    bool read_string(const char* field, std::string& out, Presence presence = Presence::Required);
    bool read_int(const char* field, std::int64_t& out, Presence presence = Presence::Required);
    bool read_bool(const char* field, bool& out, Presence presence = Presence::Required);
    bool read_strings(const char* field, std::vector<std::string>& out, std::size_t max_items,
                      Presence presence = Presence::Required);
    bool read_ints(const char* field, std::vector<std::int64_t>& out, std::size_t max_items,
                   Presence presence = Presence::Required);

    // Reads a list of objects, calling read_element(FieldReader&, index) for
    // each with a reader placed inside that element.
    template <class ReadElement>
    void read_objects(const char* field, std::size_t max_items, ReadElement&& read_element,
                      Presence presence = Presence::Required);

    void report(std::string_view field, std::string message);
    void set_place(std::string place) { place_ = std::move(place); }
    const std::string& place() const { return place_; }
    bool has_problems_since(std::size_t count) const { return problems_.size() > count; }
    std::size_t problem_count() const { return problems_.size(); }

private:
    // Steps into a named list; returns its length, or nullopt (problem
    // recorded, nothing entered) when it is absent or not a list.
    std::optional<std::size_t> enter_list(const char* field, std::size_t max_items, Presence presence);
    template <class T>
    bool read_scalar(const char* field, T& out, Presence presence, const char* type_name);
    template <class T>
    bool read_scalar_list(const char* field, std::vector<T>& out, std::size_t max_items,
                          Presence presence, const char* type_name);

    cereal::JSONInputArchive& archive_;
    std::vector<Problem>& problems_;
    std::string file_;
    std::string place_;
    std::size_t max_string_bytes_;
};

template <class ReadElement>
void FieldReader::read_objects(const char* field, std::size_t max_items, ReadElement&& read_element,
                               Presence presence) {
    std::optional<std::size_t> count = enter_list(field, max_items, presence);
    if (!count) return;
    for (std::size_t i = 0; i < *count; ++i) {
        try {
            archive_.startNode();
        } catch (const cereal::Exception&) {
            report(field, "item " + std::to_string(i + 1) +
                              " must be an object; the items after it were not read");
            break;
        }
        FieldReader element(archive_, problems_, file_,
                            place_ + (place_.empty() ? "" : ", ") + field + "[" +
                                std::to_string(i) + "]",
                            max_string_bytes_);
        read_element(element, i);
        archive_.finishNode();
    }
    archive_.finishNode();
}

}  // namespace claimdeck

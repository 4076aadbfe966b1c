// Reading JSON written by hand or by other people's machines.
//
// check_json_shape() runs first, as a streaming pass that builds nothing: it
// reports syntax errors with their line and column, and rejects nesting and
// strings past the caps before any document is built (a document is freed
// recursively, so depth must be bounded first).
//
// FieldReader then reads the fields of the parsed document one at a time,
// turning each missing or mistyped field into a Problem, so a loader can
// report every problem in a file in one go.
//
// Why not cereal's JSONInputArchive, which writes our files? It stops at the
// first missing field with an exception and reads its std::istream one
// character at a time; a deck of 100,000 claims took 1.25 s, a third of it in
// istream::peek and get, and every absent optional field cost an exception.
// The document here is rapidjson's, the JSON engine inside cereal, parsed
// from memory: the same deck loads in well under a second.
#pragma once

#include "base/json_library.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/problems.hpp"

namespace claimdeck {

struct JsonShapeLimits {
    int max_depth = 16;
    std::size_t max_string_bytes = 64u << 10;
};

// JSON text without the UTF-8 byte order mark that Windows Notepad puts at
// the start of files it saves. RFC 8259 lets a parser ignore it, and a
// teacher who edited a file in Notepad should not be told "Invalid value".
std::string_view without_byte_order_mark(std::string_view json);

// Returns the first problem with the document's syntax or shape, if any. The
// root must be an object. A byte order mark at the start is skipped.
std::optional<Problem> check_json_shape(std::string_view json, const std::string& file, const JsonShapeLimits& limits);

enum class Presence { Required, Optional };

class FieldReader {
public:
    FieldReader(const rapidjson::Value& object, std::vector<Problem>& problems, std::string file, std::string place,
                std::size_t max_string_bytes);

    // Each returns true when the field was present and well typed; otherwise
    // it records a problem (unless an optional field is simply absent).
    bool read_string(const char* field, std::string& out, Presence presence = Presence::Required);
    bool read_int(const char* field, std::int64_t& out, Presence presence = Presence::Required);
    bool read_bool(const char* field, bool& out, Presence presence = Presence::Required);
    // Any number, whole or not.
    bool read_number(const char* field, double& out, Presence presence = Presence::Required);
    bool read_strings(const char* field, std::vector<std::string>& out, std::size_t max_items,
                      Presence presence = Presence::Required);
    bool read_ints(const char* field, std::vector<std::int64_t>& out, std::size_t max_items,
                   Presence presence = Presence::Required);

    // Reads a list of objects, calling read_element(FieldReader&, index) for
    // each with a reader placed inside that element.
    template <class ReadElement>
    void read_objects(const char* field, std::size_t max_items, ReadElement&& read_element,
                      Presence presence = Presence::Required);
    // Reads an object field, calling read_fields(FieldReader&) with a reader
    // placed inside it; false when it is absent or not an object.
    template <class ReadFields>
    bool read_object(const char* field, ReadFields&& read_fields, Presence presence = Presence::Required);

    void report(std::string_view field, std::string message);
    void set_place(std::string place) { place_ = std::move(place); }
    const std::string& place() const { return place_; }
    bool has_problems_since(std::size_t count) const { return problems_.size() > count; }
    std::size_t problem_count() const { return problems_.size(); }

private:
    // The field's value, or nullptr (with a problem recorded when required).
    const rapidjson::Value* find(const char* field, Presence presence);
    // The field's list, or nullptr (problem recorded) when it is absent, not
    // a list, or longer than max_items.
    const rapidjson::Value* find_list(const char* field, std::size_t max_items, Presence presence);
    bool accept_string(const char* field, const rapidjson::Value& value, std::string& out);
    std::string element_place(const char* field, std::size_t index) const;

    const rapidjson::Value& object_;
    std::vector<Problem>& problems_;
    std::string file_;
    std::string place_;
    std::size_t max_string_bytes_;
};

template <class ReadElement>
void FieldReader::read_objects(const char* field, std::size_t max_items, ReadElement&& read_element,
                               Presence presence) {
    const rapidjson::Value* list = find_list(field, max_items, presence);
    if (!list) return;
    for (rapidjson::SizeType i = 0; i < list->Size() && !problems_full(problems_); ++i) {
        const rapidjson::Value& item = (*list)[i];
        if (!item.IsObject()) {
            report(field, "item " + std::to_string(i + 1) + " must be an object { ... }");
            continue;
        }
        FieldReader element(item, problems_, file_, element_place(field, i), max_string_bytes_);
        read_element(element, static_cast<std::size_t>(i));
    }
}

template <class ReadFields>
bool FieldReader::read_object(const char* field, ReadFields&& read_fields, Presence presence) {
    const rapidjson::Value* value = find(field, presence);
    if (!value) return false;
    if (!value->IsObject()) {
        report(field, "must be an object { ... }");
        return false;
    }
    FieldReader inner(*value, problems_, file_, place_ + (place_.empty() ? "" : ", ") + field, max_string_bytes_);
    read_fields(inner);
    return true;
}

// Checks the shape of `json`, parses it and hands a reader on its root object
// to `read_fields`. Problems go to `problems`. Returns false, without calling
// read_fields, when the text is not a well-shaped JSON object.
bool read_json_object(std::string_view json, const std::string& file, const JsonShapeLimits& limits,
                      std::vector<Problem>& problems, const std::function<void(FieldReader&)>& read_fields);

}  // namespace claimdeck

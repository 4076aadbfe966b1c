// The one way project code includes the JSON libraries (cereal's JSON
// archive and the rapidjson it is built on). Include this, never them.
//
// rapidjson is configured by macros, and every file must see the same ones
// or its inline functions differ between files (an ODR violation that made
// a bad progress file abort the app in one build and crash it in another):
//  - cereal makes RAPIDJSON_ASSERT throw, so a malformed value becomes an
//    exception we can report; cereal's header sets that up, so it comes first.
//  - Full-precision number parsing, which cereal turns on by default, has
//    undefined behaviour in Debian's rapidjson 1.1.0 on inputs such as 0e99
//    (found by fuzzing); the plain parser reads every number we write back
//    exactly enough (our files hold whole numbers and 8-decimal values).
#pragma once

#ifndef RAPIDJSON_PARSE_DEFAULT_FLAGS
#define RAPIDJSON_PARSE_DEFAULT_FLAGS kParseNoFlags
#endif

// cereal's JSON archive configures rapidjson, so it comes first, in a block
// of its own that include sorting leaves in place.
#include <cereal/archives/json.hpp>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/reader.h>
#include <rapidjson/stringbuffer.h>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include "learning/lateral_reading.hpp"

#include <algorithm>

#include "content/source_search.hpp"

namespace claimdeck {

void LateralReadingLog::begin(std::int64_t now_ms) {
    if (!since_ms_) since_ms_ = now_ms;
}

void LateralReadingLog::note_search(const std::string& words) {
    std::string searched;
    for (const std::string& word : search_words(words)) searched += word + ' ';
    if (searched.empty() || searched == last_search_) return;
    ++consulted_.searches;
    last_search_ = searched;
}

void LateralReadingLog::end(std::int64_t now_ms) {
    if (!since_ms_) return;
    consulted_.ms += std::max<std::int64_t>(0, now_ms - *since_ms_);
    since_ms_.reset();
}

}  // namespace claimdeck

#include "rate_limit.hpp"

#include <algorithm>

namespace claimdeck::server {
namespace {

// Beyond this many addresses, full buckets are dropped: a flood of spoofed
// or many addresses must not grow the table without end.
constexpr std::size_t kMaxTrackedAddresses = 10000;

}  // namespace

bool RateLimiter::allow(const std::string& address, Clock::time_point now) {
    if (per_second_ <= 0) return true;
    std::lock_guard<std::mutex> lock(mutex_);
    if (buckets_.size() >= kMaxTrackedAddresses) forget_idle(now);
    auto [entry, added] = buckets_.try_emplace(address, Bucket{burst_, now});
    Bucket& bucket = entry->second;
    const double seconds = std::chrono::duration<double>(now - bucket.filled).count();
    bucket.tokens = std::min(burst_, bucket.tokens + seconds * per_second_);
    bucket.filled = now;
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
}

void RateLimiter::forget_idle(Clock::time_point now) {
    for (auto it = buckets_.begin(); it != buckets_.end();) {
        const double seconds = std::chrono::duration<double>(now - it->second.filled).count();
        it = it->second.tokens + seconds * per_second_ >= burst_ ? buckets_.erase(it) : std::next(it);
    }
}

}  // namespace claimdeck::server

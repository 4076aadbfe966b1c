// A token bucket per client address: each address may burst up to two
// seconds' worth of requests, then is held to `per_second`. A school behind
// one NAT address shares one bucket, so the default is generous.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace claimdeck::server {

class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;

    explicit RateLimiter(double per_second) : per_second_(per_second), burst_(2 * per_second) {}

    // Takes one token from `address`'s bucket; false when it is empty.
    bool allow(const std::string& address, Clock::time_point now = Clock::now());

private:
    struct Bucket {
        double tokens;
        Clock::time_point filled;
    };
    void forget_idle(Clock::time_point now);

    double per_second_;
    double burst_;
    std::mutex mutex_;
    std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace claimdeck::server

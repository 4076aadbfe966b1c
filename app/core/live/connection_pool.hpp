// A bounded set of database connections shared by a server's request
// threads: each thread borrows one for a statement or a transaction and gives
// it back. Connections are opened as they are first needed, up to `size`;
// beyond that a thread waits for one to come back. Used by both live stores
// (SQLite's readers, PostgreSQL's connections).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace claimdeck::live {

template <class Connection>
class ConnectionPool {
public:
    using Open = std::function<std::unique_ptr<Connection>()>;

    ConnectionPool(std::size_t size, Open open) : size_(size), open_(std::move(open)) {}

    // A borrowed connection, given back when the lease ends.
    class Lease {
    public:
        Lease(ConnectionPool& pool, std::unique_ptr<Connection> connection)
            : pool_(&pool), connection_(std::move(connection)) {}
        Lease(Lease&& other) noexcept = default;
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Lease& operator=(Lease&&) = delete;
        ~Lease() {
            if (connection_) pool_->give_back(std::move(connection_));
        }
        Connection& operator*() const { return *connection_; }
        Connection* operator->() const { return connection_.get(); }

    private:
        ConnectionPool* pool_;
        std::unique_ptr<Connection> connection_;
    };

    Lease borrow() {
        std::unique_lock<std::mutex> lock(mutex_);
        returned_.wait(lock, [this] { return !idle_.empty() || opened_ < size_; });
        if (!idle_.empty()) {
            std::unique_ptr<Connection> connection = std::move(idle_.back());
            idle_.pop_back();
            return Lease(*this, std::move(connection));
        }
        ++opened_;
        lock.unlock();  // opening may take a network round trip: others go on meanwhile
        try {
            return Lease(*this, open_());
        } catch (...) {
            lock.lock();
            --opened_;
            returned_.notify_one();
            throw;
        }
    }

private:
    void give_back(std::unique_ptr<Connection> connection) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            idle_.push_back(std::move(connection));
        }
        returned_.notify_one();
    }

    const std::size_t size_;
    const Open open_;
    std::mutex mutex_;
    std::condition_variable returned_;
    std::vector<std::unique_ptr<Connection>> idle_;
    std::size_t opened_ = 0;
};

}  // namespace claimdeck::live

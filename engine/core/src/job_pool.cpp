#include "core/job_pool.h"

namespace cd {

JobPool::JobPool(unsigned threads) {
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    for (unsigned i = 1; i < threads; ++i) workers_.emplace_back([this, i] { workerLoop(i); });
}

JobPool::~JobPool() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    for (auto& t : workers_) t.join();
}

void JobPool::parallelFor(std::size_t n, const std::function<void(std::size_t, std::size_t, unsigned)>& body) {
    const unsigned chunks = threadCount();
    if (chunks == 1 || n < 2) {
        body(0, n, 0);
        return;
    }
    {
        std::lock_guard lock(mutex_);
        body_ = &body;
        n_ = n;
        pending_ = chunks - 1;
        ++generation_;
    }
    wake_.notify_all();
    body(0, n / chunks, 0);
    std::unique_lock lock(mutex_);
    done_.wait(lock, [this] { return pending_ == 0; });
    body_ = nullptr;
}

void JobPool::workerLoop(unsigned index) {
    unsigned seen = 0;
    for (;;) {
        const std::function<void(std::size_t, std::size_t, unsigned)>* body;
        std::size_t n;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return stop_ || generation_ != seen; });
            if (stop_) return;
            seen = generation_;
            body = body_;
            n = n_;
        }
        const std::size_t chunks = threadCount();
        (*body)(n * index / chunks, n * (index + 1) / chunks, index);
        {
            std::lock_guard lock(mutex_);
            if (--pending_ == 0) done_.notify_one();
        }
    }
}

}  // namespace cd

#pragma once
/// A fixed pool of worker threads for data-parallel loops (flood cells, crowd agents).
/// parallelFor splits [0, n) into one contiguous chunk per thread, so results do not
/// depend on scheduling when each index writes only its own output.
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace cd {

class JobPool {
public:
    /// threads = total threads including the caller; 0 means hardware concurrency.
    explicit JobPool(unsigned threads = 0);
    ~JobPool();
    JobPool(const JobPool&) = delete;
    JobPool& operator=(const JobPool&) = delete;

    unsigned threadCount() const { return static_cast<unsigned>(workers_.size()) + 1; }

    /// Calls body(begin, end, chunkIndex) for threadCount() contiguous chunks of [0, n);
    /// the caller runs chunk 0. Returns when all chunks are done.
    void parallelFor(std::size_t n, const std::function<void(std::size_t, std::size_t, unsigned)>& body);

private:
    void workerLoop(unsigned index);

    std::vector<std::thread> workers_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable done_;
    const std::function<void(std::size_t, std::size_t, unsigned)>* body_ = nullptr;
    std::size_t n_ = 0;
    unsigned generation_ = 0;
    unsigned pending_ = 0;
    bool stop_ = false;
};

}  // namespace cd

#include "core/log.h"

#include <atomic>
#include <cstdio>
#include <mutex>

namespace cd {
namespace {
std::atomic<LogLevel> gLevel{LogLevel::Warn};
std::mutex gMutex;
const char* levelName(LogLevel l) {
    switch (l) {
        case LogLevel::Debug: return "debug";
        case LogLevel::Info: return "info";
        case LogLevel::Warn: return "warning";
        case LogLevel::Error: return "error";
        default: return "";
    }
}
}  // namespace

void setLogLevel(LogLevel level) { gLevel = level; }
LogLevel logLevel() { return gLevel; }

void logMessage(LogLevel level, const char* fmt, ...) {
    if (level < gLevel.load()) return;
    std::lock_guard lock(gMutex);
    std::fprintf(stderr, "citydrill %s: ", levelName(level));
    va_list args;
    va_start(args, fmt);
    std::vfprintf(stderr, fmt, args);
    va_end(args);
    std::fputc('\n', stderr);
}

}  // namespace cd

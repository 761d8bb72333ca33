#pragma once
/// Leveled logging to stderr, printf-style. Quiet by default below Info.
#include <cstdarg>

namespace cd {

enum class LogLevel { Debug = 0, Info = 1, Warn = 2, Error = 3, Off = 4 };

void setLogLevel(LogLevel level);
LogLevel logLevel();
void logMessage(LogLevel level, const char* fmt, ...) __attribute__((format(printf, 2, 3)));

}  // namespace cd

#define CD_LOG_DEBUG(...) ::cd::logMessage(::cd::LogLevel::Debug, __VA_ARGS__)
#define CD_LOG_INFO(...) ::cd::logMessage(::cd::LogLevel::Info, __VA_ARGS__)
#define CD_LOG_WARN(...) ::cd::logMessage(::cd::LogLevel::Warn, __VA_ARGS__)
#define CD_LOG_ERROR(...) ::cd::logMessage(::cd::LogLevel::Error, __VA_ARGS__)

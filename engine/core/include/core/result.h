#pragma once
/// Result<T>: a value or an Error naming where bad input came from.
/// Loading and configuration return this; hot loops never throw.
#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace cd {

/// What went wrong and where: file, line (1-based, 0 = unknown), field.
struct Error {
    std::string file;
    int line = 0;
    std::string field;
    std::string message;

    /// "file:line: field: message", leaving out the parts that are empty.
    std::string str() const;
};

Error makeError(std::string message, std::string file = {}, int line = 0, std::string field = {});

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : data_(std::move(value)) {}
    Result(Error error) : data_(std::move(error)) {}

    bool ok() const { return data_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { assert(ok()); return std::get<0>(data_); }
    const T& value() const& { assert(ok()); return std::get<0>(data_); }
    T&& value() && { assert(ok()); return std::get<0>(std::move(data_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { assert(!ok()); return std::get<1>(data_); }

private:
    std::variant<T, Error> data_;
};

/// Result of an operation with no value.
struct Ok {};
using Status = Result<Ok>;

}  // namespace cd

#pragma once
// Reading TOML tables field by field with errors that name file, line and field, and
// that catch misspelt keys (every key must be read, or it is reported as unknown).
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "core/result.h"

namespace cd::scenario {

class TomlFields {
public:
    TomlFields(const toml::table& table, std::string file, std::string path, std::vector<Error>& errors)
        : table_(table), file_(std::move(file)), path_(std::move(path)), errors_(errors) {}

    /// Reports every key that was never asked for.
    ~TomlFields();

    bool has(const char* key) { used_.insert(key); return table_.contains(key); }
    int line() const { return static_cast<int>(table_.source().begin.line); }
    int lineOf(const char* key) const;
    std::string field(const char* key) const { return path_.empty() ? key : path_ + "." + key; }
    const std::string& file() const { return file_; }
    std::vector<Error>& errorsRef() { return errors_; }

    void error(const char* key, const std::string& message);

    std::optional<std::string> str(const char* key, bool required);
    std::optional<double> num(const char* key, bool required, double min, double max);
    std::optional<long long> integer(const char* key, bool required, long long min, long long max);
    std::optional<bool> boolean(const char* key, bool required);
    /// An array of exactly n numbers.
    std::optional<std::vector<double>> numbers(const char* key, bool required, std::size_t n);
    /// A string or an array of strings.
    std::optional<std::vector<std::string>> strings(const char* key, bool required);
    /// An array of tables (may be absent: empty).
    std::vector<const toml::table*> tables(const char* key);
    const toml::table* table(const char* key, bool required);

private:
    const toml::node* get(const char* key, bool required, const char* what);

    const toml::table& table_;
    std::string file_;
    std::string path_;
    std::vector<Error>& errors_;
    std::set<std::string> used_;
};

}  // namespace cd::scenario

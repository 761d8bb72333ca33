#include "toml_fields.h"

#include <cmath>
#include <sstream>

namespace cd::scenario {

TomlFields::~TomlFields() {
    for (const auto& [key, node] : table_) {
        std::string k(key.str());
        if (!used_.count(k))
            errors_.push_back(makeError("unknown key (misspelt, or not valid here)", file_,
                                        static_cast<int>(key.source().begin.line), field(k.c_str())));
    }
}

int TomlFields::lineOf(const char* key) const {
    for (const auto& [k, node] : table_)
        if (k.str() == key) return static_cast<int>(k.source().begin.line);
    return line();
}

void TomlFields::error(const char* key, const std::string& message) {
    errors_.push_back(makeError(message, file_, lineOf(key), field(key)));
}

const toml::node* TomlFields::get(const char* key, bool required, const char* what) {
    used_.insert(key);
    const toml::node* n = table_.get(key);
    if (!n && required) errors_.push_back(makeError(std::string("missing (expected ") + what + ")", file_, line(), field(key)));
    return n;
}

std::optional<std::string> TomlFields::str(const char* key, bool required) {
    const toml::node* n = get(key, required, "a string");
    if (!n) return std::nullopt;
    if (auto v = n->value<std::string>(); v && n->is_string()) {
        if (required && v->empty()) { error(key, "must not be empty"); return std::nullopt; }
        return *v;
    }
    error(key, "expected a string");
    return std::nullopt;
}

std::optional<double> TomlFields::num(const char* key, bool required, double min, double max) {
    const toml::node* n = get(key, required, "a number");
    if (!n) return std::nullopt;
    if (!n->is_number()) { error(key, "expected a number"); return std::nullopt; }
    double v = n->value<double>().value_or(NAN);
    if (!std::isfinite(v) || v < min || v > max) {
        std::ostringstream ss;
        ss << "value " << v << " is outside [" << min << ", " << max << "]";
        error(key, ss.str());
        return std::nullopt;
    }
    return v;
}

std::optional<long long> TomlFields::integer(const char* key, bool required, long long min, long long max) {
    const toml::node* n = get(key, required, "an integer");
    if (!n) return std::nullopt;
    if (!n->is_integer()) { error(key, "expected an integer"); return std::nullopt; }
    long long v = n->value<long long>().value_or(0);
    if (v < min || v > max) {
        error(key, "value " + std::to_string(v) + " is outside [" + std::to_string(min) + ", " + std::to_string(max) + "]");
        return std::nullopt;
    }
    return v;
}

std::optional<bool> TomlFields::boolean(const char* key, bool required) {
    const toml::node* n = get(key, required, "true or false");
    if (!n) return std::nullopt;
    if (!n->is_boolean()) { error(key, "expected true or false"); return std::nullopt; }
    return n->value<bool>();
}

std::optional<std::vector<double>> TomlFields::numbers(const char* key, bool required, std::size_t count) {
    const toml::node* n = get(key, required, "an array of numbers");
    if (!n) return std::nullopt;
    const toml::array* a = n->as_array();
    if (!a || a->size() != count) {
        error(key, "expected an array of " + std::to_string(count) + " numbers");
        return std::nullopt;
    }
    std::vector<double> out;
    for (const auto& e : *a) {
        if (!e.is_number() || !std::isfinite(e.value<double>().value_or(NAN))) {
            error(key, "expected an array of " + std::to_string(count) + " finite numbers");
            return std::nullopt;
        }
        out.push_back(e.value<double>().value_or(0.0));
    }
    return out;
}

std::optional<std::vector<std::string>> TomlFields::strings(const char* key, bool required) {
    const toml::node* n = get(key, required, "a string or an array of strings");
    if (!n) return std::nullopt;
    if (n->is_string()) return std::vector<std::string>{*n->value<std::string>()};
    const toml::array* a = n->as_array();
    if (!a) { error(key, "expected a string or an array of strings"); return std::nullopt; }
    std::vector<std::string> out;
    for (const auto& e : *a) {
        if (!e.is_string()) { error(key, "expected an array of strings"); return std::nullopt; }
        out.push_back(*e.value<std::string>());
    }
    return out;
}

std::vector<const toml::table*> TomlFields::tables(const char* key) {
    const toml::node* n = get(key, false, "");
    std::vector<const toml::table*> out;
    if (!n) return out;
    if (const toml::array* a = n->as_array()) {
        for (const auto& e : *a) {
            if (const toml::table* t = e.as_table()) out.push_back(t);
            else { error(key, "expected [[" + field(key) + "]] tables"); return {}; }
        }
        return out;
    }
    if (const toml::table* t = n->as_table()) { out.push_back(t); return out; }
    error(key, "expected [[" + field(key) + "]] tables");
    return out;
}

const toml::table* TomlFields::table(const char* key, bool required) {
    const toml::node* n = get(key, required, "a table");
    if (!n) return nullptr;
    if (const toml::table* t = n->as_table()) return t;
    error(key, "expected a table [" + field(key) + "]");
    return nullptr;
}

}  // namespace cd::scenario

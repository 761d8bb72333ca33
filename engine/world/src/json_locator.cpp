// A minimal scanner that walks JSON text without building a tree: enough to skip values
// and to descend into an object key or an array index.
#include "json_locator.h"

#include <cctype>
#include <cstdlib>
#include <variant>
#include <vector>

namespace cd::world::detail {

namespace {

using Step = std::variant<std::string, std::size_t>;

std::vector<Step> splitPath(const std::string& path) {
    std::vector<Step> steps;
    std::size_t i = 0;
    while (i < path.size()) {
        if (path[i] == '.') {
            ++i;
        } else if (path[i] == '[') {
            const std::size_t close = path.find(']', i);
            if (close == std::string::npos) break;
            steps.emplace_back(std::size_t(std::strtoul(path.c_str() + i + 1, nullptr, 10)));
            i = close + 1;
        } else {
            std::size_t end = path.find_first_of(".[", i);
            if (end == std::string::npos) end = path.size();
            steps.emplace_back(path.substr(i, end - i));
            i = end;
        }
    }
    return steps;
}

struct Scanner {
    const std::string& s;
    std::size_t p = 0;

    void ws() {
        while (p < s.size() && std::isspace(static_cast<unsigned char>(s[p]))) ++p;
    }
    bool str(std::string* out) {
        if (p >= s.size() || s[p] != '"') return false;
        ++p;
        while (p < s.size() && s[p] != '"') {
            if (s[p] == '\\') ++p;  // escaped character; keys we look for have none
            else if (out) out->push_back(s[p]);
            ++p;
        }
        ++p;
        return p <= s.size();
    }
    bool skipValue() {
        ws();
        if (p >= s.size()) return false;
        const char c = s[p];
        if (c == '"') return str(nullptr);
        if (c == '{' || c == '[') {
            const char close = c == '{' ? '}' : ']';
            ++p;
            ws();
            if (p < s.size() && s[p] == close) {
                ++p;
                return true;
            }
            while (p < s.size()) {
                if (c == '{') {
                    ws();
                    if (!str(nullptr)) return false;
                    ws();
                    if (p >= s.size() || s[p] != ':') return false;
                    ++p;
                }
                if (!skipValue()) return false;
                ws();
                if (p < s.size() && s[p] == ',') {
                    ++p;
                    continue;
                }
                if (p < s.size() && s[p] == close) {
                    ++p;
                    return true;
                }
                return false;
            }
            return false;
        }
        while (p < s.size() && s[p] != ',' && s[p] != '}' && s[p] != ']' && !std::isspace(static_cast<unsigned char>(s[p]))) ++p;
        return true;
    }
    /// Moves p to the start of the member `key` of the object at p (at the key itself).
    bool enterKey(const std::string& key, std::size_t& keyPos) {
        ws();
        if (p >= s.size() || s[p] != '{') return false;
        ++p;
        while (true) {
            ws();
            keyPos = p;
            std::string k;
            if (!str(&k)) return false;
            ws();
            if (p >= s.size() || s[p] != ':') return false;
            ++p;
            ws();
            if (k == key) return true;
            if (!skipValue()) return false;
            ws();
            if (p < s.size() && s[p] == ',') {
                ++p;
                continue;
            }
            return false;
        }
    }
    bool enterIndex(std::size_t index) {
        ws();
        if (p >= s.size() || s[p] != '[') return false;
        ++p;
        for (std::size_t i = 0; i < index; ++i) {
            if (!skipValue()) return false;
            ws();
            if (p >= s.size() || s[p] != ',') return false;
            ++p;
        }
        ws();
        return true;
    }
};

}  // namespace

int jsonLineOf(const std::string& text, const std::string& path) {
    Scanner sc{text};
    std::size_t mark = 0;
    bool found = true;
    for (const Step& step : splitPath(path)) {
        if (const auto* key = std::get_if<std::string>(&step)) {
            std::size_t keyPos = 0;
            if (!sc.enterKey(*key, keyPos)) {
                found = false;
                break;
            }
            mark = keyPos;
        } else {
            if (!sc.enterIndex(std::get<std::size_t>(step))) {
                found = false;
                break;
            }
            mark = sc.p;
        }
    }
    // A missing member is reported at the object that should hold it (for the root: where it starts).
    if (!found && mark == 0) {
        Scanner root{text};
        root.ws();
        mark = root.p;
    }
    int line = 1;
    for (std::size_t i = 0; i < mark && i < text.size(); ++i)
        if (text[i] == '\n') ++line;
    return line;
}

}  // namespace cd::world::detail

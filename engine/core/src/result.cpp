#include "core/result.h"

namespace cd {

std::string Error::str() const {
    std::string s;
    if (!file.empty()) {
        s += file;
        if (line > 0) s += ":" + std::to_string(line);
        s += ": ";
    }
    if (!field.empty()) s += field + ": ";
    s += message;
    return s;
}

Error makeError(std::string message, std::string file, int line, std::string field) {
    return Error{std::move(file), line, std::move(field), std::move(message)};
}

}  // namespace cd

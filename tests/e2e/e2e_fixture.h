#pragma once
// Runs the citydrill program as a user would and reads what it leaves behind.
#include <cstdio>
#include <cstdlib>
#include <sys/wait.h>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace cd::e2e {

struct CommandResult {
    int exitCode = -1;
    std::string output;  ///< stdout and stderr together
};

inline std::string binDir() {
    const char* b = std::getenv("CITYDRILL_BIN_DIR");
    return b ? b : "build/bin";
}

inline CommandResult runCitydrill(const std::string& args) {
    std::string cmd = binDir() + "/citydrill " + args + " 2>&1";
    CommandResult r;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return r;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) r.output.append(buf, n);
    int status = pclose(p);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

// The folders freshDir made: removed when the test program ends with every test passed, kept
// to look at when one failed (each run left some 45 MB in the temp folder).
struct FreshDirs {
    std::vector<std::filesystem::path> dirs;
    ~FreshDirs() {
        if (!::testing::UnitTest::GetInstance()->Passed()) return;
        std::error_code ec;
        for (const auto& d : dirs) std::filesystem::remove_all(d, ec);
    }
};

inline std::string freshDir(const std::string& name) {
    static FreshDirs made;
    auto dir = std::filesystem::temp_directory_path() / ("citydrill_e2e_" + name + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    made.dirs.push_back(dir);
    return dir.string();
}

inline nlohmann::json readJson(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return nlohmann::json::parse(ss.str(), nullptr, false);
}

inline std::string readText(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace cd::e2e

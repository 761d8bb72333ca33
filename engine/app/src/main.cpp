// citydrill: entry point. Dispatches to the registered subcommands.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "command.h"

namespace cd::app {

std::vector<Command>& commandRegistry() {
    static std::vector<Command> commands;
    return commands;
}

namespace {
void printHelp() {
    auto cmds = commandRegistry();
    std::sort(cmds.begin(), cmds.end(), [](const Command& a, const Command& b) { return std::strcmp(a.name, b.name) < 0; });
    std::printf("CityDrill %s: emergency training and scenario rehearsal.\n\nUsage:\n", CITYDRILL_VERSION);
    for (const auto& c : cmds) std::printf("  citydrill %s\n      %s\n", c.usage, c.summary);
    std::printf("  citydrill --help | --version\n");
}
}  // namespace

}  // namespace cd::app

int main(int argc, char** argv) {
    using namespace cd::app;
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "help")) {
        printHelp();
        return argc < 2 ? 2 : 0;
    }
    if (!std::strcmp(argv[1], "--version")) {
        std::printf("citydrill %s\n", CITYDRILL_VERSION);
        return 0;
    }
    for (const auto& c : commandRegistry()) {
        if (std::strcmp(c.name, argv[1]) == 0) {
            std::vector<std::string> args(argv + 2, argv + argc);
            return c.run(args);
        }
    }
    std::fprintf(stderr, "citydrill: unknown command '%s' (see citydrill --help)\n", argv[1]);
    return 2;
}

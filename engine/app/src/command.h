#pragma once
/// A citydrill subcommand ("run", "validate", "fire", "flood", "crowd", ...).
/// Each lives in its own <name>_command.cpp and registers itself with CD_COMMAND, so a
/// model's command is added without touching main.cpp.
#include <string>
#include <vector>

namespace cd::app {

/// Arguments after the subcommand name. Returns the process exit code.
using CommandFn = int (*)(const std::vector<std::string>& args);

struct Command {
    const char* name;
    const char* usage;    ///< one line: "fire CASE.toml --until T --every DT --csv OUT.csv"
    const char* summary;  ///< one sentence for --help
    CommandFn run;
};

std::vector<Command>& commandRegistry();

struct CommandRegistrar {
    explicit CommandRegistrar(Command c) { commandRegistry().push_back(c); }
};

}  // namespace cd::app

#define CD_COMMAND(ident, name, usage, summary, fn) \
    static ::cd::app::CommandRegistrar ident##_registrar{::cd::app::Command{name, usage, summary, fn}}

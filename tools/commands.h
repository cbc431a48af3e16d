// The subcommands of `accord`. Each lives in its own tools/<name>_command.cc, registers its
// options on the CLI11 app and returns the function that runs it after parsing.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

namespace accord::cli {

// Exit codes (README: Exit status).
inline constexpr int kExitOk = 0;
inline constexpr int kExitSkipped = 1;   // finished, but some input was reported and skipped
inline constexpr int kExitUsage = 2;     // bad command line
inline constexpr int kExitFailed = 3;    // could not run (unwritable output, broken rules) or a
                                         // score gate (--min) failed
inline constexpr int kExitInterrupted = 130;  // stopped by Ctrl-C; outputs hold complete records

struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

Command AddExtractCommand(CLI::App& app);
Command AddEvalCommand(CLI::App& app);
Command AddMergeCommand(CLI::App& app);

// Logging to stderr through spdlog; -v/-q of each command set the level.
void SetupLogging(int verbosity, bool quiet);

}  // namespace accord::cli

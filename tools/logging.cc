#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "tools/commands.h"

namespace accord::cli {

void SetupLogging(int verbosity, bool quiet) {
  auto logger = spdlog::stderr_color_mt("accord");
  spdlog::set_default_logger(logger);
  spdlog::set_pattern("accord: %^%l%$: %v");
  spdlog::set_level(quiet ? spdlog::level::err
                          : verbosity >= 2 ? spdlog::level::trace
                          : verbosity == 1 ? spdlog::level::debug
                                           : spdlog::level::info);
}

}  // namespace accord::cli

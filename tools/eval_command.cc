// accord eval GOLD [PRED] : scores annotations against gold (pipeline/eval/).
#include <memory>
#include <string>

#include <spdlog/spdlog.h>

#include "tools/commands.h"

namespace accord::cli {

Command AddEvalCommand(CLI::App& app) {
  auto gold = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("eval", "Score annotations against gold, per entity type.");
  cmd->add_option("gold", *gold, "Gold annotations")->required();
  return {cmd, [gold]() {
            SetupLogging(0, false);
            spdlog::error("eval is not implemented yet");
            return kExitFailed;
          }};
}

}  // namespace accord::cli

// accord: mailing-list archives in, the accord/1 dataset out. Thin over the library: each
// subcommand (tools/*_command.cc) parses its options and calls into pipeline/.
#include <vector>

#include "tools/commands.h"

int main(int argc, char** argv) {
  using namespace accord::cli;
  CLI::App app{"accord: turns mailing-list archives that forward news articles into the accord/1 "
               "dataset of the people, organizations, nations and dates they mention.\n"
               "Run 'accord COMMAND --help' for a command's options."};
  app.require_subcommand(1);
  std::vector<Command> commands = {AddExtractCommand(app), AddEvalCommand(app),
                                   AddMergeCommand(app)};
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  for (const Command& c : commands)
    if (c.app->parsed()) return c.run();
  return kExitUsage;
}

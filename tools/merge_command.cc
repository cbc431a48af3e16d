// accord merge SHARD... : joins the outputs of `accord extract --shard K/N` into the bytes one
// unsharded run writes (pipeline/batch/merge.h).
#include <memory>
#include <string>
#include <vector>

#include <spdlog/spdlog.h>

#include "pipeline/batch/merge.h"
#include "tools/commands.h"

namespace accord::cli {

Command AddMergeCommand(CLI::App& app) {
  struct Flags {
    std::vector<std::string> shards;
    std::string output = "-";
    bool quiet = false;
  };
  auto f = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand(
      "merge", "Join the outputs of 'accord extract --shard K/N' (all N shards) into the output one "
               "unsharded run writes.");
  cmd->add_option("shards", f->shards,
                  "The shards' outputs, each with its .order sidecar: jsonl, conll or sqlite files, "
                  "csv or brat folders, or regeneration folders")
      ->required();
  cmd->add_option("-o,--output", f->output,
                  "Where to write (a file, or standard output for jsonl and conll, the default; a "
                  "folder for csv, brat and regeneration folders)");
  cmd->add_flag("-q,--quiet", f->quiet, "Only errors on standard error");
  return {cmd, [f]() {
            SetupLogging(0, f->quiet);
            auto summary = MergeShards(f->shards, f->output);
            if (!summary.ok()) {
              spdlog::error("{}", summary.status().message());
              return kExitFailed;
            }
            if (!f->quiet)
              spdlog::info("merged {} shards: {} records into {} output(s)", f->shards.size(),
                           summary->records, summary->outputs);
            return kExitOk;
          }};
}

}  // namespace accord::cli

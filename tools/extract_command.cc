// accord extract INPUT... : the main job.
#include <memory>
#include <string>

#include <spdlog/spdlog.h>

#include "pipeline/batch/runner.h"
#include "tools/commands.h"

namespace accord::cli {

Command AddExtractCommand(CLI::App& app) {
  struct Flags {
    ExtractOptions ex;
    std::string input_format = "auto";
    std::string format = "jsonl";
    std::string shard;
    std::string doc_date;
    int verbosity = 0;
    bool quiet = false;
  };
  auto f = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand(
      "extract", "Extract entities from archives, messages or articles into an accord/1 dataset.");
  cmd->add_option("inputs", f->ex.inputs,
                  "mbox, pipermail .txt, .eml, maildir, plain-text article, accord/1 .jsonl, any of "
                  "them .gz; directories are read recursively; - reads standard input")
      ->required();
  cmd->add_option("-o,--output", f->ex.output,
                  "Where to write (default: standard output). A folder (existing, or ending in '/') "
                  "makes a regeneration run for jsonl, sqlite and conll: one output per input and a "
                  "manifest, and a rerun redoes only the inputs that changed. csv and brat write "
                  "into the folder -o names");
  cmd->add_option("-f,--format", f->format, "Output format (default: jsonl, the accord/1 dataset)")
      ->check(CLI::IsMember({"jsonl", "csv", "sqlite", "brat", "conll"}));
  cmd->add_option("-j,--jobs", f->ex.jobs, "Worker threads (default: the machine's cores)")
      ->check(CLI::Range(0, 1024));
  cmd->add_flag("--force", f->ex.force, "Regeneration run: redo every input, even when up to date");
  cmd->add_option("--shard", f->shard,
                  "K/N: process only the K-th of N stable parts of the documents (by a hash of "
                  "doc_id); 'accord merge' joins the N outputs");
  cmd->add_flag("--include-text", f->ex.output_options.include_text,
                "Add each document's text to its record (the offsets index it)");
  cmd->add_option("--doc-date", f->doc_date,
                  "YYYY-MM-DD to resolve relative dates against when a document states no date");
  cmd->add_option("--input-format", f->input_format, "How to read the inputs (default: detect by content)")
      ->check(CLI::IsMember({"auto", "mbox", "pipermail", "eml", "maildir", "text", "jsonl"}));
  cmd->add_flag("-v,--verbose", f->verbosity, "More log lines (-vv for all)");
  cmd->add_flag("-q,--quiet", f->quiet, "Only errors on standard error (no progress line, no summary)");

  return {cmd, [f]() {
            SetupLogging(f->verbosity, f->quiet);
            f->ex.ingest.format = ParseInputFormat(f->input_format).value();
            f->ex.format = ParseSinkFormat(f->format).value();
            if (!f->shard.empty()) {
              auto shard = ParseShard(f->shard);
              if (!shard.ok()) {
                spdlog::error("{}", shard.status().message());
                return kExitUsage;
              }
              f->ex.shard = *shard;
            }
            if (!f->doc_date.empty()) f->ex.stages.default_doc_date = f->doc_date;
            f->ex.quiet = f->quiet;
            auto summary = RunExtract(f->ex);
            if (!summary.ok()) {
              spdlog::error("{}", summary.status().message());
              return summary.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitFailed;
            }
            if (!f->quiet) spdlog::info("{}", FormatSummary(*summary));
            if (summary->interrupted) return kExitInterrupted;
            return summary->skipped > 0 ? kExitSkipped : kExitOk;
          }};
}

}  // namespace accord::cli

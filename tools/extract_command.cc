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
  cmd->add_option("-o,--output", f->ex.output, "Where to write the dataset (default: standard output)");
  cmd->add_flag("--include-text", f->ex.output_options.include_text,
                "Add each document's text to its record (the offsets index it)");
  cmd->add_option("--doc-date", f->doc_date,
                  "YYYY-MM-DD to resolve relative dates against when a document states no date");
  cmd->add_option("--input-format", f->input_format, "How to read the inputs (default: detect by content)")
      ->check(CLI::IsMember({"auto", "mbox", "pipermail", "eml", "maildir", "text", "jsonl"}));
  cmd->add_flag("-v,--verbose", f->verbosity, "More log lines (-vv for all)");
  cmd->add_flag("-q,--quiet", f->quiet, "Only errors on standard error");

  return {cmd, [f]() {
            SetupLogging(f->verbosity, f->quiet);
            f->ex.ingest.format = ParseInputFormat(f->input_format).value();
            if (!f->doc_date.empty()) f->ex.stages.default_doc_date = f->doc_date;
            f->ex.quiet = f->quiet;
            auto summary = RunExtract(f->ex);
            if (!summary.ok()) {
              spdlog::error("{}", summary.status().message());
              return kExitFailed;
            }
            if (!f->quiet) spdlog::info("{}", FormatSummary(*summary));
            return summary->skipped > 0 ? kExitSkipped : kExitOk;
          }};
}

}  // namespace accord::cli

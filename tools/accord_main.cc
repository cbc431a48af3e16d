// accord: mailing-list archives in, the accord/1 dataset out. Thin over the library: each
// subcommand parses its options and calls into pipeline/.
#include <cstdio>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "pipeline/batch/runner.h"

namespace {

// Exit codes (README: Exit status).
constexpr int kExitOk = 0;
constexpr int kExitSkipped = 1;   // the run finished but some inputs were reported and skipped
constexpr int kExitUsage = 2;     // bad command line
constexpr int kExitFailed = 3;    // the run could not happen (unwritable output, broken rules)

void SetupLogging(int verbosity, bool quiet) {
  auto logger = spdlog::stderr_color_mt("accord");
  spdlog::set_default_logger(logger);
  spdlog::set_pattern("accord: %^%l%$: %v");
  spdlog::set_level(quiet ? spdlog::level::err
                          : verbosity >= 2 ? spdlog::level::trace
                          : verbosity == 1 ? spdlog::level::debug
                                           : spdlog::level::info);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"accord: turns mailing-list archives that forward news articles into the accord/1 "
               "dataset of the people, organizations, nations and dates they mention."};
  app.require_subcommand(1);
  int verbosity = 0;
  bool quiet = false;

  accord::ExtractOptions ex;
  std::string input_format = "auto";
  std::string doc_date;
  auto* extract = app.add_subcommand(
      "extract", "Extract entities from archives, messages or articles into an accord/1 dataset.");
  extract->add_option("inputs", ex.inputs,
                      "mbox, pipermail .txt, .eml, maildir, plain-text article, accord/1 .jsonl, any "
                      "of them .gz; directories are read recursively; - reads standard input")
      ->required();
  extract->add_option("-o,--output", ex.output, "Where to write the dataset (default: standard output)");
  extract->add_flag("--include-text", ex.output_options.include_text,
                    "Add each document's text to its record (offsets index it)");
  extract->add_option("--doc-date", doc_date,
                      "YYYY-MM-DD to resolve relative dates against when a document has no date");
  extract->add_option("--input-format", input_format, "auto|mbox|pipermail|eml|maildir|text|jsonl")
      ->check(CLI::IsMember({"auto", "mbox", "pipermail", "eml", "maildir", "text", "jsonl"}));
  extract->add_flag("-v,--verbose", verbosity, "More log lines (-vv for all)");
  extract->add_flag("-q,--quiet", quiet, "Only errors on standard error");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  SetupLogging(verbosity, quiet);

  if (extract->parsed()) {
    ex.ingest.format = accord::ParseInputFormat(input_format).value();
    if (!doc_date.empty()) ex.stages.default_doc_date = doc_date;
    ex.quiet = quiet;
    auto summary = accord::RunExtract(ex);
    if (!summary.ok()) {
      spdlog::error("{}", summary.status().message());
      return kExitFailed;
    }
    if (!quiet) spdlog::info("{}", accord::FormatSummary(*summary));
    return summary->skipped > 0 ? kExitSkipped : kExitOk;
  }
  return kExitUsage;
}

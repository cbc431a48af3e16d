// accord eval GOLD [PRED] : scores annotations against gold, per entity type (pipeline/eval/).
// Without PRED the standard pipeline runs on the gold documents' own texts.
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <spdlog/spdlog.h>

#include "pipeline/eval/annotations.h"
#include "pipeline/eval/predict.h"
#include "pipeline/eval/report.h"
#include "tools/commands.h"

namespace accord::cli {

Command AddEvalCommand(CLI::App& app) {
  struct Flags {
    std::string gold;
    std::string pred;
    std::string gold_format = "auto";
    std::string pred_format = "auto";
    std::vector<std::string> map;
    std::string scheme = "all";
    bool json = false;
    std::string html;
    size_t errors = 0;
    std::vector<std::string> min;
    std::string text_dir;
    std::string doc_date;
    int threads = 0;
    int verbosity = 0;
    bool quiet = false;
  };
  auto f = std::make_shared<Flags>();
  const std::vector<std::string> formats = {"auto", "jsonl", "brat", "conll", "timeml"};
  CLI::App* cmd = app.add_subcommand(
      "eval", "Score annotations against gold, per entity type (SemEval-2013 9.1 schemes).");
  cmd->add_option("gold", f->gold,
                  "Gold annotations: accord/1 .jsonl, BRAT folder, CoNLL file, TimeML .tml (or a "
                  "folder of them)")
      ->required();
  cmd->add_option("pred", f->pred,
                  "Annotations to score, matched to gold by doc_id (default: run the pipeline on "
                  "the gold texts)");
  cmd->add_option("--gold-format", f->gold_format, "How to read GOLD (default: detect)")
      ->check(CLI::IsMember(formats));
  cmd->add_option("--pred-format", f->pred_format, "How to read PRED (default: detect)")
      ->check(CLI::IsMember(formats));
  cmd->add_option("--map", f->map,
                  "Rename or drop source tags, both sides: SRC=DST, DST - drops (PER=PERSON "
                  "GPE=NATION LOC=-)");
  cmd->add_option("--scheme", f->scheme, "Which scheme(s) to print")
      ->check(CLI::IsMember({"strict", "exact", "partial", "type", "all"}));
  cmd->add_flag("--json", f->json, "Print one JSON object instead of the table");
  cmd->add_option("--html", f->html, "Write a self-contained HTML report of every document");
  cmd->add_option("--errors", f->errors, "List up to N false positives and N false negatives");
  cmd->add_option("--min", f->min,
                  "Fail (exit 3) when a score is below: TYPE=F1 (strict), TYPE.SCHEME=F1, "
                  "TYPE.value|code|canonical=ACCURACY; TYPE may be overall");
  cmd->add_option("--text-dir", f->text_dir,
                  "Where the .txt texts of JSONL records without text are (default: beside the "
                  "JSONL file)");
  cmd->add_option("--doc-date", f->doc_date,
                  "YYYY-MM-DD for documents without a doc_date (pipeline runs only)");
  cmd->add_option("-j,--threads", f->threads, "Pipeline threads (default: one per core)");
  cmd->add_flag("-v,--verbose", f->verbosity, "More log lines");
  cmd->add_flag("-q,--quiet", f->quiet, "Only errors on standard error");

  return {cmd, [f]() {
            SetupLogging(f->verbosity, f->quiet);
            std::vector<eval::Gate> gates;
            for (const std::string& spec : f->min) {
              auto gate = eval::ParseGate(spec);
              if (!gate.ok()) {
                spdlog::error("{}", gate.status().message());
                return kExitUsage;
              }
              gates.push_back(*gate);
            }
            auto map = eval::TagMap::Parse(f->map);
            if (!map.ok()) {
              spdlog::error("{}", map.status().message());
              return kExitUsage;
            }
            eval::ReadOptions gold_options;
            gold_options.format = eval::ParseAnnotationFormat(f->gold_format).value();
            gold_options.map = *map;
            gold_options.text_dir = f->text_dir;
            auto gold = eval::ReadAnnotations(f->gold, gold_options);
            if (!gold.ok()) {
              spdlog::error("{}", gold.status().message());
              return kExitFailed;
            }
            for (const auto& s : gold->skipped) spdlog::info("{}: skipped: {}", s.where, s.reason);

            StatusOr<eval::AnnotationSet> pred = Status();
            std::string pred_label;
            if (f->pred.empty()) {
              StageOptions stages;
              if (!f->doc_date.empty()) stages.default_doc_date = f->doc_date;
              pred = eval::PredictWithPipeline(*gold, stages, f->threads);
              pred_label = "accord pipeline (on the gold texts)";
            } else {
              eval::ReadOptions pred_options = gold_options;
              pred_options.format = eval::ParseAnnotationFormat(f->pred_format).value();
              pred = eval::ReadAnnotations(f->pred, pred_options);
              pred_label = f->pred;
            }
            if (!pred.ok()) {
              spdlog::error("{}", pred.status().message());
              return kExitFailed;
            }
            for (const auto& s : pred->skipped) spdlog::info("{}: skipped: {}", s.where, s.reason);

            const eval::EvalResult result = eval::Score(*gold, *pred);
            if (!result.gold_only.empty() && !f->quiet) {
              spdlog::warn("{} gold documents have no prediction (not scored)", result.gold_only.size());
            }
            if (!result.pred_only.empty() && !f->quiet) {
              spdlog::warn("{} predicted documents are not in the gold (not scored)",
                           result.pred_only.size());
            }
            eval::ReportOptions report;
            report.gold_label = f->gold;
            report.pred_label = pred_label;
            if (f->scheme != "all") report.schemes = {*eval::ParseScheme(f->scheme)};
            if (f->json) {
              std::printf("%s\n", eval::ReportJson(result, report).dump(2).c_str());
            } else {
              std::fputs(eval::FormatTextReport(result, report).c_str(), stdout);
            }
            if (f->errors > 0) std::fputs(eval::FormatErrors(result, f->errors).c_str(), stdout);
            if (!f->html.empty()) {
              std::ofstream out(f->html, std::ios::binary);
              out << eval::FormatHtmlReport(result, report);
              if (!out) {
                spdlog::error("{}: cannot write", f->html);
                return kExitFailed;
              }
            }
            const auto failed = eval::CheckGates(result, gates);
            for (const std::string& line : failed) spdlog::error("score gate failed: {}", line);
            return failed.empty() ? kExitOk : kExitFailed;
          }};
}

}  // namespace accord::cli

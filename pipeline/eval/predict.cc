// Runs the standard pipeline on gold texts (predict.h).
#include "pipeline/eval/predict.h"

#include <atomic>
#include <thread>

#include "pipeline/batch/standard_pipeline.h"
#include "pipeline/sinks/jsonl_sink.h"

namespace accord::eval {

StatusOr<Document> DocumentFromGold(const AnnotatedDoc& gold) {
  if (!gold.text) {
    return InvalidArgument("gold document " + gold.doc_id +
                           " has no text: give it a \"text\" field or a .txt file beside the "
                           "gold file (or in --text-dir), or give PRED");
  }
  Document doc;
  doc.doc_id = gold.doc_id;
  doc.text = *gold.text;
  doc.doc_date = gold.doc_date;
  doc.meta = gold.meta;
  doc.source = gold.source;
  doc.from_jsonl = true;
  return doc;
}

StatusOr<AnnotationSet> PredictWithPipeline(const AnnotationSet& gold, const StageOptions& options,
                                            int threads) {
  for (const AnnotatedDoc& g : gold.docs) {
    if (!g.text) return DocumentFromGold(g).status();
  }
  auto pipeline = BuildStandardPipeline(options);
  if (!pipeline.ok()) return pipeline.status();

  const size_t n = gold.docs.size();
  std::vector<std::string> records(n);
  std::vector<Status> errors(n);
  std::atomic<size_t> next{0};
  auto work = [&]() {
    OutputOptions out;
    out.include_text = true;
    for (size_t i = next++; i < n; i = next++) {
      auto doc = DocumentFromGold(gold.docs[i]);
      if (!doc.ok()) {
        errors[i] = doc.status();
        continue;
      }
      Status s = pipeline->Run(*doc);
      if (!s.ok()) {
        errors[i] = Status(s.code(), gold.docs[i].doc_id + ": " + s.message());
        continue;
      }
      records[i] = FormatAccordRecord(*doc, out);
    }
  };
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  threads = static_cast<int>(std::min<size_t>(static_cast<size_t>(threads), std::max<size_t>(n, 1)));
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  for (const Status& s : errors) {
    if (!s.ok()) return s;
  }
  std::string content;
  for (const std::string& r : records) {
    content += r;
    content.push_back('\n');
  }
  ReadOptions read;
  read.format = AnnotationFormat::kJsonl;
  auto set = ParseAccordJsonl(content, "pipeline", read);
  if (!set.ok()) return set.status();
  set->path = "(pipeline)";
  return set;
}

}  // namespace accord::eval

// Zoning on the shared list-dev corpus (real list messages with gold article spans and meta):
// the article metadata, the discussion posts, and how well the article zones cover the gold
// article spans. Prints the figures; fails when they drop below the gates.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/eval/scorer.h"
#include "pipeline/ingest/ingest.h"
#include "pipeline/utf8.h"
#include "pipeline/zone/zone_stage.h"
#include "tests/testing.h"

namespace accord {
namespace {

std::vector<Document> ReadMbox(const std::string& path) {
  std::vector<Document> docs;
  InputFile file{path, 0, false};
  Status st = IngestFile(
      file, {}, [&](Document&& d) { docs.push_back(std::move(d)); return true; },
      [](const IngestError& e) { ADD_FAILURE() << e.path << ":" << e.offset << ": " << e.message; });
  EXPECT_TRUE(st.ok()) << st.ToString();
  return docs;
}

TEST(ZoningListDevTest, MetaAndArticleSpans) {
  ACCORD_REQUIRE_SHARED(shared);
  const std::string dir = shared + "/list-dev/";
  std::vector<Document> docs = ReadMbox(dir + "list-dev.mbox");
  std::ifstream gold_in(dir + "list-dev.gold.jsonl");
  std::vector<Json> gold;
  for (std::string line; std::getline(gold_in, line);)
    if (!line.empty()) gold.push_back(Json::parse(line));
  ASSERT_EQ(docs.size(), gold.size());

  auto zone = MakeZoneStage({});
  ASSERT_TRUE(zone.ok());
  int fields = 0, fields_right = 0, posts = 0, posts_clean = 0;
  long gold_chars = 0, our_chars = 0, both_chars = 0;
  const bool verbose = std::getenv("ACCORD_ZONE_VERBOSE") != nullptr;
  for (size_t d = 0; d < docs.size(); ++d) {
    Document& doc = docs[d];
    const Json& g = gold[d];
    ASSERT_TRUE((*zone)->Run(doc).ok());
    const Json& gm = g["meta"];
    for (const char* f : {"title", "author", "published", "url"}) {
      if (!gm.contains(f)) continue;
      ++fields;
      const std::string want = eval::CollapseSpace(gm[f].get<std::string>());
      const std::string got = doc.meta.contains(f) ? eval::CollapseSpace(doc.meta[f].get<std::string>()) : "";
      if (want == got) ++fields_right;
      else if (verbose) std::printf("[%zu] %s: want \"%s\" got \"%s\"\n", d, f, want.c_str(), got.c_str());
    }
    const auto& spans = gm["article_spans"];
    if (spans.empty()) {
      ++posts;
      bool clean = true;
      for (const char* f : {"title", "author", "published", "url"}) clean &= !doc.meta.contains(f);
      for (const Zone& z : doc.zones) clean &= !IsArticleZone(z.kind);
      posts_clean += clean;
      if (!clean && verbose) std::printf("[%zu] discussion post got article meta or zones\n", d);
    }
    // Coverage over non-space code points of the gold text.
    const std::string text = g["text"].get<std::string>();
    if (text != doc.text) {
      ADD_FAILURE() << "[" << d << "] ingested text differs from the gold text";
      continue;
    }
    utf8::CodePointIndex cps(text);
    std::vector<char> in_gold(utf8::CodePointCount(text) + 1, 0), in_ours(in_gold.size(), 0);
    for (const auto& s : spans)
      for (int i = s[0].get<int>(); i < s[1].get<int>(); ++i) in_gold[i] = 1;
    for (const Zone& z : doc.zones) {
      if (!IsArticleZone(z.kind)) continue;
      for (size_t i = cps.ToCodePoint(z.span.begin); i < cps.ToCodePoint(z.span.end); ++i)
        in_ours[i] = 1;
    }
    long g_here = 0, o_here = 0, b_here = 0;
    size_t byte = 0, cp = 0;
    while (byte < text.size()) {
      const char c = text[byte];
      utf8::Next(text, byte);
      if (!(c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '>')) {
        g_here += in_gold[cp];
        o_here += in_ours[cp];
        b_here += in_gold[cp] && in_ours[cp];
      }
      ++cp;
    }
    gold_chars += g_here;
    our_chars += o_here;
    both_chars += b_here;
    if (verbose)
      std::printf("[%zu] spans recall %.2f precision %.2f (%s)\n", d,
                  g_here ? double(b_here) / g_here : 1.0, o_here ? double(b_here) / o_here : 1.0,
                  g["doc_id"].get<std::string>().c_str());
  }
  const double meta = double(fields_right) / fields;
  const double recall = double(both_chars) / gold_chars, precision = double(both_chars) / our_chars;
  std::printf("list-dev zoning: meta %d/%d (%.1f%%), discussion posts clean %d/%d, article text "
              "recall %.3f precision %.3f\n",
              fields_right, fields, 100 * meta, posts_clean, posts, recall, precision);
  EXPECT_GE(meta, 0.9);
  EXPECT_EQ(posts_clean, posts);
  EXPECT_GE(recall, 0.95);
  EXPECT_GE(precision, 0.93);
}

// The MEANTIME dev archive (Wikinews articles forwarded to a list): title, published and url of
// every message.
TEST(ZoningMeantimeDevTest, TitlePublishedUrl) {
  ACCORD_REQUIRE_SHARED(shared);
  const std::string dir = shared + "/meantime-dev/";
  std::vector<Document> docs = ReadMbox(dir + "dev.mbox");
  std::ifstream gold_in(dir + "dev.mbox.gold.jsonl");
  std::vector<Json> gold;
  for (std::string line; std::getline(gold_in, line);)
    if (!line.empty()) gold.push_back(Json::parse(line));
  ASSERT_EQ(docs.size(), gold.size());
  auto zone = MakeZoneStage({});
  int fields = 0, right = 0;
  for (size_t d = 0; d < docs.size(); ++d) {
    ASSERT_TRUE((*zone)->Run(docs[d]).ok());
    for (const char* f : {"title", "published", "url"}) {
      if (!gold[d]["meta"].contains(f)) continue;
      ++fields;
      const std::string want = eval::CollapseSpace(gold[d]["meta"][f].get<std::string>());
      const std::string got = eval::CollapseSpace(docs[d].meta.value(f, ""));
      if (want == got) ++right;
      else if (std::getenv("ACCORD_ZONE_VERBOSE"))
        std::printf("[%zu] %s: want \"%s\" got \"%s\"\n", d, f, want.c_str(), got.c_str());
    }
  }
  std::printf("meantime-dev zoning: meta %d/%d\n", right, fields);
  EXPECT_GE(right, fields * 95 / 100);
}

}  // namespace
}  // namespace accord

// The seed article (a real forwarded NYT story with its list footer): zoning finds its title,
// byline, date, URL and list, and keeps the URL and footer out of the article.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "pipeline/ingest/ingest.h"
#include "pipeline/utf8.h"
#include "pipeline/zone/zone_stage.h"
#include "tests/testing.h"

namespace accord {
namespace {

TEST(SeedMetaTest, TitleAuthorPublishedUrlList) {
  ACCORD_REQUIRE_SHARED(shared);
  std::vector<Document> docs;
  InputFile file{shared + "/seed/tech-accord-2018-04-17.txt", 0, false};
  ASSERT_TRUE(IngestFile(file, {}, [&](Document&& d) { docs.push_back(std::move(d)); return true; },
                         [](const IngestError& e) { ADD_FAILURE() << e.message; })
                  .ok());
  ASSERT_EQ(docs.size(), 1u);
  Document& doc = docs[0];
  auto zone = MakeZoneStage({});
  ASSERT_TRUE((*zone)->Run(doc).ok());
  // The expected meta is the seed's gold, read where it lies.
  const auto gold = nlohmann::json::parse(testing::ReadFile(shared + "/seed/tech-accord-2018-04-17.gold.jsonl"));
  for (const char* field : {"title", "author", "published", "url", "list"})
    EXPECT_EQ(doc.meta.value(field, ""), gold.at("meta").value(field, "")) << field;
  EXPECT_EQ(doc.doc_date.value_or(""), gold.value("doc_date", ""));
  // The URL line and the footer are not article; the story's last paragraph is.
  const size_t url = doc.text.find(gold.at("meta").value("url", "?"));
  const size_t footer = doc.text.find(gold.at("meta").value("list", "?") + " mailing list");
  // The last gold entity lies in the story's last paragraph.
  const size_t last_para = utf8::CodePointIndex(doc.text).ToByte(gold.at("entities").back().at("start").get<size_t>());
  ASSERT_NE(footer, std::string::npos);
  for (const Zone& z : doc.zones) {
    if (!IsArticleZone(z.kind)) continue;
    EXPECT_FALSE(z.span.begin <= url && url < z.span.end) << "URL inside an article zone";
    EXPECT_FALSE(z.span.begin <= footer && footer < z.span.end) << "footer inside an article zone";
  }
  bool last_in = false;
  for (const Zone& z : doc.zones)
    last_in |= IsArticleZone(z.kind) && z.span.begin <= last_para && last_para < z.span.end;
  EXPECT_TRUE(last_in);
}

}  // namespace
}  // namespace accord

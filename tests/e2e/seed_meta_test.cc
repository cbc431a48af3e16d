// The seed article (a real forwarded NYT story with its list footer): zoning finds its title,
// byline, date, URL and list, and keeps the URL and footer out of the article.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/ingest/ingest.h"
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
  EXPECT_EQ(doc.meta.value("title", ""), "Tech Firms to Pledge Not to Assist Governments in Cyberattacks");
  EXPECT_EQ(doc.meta.value("author", ""), "David E. Sanger");
  EXPECT_EQ(doc.meta.value("published", ""), "2018-04-17");
  EXPECT_EQ(doc.meta.value("url", ""),
            "https://www.nytimes.com/2018/04/17/us/politics/tech-companies-cybersecurity-accord.html");
  EXPECT_EQ(doc.meta.value("list", ""), "Infowarrior");
  EXPECT_EQ(doc.doc_date.value_or(""), "2018-04-17");
  // The URL line and the footer are not article; the story's last paragraph is.
  const size_t url = doc.text.find("https://www.nytimes.com");
  const size_t footer = doc.text.find("Infowarrior mailing list");
  const size_t last_para = doc.text.find("The cybersecurity coordinator");
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

// Zoning: finds the forwarded article(s) in a message body and labels every line.
//
// Three passes over the lines of the body (rules named in line_rules.h, tested in
// tests/unit/zone_test.cc with messages written for the tests):
//   1. hard zones       list footer, signature, PGP armour, forwarded-message markers and header
//                       blocks, URL lines, boilerplate, reply attributions (line rules)
//   2. article anchors  the paragraph where an article starts: a headline over a byline, a date
//                       line, a dateline ("WASHINGTON (AP) --"), a wire slug or a copyright line;
//                       else a headline over body text; else the text after a forward marker.
//                       No anchor: a discussion post, no article.
//   3. article extent   paragraphs up to the next hard zone; a new headline + byline/dateline
//                       starts a new article; in a quoted article an unquoted remark is not
//                       article; the forwarder's trailing remarks are cut off.
// Then the metadata: title, author, published, url, list; the article dates and doc_date.
#pragma once

#include <optional>
#include <string>

#include "pipeline/document.h"

namespace accord::zone {

struct ZonerOptions {
  std::optional<std::string> default_doc_date;
};

// Fills doc.zones, doc.articles and (unless doc.from_jsonl) doc.meta and doc.doc_date; sets
// doc.source["list"] when the footer names the list and the source has none.
void ZoneDocument(Document& doc, const ZonerOptions& options);

}  // namespace accord::zone

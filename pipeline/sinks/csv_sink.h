// The CSV sink: three RFC 4180 files in one folder (fields quoted when they hold a comma, a quote,
// CR or LF; quotes doubled; lines end with CRLF; a header row first).
//   documents.csv  doc_id,path,offset,message_id,list,doc_date,title,author,published,url[,text]
//   mentions.csv   doc_id,type,start,end,text,canonical,code,value,kind   (code-point offsets)
//   entities.csv   doc_id,type,key,code,mentions   (distinct entities per document, rows.h)
#pragma once

#include <cstdio>
#include <string>

#include "pipeline/sinks/sink.h"

namespace accord {

// Appends `field` to `out`, quoted when RFC 4180 requires it.
void AppendCsvField(std::string_view field, std::string& out);

class CsvSink final : public Sink {
 public:
  CsvSink(std::string folder, OutputOptions options) : folder_(std::move(folder)), options_(options) {}
  ~CsvSink() override;
  Status Begin() override;
  Status Write(const Document& doc) override;
  Status Finish() override;

 private:
  void Close();
  std::string folder_;
  OutputOptions options_;
  std::FILE* documents_ = nullptr;
  std::FILE* mentions_ = nullptr;
  std::FILE* entities_ = nullptr;
  std::string buf_;
};

}  // namespace accord

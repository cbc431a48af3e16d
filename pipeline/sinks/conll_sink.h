// The CoNLL sink: IOB2 tags over the tokens of the article text (the segment stage's tokens),
// one "TOKEN\tTAG" a line, a blank line between sentences, and each document opened with
// "-DOCSTART-\tO" and a blank line. Tags: O, B-PERSON, I-PERSON, B-ORGANIZATION, ..., B-DATE.
// A token is tagged when its raw span lies inside an entity; whitespace inside a token becomes
// '_'.
#pragma once

#include <cstdio>
#include <string>

#include "pipeline/sinks/sink.h"

namespace accord {

class ConllSink final : public StreamSink {
 public:
  ConllSink(std::FILE* out, bool owned) : StreamSink(out, owned) {}
  void Render(const Document& doc, std::string& out) const override;
};

}  // namespace accord

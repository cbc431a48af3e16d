// Splits an mbox or a Mailman pipermail archive into messages, one at a time, from a LineReader
// (so memory is bounded by the largest message allowed, not by the archive).
//
// A message starts at a separator line: "From " + sender + a date with a clock time and a year
// ("From andy@example.com Sat Nov 14 21:29:28 2015"; pipermail: "From andy at example.com  Sat
// Nov 14 21:29:28 2015"). Body lines that match /^>+From / lose one '>' (mboxrd; also right for
// the mboxo escaping of "From " lines). The empty line that ends each message in the archive is
// the separator's, not the message's, and is dropped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "pipeline/ingest/line_reader.h"

namespace accord::ingest {

// True for an mbox/pipermail separator line ("From " + sender + date with time and year).
bool IsFromLine(std::string_view line);
// True for a pipermail separator (its sender is written "andy at example.com").
bool IsPipermailFromLine(std::string_view line);

// Between calls it keeps a view of lines in `in`'s buffer (read past the last separator), so
// nothing else may read from `in` while it is in use.
class MboxReader {
 public:
  MboxReader(LineReader* in, size_t max_message_bytes) : in_(in), max_message_(max_message_bytes) {}

  struct Message {
    std::string bytes;     // headers and body, unescaped, without the separator line
    uint64_t offset = 0;   // offset of the separator line (of the first line when there is none)
    std::string error;     // non-empty: the message cannot be used (what is wrong)
    uint64_t error_offset = 0;
    bool last = false;     // the input ended after it (cut short if the read failed)
  };
  // The next message; false at the end of the input.
  bool Next(Message* m);

 private:
  // Adds `lines` (whole lines of the message at input offset `offset`) to m: unescaped, up to a
  // separator line. True when it found one (which then starts the next message; the lines after
  // it are kept in pending_).
  bool TakeLines(std::string_view lines, uint64_t offset, Message* m);
  // Appends message bytes, or drops the message once it grows beyond the limit.
  void Append(std::string_view text, Message* m);

  LineReader* in_;
  size_t max_message_;
  bool started_ = false;
  bool have_separator_ = false;  // a separator line was read and starts the next message
  uint64_t separator_offset_ = 0;
  bool oversize_ = false;        // the current message is over the limit: its bytes are dropped
  std::string_view pending_;     // lines read after the last separator, not yet looked at
  uint64_t pending_offset_ = 0;
};

}  // namespace accord::ingest

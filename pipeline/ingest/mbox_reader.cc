#include "pipeline/ingest/mbox_reader.h"

#include <cctype>

namespace accord::ingest {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A clock time (a digit, ':' and two digits: "H:MM", "HH:MM") and a year (a run of exactly four
// digits) after the sender. Both are found at the runs of digits, so the other bytes cost one test
// each, and the search stops once both are found.
bool HasTimeAndYear(std::string_view rest) {
  bool time = false, year = false;
  const size_t n = rest.size();
  for (size_t i = 0; i < n;) {
    if (!IsDigit(rest[i])) {
      ++i;
      continue;
    }
    const size_t start = i;
    while (i < n && IsDigit(rest[i])) ++i;
    year |= i - start == 4;
    time |= i + 2 < n && rest[i] == ':' && IsDigit(rest[i + 1]) && IsDigit(rest[i + 2]);
    if (time && year) return true;
  }
  return false;
}

}  // namespace

bool IsFromLine(std::string_view line) {
  if (line.size() < 10 || line.size() > 1000 || line.compare(0, 5, "From ") != 0) return false;
  std::string_view rest = line.substr(5);
  if (rest.empty() || rest[0] == ' ') return false;
  // Skip the sender (and the pipermail " at domain").
  const size_t sp = rest.find(' ');
  if (sp == std::string_view::npos) return false;
  return HasTimeAndYear(rest.substr(sp));
}

bool IsPipermailFromLine(std::string_view line) {
  if (!IsFromLine(line)) return false;
  std::string_view rest = line.substr(5);
  const size_t sp = rest.find(' ');
  return rest.substr(0, sp).find('@') == std::string_view::npos && rest.substr(sp).rfind(" at ", 0) == 0;
}

bool MboxReader::Next(Message* m) {
  m->bytes.clear();
  m->error.clear();
  m->error_offset = 0;
  m->last = false;
  LineReader::Line line;
  if (!started_) {
    started_ = true;
    // Anything before the first separator is not a message of the archive.
    bool junk = false;
    uint64_t junk_offset = 0;
    while (in_->Next(&line)) {
      if (!line.too_long && IsFromLine(line.text)) {
        have_separator_ = true;
        separator_offset_ = line.offset;
        break;
      }
      if (!junk && (line.too_long || line.text.find_first_not_of(" \t\r\n") != std::string_view::npos)) {
        junk = true;
        junk_offset = line.offset;
      }
    }
    if (junk) {
      m->offset = junk_offset;
      m->error = "text before the first \"From \" line of the mbox (not a message)";
      m->error_offset = junk_offset;
      return true;
    }
  }
  if (!have_separator_) return false;
  m->offset = separator_offset_;
  have_separator_ = false;
  oversize_ = false;
  if (!pending_.empty()) {
    const std::string_view lines = pending_;
    pending_ = {};
    TakeLines(lines, pending_offset_, m);
  }
  while (!have_separator_ && in_->NextLines(&line)) {
    if (line.too_long) {
      if (m->error.empty()) {
        m->error = "line longer than the line limit (message at offset " + std::to_string(m->offset) +
                   "): message skipped";
        m->error_offset = line.offset;
      }
      continue;
    }
    TakeLines(line.text, line.offset, m);
  }
  m->last = !have_separator_;
  // The empty line before the next separator (or at the end of the archive) is not the message's.
  std::string& b = m->bytes;
  if (b.size() >= 2 && b[b.size() - 1] == '\n' && b[b.size() - 2] == '\n') {
    b.pop_back();
  } else if (b.size() >= 4 && b.compare(b.size() - 4, 4, "\r\n\r\n") == 0) {
    b.resize(b.size() - 2);
  }
  return true;
}

void MboxReader::Append(std::string_view text, Message* m) {
  if (oversize_) return;
  if (m->bytes.size() + text.size() > max_message_) {
    oversize_ = true;
    if (m->error.empty()) {
      m->error = "message larger than " + std::to_string(max_message_) + " bytes: skipped";
      m->error_offset = m->offset;
    }
    m->bytes.clear();
    m->bytes.shrink_to_fit();
    return;
  }
  m->bytes.append(text);
}

// Only lines holding "From " matter: a separator starts with it, an escaped line has it after
// its '>'s. So the run of lines is searched for "From " rather than walked line by line; the
// bytes between two such lines are copied in one piece.
bool MboxReader::TakeLines(std::string_view lines, uint64_t offset, Message* m) {
  size_t copied = 0;  // lines[0, copied) is already in m (or dropped)
  size_t from = 0;    // where to search next
  while (true) {
    const size_t f = lines.find("From ", from);
    if (f == std::string_view::npos) break;
    from = f + 5;
    size_t start = f;  // the start of the line if "From " follows only '>'s there
    while (start > copied && lines[start - 1] == '>') --start;
    if (start > 0 && lines[start - 1] != '\n') continue;  // inside a line
    if (start == f) {
      const size_t nl = lines.find('\n', f);
      const size_t end = nl == std::string_view::npos ? lines.size() : nl + 1;
      if (!IsFromLine(lines.substr(f, end - f))) continue;
      Append(lines.substr(copied, f - copied), m);
      have_separator_ = true;
      separator_offset_ = offset + f;
      pending_ = lines.substr(end);
      pending_offset_ = offset + end;
      return true;
    }
    // mboxrd: ">From " -> "From ", ">>From " -> ">From ": the line loses its first '>'.
    Append(lines.substr(copied, start - copied), m);
    copied = start + 1;
  }
  Append(lines.substr(copied), m);
  return false;
}

}  // namespace accord::ingest

#include "pipeline/ingest/mbox_reader.h"

#include <cctype>

namespace accord::ingest {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A clock time "H:MM" or "HH:MM" and a year (four digits standing alone) after the sender.
bool HasTimeAndYear(std::string_view rest) {
  bool time = false, year = false;
  for (size_t i = 0; i < rest.size(); ++i) {
    if (!time && rest[i] == ':' && i > 0 && IsDigit(rest[i - 1]) && i + 2 < rest.size() + 0 &&
        IsDigit(rest[i + 1]) && i + 2 < rest.size() && IsDigit(rest[i + 2]))
      time = true;
    if (!year && IsDigit(rest[i]) && (i == 0 || !IsDigit(rest[i - 1])) && i + 4 <= rest.size() &&
        IsDigit(rest[i + 1]) && IsDigit(rest[i + 2]) && IsDigit(rest[i + 3]) &&
        (i + 4 == rest.size() || !IsDigit(rest[i + 4])))
      year = true;
  }
  return time && year;
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
  bool oversize = false;
  while (in_->Next(&line)) {
    if (line.too_long) {
      if (m->error.empty()) {
        m->error = "line longer than the line limit (message at offset " + std::to_string(m->offset) +
                   "): message skipped";
        m->error_offset = line.offset;
      }
      continue;
    }
    std::string_view text = line.text;
    if (text[0] == 'F' && IsFromLine(text)) {
      have_separator_ = true;
      separator_offset_ = line.offset;
      break;
    }
    if (text[0] == '>') {  // mboxrd: ">From " -> "From ", ">>From " -> ">From "
      size_t q = 1;
      while (q < text.size() && text[q] == '>') ++q;
      if (text.compare(q, 5, "From ") == 0) text.remove_prefix(1);
    }
    if (oversize) continue;
    if (m->bytes.size() + text.size() > max_message_) {
      oversize = true;
      if (m->error.empty()) {
        m->error = "message larger than " + std::to_string(max_message_) + " bytes: skipped";
        m->error_offset = m->offset;
      }
      m->bytes.clear();
      m->bytes.shrink_to_fit();
      continue;
    }
    m->bytes.append(text);
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

}  // namespace accord::ingest

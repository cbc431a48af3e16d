// MboxReader searches runs of lines (LineReader::NextLines) for "From " instead of looking at
// every line. These tests compare it with the plain meaning, a reader that takes one line at a
// time (LineReader::Next), on many archives made of the lines that matter: separators, lines
// that look like separators but are not, mboxrd escapes, "From " inside a line, CRLF, empty
// lines, lines over the line limit, messages over the size limit, text before the first
// separator and a last line without "\n". Small line limits make the runs short, so that
// separators and escapes also fall on their edges.
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "pipeline/ingest/line_reader.h"
#include "pipeline/ingest/mbox_reader.h"

namespace accord::ingest {
namespace {

// The plain meaning: one line at a time.
class LineByLineMbox {
 public:
  LineByLineMbox(LineReader* in, size_t max_message) : in_(in), max_message_(max_message) {}

  bool Next(MboxReader::Message* m) {
    m->bytes.clear();
    m->error.clear();
    m->error_offset = 0;
    m->last = false;
    LineReader::Line line;
    if (!started_) {
      started_ = true;
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
      if (IsFromLine(text)) {
        have_separator_ = true;
        separator_offset_ = line.offset;
        break;
      }
      if (text[0] == '>') {
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
        continue;
      }
      m->bytes.append(text);
    }
    m->last = !have_separator_;
    std::string& b = m->bytes;
    if (b.size() >= 2 && b[b.size() - 1] == '\n' && b[b.size() - 2] == '\n') {
      b.pop_back();
    } else if (b.size() >= 4 && b.compare(b.size() - 4, 4, "\r\n\r\n") == 0) {
      b.resize(b.size() - 2);
    }
    return true;
  }

 private:
  LineReader* in_;
  size_t max_message_;
  bool started_ = false;
  bool have_separator_ = false;
  uint64_t separator_offset_ = 0;
};

std::string Describe(const MboxReader::Message& m) {
  return "offset=" + std::to_string(m.offset) + " last=" + std::to_string(m.last) + " error=" + m.error +
         " error_offset=" + std::to_string(m.error_offset) + "\n[" + m.bytes + "]\n";
}

std::string WriteTemp(const std::string& bytes) {
  const std::string path = ::testing::TempDir() + "/accord_mbox_reader_" + std::to_string(getpid()) + ".mbox";
  std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

template <typename Reader>
std::string ReadAll(const std::string& path, size_t max_line, size_t max_message) {
  LineReader in(max_line);
  EXPECT_TRUE(in.Open(path).ok());
  Reader reader(&in, max_message);
  MboxReader::Message m;
  std::string out;
  while (reader.Next(&m)) out += Describe(m);
  return out;
}

// The lines archives are made of; each one matters to the reader in its own way.
const std::vector<std::string>& Pieces() {
  static const std::vector<std::string> pieces = {
      "From andy@example.com Sat Nov 14 21:29:28 2015\n",
      "From andy at example.com  Sat Nov 14 21:29:28 2015\n",
      "From andy@example.com Sat Nov 14 21:29:28 2015\r\n",
      "From andy@example.com Sat Nov 14 2015\n",     // no clock time: not a separator
      "From  andy@example.com 21:29 2015\n",         // two spaces: not a separator
      "From the wire at 21:29 in 2015\n",            // reads as a separator, like the old reader
      "From the wire.\n",
      "From " + std::string(1000, 'x') + " 21:29 2015\n",  // longer than a separator can be
      ">From the wire.\n",
      ">>From the wire.\n",
      ">>>From andy@example.com Sat Nov 14 21:29:28 2015\n",
      "> >From there.\n",
      "x>From there.\n",
      ">From\n",
      "Quoted From here and From there.\n",
      "From: andy@example.com\n",
      "Subject: hi\n",
      "\n",
      "\r\n",
      "Body line.\n",
      "Body line with CRLF.\r\n",
      std::string(150, 'L') + "\n",  // over the small line limits
      std::string(70, 'M') + " From " + std::string(10, 'N') + "\n",
  };
  return pieces;
}

TEST(MboxReaderTest, RunsOfLinesReadAsLineByLine) {
  std::mt19937 rng(7);
  const std::vector<std::string>& pieces = Pieces();
  const std::string sep = pieces[0];
  for (int i = 0; i < 400; ++i) {
    std::string mbox;
    if (i % 5 == 0) mbox += pieces[rng() % pieces.size()];  // maybe text before the first separator
    if (i % 7 != 0) mbox += sep;
    const int n = 1 + static_cast<int>(rng() % 40);
    for (int k = 0; k < n; ++k) mbox += pieces[rng() % pieces.size()];
    if (i % 3 == 0 && mbox.back() == '\n') mbox.pop_back();  // a last line without "\n"
    if (i % 11 == 0) mbox += "From andy@example.com Sat Nov 14 21:29:28 2015";
    if (i % 13 == 0) mbox += ">From the end";
    const std::string path = WriteTemp(mbox);
    for (size_t max_line : {size_t{64}, size_t{97}, size_t{300}, size_t{4} << 20}) {
      for (size_t max_message : {size_t{40}, size_t{200}, size_t{1} << 20}) {
        SCOPED_TRACE("archive " + std::to_string(i) + " max_line " + std::to_string(max_line) + " max_message " +
                     std::to_string(max_message) + "\n" + mbox);
        ASSERT_EQ(ReadAll<MboxReader>(path, max_line, max_message),
                  ReadAll<LineByLineMbox>(path, max_line, max_message));
      }
    }
    std::filesystem::remove(path);
  }
}

// IsFromLine's time-and-year test, written the plain way: every position is tried as a time
// and as a year.
bool PlainIsFromLine(std::string_view line) {
  if (line.size() < 10 || line.size() > 1000 || line.substr(0, 5) != "From ") return false;
  const std::string_view rest = line.substr(5);
  if (rest.empty() || rest[0] == ' ') return false;
  const size_t sp = rest.find(' ');
  if (sp == std::string_view::npos) return false;
  const std::string_view date = rest.substr(sp);
  auto digit = [&date](size_t i) { return i < date.size() && date[i] >= '0' && date[i] <= '9'; };
  bool time = false, year = false;
  for (size_t i = 0; i < date.size(); ++i) {
    time |= date[i] == ':' && i > 0 && digit(i - 1) && digit(i + 1) && digit(i + 2);
    year |= (i == 0 || !digit(i - 1)) && digit(i) && digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4);
  }
  return time && year;
}

TEST(MboxReaderTest, IsFromLineFindsTimeAndYearAsThePlainTest) {
  std::mt19937 rng(5);
  const std::string alphabet = "0123456789:: aT\n";
  int separators = 0;
  for (int i = 0; i < 200000; ++i) {
    std::string line = "From a@b ";
    const int n = static_cast<int>(rng() % 24);
    for (int k = 0; k < n; ++k) line += alphabet[rng() % alphabet.size()];
    SCOPED_TRACE(line);
    ASSERT_EQ(IsFromLine(line), PlainIsFromLine(line));
    separators += IsFromLine(line);
  }
  EXPECT_GT(separators, 1000);  // the lines try both answers
}

// NextLines hands out the same lines as Next, at the same offsets, only grouped.
TEST(LineReaderTest, NextLinesGroupsTheLinesOfNext) {
  std::mt19937 rng(11);
  const std::vector<std::string>& pieces = Pieces();
  for (int i = 0; i < 100; ++i) {
    std::string text;
    const int n = static_cast<int>(rng() % 3000);
    for (int k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
    if (i % 2 == 0 && !text.empty()) text.pop_back();
    const std::string path = WriteTemp(text);
    for (size_t max_line : {size_t{64}, size_t{300}, size_t{4} << 20}) {
      SCOPED_TRACE("text " + std::to_string(i) + " max_line " + std::to_string(max_line));
      std::string one, grouped;
      LineReader a(max_line), b(max_line);
      ASSERT_TRUE(a.Open(path).ok());
      ASSERT_TRUE(b.Open(path).ok());
      LineReader::Line line;
      while (a.Next(&line))
        one += std::to_string(line.offset) + (line.too_long ? " too long\n" : " [" + std::string(line.text) + "]");
      while (b.NextLines(&line)) {
        if (line.too_long) {
          grouped += std::to_string(line.offset) + " too long\n";
          continue;
        }
        ASSERT_LE(line.text.size(), max_line);
        std::string_view rest = line.text;
        uint64_t offset = line.offset;
        while (!rest.empty()) {  // split the run back into lines
          const size_t nl = rest.find('\n');
          const size_t len = nl == std::string_view::npos ? rest.size() : nl + 1;
          grouped += std::to_string(offset) + " [" + std::string(rest.substr(0, len)) + "]";
          rest.remove_prefix(len);
          offset += len;
        }
      }
      ASSERT_EQ(grouped, one);
    }
    std::filesystem::remove(path);
  }
}

}  // namespace
}  // namespace accord::ingest

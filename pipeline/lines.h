// Lines: walks a text held in memory line by line, without copies. Each line comes without its
// "\n" or "\r\n"; number() is the 1-based number of the last line returned (for errors that
// name a file and line). Streams read from disk use pipeline/ingest/line_reader.h instead.
#pragma once

#include <cstddef>
#include <string_view>

namespace accord {

class Lines {
 public:
  explicit Lines(std::string_view text) : text_(text) {}

  bool Next(std::string_view& line) {
    if (pos_ >= text_.size()) return false;
    size_t nl = text_.find('\n', pos_);
    if (nl == std::string_view::npos) nl = text_.size();
    line = text_.substr(pos_, nl - pos_);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos_ = nl + 1;
    ++number_;
    return true;
  }
  size_t number() const { return number_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  size_t number_ = 0;
};

}  // namespace accord

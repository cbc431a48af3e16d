// OffsetMap: the first-class link between a normalized copy of a text and the raw text.
//
// Normalization (unwrapping lines, dropping quote marks, folding quotes) builds a new string
// byte by byte; for every byte it appends, it records the raw byte range that produced it. A span
// [b, e) of the normalized copy maps back to [raw_begin(b), raw_end(e - 1)) of the raw text,
// so an entity found on the copy is emitted with offsets into the raw text, where
// text[start:end] holds whatever the raw text has there (newlines, quote marks, curly quotes).
//
// The map is stored as runs, not per byte: a one-to-one run maps normalized byte n + i to raw
// byte r + i (a verbatim copy, or one byte standing for one raw byte, like the space that
// replaces a line break); a collapsed run maps all its bytes to one raw range (a folded quote,
// an NFC-composed letter, the space that replaces "  \n  "). Consecutive one-to-one pieces that
// continue each other join one run, so a wrapped paragraph is one run a line or fewer.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace accord {

class NormalizedText {
  struct Run;

 public:
  const std::string& text() const { return text_; }
  size_t size() const { return text_.size(); }

  // Appends `s`, all of whose bytes come from raw bytes [raw_begin, raw_end).
  void Append(std::string_view s, uint32_t raw_begin, uint32_t raw_end);
  // Appends raw bytes [raw_begin, raw_begin + s.size()) unchanged, one byte for one byte.
  void AppendVerbatim(std::string_view s, uint32_t raw_begin);

  // The raw range of normalized bytes [begin, end); begin < end <= size().
  std::pair<uint32_t, uint32_t> ToRaw(uint32_t begin, uint32_t end) const {
    return {RawBegin(begin), RawEnd(end - 1)};
  }
  // The raw range normalized byte i comes from: [RawBegin(i), RawEnd(i)); i < size().
  uint32_t RawBegin(uint32_t i) const {
    const Run& r = RunAt(i);
    return r.one_to_one ? r.raw_begin + (i - r.norm_begin) : r.raw_begin;
  }
  uint32_t RawEnd(uint32_t i) const {
    const Run& r = RunAt(i);
    return r.one_to_one ? r.raw_begin + (i - r.norm_begin) + 1 : r.raw_end;
  }

  // RawBegin and RawEnd for offsets asked in non-decreasing order (across both calls), without
  // a search each time.
  class Walker {
   public:
    explicit Walker(const NormalizedText& t) : t_(t) {}
    uint32_t RawBegin(uint32_t i) {
      const Run& r = Seek(i);
      return r.one_to_one ? r.raw_begin + (i - r.norm_begin) : r.raw_begin;
    }
    uint32_t RawEnd(uint32_t i) {
      const Run& r = Seek(i);
      return r.one_to_one ? r.raw_begin + (i - r.norm_begin) + 1 : r.raw_end;
    }
    // The end of the stretch from normalized byte i over runs of either kind whose raw offsets
    // do not go back and whose raw bytes end by raw_limit: every byte k in [i, end) has
    // RawEnd(k) <= raw_limit, and RawBegin(k) >= RawBegin(k - 1) for k > i. It is i itself when
    // byte i's raw bytes end after raw_limit. (The walker itself stays at byte i.)
    uint32_t OrderedEnd(uint32_t i, uint64_t raw_limit) {
      Seek(i);
      uint64_t last_raw_begin = 0;  // RawBegin of the stretch's last byte so far
      for (size_t k = run_; k < t_.runs_.size(); ++k) {
        const Run& r = t_.runs_[k];
        const uint32_t from = k == run_ ? i : r.norm_begin;  // the run's first byte in the stretch
        if (k != run_ && r.raw_begin < last_raw_begin) return from;
        const uint32_t run_end =
            k + 1 < t_.runs_.size() ? t_.runs_[k + 1].norm_begin : static_cast<uint32_t>(t_.size());
        if (r.one_to_one) {
          const uint64_t raw_end = uint64_t{r.raw_begin} + (run_end - r.norm_begin);
          if (raw_limit < raw_end) {
            // Bytes n of this run with r.raw_begin + (n - r.norm_begin) + 1 <= raw_limit.
            const uint64_t fit = raw_limit > r.raw_begin ? raw_limit - r.raw_begin : 0;
            return static_cast<uint32_t>(std::max<uint64_t>(from, r.norm_begin + fit));
          }
          last_raw_begin = raw_end - 1;
        } else {
          if (r.raw_end > raw_limit) return from;
          last_raw_begin = r.raw_begin;
        }
      }
      return static_cast<uint32_t>(t_.size());
    }

    // The end of byte i's run when the run maps one to one: every byte k in [i, end) comes from
    // the one raw byte RawBegin(i) + (k - i). It is i itself when byte i belongs to a collapsed
    // run. (The walker moves to byte i.)
    uint32_t OneToOneEnd(uint32_t i) {
      const Run& r = Seek(i);
      if (!r.one_to_one) return i;
      return run_ + 1 < t_.runs_.size() ? t_.runs_[run_ + 1].norm_begin
                                        : static_cast<uint32_t>(t_.size());
    }

   private:
    const Run& Seek(uint32_t i) {
      while (run_ + 1 < t_.runs_.size() && t_.runs_[run_ + 1].norm_begin <= i) ++run_;
      return t_.runs_[run_];
    }

    const NormalizedText& t_;
    size_t run_ = 0;
  };

  // Reserves room for about `bytes` normalized bytes.
  void Reserve(size_t bytes);
  void Clear();

 private:
  struct Run {
    uint32_t norm_begin;  // the run holds normalized bytes [norm_begin, next run's norm_begin)
    uint32_t raw_begin;
    uint32_t raw_end;     // collapsed runs only
    bool one_to_one;
  };
  const Run& RunAt(uint32_t i) const;
  // Starts a one-to-one run at the end of the text, or extends the last one when it continues.
  void ExtendOneToOne(uint32_t raw_begin);
  // Records the last run for the blocks that the text has grown into.
  void CoverBlocks();

  // RunAt starts from the run that holds the first byte of i's block of kBlock bytes and steps
  // forward (a run a line or fewer: one or two steps), instead of searching all runs.
  static constexpr uint32_t kBlock = 64;

  std::string text_;
  std::vector<Run> runs_;
  std::vector<uint32_t> block_run_;  // block b: the run that holds normalized byte b * kBlock
};

}  // namespace accord

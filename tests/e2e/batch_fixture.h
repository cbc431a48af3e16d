// Shared by the batch e2e tests (determinism, regeneration, shards, sinks agree): a small archive
// generated on the fly, runs of the library's RunExtract, and whole-folder byte snapshots.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "pipeline/batch/runner.h"
#include "tests/testing.h"

namespace accord::testing {

namespace fs = std::filesystem;

// A fresh temporary folder, removed with the fixture.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "accord-test-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (fs::path(path_) / name).string(); }

 private:
  std::string path_;
};

inline void WriteText(const std::string& path, const std::string& text) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

inline std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// One made-up news article; `seed` varies names, dates and length.
inline std::string MakeArticle(uint32_t seed) {
  static const char* kPeople[] = {"Maria Lopez", "John Smith", "Angela Merkel", "Li Wei", "David E. Sanger",
                                  "Ana Souza", "Pierre Martin", "Yuki Tanaka"};
  static const char* kOrgs[] = {"the United Nations", "Microsoft", "the European Union", "Reuters",
                                "the National Security Agency", "Siemens", "NATO", "Télécom Paris"};
  static const char* kNations[] = {"France", "Japan", "Brazil", "Germany", "the United States", "China",
                                   "Canada", "India"};
  static const char* kDemonyms[] = {"French", "Japanese", "Brazilian", "German", "American", "Chinese"};
  static const char* kDates[] = {"Monday", "March 3, 2014", "last week", "on 12 May 2016", "two years ago",
                                 "in the summer of 2015", "yesterday", "January 2018"};
  std::mt19937 rng(seed);
  auto pick = [&](const auto& list) { return list[rng() % (sizeof(list) / sizeof(list[0]))]; };
  std::ostringstream out;
  out << "Talks resume in " << pick(kNations) << "\n\nBy " << pick(kPeople) << "\n\n";
  const int paragraphs = 2 + rng() % 5;
  for (int p = 0; p < paragraphs; ++p) {
    out << pick(kPeople) << ", who spoke for " << pick(kOrgs) << ", said " << pick(kDates)
        << " that " << pick(kDemonyms) << " officials had met " << pick(kOrgs) << " in "
        << pick(kNations) << ".\nThe meeting \xe2\x80\x9cwent well\xe2\x80\x9d, "
        << pick(kPeople) << " told reporters " << pick(kDates) << ".\n\n";
  }
  return out.str();
}

// An mbox of `n` messages that forward made-up articles.
inline std::string MakeMbox(uint32_t first_seed, int n) {
  std::ostringstream out;
  for (int i = 0; i < n; ++i) {
    const uint32_t seed = first_seed + i;
    out << "From list@example.org Mon Mar  3 10:00:00 2014\n"
        << "From: Forwarder <fwd" << seed << "@example.org>\n"
        << "Subject: [list] article " << seed << "\n"
        << "Date: Mon, 3 Mar 2014 10:" << (10 + i % 50) << ":00 +0000\n"
        << "Message-ID: <msg" << seed << "@example.org>\n"
        << "Content-Type: text/plain; charset=utf-8\n\n"
        << "FYI\n\n" << MakeArticle(seed) << "\n";
  }
  return out.str();
}

// An mbox whose messages are not all one document each: `n` forwarded articles, and after every
// fifth of them a message whose MIME boundary is missing (reported and skipped) or a digest of
// two articles and an image (two documents, the image part reported).
inline std::string MakeMixedMbox(uint32_t first_seed, int n) {
  std::ostringstream out;
  out << MakeMbox(first_seed, 0);
  for (int i = 0; i < n; ++i) {
    const uint32_t seed = first_seed + i;
    out << MakeMbox(seed, 1);
    if (i % 5 != 4) continue;
    out << "From list@example.org Mon Mar  3 11:00:00 2014\n"
        << "From: Forwarder <fwd@example.org>\nSubject: [list] odd " << seed << "\n"
        << "Date: Mon, 3 Mar 2014 11:00:00 +0000\nMessage-ID: <odd" << seed << "@example.org>\n"
        << "MIME-Version: 1.0\n";
    if (i % 10 == 4) {
      out << "Content-Type: multipart/mixed; boundary=\"nothere\"\n\n"
          << "--elsewhere\nContent-Type: text/plain\n\n" << MakeArticle(seed) << "\n";
      continue;
    }
    out << "Content-Type: multipart/digest; boundary=d" << seed << "\n\n";
    for (int part = 0; part < 3; ++part) {
      out << "--d" << seed << "\n\nSubject: part " << part << "\nMessage-ID: <part" << part << "-" << seed
          << "@example.org>\n";
      if (part == 1) out << "Content-Type: image/png\n\n\x89PNG\n";
      else out << "\n" << MakeArticle(seed * 7 + part) << "\n";
    }
    out << "--d" << seed << "--\n\n";
  }
  return out.str();
}

// Writes a small archive into `dir`: plain-text articles in a subfolder plus two mboxes.
// Returns the input paths to give to extract.
inline std::vector<std::string> MakeArchive(const std::string& dir, int articles = 60) {
  for (int i = 0; i < articles; ++i)
    WriteText(dir + "/articles/a" + std::to_string(1000 + i) + ".txt", MakeArticle(i));
  WriteText(dir + "/lists/one.mbox", MakeMbox(5000, 25));
  WriteText(dir + "/lists/two.mbox", MakeMbox(6000, 15));
  return {dir + "/articles", dir + "/lists/one.mbox", dir + "/lists/two.mbox"};
}

// Every regular file below `dir` (relative path -> bytes).
inline std::map<std::string, std::string> Snapshot(const std::string& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) files[fs::relative(e.path(), dir).generic_string()] = ReadText(e.path().string());
  return files;
}

inline ExtractOptions Options(std::vector<std::string> inputs, std::string output, int jobs = 1) {
  ExtractOptions o;
  o.inputs = std::move(inputs);
  o.output = std::move(output);
  o.jobs = jobs;
  o.quiet = true;
  o.stages.default_doc_date = "2014-03-03";
  return o;
}

inline RunSummary RunOk(const ExtractOptions& o) {
  auto s = RunExtract(o);
  EXPECT_TRUE(s.ok()) << s.status().message();
  return s.ok() ? *s : RunSummary{};
}

}  // namespace accord::testing

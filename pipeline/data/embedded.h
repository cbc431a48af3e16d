// Data tables embedded in the binary at build time (pipeline/data/CMakeLists.txt).
//
// Every table a rule reads is a TSV file beside the code that reads it
// (extractors/<kind>/data/*.tsv) or generated at build time from a Debian package
// (extractors/<kind>/data/generate.cmake). Their bytes are compiled into accord_data, so the
// binary needs no data folder and loading a table is a parse of memory.
#pragma once

#include <string_view>
#include <vector>

namespace accord::data {

struct EmbeddedFile {
  std::string_view name;     // "extractors/nations/data/aliases.tsv", "generated/nations/iso3166.tsv"
  std::string_view content;
};

// All embedded tables, in build order.
const std::vector<EmbeddedFile>& AllFiles();

// The content of the table `name`, or nullptr when no such table was embedded.
const std::string_view* Find(std::string_view name);

}  // namespace accord::data

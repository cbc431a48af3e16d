#include "pipeline/tables.h"

#include <algorithm>

#include "pipeline/data/embedded.h"
#include "pipeline/lines.h"

namespace accord {

namespace data {
const std::string_view* Find(std::string_view name) {
  // AllFiles() is in build order (by absolute path); look up by name through an index built once.
  static const std::vector<const EmbeddedFile*> kByName = [] {
    std::vector<const EmbeddedFile*> v;
    for (const EmbeddedFile& f : AllFiles()) v.push_back(&f);
    std::sort(v.begin(), v.end(), [](const EmbeddedFile* a, const EmbeddedFile* b) { return a->name < b->name; });
    return v;
  }();
  auto it = std::lower_bound(kByName.begin(), kByName.end(), name,
                             [](const EmbeddedFile* f, std::string_view n) { return f->name < n; });
  if (it == kByName.end() || (*it)->name != name) return nullptr;
  return &(*it)->content;
}
}  // namespace data

int Table::Column(std::string_view name) const {
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i] == name) return static_cast<int>(i);
  return -1;
}

static std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    size_t tab = line.find('\t', pos);
    out.push_back(line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos));
    if (tab == std::string_view::npos) break;
    pos = tab + 1;
  }
  return out;
}

StatusOr<Table> ParseTable(std::string_view name, std::string_view content, size_t min_fields) {
  Table t;
  t.name = std::string(name);
  bool have_header = false;
  Lines lines(content);
  std::string_view line;
  while (lines.Next(line)) {
    const int line_no = static_cast<int>(lines.number());
    if (line.empty() || line[0] == '#') continue;
    auto fields = SplitTabs(line);
    if (!have_header) {
      for (auto f : fields) t.columns.emplace_back(f);
      have_header = true;
      continue;
    }
    if (fields.size() < min_fields) {
      return InvalidArgument(t.name + ":" + std::to_string(line_no) + ": expected at least " +
                             std::to_string(min_fields) + " tab-separated fields, found " +
                             std::to_string(fields.size()));
    }
    t.rows.push_back({line_no, std::move(fields)});
  }
  if (!have_header) return InvalidArgument(t.name + ": no header line");
  return t;
}

StatusOr<Table> LoadTable(std::string_view name, size_t min_fields) {
  const std::string_view* content = data::Find(name);
  if (content == nullptr) return NotFound("data table " + std::string(name) + " is not embedded");
  return ParseTable(name, *content, min_fields);
}

}  // namespace accord

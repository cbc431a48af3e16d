// --map SRC=DST: renaming and dropping source tags (annotations.h).
#include "pipeline/eval/annotations.h"

namespace accord::eval {

StatusOr<TagMap> TagMap::Parse(const std::vector<std::string>& items) {
  TagMap map;
  for (const std::string& item : items) {
    const size_t eq = item.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == item.size()) {
      return InvalidArgument("--map " + item + ": expected SRC=DST (DST - drops SRC)");
    }
    map.Add(item.substr(0, eq), item.substr(eq + 1));
  }
  return map;
}

std::optional<std::string> TagMap::Apply(std::string_view tag) const {
  auto it = map_.find(tag);
  if (it == map_.end()) return std::string(tag);
  if (it->second == "-") return std::nullopt;
  return it->second;
}

std::set<std::string> TagMap::Destinations() const {
  std::set<std::string> out;
  for (const auto& [src, dst] : map_) {
    if (dst != "-") out.insert(dst);
  }
  return out;
}

}  // namespace accord::eval

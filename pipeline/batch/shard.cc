#include "pipeline/batch/shard.h"

#include <charconv>
#include <fstream>

namespace accord {
namespace {

bool ParseUint(std::string_view s, uint64_t& out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

StatusOr<Shard> ParseShard(std::string_view text) {
  const size_t slash = text.find('/');
  uint64_t k = 0, n = 0;
  if (slash == std::string_view::npos || !ParseUint(text.substr(0, slash), k) ||
      !ParseUint(text.substr(slash + 1), n) || n == 0 || k == 0 || k > n || n > 1000000) {
    return InvalidArgument("bad shard '" + std::string(text) + "': expected K/N with 1 <= K <= N");
  }
  return Shard{static_cast<uint32_t>(k), static_cast<uint32_t>(n)};
}

uint64_t Fnv1a64(std::string_view bytes) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

StatusOr<OrderSidecar> ReadOrderSidecar(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": no order sidecar (was this output written with --shard?)");
  std::string line;
  OrderSidecar out;
  if (!std::getline(in, line) || line.rfind(kOrderSidecarHeader, 0) != 0)
    return DataLoss(path + ":1: not an accord order sidecar");
  auto shard = ParseShard(std::string_view(line).substr(kOrderSidecarHeader.size()));
  if (!shard.ok()) return DataLoss(path + ":1: " + shard.status().message());
  out.shard = *shard;
  uint64_t lineno = 1;
  while (std::getline(in, line)) {
    ++lineno;
    uint64_t n = 0;
    if (!ParseUint(line, n)) return DataLoss(path + ":" + std::to_string(lineno) + ": not a number");
    out.numbers.push_back(n);
  }
  return out;
}

}  // namespace accord

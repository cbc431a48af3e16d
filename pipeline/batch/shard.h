// Shards: `--shard K/N` processes the documents whose doc_id hashes to K (1 <= K <= N). The hash
// is 64-bit FNV-1a of the doc_id's bytes, modulo N: fixed by this file, so the split is the same
// across runs, machines and thread counts. Every shard still reads every input (to know the
// doc_ids); only the pipeline and the output are split.
//
// A shard's output carries an order sidecar, "<output>.order": a first line
// "# accord-order shard K/N", then one line per record with the record's document number (its
// 0-based position among all documents of the run, in input order). `accord merge` interleaves
// the shards' records by that number, which gives exactly the bytes of one unsharded run.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/status.h"

namespace accord {

struct Shard {
  uint32_t index = 1;  // K, 1-based
  uint32_t count = 1;  // N
  std::string ToString() const { return std::to_string(index) + "/" + std::to_string(count); }
};

// "K/N" with 1 <= K <= N.
StatusOr<Shard> ParseShard(std::string_view text);

uint64_t Fnv1a64(std::string_view bytes);

// Whether the document `doc_id` belongs to `shard`.
inline bool InShard(const Shard& shard, std::string_view doc_id) {
  return Fnv1a64(doc_id) % shard.count == shard.index - 1;
}

// The sidecar's path for an output path.
inline std::string OrderSidecarPath(const std::string& output) { return output + ".order"; }
inline constexpr std::string_view kOrderSidecarHeader = "# accord-order shard ";

struct OrderSidecar {
  Shard shard;
  std::vector<uint64_t> numbers;  // one per record
};
StatusOr<OrderSidecar> ReadOrderSidecar(const std::string& path);

}  // namespace accord

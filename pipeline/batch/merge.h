// `accord merge`: joins the outputs of `accord extract --shard K/N` runs (all N of them) into
// exactly the bytes one unsharded run writes.
//   - files (-o FILE of each shard, jsonl or conll): records are interleaved by the document
//     numbers of their order sidecars (shard.h);
//   - regeneration folders (-o DIR/ of each shard): the manifests must agree on accord, its
//     fingerprint, the options and the inputs; each input's outputs are merged as files, and the
//     merged manifest is the one an unsharded run writes (no "shard" option, summed documents).
//   - csv, sqlite and brat shard outputs are refused with that reason.
#pragma once

#include <string>
#include <vector>

#include "pipeline/status.h"

namespace accord {

struct MergeSummary {
  uint64_t records = 0;
  uint64_t outputs = 0;  // files written
};

StatusOr<MergeSummary> MergeShards(const std::vector<std::string>& shards, const std::string& output);

}  // namespace accord

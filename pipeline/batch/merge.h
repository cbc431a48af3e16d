// `accord merge`: joins the outputs of `accord extract --shard K/N` runs (all N of them) into
// exactly the bytes one unsharded run writes. The format of each shard output is told from what
// is on disk, and all must share one; each carries its order sidecar (shard.h), whose document
// numbers give the order of one run:
//   - jsonl and conll files: records (lines; -DOCSTART- blocks) are interleaved;
//   - csv folders: documents.csv rows are interleaved, each followed by the rows of mentions.csv
//     and entities.csv that carry its doc_id in its shard (refused when two documents of one
//     doc_id are consecutive in a shard but apart in the merged run: their rows cannot be split);
//   - brat folders: doc-NNNNNN.txt/.ann are copied to the names of their merged positions;
//   - sqlite databases: rows are inserted document by document through the sink's SqliteOutput,
//     with the same statements in the same order as one run, which gives the same bytes;
//   - regeneration folders (-o DIR/ of each shard): the manifests must agree on accord, its
//     fingerprint, the options and the inputs; each input's outputs are merged as above, and the
//     merged manifest is the one an unsharded run writes (no "shard" option, summed documents).
// Merged folders and databases are built beside the output and renamed into place when
// complete; a failed merge leaves no half-written output.
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

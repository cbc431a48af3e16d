// Overlaps between entities, settled by named rules. Two entities overlap when their byte ranges
// share a byte; the first rule below that applies to a pair says which one stays.
//   same-type-longer-wins        two spans of one type: the longer ("Bank of America" over "Bank"),
//                                 then the earlier
//   organization-embeds-name     an organization that contains a nation or a person is one
//                                 organization ("Bank of America", "American Airlines", "Ford Motor")
//   known-organization-on-span   on the same span, an organization from the known-organizations
//                                 table over a person or nation reading ("Dell", "EU"); over a
//                                 person also one found by a designator or an acronym definition
//   name-over-weak-organization  on the same span, a person, nation or date over an organization
//                                 found only by context or propagation
//   longer-span-wins             otherwise the longer span, then DATE, NATION, PERSON,
//                                 ORGANIZATION in that order
// A pre-pass (administration-is-person) turns "the Trump administration" into the person "Trump".
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "pipeline/document.h"

namespace accord::resolve {

struct OverlapDecision {
  bool first_wins = true;
  std::string_view rule;
};

// Which of two overlapping entities stays.
OverlapDecision Decide(const Entity& a, const Entity& b);

// "X administration" (an organization) where X is a person's name: the organization is dropped
// and the person is kept (added when the people stage did not find it).
void AdministrationIsPerson(Document& doc);

// Rearranges `v` so that the new v[i] is the old v[from[i]] (`from` is a permutation of its
// indices; it is used up). Cycle by cycle, each entity is moved once, plus one move per cycle,
// instead of into a second vector and out of the first.
void Permute(std::vector<Entity>& v, std::vector<uint32_t>& from);

// Drops the losers of every overlap; entities are sorted by (start, end) on return.
void SettleOverlaps(Document& doc);

}  // namespace accord::resolve

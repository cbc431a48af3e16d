#include "pipeline/resolve/overlap_rules.h"

#include <algorithm>
#include <string>
#include <vector>

namespace accord::resolve {
namespace {

bool Contains(const Entity& outer, const Entity& inner) {
  return outer.start <= inner.start && inner.end <= outer.end &&
         (outer.start != inner.start || outer.end != inner.end);
}
bool SameSpan(const Entity& a, const Entity& b) { return a.start == b.start && a.end == b.end; }

bool StrongOrganization(const Entity& e) {
  std::string_view r = e.rule;
  return r.starts_with("known") || r.starts_with("designator") || r.starts_with("acronym");
}

int TypeRank(EntityType t) {
  switch (t) {
    case EntityType::kDate: return 4;
    case EntityType::kNation: return 3;
    case EntityType::kPerson: return 2;
    case EntityType::kOrganization: return 1;
  }
  return 0;
}

// Move-assigns a string, skipping the assignment of an empty string to an empty one, which
// std::string's move assignment does not make cheap.
inline void MoveString(std::string& to, std::string& from) {
  if (!from.empty() || !to.empty()) to = std::move(from);
}

// Move-assigns entity `from` to `to`. Most of an entity's strings are empty (a date has no
// canonical or code, a name no value, kind or code), and so is most of the entity moved out
// before, whose slot `to` is in Permute.
inline void MoveEntity(Entity& to, Entity& from) {
  // Every member by name: this stops compiling when Entity gains one.
  auto& [type, start, end, canonical, code, value, kind, rule] = from;
  to.type = type;
  to.start = start;
  to.end = end;
  MoveString(to.canonical, canonical);
  MoveString(to.code, code);
  MoveString(to.value, value);
  MoveString(to.kind, kind);
  MoveString(to.rule, rule);
}

}  // namespace

void Permute(std::vector<Entity>& v, std::vector<uint32_t>& from) {
  for (size_t i = 0; i < v.size(); ++i) {
    if (from[i] == i) continue;
    Entity held;  // built empty and moved into member by member: most strings are empty
    MoveEntity(held, v[i]);
    size_t k = i;
    while (from[k] != i) {
      const size_t next = from[k];
      MoveEntity(v[k], v[next]);
      from[k] = static_cast<uint32_t>(k);
      k = next;
    }
    MoveEntity(v[k], held);
    from[k] = static_cast<uint32_t>(k);
  }
}

OverlapDecision Decide(const Entity& a, const Entity& b) {
  const uint32_t la = a.end - a.start, lb = b.end - b.start;
  if (a.type == b.type) {
    if (la != lb) return {la > lb, "same-type-longer-wins"};
    return {a.start <= b.start, "same-type-longer-wins"};
  }
  const bool a_org = a.type == EntityType::kOrganization, b_org = b.type == EntityType::kOrganization;
  auto is_name = [](const Entity& e) {
    return e.type == EntityType::kNation || e.type == EntityType::kPerson;
  };
  if (a_org && is_name(b) && Contains(a, b)) return {true, "organization-embeds-name"};
  if (b_org && is_name(a) && Contains(b, a)) return {false, "organization-embeds-name"};
  if (SameSpan(a, b) && (a_org || b_org)) {
    const Entity& org = a_org ? a : b;
    const Entity& other = a_org ? b : a;
    // A nation keeps its own name unless the known table says otherwise ("Soviet Union" found
    // by its designator is the nation); a person's name yields to any strong organization rule.
    const bool strong = other.type == EntityType::kNation ? std::string_view(org.rule).starts_with("known")
                                                           : StrongOrganization(org);
    if (strong && is_name(other)) return {a_org, "known-organization-on-span"};
    return {!a_org, "name-over-weak-organization"};
  }
  if (la != lb) return {la > lb, "longer-span-wins"};
  return {TypeRank(a.type) >= TypeRank(b.type), "longer-span-wins"};
}

void AdministrationIsPerson(Document& doc) {
  constexpr std::string_view kWord = "administration";
  std::vector<Entity> added;
  size_t dropped = 0;
  for (Entity& e : doc.entities) {
    if (e.type != EntityType::kOrganization) continue;
    std::string_view text = doc.TextOf(e);
    if (text.size() <= kWord.size() + 1) continue;
    std::string_view tail = text.substr(text.size() - kWord.size());
    if (!std::equal(tail.begin(), tail.end(), kWord.begin(), kWord.end(),
                    [](char x, char y) { return (x | 0x20) == y; }))
      continue;
    std::string_view head = text.substr(0, text.size() - kWord.size());
    while (!head.empty() && (head.back() == ' ' || head.back() == '\n')) head.remove_suffix(1);
    const uint32_t head_end = e.start + static_cast<uint32_t>(head.size());
    bool person = false;
    for (const Entity& p : doc.entities)
      if (p.type == EntityType::kPerson && p.start >= e.start && p.end <= head_end) person = true;
    // Without a person found there, a single capitalized word is taken as the person's name
    // ("the Clinton Administration"); longer heads ("Food and Drug") are real agencies.
    bool one_word = !head.empty() && head.find(' ') == std::string_view::npos &&
                    head.find('\n') == std::string_view::npos && head[0] >= 'A' && head[0] <= 'Z';
    if (!person && !one_word) continue;
    if (!person) {
      Entity p;
      p.type = EntityType::kPerson;
      p.start = e.start;
      p.end = head_end;
      p.rule = "administration-is-person";
      added.push_back(std::move(p));
    }
    e.rule = "dropped:administration-is-person";
    ++dropped;
  }
  if (dropped > 0) {
    std::erase_if(doc.entities,
                  [](const Entity& e) { return e.rule == "dropped:administration-is-person"; });
  }
  for (Entity& p : added) doc.entities.push_back(std::move(p));
}

void SettleOverlaps(Document& doc) {
  auto& es = doc.entities;
  // The entities are sorted through small keys rather than moved about with their strings.
  // std::sort takes the same steps for the same comparisons, so equal spans end up in the order
  // that sorting the entities themselves gives.
  struct Key {
    uint32_t start, end;
    uint32_t index;     // into es
    bool dropped;
  };
  // The keys and the permutation are kept per thread: a document allocates neither.
  thread_local std::vector<Key> keys;
  thread_local std::vector<uint32_t> from;
  keys.resize(es.size());
  for (size_t i = 0; i < es.size(); ++i)
    keys[i] = {es[i].start, es[i].end, static_cast<uint32_t>(i), false};
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    return a.start != b.start ? a.start < b.start : a.end < b.end;
  });
  size_t kept = 0;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i].dropped) continue;
    for (size_t j = i + 1; j < keys.size() && keys[j].start < keys[i].end; ++j) {
      // Sorted by start, so keys[j] overlaps keys[i] when it starts before keys[i] ends.
      if (keys[j].dropped || keys[j].end <= keys[i].start) continue;
      if (Decide(es[keys[i].index], es[keys[j].index]).first_wins) {
        keys[j].dropped = true;
      } else {
        keys[i].dropped = true;
        break;
      }
    }
    if (!keys[i].dropped) ++kept;
  }
  // Entity i of the result is es[from[i]]: the kept ones in sorted order, then the dropped ones,
  // which are cut off.
  from.clear();
  for (const Key& k : keys)
    if (!k.dropped) from.push_back(k.index);
  for (const Key& k : keys)
    if (k.dropped) from.push_back(k.index);
  Permute(es, from);
  es.erase(es.begin() + static_cast<std::ptrdiff_t>(kept), es.end());
}

}  // namespace accord::resolve

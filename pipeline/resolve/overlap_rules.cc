#include "pipeline/resolve/overlap_rules.h"

#include <algorithm>

namespace accord::resolve {
namespace {

bool Overlaps(const Entity& a, const Entity& b) { return a.start < b.end && b.start < a.end; }
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

}  // namespace

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
  }
  std::erase_if(doc.entities, [](const Entity& e) { return e.rule == "dropped:administration-is-person"; });
  for (Entity& p : added) doc.entities.push_back(std::move(p));
}

void SettleOverlaps(Document& doc) {
  auto& es = doc.entities;
  std::sort(es.begin(), es.end(), [](const Entity& a, const Entity& b) {
    return a.start != b.start ? a.start < b.start : a.end < b.end;
  });
  std::vector<bool> dropped(es.size(), false);
  for (size_t i = 0; i < es.size(); ++i) {
    if (dropped[i]) continue;
    for (size_t j = i + 1; j < es.size() && es[j].start < es[i].end; ++j) {
      if (dropped[j] || !Overlaps(es[i], es[j])) continue;
      if (Decide(es[i], es[j]).first_wins) {
        dropped[j] = true;
      } else {
        dropped[i] = true;
        break;
      }
    }
  }
  size_t k = 0;
  for (size_t i = 0; i < es.size(); ++i) {
    if (dropped[i]) continue;
    if (k != i) es[k] = std::move(es[i]);  // never move an entity onto itself
    ++k;
  }
  es.resize(k);
}

}  // namespace accord::resolve

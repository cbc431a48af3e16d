// accord_gen_nations_iso3166 ISO_3166_1_JSON ISO_3166_3_JSON OUTPUT: the nation stage's table of
// country names, generated at build time (extractors/nations/data/generate.cmake) from Debian's
// iso-codes (ISO 3166-1 and 3166-3, LGPL-2.1+) and ICU's CLDR English region names (Unicode
// license): for every code, its canonical short name and every surface form the sources give.
//
// Output columns: code, canonical, name, origin. One row per (code, name).
//   origin: iso-name, iso-official, iso-common, cldr, cldr-short, cldr-variant, iso-3166-3
// Name clean-up, so that every name is a form that running text uses:
//   "Korea, Republic of"        -> "Republic of Korea"       (inverted ISO names ending in "of")
//   "Bolivia, Plurinational..." -> dropped when the tail does not end in "of"/"of the"
//   "Myanmar (Burma)"           -> "Myanmar" and "Burma"     (parenthesised alternatives)
//   "Bosnia & Herzegovina"      -> "Bosnia and Herzegovina"
//   "St. Kitts & Nevis"         -> "St. Kitts and Nevis" and "Saint Kitts and Nevis"
//   "Congo - Kinshasa"          -> "Congo-Kinshasa"
//   "the State of Palestine"    -> "State of Palestine"
// A name that two current codes claim ("Congo") is dropped and listed in a comment line: the
// stage's hand tables decide it. ISO 3166-3 (withdrawn codes) rows only carry the code and its
// ISO name, so that hand tables can refer to historical codes (SU, YU, DD, CS); a 3166-3 name
// that a current code also uses is not emitted.
// The canonical name is CLDR's English name after the same clean-up when it is a plain name,
// else ISO's common name, else ISO's name; hand tables may override it.
#include <unicode/uloc.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>
#include <unicode/uvernum.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace {

using Json = nlohmann::json;

std::string ToUtf8(const UChar* s, int32_t len) {
  std::string out(static_cast<size_t>(len) * 3 + 1, '\0');
  UErrorCode st = U_ZERO_ERROR;
  int32_t n = 0;
  u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &n, s, len, &st);
  if (U_FAILURE(st)) return "";
  out.resize(static_cast<size_t>(n));
  return out;
}

void ReplaceAll(std::string& s, const std::string& from, const std::string& to) {
  for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size())
    s.replace(pos, from.size(), to);
}

std::string Trim(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  size_t b = 0;
  while (b < s.size() && s[b] == ' ') ++b;
  return s.substr(b);
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The running-text forms of one source name (see the file comment).
std::vector<std::string> CleanForms(std::string name) {
  std::vector<std::string> out;
  ReplaceAll(name, "\u2019", "'");
  if (name.rfind("the ", 0) == 0) name = name.substr(4);
  // Parenthesised alternative: "Myanmar (Burma)", "Holy See (Vatican City State)".
  size_t open = name.find(" (");
  if (open != std::string::npos) {
    size_t close = name.find(')', open);
    if (close == std::string::npos) return out;
    std::string inner = name.substr(open + 2, close - open - 2);
    std::string outer = Trim(name.substr(0, open) + name.substr(close + 1));
    // Only a proper alternative name, not a qualifier ("Republic", "French part").
    if (!inner.empty() && inner[0] >= 'A' && inner[0] <= 'Z' && inner != "Republic" &&
        inner.find(" part") == std::string::npos && inner.find(',') == std::string::npos) {
      for (auto& f : CleanForms(inner)) out.push_back(f);
    }
    for (auto& f : CleanForms(outer)) out.push_back(f);
    return out;
  }
  // Inverted ISO names: "Korea, Republic of" -> "Republic of Korea".
  size_t comma = name.find(", ");
  if (comma != std::string::npos) {
    std::string head = name.substr(0, comma), tail = name.substr(comma + 2);
    if (tail.rfind("The ", 0) == 0) tail = "the " + tail.substr(4);
    if (tail.rfind("the ", 0) == 0) tail = tail.substr(4);
    if (!(EndsWith(tail, " of") || EndsWith(tail, " of the"))) return out;
    name = tail + " " + head;
  }
  ReplaceAll(name, " & ", " and ");
  ReplaceAll(name, " - ", "-");
  if (name.rfind("St. ", 0) == 0) out.push_back("Saint " + name.substr(4));
  out.push_back(name);
  return out;
}

// A CLDR name usable as canonical as it stands.
bool PlainName(const std::string& s) {
  return s.find(" SAR ") == std::string::npos && s.find('(') == std::string::npos &&
         s.find(" - ") == std::string::npos && s.find("St. ") == std::string::npos &&
         s.find('&') == std::string::npos;
}

std::string CldrName(const std::string& code) {
  std::string loc = "und_" + code;
  UChar buf[256];
  UErrorCode st = U_ZERO_ERROR;
  int32_t n = uloc_getDisplayCountry(loc.c_str(), "en", buf, 256, &st);
  if (U_FAILURE(st) || n <= 0) return "";
  std::string s = ToUtf8(buf, n);
  return s == code ? "" : s;  // ICU echoes the code when it has no name
}

// CLDR's alternate English region names: "Countries%short" and "Countries%variant".
std::map<std::string, std::string> CldrAlternates(const char* key) {
  std::map<std::string, std::string> out;
  UErrorCode st = U_ZERO_ERROR;
  UResourceBundle* rb = ures_open(U_ICUDATA_NAME "-region", "en", &st);
  if (U_FAILURE(st)) return out;
  UResourceBundle* table = ures_getByKey(rb, key, nullptr, &st);
  if (U_SUCCESS(st)) {
    for (int32_t i = 0; i < ures_getSize(table); ++i) {
      UErrorCode est = U_ZERO_ERROR;
      UResourceBundle* item = ures_getByIndex(table, i, nullptr, &est);
      int32_t len = 0;
      const UChar* s = ures_getString(item, &len, &est);
      if (U_SUCCESS(est)) out[ures_getKey(item)] = ToUtf8(s, len);
      ures_close(item);
    }
  }
  ures_close(table);
  ures_close(rb);
  return out;
}

std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

struct Row {
  std::string code, canonical, name, origin;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: accord_gen_nations_iso3166 ISO_3166_1_JSON ISO_3166_3_JSON OUTPUT\n";
    return 2;
  }
  Json part1, part3;
  for (auto [path, json] : {std::pair{argv[1], &part1}, std::pair{argv[2], &part3}}) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << path << ": cannot open\n";
      return 1;
    }
    *json = Json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (json->is_discarded()) {
      std::cerr << path << ": not valid JSON\n";
      return 1;
    }
  }
  const auto shorts = CldrAlternates("Countries%short");
  const auto variants = CldrAlternates("Countries%variant");

  std::vector<Row> rows;
  const Json& countries = part1["3166-1"];
  if (!countries.is_array() || countries.size() < 200) {
    std::cerr << argv[1] << ": no 3166-1 array\n";
    return 1;
  }
  for (const Json& c : countries) {
    const std::string code = c.value("alpha_2", "");
    if (code.size() != 2) continue;
    std::vector<std::pair<std::string, std::string>> sources;  // (name, origin)
    if (c.contains("name")) sources.push_back({c["name"], "iso-name"});
    if (c.contains("official_name")) sources.push_back({c["official_name"], "iso-official"});
    if (c.contains("common_name")) sources.push_back({c["common_name"], "iso-common"});
    const std::string cldr = CldrName(code);
    if (!cldr.empty()) sources.push_back({cldr, "cldr"});
    if (auto it = shorts.find(code); it != shorts.end()) sources.push_back({it->second, "cldr-short"});
    if (auto it = variants.find(code); it != variants.end())
      sources.push_back({it->second, "cldr-variant"});

    std::string canonical;
    if (!cldr.empty() && PlainName(cldr)) {
      canonical = CleanForms(cldr).back();
    } else if (c.contains("common_name")) {
      canonical = c["common_name"];
    } else {
      auto forms = CleanForms(c.value("name", ""));
      canonical = forms.empty() ? c.value("name", "") : forms.back();
    }
    std::set<std::string> seen;
    for (const auto& [name, origin] : sources)
      for (const std::string& form : CleanForms(name))
        if (!form.empty() && seen.insert(Lower(form)).second)
          rows.push_back({code, canonical, form, origin});
  }

  // A name two current codes claim is the hand tables' decision.
  std::map<std::string, std::set<std::string>> codes_of;
  for (const Row& r : rows) codes_of[Lower(r.name)].insert(r.code);
  std::vector<std::string> dropped;
  std::vector<Row> kept;
  for (const Row& r : rows) {
    if (codes_of[Lower(r.name)].size() > 1) {
      dropped.push_back(r.name + " (" + r.code + ")");
    } else {
      kept.push_back(r);
    }
  }

  for (const Json& c : part3["3166-3"]) {
    const std::string code = c.value("alpha_2", "");
    const std::string name = c.value("name", "");
    if (code.size() != 2 || name.empty()) continue;
    if (codes_of.count(Lower(name))) continue;
    kept.push_back({code, name, name, "iso-3166-3"});
  }

  std::sort(kept.begin(), kept.end(), [](const Row& a, const Row& b) {
    return std::tie(a.code, a.origin, a.name) < std::tie(b.code, b.origin, b.name);
  });
  std::ofstream out(argv[3], std::ios::binary);
  if (!out) {
    std::cerr << argv[3] << ": cannot write\n";
    return 1;
  }
  out << "# GENERATED BY accord_gen_nations_iso3166 (tools/gen/nations_iso3166.cc) DO NOT EDIT\n"
      << "# Regenerate: accord_gen_nations_iso3166 /usr/share/iso-codes/json/iso_3166-1.json "
         "/usr/share/iso-codes/json/iso_3166-3.json OUTPUT (run by the build).\n"
      << "# Sources: Debian iso-codes (LGPL-2.1+), ICU " U_ICU_VERSION
         " CLDR English region names (Unicode license).\n";
  std::sort(dropped.begin(), dropped.end());
  out << "# Dropped, claimed by two codes:";
  for (const auto& d : dropped) out << ' ' << d << ';';
  out << "\ncode\tcanonical\tname\torigin\n";
  for (const Row& r : kept) out << r.code << '\t' << r.canonical << '\t' << r.name << '\t' << r.origin << '\n';
  return out ? 0 : 1;
}

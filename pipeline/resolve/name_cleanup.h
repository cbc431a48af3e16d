// Name spans hold the name only (dataset-format.md). Rules, for PERSON, ORGANIZATION, NATION:
//   drop-leading-the        "the White House" -> "White House"
//   drop-possessive         "Cisco's", "Cisco’s", "Reuters'" -> "Cisco", "Reuters"
//   drop-trailing-punct     "Microsoft," -> "Microsoft"; an abbreviation keeps its period
//                           ("Acme Inc.", "U.S.", "N.V.")
//   drop-outer-space        leading and trailing whitespace
// And every name gets a canonical when its stage gave none (canonical-as-written): its text with
// whitespace runs and wrapped-line quote marks collapsed ("United \n> Nations" -> "United Nations").
#pragma once

#include <string>
#include <string_view>

#include "pipeline/document.h"

namespace accord::resolve {

// Narrows [start, end) of `text` to the name; returns false when nothing is left.
bool CleanNameSpan(std::string_view text, uint32_t& start, uint32_t& end);

// Whitespace runs to one space, quote marks after a line break dropped.
std::string CollapseName(std::string_view s);

// Cleans every name entity of `doc` (drops emptied ones) and fills missing canonicals.
void CleanNames(Document& doc);

}  // namespace accord::resolve

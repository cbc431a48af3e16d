// The context checks that turn a rule match down: what the patterns alone cannot see (the
// characters and words around a match). Each check is named after what it guards against and is
// exercised by corpus/negative.tsv: dates inside URLs, phone and version numbers, money, scores,
// page and section numbers, "May" the modal verb, "March" the verb, recurring "a year".
#pragma once

#include <string_view>

#include "extractors/dates/date_rules.h"

namespace accord::dates {

// The name of the check that rejects match `m` of rule `spec` in `text`, or nullptr to keep it.
const char* RejectReason(const RuleSpec& spec, const Match& m, std::string_view text);

// Whether a blank-delimited token holds a mark of a URL or an e-mail address: "://", "www.",
// "@", ".htm", ".html", ".com/", ".org/", ".net/" or ".gov/" (exposed for tests).
bool InsideUrlOrAddress(std::string_view token);

}  // namespace accord::dates

// HTML to plain text, for messages that have no text/plain part: libxml2's HTML parser (it
// recovers from broken markup), then the text nodes in document order, with a line break after
// each block element and <br>; <script>, <style> and <head> are dropped; entities are decoded.
#pragma once

#include <string>
#include <string_view>

namespace accord::ingest {

// `html` is UTF-8. Returns UTF-8 text (empty when there is no text).
std::string HtmlToText(std::string_view html);

}  // namespace accord::ingest

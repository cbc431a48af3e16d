// One RFC 5322 message (bytes as stored, headers and body) to Documents, with GMime:
//   - headers: Subject, From, Date, Message-ID, List-Id, Content-Type, RFC 2047 words decoded;
//   - body: text/plain preferred; text/html only when there is no plain part (turned into text by
//     html_text.h); the inline text parts of a multipart/mixed are joined; quoted-printable and
//     base64 decoded; charset converted by charset.h;
//   - multipart/digest: each embedded message/rfc822 is a Document of its own.
// doc_id is the Message-ID with its angle brackets, else a stable hash of path, offset and part.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace accord::ingest {

struct MessageContext {
  std::string_view path;    // the input path as given (the caller keeps the string)
  uint64_t offset = 0;      // byte offset of the message in the (decompressed) input
  bool pipermail = false;   // addresses are obfuscated as "x at y.org"
};

// Decodes `bytes` into one Document (several for a digest), appended to `out`. An error says
// what is wrong with the message (the caller adds path and offset); nothing is appended then.
// The messages of a digest that cannot be decoded are skipped and described in `skipped`
// (the others are still appended).
Status DecodeMessage(std::string_view bytes, const MessageContext& ctx, std::vector<Document>* out,
                     std::vector<std::string>* skipped = nullptr);

// DecodeMessage without its shortcuts for the common shapes: every message goes through GMime's
// parser, which builds the whole MIME tree. Both give the same Documents and errors; the tests
// compare the two.
Status DecodeMessageWithParser(std::string_view bytes, const MessageContext& ctx, std::vector<Document>* out,
                               std::vector<std::string>* skipped = nullptr);

// DecodeMessage's shortcut, which reads the common shapes without GMime's parser: a single-part
// text/plain or text/html message (7bit, 8bit, quoted-printable or base64), and a digest whose
// parts are all such messages. True with the Documents appended, or false (nothing appended) when
// the message needs the parser.
bool DecodeCommonShape(std::string_view bytes, const MessageContext& ctx, std::vector<Document>* out);

// True when `bytes` starts with an RFC 5322 header block (used to tell a message from a
// plain-text article).
bool LooksLikeHeaders(std::string_view bytes);

// The list name for Document::source: from List-Id ("Wirenotes forwarded news
// <wirenotes.lists.example.org>" -> "Wirenotes", keeping the capitalisation of the Subject tag
// or the description when they name the same list), else the Subject's "[Tag]" prefix, else "".
std::string ListName(std::string_view list_id, std::string_view subject);

// A stable document id for a message without Message-ID.
std::string StableId(std::string_view path, uint64_t offset, int part);

}  // namespace accord::ingest

#include "pipeline/ingest/mime_message.h"

#include <gmime/gmime.h>

#include <array>
#include <bit>
#include <cstring>
#include <memory>
#include <mutex>
#include <utility>

#include <absl/strings/escaping.h>

#include "pipeline/ingest/charset.h"
#include "pipeline/ingest/html_text.h"
#include "pipeline/ascii.h"
#include "pipeline/utf8.h"

namespace accord::ingest {
namespace {

void InitGMime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

struct Unref {
  void operator()(void* p) const {
    if (p != nullptr) g_object_unref(p);
  }
};
template <typename T>
using GPtr = std::unique_ptr<T, Unref>;

struct GFree {
  void operator()(char* p) const { g_free(p); }
};
using GString = std::unique_ptr<char, GFree>;

// White space as std::isspace tells it in the "C" locale (the program never sets another).
constexpr std::array<bool, 256> kSpace = [] {
  std::array<bool, 256> table{};
  for (unsigned char c : {' ', '\t', '\n', '\v', '\f', '\r'}) table[c] = true;
  return table;
}();
bool IsSpace(char c) { return kSpace[static_cast<unsigned char>(c)]; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool IEquals(std::string_view a, std::string_view b) { return ascii::EqualsIgnoreCase(a, b); }

bool HasNonAscii(std::string_view s) { return utf8::AsciiPrefix(s) < s.size(); }

// DecodeHeaderValue for the values that need GMime: unfolded, decoded, sanitized, trimmed.
std::string DecodeHeaderValueWithGMime(std::string_view raw, bool decode) {
  std::string value(raw);
  if (value.find('\n') != std::string::npos) {
    GString unfolded(g_mime_utils_header_unfold(value.c_str()));
    if (unfolded) value = unfolded.get();
  }
  if (decode && (value.find("=?") != std::string::npos || HasNonAscii(value))) {
    GString decoded(g_mime_utils_header_decode_text(nullptr, value.c_str()));
    if (decoded) value = decoded.get();
  }
  SanitizeUtf8(&value);
  return std::string(Trim(value));
}

// The last N answers a thread worked out, by the text they answer: an archive repeats a few
// header values message after message (a sender's From, a thread's Subject, 'text/plain;
// charset="utf-8"'), and GMime spends thousands of instructions on each. The oldest answer gives
// way; a returned answer stays where it is until N more are added.
template <typename Value, size_t N>
class RecentAnswers {
 public:
  RecentAnswers() { entries_.reserve(N); }
  const Value* Find(std::string_view key) const {
    for (const Entry& e : entries_)
      if (e.key == key) return &e.value;
    return nullptr;
  }
  const Value& Add(std::string_view key, Value value) {
    Entry* slot;
    if (entries_.size() < N) {
      slot = &entries_.emplace_back();
    } else {
      slot = &entries_[next_];
      next_ = (next_ + 1) % N;
    }
    slot->key.assign(key);
    slot->value = std::move(value);
    return slot->value;
  }

 private:
  struct Entry {
    std::string key;
    Value value;
  };
  std::vector<Entry> entries_;
  size_t next_ = 0;
};

// A raw header value unfolded, RFC 2047 words decoded (GMime), valid UTF-8, trimmed.
std::string DecodeHeaderValue(std::string_view raw, bool decode) {
  // Most values are one line of ASCII without encoded words: trimmed, they are what GMime gives.
  if (raw.find('\n') == std::string_view::npos && !HasNonAscii(raw) &&
      (!decode || raw.find("=?") == std::string_view::npos)) {
    return std::string(Trim(raw));
  }
  thread_local RecentAnswers<std::string, 32> recent[2];  // [decode]
  if (const std::string* value = recent[decode].Find(raw)) return *value;
  return recent[decode].Add(raw, DecodeHeaderValueWithGMime(raw, decode));
}

// A header of a GMime object (first of its name), decoded; "" when absent.
std::string Header(GMimeObject* obj, const char* name, bool decode = true) {
  GMimeHeaderList* list = g_mime_object_get_header_list(obj);
  if (list == nullptr) return {};
  GMimeHeader* h = g_mime_header_list_get_header(list, name);
  if (h == nullptr) return {};
  const char* raw = g_mime_header_get_raw_value(h);
  return raw == nullptr ? std::string() : DecodeHeaderValue(raw, decode);
}

std::string ContentTypeName(GMimeObject* obj) {
  GMimeContentType* ct = g_mime_object_get_content_type(obj);
  if (ct == nullptr) return "text/plain";
  GString mime(g_mime_content_type_get_mime_type(ct));
  return mime ? std::string(mime.get()) : std::string("text/plain");
}

bool IsAttachment(GMimeObject* obj) {
  GMimeContentDisposition* d = g_mime_object_get_content_disposition(obj);
  return d != nullptr && g_mime_content_disposition_is_attachment(d);
}

// Transfer-decodes a leaf part and converts it to UTF-8.
std::string DecodeLeaf(GMimePart* part) {
  std::string text;
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (content == nullptr) return text;
  GPtr<GMimeStream> mem(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, mem.get());
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem.get()));
  const char* charset = g_mime_object_get_content_type_parameter(GMIME_OBJECT(part), "charset");
  ToUtf8(std::string_view(reinterpret_cast<const char*>(bytes->data), bytes->len),
         charset != nullptr ? charset : "", &text);
  return text;
}

// RFC 2045 5.2: a Content-Type that cannot be parsed ("text", no subtype) means text/plain.
// GMime reads such a header as application/octet-stream.
bool MalformedContentType(GMimeObject* obj) {
  const std::string value = Header(obj, "Content-Type", /*decode=*/false);
  if (value.empty()) return false;
  const std::string_view type = std::string_view(value).substr(0, value.find(';'));
  return type.find('/') == std::string_view::npos;
}

void Join(std::string piece, std::string* out) {
  if (piece.empty()) return;
  if (!out->empty() && out->back() != '\n') out->push_back('\n');
  out->append(piece);
}

enum class Want { kPlain, kHtml };

// Text of the parts of `obj` of the wanted kind, in order. Alternatives give one of theirs.
void CollectText(GMimeObject* obj, Want want, int depth, std::string* out, std::vector<std::string>* seen) {
  if (depth > 32) return;  // hostile nesting
  if (GMIME_IS_MULTIPART(obj)) {
    GMimeMultipart* mp = GMIME_MULTIPART(obj);
    const int n = g_mime_multipart_get_count(mp);
    GMimeContentType* ct = g_mime_object_get_content_type(obj);
    if (ct != nullptr && g_mime_content_type_is_type(ct, "multipart", "alternative")) {
      // The first alternative that has the wanted kind.
      for (int i = 0; i < n; ++i) {
        std::string piece;
        CollectText(g_mime_multipart_get_part(mp, i), want, depth + 1, &piece, seen);
        if (!piece.empty()) {
          Join(std::move(piece), out);
          return;
        }
      }
      return;
    }
    for (int i = 0; i < n; ++i) {
      GMimeObject* child = g_mime_multipart_get_part(mp, i);
      if (ct != nullptr && g_mime_content_type_is_type(ct, "multipart", "signed") && i > 0) break;
      CollectText(child, want, depth + 1, out, seen);
    }
    return;
  }
  if (GMIME_IS_MESSAGE_PART(obj)) {
    GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(obj));
    if (inner != nullptr && g_mime_message_get_mime_part(inner) != nullptr)
      CollectText(g_mime_message_get_mime_part(inner), want, depth + 1, out, seen);
    return;
  }
  if (!GMIME_IS_PART(obj)) return;
  const std::string type = ContentTypeName(obj);
  seen->push_back(type);
  GMimeContentType* ct = g_mime_object_get_content_type(obj);
  const bool plain = ct == nullptr || g_mime_content_type_is_type(ct, "text", "plain") || MalformedContentType(obj);
  const bool html = ct != nullptr && g_mime_content_type_is_type(ct, "text", "html");
  if (want == Want::kPlain && plain) {
    // A text/plain attachment with a file name that is not text (a patch, a log) is still text;
    // only parts without any content are skipped.
    Join(DecodeLeaf(GMIME_PART(obj)), out);
  } else if (want == Want::kHtml && html && !IsAttachment(obj)) {
    Join(HtmlToText(DecodeLeaf(GMIME_PART(obj))), out);
  }
}

// The multipart/digest inside `obj` (itself or one of its multipart children), if any.
GMimeMultipart* FindDigest(GMimeObject* obj, int depth) {
  if (depth > 8 || !GMIME_IS_MULTIPART(obj)) return nullptr;
  GMimeContentType* ct = g_mime_object_get_content_type(obj);
  if (ct != nullptr && g_mime_content_type_is_type(ct, "multipart", "digest")) return GMIME_MULTIPART(obj);
  GMimeMultipart* mp = GMIME_MULTIPART(obj);
  for (int i = 0; i < g_mime_multipart_get_count(mp); ++i)
    if (GMimeMultipart* d = FindDigest(g_mime_multipart_get_part(mp, i), depth + 1)) return d;
  return nullptr;
}

std::string DeobfuscateAddress(std::string s) {
  // Pipermail writes "andy at example.com"; only the first " at " of an address is rewritten.
  const size_t at = s.find(" at ");
  if (at != std::string::npos && at > 0 && s[at - 1] != ' ') s.replace(at, 4, "@");
  return s;
}

std::string Hex64(uint64_t v) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[i] = kDigits[v & 15];
  return out;
}

// doc_id and source, from the headers.
void SetIdentity(const MessageContext& ctx, int part, Document* doc) {
  const MailHeaders& h = doc->headers;
  doc->doc_id = !h.message_id.empty() ? h.message_id : StableId(ctx.path, ctx.offset, part);
  // The keys are new, in this order: appended without the lookups of operator[].
  if (!doc->source.is_object() || !doc->source.empty()) doc->source = Json::object();  // a new Document has one
  Json::object_t& source = doc->source.get_ref<Json::object_t&>();
  source.reserve(5);
  source.emplace_back("path", std::string(ctx.path));
  source.emplace_back("offset", ctx.offset);
  if (!h.message_id.empty()) source.emplace_back("message_id", h.message_id);
  if (part > 0) source.emplace_back("part", part);
  std::string list = ListName(h.list_id, h.subject);
  if (!list.empty()) source.emplace_back("list", std::move(list));
}

// Fills doc_id, headers and source of one message, and its text.
Status BuildDocument(GMimeMessage* msg, const MessageContext& ctx, int part, Document* doc) {
  GMimeObject* obj = GMIME_OBJECT(msg);
  MailHeaders& h = doc->headers;
  h.subject = Header(obj, "Subject");
  h.from = Header(obj, "From");
  if (ctx.pipermail) h.from = DeobfuscateAddress(h.from);
  h.date = Header(obj, "Date");
  h.message_id = Header(obj, "Message-ID", /*decode=*/false);
  h.list_id = Header(obj, "List-Id");
  GMimeObject* body = g_mime_message_get_mime_part(msg);
  // GMime files the message's Content-Type header with its body part.
  h.content_type = Header(body != nullptr ? body : obj, "Content-Type", /*decode=*/false);

  std::vector<std::string> seen;
  if (body != nullptr) {
    CollectText(body, Want::kPlain, 0, &doc->text, &seen);
    if (doc->text.empty()) {
      CollectText(body, Want::kHtml, 0, &doc->text, &seen);
    }
    if (doc->text.empty() && GMIME_IS_MULTIPART(body) &&
        g_mime_multipart_get_count(GMIME_MULTIPART(body)) == 0) {
      const char* boundary = g_mime_multipart_get_boundary(GMIME_MULTIPART(body));
      return DataLoss(std::string("broken MIME: multipart boundary \"") + (boundary ? boundary : "") +
                      "\" not found in the body");
    }
    if (doc->text.empty() && !seen.empty()) {
      bool any_text = false;
      for (const auto& t : seen) any_text |= t.rfind("text/", 0) == 0;
      if (!any_text) {
        std::string types;
        for (const auto& t : seen) types += (types.empty() ? "" : ", ") + t;
        return DataLoss("no text part (only " + types + ")");
      }
    }
  }

  SetIdentity(ctx, part, doc);
  return Status::Ok();
}

constexpr size_t kMaxMultiparts = 2000;

// How many "boundary=" parameters (any case) the message has: at least its multiparts.
size_t CountBoundaries(std::string_view bytes) {
  static constexpr std::string_view kWord = "boundary";
  size_t n = 0;
  for (size_t i = bytes.find('=', kWord.size()); i != std::string_view::npos; i = bytes.find('=', i + 1)) {
    size_t k = i;
    while (k > 0 && (bytes[k - 1] == ' ' || bytes[k - 1] == '\t')) --k;
    if (k >= kWord.size() && IEquals(bytes.substr(k - kWord.size(), kWord.size()), kWord)) ++n;
  }
  return n;
}

// The top-level header block, parsed without GMime for speed: the fields ingest reads (first
// occurrence of each, raw and folded as written) and where the body starts.
struct HeaderBlock {
  std::string_view subject, from, date, message_id, list_id, content_type, encoding, disposition;
  size_t body_start = std::string_view::npos;  // npos: the header block never ends
  bool repeated_content_type = false;           // more than one Content-Type field
};

// True when `name` is `keyword` in any case. `name` is printable ASCII (ParseHeaderBlock checks
// that) and `keyword` lower-case letters and '-': setting bit 0x20 of a name byte folds the case
// of a letter, and only '-' itself becomes '-' (CR would too, but it is not printable).
// The keyword's length is a constant of each call, so that the compiler unrolls the compare
// (a 4-byte keyword is one word compare).
template <size_t N>
bool IsFieldName(std::string_view name, const char (&keyword)[N]) {
  constexpr size_t kSize = N - 1;  // without the NUL
  size_t i = 0;
  for (; i + 8 <= kSize; i += 8) {  // eight bytes at a time
    uint64_t n, k;
    std::memcpy(&n, name.data() + i, 8);
    std::memcpy(&k, keyword + i, 8);
    if ((n | 0x2020202020202020ull) != k) return false;
  }
  if (kSize - i >= 4) {
    uint32_t n, k;
    std::memcpy(&n, name.data() + i, 4);
    std::memcpy(&k, keyword + i, 4);
    if ((n | 0x20202020u) != k) return false;
    i += 4;
  }
  for (; i < kSize; ++i)
    if ((name[i] | 0x20) != keyword[i]) return false;
  return true;
}

// The HeaderBlock member of a field name (any case); null for the fields ingest does not read.
std::string_view HeaderBlock::*FieldMember(std::string_view name) {
  switch (name.size()) {
    case 4:
      if (IsFieldName(name, "from")) return &HeaderBlock::from;
      if (IsFieldName(name, "date")) return &HeaderBlock::date;
      return nullptr;
    case 7:
      if (IsFieldName(name, "subject")) return &HeaderBlock::subject;
      if (IsFieldName(name, "list-id")) return &HeaderBlock::list_id;
      return nullptr;
    case 10: return IsFieldName(name, "message-id") ? &HeaderBlock::message_id : nullptr;
    case 12: return IsFieldName(name, "content-type") ? &HeaderBlock::content_type : nullptr;
    case 19: return IsFieldName(name, "content-disposition") ? &HeaderBlock::disposition : nullptr;
    case 25: return IsFieldName(name, "content-transfer-encoding") ? &HeaderBlock::encoding : nullptr;
    default: return nullptr;
  }
}

// The bytes of a usual field name: printable ASCII but the colon (RFC 5322 ftext).
constexpr std::array<bool, 256> kFieldNameByte = [] {
  std::array<bool, 256> table{};
  for (int c = 33; c < 127; ++c) table[c] = c != ':';
  return table;
}();

// How many bytes at the start of `line` are kFieldNameByte bytes, read eight at a time. In a word,
// the bytes below 33, above 126 and the colons get their high bit set in `stop`: a borrow or a
// carry can only flag a byte above one that is flagged rightly, so the lowest flag is exact.
size_t FieldNameLength(std::string_view line) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  size_t i = 0;
  for (; i + 8 <= line.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, line.data() + i, 8);
    const uint64_t colons = w ^ (kOnes * ':');  // zero bytes where the colons are
    const uint64_t stop = (((w - 33 * kOnes) & ~w) | (w + kOnes) | w | ((colons - kOnes) & ~colons)) & kHigh;
    if (stop != 0) return i + std::countr_zero(stop) / 8;
  }
  while (i < line.size() && kFieldNameByte[static_cast<unsigned char>(line[i])]) ++i;
  return i;
}

// False when the block is not plain "Name: value" lines (the MIME parser decides then).
bool ParseHeaderBlock(std::string_view bytes, HeaderBlock* hb) {
  std::string_view* current = nullptr;  // the field that continuation lines extend
  size_t pos = 0;
  while (pos < bytes.size()) {
    size_t eol = bytes.find('\n', pos);
    const size_t next = eol == std::string_view::npos ? bytes.size() : eol + 1;
    if (eol == std::string_view::npos) eol = bytes.size();
    std::string_view line = bytes.substr(pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      hb->body_start = next;
      return pos > 0;
    }
    if (line[0] == ' ' || line[0] == '\t') {
      if (pos == 0) return false;
      if (current != nullptr) *current = std::string_view(current->data(), bytes.data() + eol - current->data());
    } else {
      // The usual field name is printable characters up to the colon; anything else is trimmed
      // and checked the long way.
      size_t colon = FieldNameLength(line);
      std::string_view name = line.substr(0, colon);
      if (colon == line.size() || line[colon] != ':') {
        colon = line.find(':');
        if (colon == std::string_view::npos) return false;
        name = Trim(line.substr(0, colon));
        for (char c : name)
          if (static_cast<unsigned char>(c) <= 32 || static_cast<unsigned char>(c) >= 127) return false;
      }
      if (colon == 0) return false;
      current = nullptr;
      if (std::string_view HeaderBlock::*member = FieldMember(name)) {
        std::string_view& slot = hb->*member;
        if (slot.data() == nullptr) {
          slot = line.substr(colon + 1);
          current = &slot;
        } else if (member == &HeaderBlock::content_type) {
          hb->repeated_content_type = true;
        }
      }
    }
    pos = next;
  }
  return true;  // all headers, no body
}

// What a message's Content-Type value (unfolded, trimmed) says about its body.
struct BodyType {
  enum Kind { kPlain, kHtml, kDigest, kMessage, kOther } kind = kPlain;
  std::string charset;
  std::string boundary;  // of a multipart
};

// Parses a Content-Type value with GMime; each thread keeps its last few answers.
const BodyType& ParseBodyType(const std::string& value) {
  thread_local RecentAnswers<BodyType, 16> recent;
  if (const BodyType* type = recent.Find(value)) return *type;
  BodyType type;
  GPtr<GMimeContentType> ct(g_mime_content_type_parse(nullptr, value.c_str()));
  if (ct != nullptr && g_mime_content_type_is_type(ct.get(), "text", "plain")) {
    type.kind = BodyType::kPlain;
  } else if (ct != nullptr && g_mime_content_type_is_type(ct.get(), "text", "html")) {
    type.kind = BodyType::kHtml;
  } else if (ct != nullptr && g_mime_content_type_is_type(ct.get(), "multipart", "digest")) {
    type.kind = BodyType::kDigest;
  } else if (ct != nullptr && g_mime_content_type_is_type(ct.get(), "message", "rfc822")) {
    type.kind = BodyType::kMessage;
  } else {
    type.kind = BodyType::kOther;
  }
  if (ct != nullptr) {
    const char* cs = g_mime_content_type_get_parameter(ct.get(), "charset");
    if (cs != nullptr) type.charset = cs;
    const char* boundary = g_mime_content_type_get_parameter(ct.get(), "boundary");
    if (boundary != nullptr) type.boundary = boundary;
  }
  return recent.Add(value, std::move(type));
}

// The transfer encoding a Content-Transfer-Encoding value (trimmed) names. The usual names are
// matched here; GMime reads every other value.
GMimeContentEncoding ContentEncoding(const std::string& value) {
  static constexpr std::pair<std::string_view, GMimeContentEncoding> kUsual[] = {
      {"7bit", GMIME_CONTENT_ENCODING_7BIT},
      {"8bit", GMIME_CONTENT_ENCODING_8BIT},
      {"base64", GMIME_CONTENT_ENCODING_BASE64},
      {"quoted-printable", GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE}};
  for (const auto& [name, encoding] : kUsual)
    if (IEquals(value, name)) return encoding;
  return g_mime_content_encoding_from_string(value.c_str());
}

// A base64 body as RFC 4648 writes it (whole quanta, padding only at the end, white space
// between lines), decoded by Abseil into `out`; GMime's decoder gives the same bytes for it, in
// a fraction of the time. False for any other body, which GMime decodes then: it skips stray
// bytes, and drops a final quantum that has no padding, where Abseil would decode it.
bool DecodeCanonicalBase64(std::string_view body, std::string* out) {
  if (!absl::Base64Unescape(absl::string_view(body.data(), body.size()), out)) return false;
  // Abseil checked the padding; whole quanta make the decoded size and the padding add up to a
  // multiple of three.
  size_t padding = 0;
  for (size_t i = body.size(); i > 0 && padding < 2; --i) {
    if (body[i - 1] == '=') {
      ++padding;
    } else if (!IsSpace(body[i - 1])) {
      break;
    }
  }
  return (out->size() + padding) % 3 == 0;
}

// The body of a single-part text/plain or text/html message (7bit, 8bit, quoted-printable or
// base64), decoded without building the MIME tree, as BuildDocument would find it, into `text`
// (empty). False when the message needs the MIME parser. `content_type` is the decoded
// Content-Type header.
bool DecodeSimpleBody(std::string_view bytes, const HeaderBlock& hb, const std::string& content_type,
                      std::string* text) {
  static const BodyType kPlainType;
  const BodyType* type = &kPlainType;
  if (hb.content_type.data() != nullptr) {
    const std::string_view mime = Trim(std::string_view(content_type).substr(0, content_type.find(';')));
    if (mime.find('/') != std::string_view::npos) {
      type = &ParseBodyType(content_type);
      if (type->kind != BodyType::kPlain && type->kind != BodyType::kHtml) return false;
    }  // else malformed ("text"): text/plain, as RFC 2045 says
  }
  // An HTML attachment is not text: GMime tells which dispositions are attachments.
  if (type->kind == BodyType::kHtml && hb.disposition.data() != nullptr) return false;
  GMimeContentEncoding encoding = GMIME_CONTENT_ENCODING_DEFAULT;
  if (hb.encoding.data() != nullptr) {
    const std::string value = DecodeHeaderValue(hb.encoding, /*decode=*/false);
    if (!value.empty()) encoding = ContentEncoding(value);
  }
  std::string_view body = hb.body_start < bytes.size() ? bytes.substr(hb.body_start) : std::string_view();
  std::string decoded;
  switch (encoding) {
    case GMIME_CONTENT_ENCODING_DEFAULT:
    case GMIME_CONTENT_ENCODING_7BIT:
    case GMIME_CONTENT_ENCODING_8BIT:
    case GMIME_CONTENT_ENCODING_BINARY:
      break;
    case GMIME_CONTENT_ENCODING_BASE64:
    case GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE: {
      if (encoding != GMIME_CONTENT_ENCODING_BASE64 || !DecodeCanonicalBase64(body, &decoded)) {
        GMimeEncoding state;
        g_mime_encoding_init_decode(&state, encoding);
        decoded.resize(g_mime_encoding_outlen(&state, body.size()) + 16);
        const size_t n = g_mime_encoding_flush(&state, body.data(), body.size(), decoded.data());
        decoded.resize(n);
      }
      body = decoded;
      break;
    }
    default:
      return false;  // uuencode and unknown encodings: the MIME parser knows them
  }
  // Text that is UTF-8 already is used where it is, not copied by ToUtf8.
  const bool utf8 = IsUtf8AsIs(body, type->charset);
  if (type->kind == BodyType::kHtml) {
    if (utf8) {
      *text = HtmlToText(body);
    } else {
      std::string html;
      ToUtf8(body, type->charset, &html);
      *text = HtmlToText(html);
    }
  } else if (utf8 && body.data() == decoded.data()) {
    *text = std::move(decoded);  // the transfer-decoded bytes are the text
  } else if (utf8) {
    text->assign(body);
  } else {
    ToUtf8(body, type->charset, text);
  }
  return true;
}

// A message whose body DecodeSimpleBody reads, as BuildDocument would give it (`hb` is its
// header block); false when the message needs the MIME parser.
bool BuildSimpleDocument(std::string_view bytes, const HeaderBlock& hb, const MessageContext& ctx, int part,
                         Document* doc) {
  std::string content_type = DecodeHeaderValue(hb.content_type, false);
  if (!DecodeSimpleBody(bytes, hb, content_type, &doc->text)) return false;
  MailHeaders& h = doc->headers;
  h.subject = DecodeHeaderValue(hb.subject, true);
  h.from = DecodeHeaderValue(hb.from, true);
  if (ctx.pipermail) h.from = DeobfuscateAddress(h.from);
  h.date = DecodeHeaderValue(hb.date, true);
  h.message_id = DecodeHeaderValue(hb.message_id, false);
  h.list_id = DecodeHeaderValue(hb.list_id, true);
  h.content_type = std::move(content_type);
  SetIdentity(ctx, part, doc);
  return true;
}

// The parts of a multipart body, split at the lines that are exactly "--boundary" (and the
// closing "--boundary--"), each without the line break before its delimiter (RFC 2046 5.1.1: it
// belongs to the delimiter). False for anything less plain: a delimiter line with trailing white
// space or text, an empty part, no closing delimiter, a delimiter after the closing one. `body`
// has no CR.
bool SplitMultipart(std::string_view body, std::string_view boundary, std::vector<std::string_view>* parts) {
  constexpr size_t npos = std::string_view::npos;
  size_t part_start = npos;  // npos: still in the preamble
  bool closed = false;
  for (size_t pos = 0; pos < body.size();) {
    size_t eol = body.find('\n', pos);
    if (eol == npos) eol = body.size();
    const std::string_view line = body.substr(pos, eol - pos);
    if (line.size() >= 2 + boundary.size() && line[0] == '-' && line[1] == '-' &&
        line.compare(2, boundary.size(), boundary) == 0) {
      const std::string_view rest = line.substr(2 + boundary.size());
      if (closed || (!rest.empty() && rest != "--")) return false;
      if (part_start != npos) {
        if (pos == part_start) return false;
        parts->push_back(body.substr(part_start, pos - 1 - part_start));
      }
      closed = !rest.empty();
      part_start = eol + 1;
    }
    pos = eol + 1;
  }
  return closed && !parts->empty();
}

// A top-level multipart/digest whose parts are all message/rfc822 holding messages that
// BuildSimpleDocument reads: split without GMime, with the Documents DecodeDigest would give.
// False (nothing appended) when any part needs the MIME parser.
bool DecodeSimpleDigest(std::string_view bytes, const HeaderBlock& hb, const std::string& boundary,
                        const MessageContext& ctx, std::vector<Document>* out) {
  if (boundary.empty() || hb.body_start >= bytes.size()) return false;
  std::vector<std::string_view> parts;
  if (!SplitMultipart(bytes.substr(hb.body_start), boundary, &parts)) return false;
  // The Documents are built in `out`, and taken back if a part needs the parser.
  const size_t first = out->size();
  auto give_up = [out, first] {
    out->erase(out->begin() + static_cast<std::ptrdiff_t>(first), out->end());
    return false;
  };
  std::string digest_list;
  bool digest_list_known = false;
  for (size_t i = 0; i < parts.size(); ++i) {
    std::string_view message = parts[i];
    if (message.front() == '\n') {
      message.remove_prefix(1);  // no part headers: message/rfc822, a digest's default
    } else {
      HeaderBlock part_headers;
      if (!ParseHeaderBlock(message, &part_headers) || part_headers.body_start == std::string_view::npos ||
          part_headers.repeated_content_type || part_headers.encoding.data() != nullptr)
        return give_up();
      if (part_headers.content_type.data() != nullptr &&
          ParseBodyType(DecodeHeaderValue(part_headers.content_type, false)).kind != BodyType::kMessage)
        return give_up();
      message.remove_prefix(part_headers.body_start);
    }
    HeaderBlock message_headers;
    if (!ParseHeaderBlock(message, &message_headers) || message_headers.body_start == std::string_view::npos ||
        message_headers.repeated_content_type)
      return give_up();
    Document& doc = out->emplace_back();
    if (!BuildSimpleDocument(message, message_headers, ctx, static_cast<int>(i) + 1, &doc)) return give_up();
    if (doc.source.find("list") == doc.source.end()) {
      if (!digest_list_known) {
        digest_list = ListName(DecodeHeaderValue(hb.list_id, true), DecodeHeaderValue(hb.subject, true));
        digest_list_known = true;
      }
      if (!digest_list.empty()) doc.source["list"] = digest_list;
    }
  }
  return true;
}

// The messages of a multipart/digest, one Document each; `list_id` and `subject` are the
// digest message's, for the list of the messages that name none.
Status DecodeDigest(GMimeMultipart* digest, const MessageContext& ctx, const std::string& list_id,
                    const std::string& subject, std::vector<Document>* out, std::vector<std::string>* skipped) {
  std::vector<Document> docs;
  const int n = g_mime_multipart_get_count(digest);
  std::vector<std::string> errors;
  for (int i = 0; i < n; ++i) {
    GMimeObject* child = g_mime_multipart_get_part(digest, i);
    if (!GMIME_IS_MESSAGE_PART(child)) continue;
    GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(child));
    if (inner == nullptr) continue;
    Document doc;
    Status s = BuildDocument(inner, ctx, i + 1, &doc);
    if (!s.ok()) {
      errors.push_back("digest message " + std::to_string(i + 1) + ": " + s.message());
      continue;
    }
    if (doc.source.find("list") == doc.source.end()) {
      const std::string list = ListName(list_id, subject);
      if (!list.empty()) doc.source["list"] = list;
    }
    docs.push_back(std::move(doc));
  }
  if (docs.empty()) return DataLoss(errors.empty() ? "digest without messages" : errors.front());
  if (skipped != nullptr) skipped->insert(skipped->end(), errors.begin(), errors.end());
  for (auto& d : docs) out->push_back(std::move(d));
  return Status::Ok();
}

// A message whose own Content-Type is multipart/digest (a list's digest): its header block is
// already read (hb), so GMime parses only the body, as a part under that Content-Type, and
// builds no message object for the digest itself. False (nothing done) when GMime does not
// find the digest there; the caller then parses the whole message.
bool DecodeTopLevelDigest(std::string_view bytes, const HeaderBlock& hb, const MessageContext& ctx,
                          std::vector<Document>* out, std::vector<std::string>* skipped, Status* status) {
  const std::string_view body = hb.body_start < bytes.size() ? bytes.substr(hb.body_start) : std::string_view();
  std::string part;
  part.reserve(hb.content_type.size() + body.size() + 16);
  part.append("Content-Type:").append(hb.content_type).append("\n\n").append(body);
  GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(part.data(), part.size()));
  GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
  g_mime_parser_set_persist_stream(parser.get(), TRUE);
  GPtr<GMimeObject> obj(g_mime_parser_construct_part(parser.get(), nullptr));
  if (obj == nullptr) return false;
  GMimeMultipart* digest = FindDigest(obj.get(), 0);
  if (digest == nullptr || GMIME_OBJECT(digest) != obj.get()) return false;
  *status = DecodeDigest(digest, ctx, DecodeHeaderValue(hb.list_id, true), DecodeHeaderValue(hb.subject, true),
                         out, skipped);
  return true;
}

}  // namespace

std::string StableId(std::string_view path, uint64_t offset, int part) {
  // FNV-1a over "path\0offset\0part": the same input always gets the same id.
  uint64_t h = 1469598103934665603ULL;
  auto mix = [&h](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ULL;
    }
    h ^= 0;
    h *= 1099511628211ULL;
  };
  mix(path);
  mix(std::to_string(offset));
  mix(std::to_string(part));
  return "accord:" + Hex64(h);
}

namespace {

// The Subject tag: "[Tag] ...", also after up to three of "Re: ", "Fwd: ", "Fw: " (any case).
std::string_view SubjectTag(std::string_view subject) {
  std::string_view s = Trim(subject);
  for (int i = 0; i < 3; ++i) {
    if (s.size() > 3 && IEquals(s.substr(0, 3), "re:")) {
      s = Trim(s.substr(3));
    } else if (s.size() > 4 && IEquals(s.substr(0, 4), "fwd:")) {
      s = Trim(s.substr(4));
    } else if (s.size() > 3 && IEquals(s.substr(0, 3), "fw:")) {
      s = Trim(s.substr(3));
    } else {
      break;  // no prefix: the next rounds would find none either
    }
  }
  if (s.empty() || s.front() != '[') return {};
  const size_t close = s.find(']');
  if (close == std::string_view::npos || close <= 1 || close >= 64) return {};
  return Trim(s.substr(1, close - 1));
}

}  // namespace

std::string ListName(std::string_view list_id, std::string_view subject) {
  // Views until the answer is known: one string is built, the one returned.
  const std::string_view tag = SubjectTag(subject);
  const std::string_view id = Trim(list_id);
  if (id.empty()) return std::string(tag);
  std::string_view description, address;
  const size_t lt = id.find('<');
  const size_t gt = id.rfind('>');
  if (lt != std::string_view::npos && gt != std::string_view::npos && gt > lt) {
    description = Trim(id.substr(0, lt));
    address = Trim(id.substr(lt + 1, gt - lt - 1));
  } else {
    address = id;
  }
  if (description.size() >= 2 && description.front() == '"' && description.back() == '"')
    description = description.substr(1, description.size() - 2);
  const std::string_view label = address.substr(0, address.find('.'));
  if (label.empty()) return std::string(tag.empty() ? description : tag);
  if (!tag.empty() && IEquals(tag, label)) return std::string(tag);
  const std::string_view first_word = description.substr(0, description.find(' '));
  if (IEquals(first_word, label)) return std::string(first_word);
  return std::string(label);
}

bool LooksLikeHeaders(std::string_view bytes) {
  // The first line is "Name: value" with a name of RFC 5322 field characters, and one of the
  // first lines is a header every message has.
  size_t colon = 0;
  while (colon < bytes.size() && colon < 80 && bytes[colon] > 32 && bytes[colon] < 127 && bytes[colon] != ':')
    ++colon;
  if (colon == 0 || colon >= bytes.size() || bytes[colon] != ':') return false;
  static const char* kCommon[] = {"from:", "date:", "subject:", "message-id:", "received:",
                                  "return-path:", "to:", "mime-version:", "delivered-to:", "x-"};
  size_t pos = 0;
  for (int line = 0; line < 40 && pos < bytes.size(); ++line) {
    const size_t eol = bytes.find('\n', pos);
    const std::string_view l = bytes.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
    if (Trim(l).empty()) break;
    for (const char* name : kCommon) {
      const size_t n = std::strlen(name);
      if (l.size() >= n && IEquals(l.substr(0, n), name)) return true;
    }
    if (eol == std::string_view::npos) break;
    pos = eol + 1;
  }
  return false;
}

namespace {

// The checks every message goes through before it is decoded. `empty_line_seen`: the header
// block was read up to an empty line, so the message has one.
Status CheckMessage(std::string_view bytes, bool empty_line_seen) {
  if (Trim(bytes).empty()) return DataLoss("empty message");
  // A message cut short inside its header block (a truncated archive) has no empty line.
  if (!empty_line_seen && bytes.find("\n\n") == std::string_view::npos &&
      bytes.find("\n\r\n") == std::string_view::npos &&
      bytes[0] != '\n' && bytes.compare(0, 2, "\r\n") != 0) {
    return DataLoss("truncated message: headers without a body");
  }
  return Status::Ok();
}

// GMime builds nested multiparts recursively: bound the nesting a hostile message can ask for.
Status CheckMultiparts(std::string_view bytes) {
  if (CountBoundaries(bytes) > kMaxMultiparts) {
    return DataLoss("more than " + std::to_string(kMaxMultiparts) + " MIME multiparts: message skipped");
  }
  return Status::Ok();
}

// The whole message through GMime's parser.
Status DecodeParsed(std::string_view bytes, const MessageContext& ctx, std::vector<Document>* out,
                    std::vector<std::string>* skipped) {
  GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(bytes.data(), bytes.size()));
  GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
  g_mime_parser_set_persist_stream(parser.get(), TRUE);
  GPtr<GMimeMessage> msg(g_mime_parser_construct_message(parser.get(), nullptr));
  if (msg == nullptr) return DataLoss("not a mail message (no header block)");

  GMimeObject* body = g_mime_message_get_mime_part(msg.get());
  if (GMimeMultipart* digest = body != nullptr ? FindDigest(body, 0) : nullptr) {
    return DecodeDigest(digest, ctx, Header(GMIME_OBJECT(msg.get()), "List-Id"),
                        Header(GMIME_OBJECT(msg.get()), "Subject"), out, skipped);
  }

  Document doc;
  ACCORD_RETURN_IF_ERROR(BuildDocument(msg.get(), ctx, 0, &doc));
  out->push_back(std::move(doc));
  return Status::Ok();
}

// DecodeCommonShape after CheckMessage, with the header block already read.
bool DecodeShortcut(std::string_view bytes, const HeaderBlock& hb, const MessageContext& ctx,
                    std::vector<Document>* out) {
  // Built in place: a Document is large, and most messages take this way.
  if (BuildSimpleDocument(bytes, hb, ctx, 0, &out->emplace_back())) return true;
  out->pop_back();
  if (hb.content_type.data() == nullptr || hb.repeated_content_type || bytes.find('\r') != std::string_view::npos)
    return false;
  const BodyType& type = ParseBodyType(DecodeHeaderValue(hb.content_type, false));
  if (type.kind != BodyType::kDigest || !CheckMultiparts(bytes).ok()) return false;
  const std::string boundary = type.boundary;  // a copy: the parts' types may take its cache entry
  return DecodeSimpleDigest(bytes, hb, boundary, ctx, out);
}

}  // namespace

bool DecodeCommonShape(std::string_view bytes, const MessageContext& ctx, std::vector<Document>* out) {
  InitGMime();
  HeaderBlock hb;
  return CheckMessage(bytes, /*empty_line_seen=*/false).ok() && ParseHeaderBlock(bytes, &hb) &&
         DecodeShortcut(bytes, hb, ctx, out);
}

Status DecodeMessage(std::string_view bytes, const MessageContext& ctx, std::vector<Document>* out,
                     std::vector<std::string>* skipped) {
  InitGMime();
  HeaderBlock hb;
  const bool header_block = ParseHeaderBlock(bytes, &hb);
  ACCORD_RETURN_IF_ERROR(CheckMessage(bytes, hb.body_start != std::string_view::npos));
  if (header_block && DecodeShortcut(bytes, hb, ctx, out)) return Status::Ok();
  ACCORD_RETURN_IF_ERROR(CheckMultiparts(bytes));
  // A digest the shortcut does not read: GMime parses only its body.
  if (header_block && hb.content_type.data() != nullptr && !hb.repeated_content_type &&
      bytes.find('\r') == std::string_view::npos &&
      ParseBodyType(DecodeHeaderValue(hb.content_type, false)).kind == BodyType::kDigest) {
    Status status;
    if (DecodeTopLevelDigest(bytes, hb, ctx, out, skipped, &status)) return status;
  }
  return DecodeParsed(bytes, ctx, out, skipped);
}

Status DecodeMessageWithParser(std::string_view bytes, const MessageContext& ctx, std::vector<Document>* out,
                               std::vector<std::string>* skipped) {
  InitGMime();
  ACCORD_RETURN_IF_ERROR(CheckMessage(bytes, /*empty_line_seen=*/false));
  ACCORD_RETURN_IF_ERROR(CheckMultiparts(bytes));
  return DecodeParsed(bytes, ctx, out, skipped);
}

}  // namespace accord::ingest

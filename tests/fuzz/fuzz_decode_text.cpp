// Fuzz target: the bytes of a roster file as DecodeText reads them (core/base/encoding.h), with each
// encoding a user can pick (自动 / UTF-8 / GB18030), plus the UTF-8 helpers every cell goes through.
// Checks: decoded text is well-formed UTF-8; a refusal has a Chinese reason and an offset inside the file;
// UTF-16 files (FF FE / FE FF) are refused; valid UTF-8 is passed through byte for byte (BOM removed);
// GB18030 decoding agrees with glibc's iconv on every input (glibc is the reference natively; the two
// documented departures, the lone byte 0x80 read as € and 81 35 F4 37, are left out of the comparison).
#include <iconv.h>

#include <string>
#include <string_view>

#include "core/base/encoding.h"
#include "core/org/roster_import.h"
#include "fuzz_common.h"

namespace {
using namespace zj;

/// glibc's reading of GB18030 bytes, or false when glibc refuses them.
bool GlibcGb18030(std::string_view in, std::string& out) {
  static iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  iconv(cd, nullptr, nullptr, nullptr, nullptr);
  std::string buf(in.size() * 4 + 16, '\0');
  char* ip = const_cast<char*>(in.data());
  size_t il = in.size();
  char* op = buf.data();
  size_t ol = buf.size();
  if (iconv(cd, &ip, &il, &op, &ol) == static_cast<size_t>(-1) || il != 0) return false;
  out.assign(buf.data(), static_cast<size_t>(op - buf.data()));
  return true;
}

void CheckDecoded(std::string_view bytes, const DecodedText& r) {
  if (r.ok) {
    FUZZ_CHECK(IsValidUtf8(r.text), "decoded text is not UTF-8");
    FUZZ_CHECK(r.encoding == TextEncoding::Utf8 || r.encoding == TextEncoding::Gb18030, "encoding not reported");
  } else {
    FUZZ_CHECK(fuzz::ChineseFirst(r.error_zh) && !r.error_en.empty(), "refusal without a Chinese reason");
    FUZZ_CHECK(r.text.empty(), "refused text is handed on");
    FUZZ_CHECK(r.error_offset < bytes.size(), "error offset outside the file");
  }
}

void CellReaders(std::string_view s) {
  // Every cell of a roster goes through these; on bad bytes they must neither read past the end nor loop.
  size_t i = 0, steps = 0;
  while (i < s.size()) {
    NextCodePoint(s, i);
    ++steps;
  }
  FUZZ_CHECK(i == s.size() && steps <= s.size(), "NextCodePoint overran");
  const std::string trimmed = TrimSpaces(s);
  const std::string ascii = FullwidthToAscii(s);
  const std::string name = NormalizeName(s);
  FUZZ_CHECK(trimmed.size() <= s.size(), "TrimSpaces grew the text");
  if (IsValidUtf8(s)) {
    FUZZ_CHECK(IsValidUtf8(trimmed) && IsValidUtf8(ascii) && IsValidUtf8(name), "a cell reader broke UTF-8");
    FUZZ_CHECK(CodePointCount(ascii) == CodePointCount(s), "FullwidthToAscii changed the character count");
  }
  (void)NormalizePhone(s);
  if (auto d = ParseRosterDate(s)) FUZZ_CHECK(Date::FromYmd(d->Year(), d->Month(), d->Day()).has_value(), "impossible date read");
  if (auto m = ParseRosterDateOrMonth(s)) {
    FUZZ_CHECK(DateOrMonth::Parse(m->ToString()) == m, "a date or month read does not survive its text form");
    FUZZ_CHECK(!m->month_only || m->date.Day() == 1, "a month not kept as its first day");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const bool utf16 = size >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF));
  const bool bom = bytes.substr(0, 3) == "\xEF\xBB\xBF";

  for (TextEncoding hint : {TextEncoding::Auto, TextEncoding::Utf8, TextEncoding::Gb18030}) {
    const DecodedText r = DecodeText(bytes, hint);
    CheckDecoded(bytes, r);
    if (utf16) FUZZ_CHECK(!r.ok, "a UTF-16 file was read");
    if (r.ok && r.encoding == TextEncoding::Utf8) {
      FUZZ_CHECK(r.text == bytes.substr(bom ? 3 : 0), "UTF-8 not passed through");
      FUZZ_CHECK(r.had_bom == bom, "BOM not reported");
    }
    if (hint == TextEncoding::Auto && !utf16 && (bom || IsValidUtf8(bytes)))
      FUZZ_CHECK(r.encoding == TextEncoding::Utf8, "valid UTF-8 not detected");
    if (r.ok) CellReaders(r.text);
  }

  // GB18030 against glibc.
  if (bytes.find('\x80') == std::string_view::npos && bytes.find("\x81\x35\xF4\x37") == std::string_view::npos) {
    std::string ours, theirs;
    const bool ok_ours = DecodeGb18030(bytes, ours);
    const bool ok_theirs = GlibcGb18030(bytes, theirs);
    FUZZ_CHECK(ok_ours == ok_theirs, ok_ours ? "glibc refuses GB18030 we accept" : "we refuse GB18030 glibc accepts");
    if (ok_ours) FUZZ_CHECK(ours == theirs, "GB18030 decoded differently from glibc");
  }

  CellReaders(bytes);
  return 0;
}

// Zhengjian core: text encodings of imported files — UTF-8 (with or without BOM) and GB18030/GBK/GB2312
// (what Excel and WPS write on Chinese Windows) — and small UTF-8 helpers (trimming, full-width forms).
// Roster CSV import. Strings in, strings out; no I/O.
//
// GB18030 decoding, and why it is not plain iconv: glibc's iconv and Emscripten 3.1.6's musl iconv both
// open "GB18030"/"GBK", but musl decodes four-byte sequences wrongly (𠮷 95 34 B2 35 comes out as
// U+44C03; 16,940 of the 39,420 BMP four-byte codes differ from the standard) and the two libraries
// disagree on 25 two-byte codes (glibc: the GB18030-2022 characters, musl: GB18030-2005 private-use
// points). So: two-byte codes come from iconv (identical on both apart from those 25, which a small table
// pins to the real characters, e.g. FE51 -> U+20087), four-byte codes are computed from the standard's
// rules (supplementary planes are linear; BMP four-byte codes enumerate, in order, the BMP code points
// that have no one- or two-byte code). The result is the same natively and in wasm, tested.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace zj {

/// Text encodings an import accepts. GBK and GB2312 files are read as GB18030 (a superset).
enum class TextEncoding {
  Auto,     ///< UTF-8 BOM -> UTF-8; valid UTF-8 -> UTF-8; otherwise GB18030
  Utf8,     ///< UTF-8, BOM optional
  Gb18030,  ///< GB18030 / GBK / GB2312 (byte 0x80 alone is read as € as in Windows code page 936)
};

/// Result of DecodeText.
struct DecodedText {
  bool ok = false;
  std::string text;                    ///< UTF-8 without BOM
  TextEncoding encoding = TextEncoding::Auto;  ///< what was used (Utf8 or Gb18030)
  bool had_bom = false;                ///< a UTF-8 byte-order mark was removed
  size_t error_offset = 0;             ///< byte offset of the first bad byte when !ok
  std::string error_zh, error_en;      ///< why, when !ok
};

/// Decodes file bytes to UTF-8. Errors (not ok): empty input is fine (ok, empty text); UTF-16 files
/// (FF FE / FE FF) are refused with a hint to save as "CSV UTF-8"; a byte sequence invalid in the chosen
/// encoding is refused with its offset. Never replaces bad bytes silently.
DecodedText DecodeText(std::string_view bytes, TextEncoding hint = TextEncoding::Auto);

/// Decodes GB18030 bytes into UTF-8 appended to `out`. Returns false at the first invalid sequence,
/// setting `*bad_offset` (if given) to its byte offset.
bool DecodeGb18030(std::string_view bytes, std::string& out, size_t* bad_offset = nullptr);

/// True when `s` is well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
/// On failure `*bad_offset` (if given) is the offset of the first bad byte.
bool IsValidUtf8(std::string_view s, size_t* bad_offset = nullptr);

/// Appends the UTF-8 form of code point `cp` (<= U+10FFFF, not a surrogate) to `out`.
void AppendUtf8(std::string& out, char32_t cp);

/// Reads the code point at s[i] (well-formed UTF-8 assumed; a bad byte reads as itself) and advances i.
char32_t NextCodePoint(std::string_view s, size_t& i);

/// Number of code points (not bytes) in well-formed UTF-8; 𠮷 counts as one.
size_t CodePointCount(std::string_view s);

/// Removes leading and trailing spaces: ASCII space, tab, CR, LF, U+3000 (full-width space 全角空格),
/// U+00A0 (no-break space) and U+FEFF (a stray BOM).
std::string TrimSpaces(std::string_view s);

/// Maps full-width ASCII forms (U+FF01..U+FF5E, e.g. "１２３Ｘ") to ASCII and U+3000 to a space;
/// everything else is kept. Used before reading digits, dates and ID numbers.
std::string FullwidthToAscii(std::string_view s);

/// Human name of an encoding for messages: "UTF-8", "GB18030/GBK".
const char* TextEncodingName(TextEncoding e);

}  // namespace zj

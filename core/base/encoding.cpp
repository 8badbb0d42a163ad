#include "core/base/encoding.h"

#include <iconv.h>

#include <cstdint>
#include <vector>

namespace zj {
namespace {

// ---- GB18030 two-byte table (from iconv, built once) -------------------------------------------
constexpr int kLeadCount = 0xFE - 0x81 + 1;   // 126 lead bytes
constexpr int kTrailCount = 0xFE - 0x40 + 1;  // 191 trail slots (0x7F unused)

// The 25 two-byte codes on which glibc (GB18030-2022 characters) and musl (GB18030-2005 private-use
// points) differ; found by decoding every two-byte code with both. We decode to the real character.
struct Override {
  uint16_t code;
  char32_t standard;  // decoded to this
  char32_t pua;       // GB18030-2005 private-use point: counts as "has a two-byte code" for the 4-byte rule
};
const Override kOverrides[] = {
    {0xA6D9, 0xFE10, 0xE78D},  {0xA6DA, 0xFE12, 0xE78E},  {0xA6DB, 0xFE11, 0xE78F},  {0xA6DC, 0xFE13, 0xE790},
    {0xA6DD, 0xFE14, 0xE791},  {0xA6DE, 0xFE15, 0xE792},  {0xA6DF, 0xFE16, 0xE793},  {0xA6EC, 0xFE17, 0xE794},
    {0xA6ED, 0xFE18, 0xE795},  {0xA6F3, 0xFE19, 0xE796},  {0xA8BC, 0x1E3F, 0xE7C7},  {0xFE51, 0x20087, 0xE816},
    {0xFE52, 0x20089, 0xE817}, {0xFE53, 0x200CC, 0xE818}, {0xFE59, 0x9FB4, 0xE81E},  {0xFE61, 0x9FB5, 0xE826},
    {0xFE66, 0x9FB6, 0xE82B},  {0xFE67, 0x9FB7, 0xE82C},  {0xFE6C, 0x215D7, 0xE831}, {0xFE6D, 0x9FB8, 0xE832},
    {0xFE76, 0x2298F, 0xE83B}, {0xFE7E, 0x9FB9, 0xE843},  {0xFE90, 0x9FBA, 0xE854},  {0xFE91, 0x241FE, 0xE855},
    {0xFEA0, 0x9FBB, 0xE864},
};

struct GbTables {
  std::vector<char32_t> two;       // [lead][trail] -> code point, 0 = invalid
  std::vector<uint16_t> four_bmp;  // linear four-byte index -> BMP code point (39,420 entries)
};

char32_t DecodeOneUtf8(const char* p, size_t n) {
  std::string_view s(p, n);
  size_t i = 0;
  char32_t cp = NextCodePoint(s, i);
  return i == n ? cp : 0;
}

GbTables BuildTables() {
  GbTables t;
  t.two.assign(kLeadCount * kTrailCount, 0);
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd != reinterpret_cast<iconv_t>(-1)) {
    for (int a = 0x81; a <= 0xFE; ++a) {
      for (int b = 0x40; b <= 0xFE; ++b) {
        if (b == 0x7F) continue;
        char in[2] = {static_cast<char>(a), static_cast<char>(b)};
        char out[8];
        char* ip = in;
        size_t il = 2;
        char* op = out;
        size_t ol = sizeof out;
        iconv(cd, nullptr, nullptr, nullptr, nullptr);
        if (iconv(cd, &ip, &il, &op, &ol) == static_cast<size_t>(-1) || il != 0) continue;
        t.two[(a - 0x81) * kTrailCount + (b - 0x40)] = DecodeOneUtf8(out, static_cast<size_t>(op - out));
      }
    }
    iconv_close(cd);
  }
  // Coverage of the BMP by one- and two-byte codes, GB18030-2005 style (private-use points for the 25).
  std::vector<bool> covered(0x10000, false);
  for (int c = 0; c < 0x80; ++c) covered[c] = true;
  for (char32_t cp : t.two)
    if (cp && cp < 0x10000) covered[cp] = true;
  for (const Override& o : kOverrides) {
    t.two[((o.code >> 8) - 0x81) * kTrailCount + ((o.code & 0xFF) - 0x40)] = o.standard;
    covered[o.pua] = true;
    if (o.standard < 0x10000) covered[o.standard] = false;  // in 2005 these had four-byte codes
  }
  for (char32_t cp = 0x80; cp < 0x10000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    if (!covered[cp]) t.four_bmp.push_back(static_cast<uint16_t>(cp));
  }
  return t;
}

const GbTables& Tables() {
  static const GbTables t = BuildTables();
  return t;
}

}  // namespace

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

char32_t NextCodePoint(std::string_view s, size_t& i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  const size_t n = c < 0x80 ? 0 : c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  if (n == 0 || i + n >= s.size()) {  // ASCII, a stray continuation byte, or a cut-off sequence
    ++i;
    return c;
  }
  char32_t cp = n == 1 ? (c & 0x1F) : n == 2 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k <= n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += n + 1;
  return cp;
}

size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  for (char ch : s) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  return n;
}

bool IsValidUtf8(std::string_view s, size_t* bad_offset) {
  size_t i = 0;
  auto fail = [&](size_t at) {
    if (bad_offset) *bad_offset = at;
    return false;
  };
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { ++i; continue; }
    int n;
    char32_t cp, min;
    if (c >= 0xC2 && c <= 0xDF) { n = 1; cp = c & 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { n = 2; cp = c & 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 3; cp = c & 0x07; min = 0x10000; }
    else return fail(i);
    for (int k = 1; k <= n; ++k) {
      if (i + k >= s.size()) return fail(i);
      const unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return fail(i);
      cp = (cp << 6) | (d & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return fail(i);
    i += static_cast<size_t>(n) + 1;
  }
  return true;
}

bool DecodeGb18030(std::string_view in, std::string& out, size_t* bad_offset) {
  const GbTables& t = Tables();
  out.reserve(out.size() + in.size() * 3 / 2);
  auto u = [&](size_t k) { return static_cast<unsigned char>(in[k]); };
  size_t i = 0;
  while (i < in.size()) {
    const unsigned a = u(i);
    if (a < 0x80) { out += static_cast<char>(a); ++i; continue; }
    if (a == 0x80) { AppendUtf8(out, 0x20AC); ++i; continue; }  // code page 936's euro sign
    if (a == 0xFF || i + 1 >= in.size()) break;
    const unsigned b = u(i + 1);
    if (b >= 0x40 && b <= 0xFE && b != 0x7F) {
      const char32_t cp = t.two[(a - 0x81) * kTrailCount + (b - 0x40)];
      if (!cp) break;
      AppendUtf8(out, cp);
      i += 2;
      continue;
    }
    if (b < 0x30 || b > 0x39 || i + 3 >= in.size()) break;
    const unsigned c = u(i + 2), d = u(i + 3);
    if (c < 0x81 || c > 0xFE || d < 0x30 || d > 0x39) break;
    const long lin = ((static_cast<long>(a - 0x81) * 10 + (b - 0x30)) * 126 + (c - 0x81)) * 10 + (d - 0x30);
    constexpr long kSupplementaryBase = 189000;  // linear index of 90 30 81 30 = U+10000
    char32_t cp = 0;
    if (lin < static_cast<long>(t.four_bmp.size())) cp = t.four_bmp[static_cast<size_t>(lin)];
    else if (lin >= kSupplementaryBase && lin - kSupplementaryBase <= 0xFFFFF)
      cp = static_cast<char32_t>(0x10000 + (lin - kSupplementaryBase));
    if (!cp) break;
    AppendUtf8(out, cp);
    i += 4;
  }
  if (i < in.size()) {
    if (bad_offset) *bad_offset = i;
    return false;
  }
  return true;
}

DecodedText DecodeText(std::string_view bytes, TextEncoding hint) {
  DecodedText r;
  if (bytes.size() >= 2 && ((static_cast<unsigned char>(bytes[0]) == 0xFF && static_cast<unsigned char>(bytes[1]) == 0xFE) ||
                            (static_cast<unsigned char>(bytes[0]) == 0xFE && static_cast<unsigned char>(bytes[1]) == 0xFF))) {
    r.error_zh = "文件是UTF-16编码(Unicode文本),请在Excel/WPS中另存为\"CSV UTF-8\"或\"CSV(逗号分隔)\"后再导入";
    r.error_en = "the file is UTF-16 (Unicode text); save it as \"CSV UTF-8\" or \"CSV (comma delimited)\" and import again";
    return r;
  }
  const bool bom = bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF";
  TextEncoding enc = hint;
  if (enc == TextEncoding::Auto) enc = (bom || IsValidUtf8(bytes)) ? TextEncoding::Utf8 : TextEncoding::Gb18030;
  r.encoding = enc;
  if (enc == TextEncoding::Utf8) {
    std::string_view body = bom ? bytes.substr(3) : bytes;
    size_t bad = 0;
    if (!IsValidUtf8(body, &bad)) {
      r.error_offset = bad + (bom ? 3 : 0);
      r.error_zh = "第" + std::to_string(r.error_offset + 1) + "个字节不是有效的UTF-8编码";
      r.error_en = "byte " + std::to_string(r.error_offset + 1) + " is not valid UTF-8";
      return r;
    }
    r.had_bom = bom;
    r.text.assign(body);
    r.ok = true;
    return r;
  }
  size_t bad = 0;
  if (!DecodeGb18030(bytes, r.text, &bad)) {
    r.text.clear();
    r.error_offset = bad;
    r.error_zh = "第" + std::to_string(bad + 1) + "个字节既不是有效的UTF-8也不是有效的GB18030/GBK编码";
    r.error_en = "byte " + std::to_string(bad + 1) + " is neither valid UTF-8 nor valid GB18030/GBK";
    return r;
  }
  r.ok = true;
  return r;
}

std::string TrimSpaces(std::string_view s) {
  auto space_at_front = [&](std::string_view v) -> size_t {
    if (v.empty()) return 0;
    const char c = v[0];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
    if (v.size() >= 3 && v.substr(0, 3) == "\xE3\x80\x80") return 3;  // U+3000
    if (v.size() >= 3 && v.substr(0, 3) == "\xEF\xBB\xBF") return 3;  // U+FEFF
    if (v.size() >= 2 && v.substr(0, 2) == "\xC2\xA0") return 2;      // U+00A0
    return 0;
  };
  auto space_at_back = [&](std::string_view v) -> size_t {
    if (v.empty()) return 0;
    const char c = v.back();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
    if (v.size() >= 3 && v.substr(v.size() - 3) == "\xE3\x80\x80") return 3;
    if (v.size() >= 3 && v.substr(v.size() - 3) == "\xEF\xBB\xBF") return 3;
    if (v.size() >= 2 && v.substr(v.size() - 2) == "\xC2\xA0") return 2;
    return 0;
  };
  for (size_t n; (n = space_at_front(s)) != 0;) s.remove_prefix(n);
  for (size_t n; (n = space_at_back(s)) != 0;) s.remove_suffix(n);
  return std::string(s);
}

std::string FullwidthToAscii(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const size_t start = i;
    const char32_t cp = NextCodePoint(s, i);
    if (cp >= 0xFF01 && cp <= 0xFF5E) out += static_cast<char>(cp - 0xFF01 + 0x21);
    else if (cp == 0x3000) out += ' ';
    else out.append(s.substr(start, i - start));
  }
  return out;
}

const char* TextEncodingName(TextEncoding e) {
  switch (e) {
    case TextEncoding::Utf8: return "UTF-8";
    case TextEncoding::Gb18030: return "GB18030/GBK";
    default: return "auto";
  }
}

}  // namespace zj

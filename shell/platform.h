// Zhengjian shell: the platform port, the app's one door to the outside (DESIGN.md).
// Web implementation: shell/platform_web.cpp (EM_JS into web/glue.js).
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace zj::platform {

/// A glyph drawn by the system's fonts: 8-bit alpha, `width` x `height`, with its offset from the pen
/// position on the baseline (`left` right of the pen, `top` below the baseline, so usually negative)
/// and its advance, all in device pixels.
struct GlyphBitmap {
  int width = 0, height = 0;
  float left = 0, top = 0, advance = 0;
  std::vector<unsigned char> alpha;
};
/// True if some system font has a real glyph for `codepoint` (not the missing-glyph box).
bool SystemHasGlyph(unsigned codepoint);
/// Rasterizes `codepoint` at `pixel_size` device pixels. False if the system cannot draw it.
bool RasterGlyph(unsigned codepoint, float pixel_size, GlyphBitmap& out);

/// Milliseconds since 1970-01-01 UTC (Date.now()).
int64_t NowMs();
/// Today's local civil date as `YYYY-MM-DD`, or the `?today=` override of the address (tests, demos).
std::string TodayIso();
/// 64 random bits from crypto.getRandomValues.
uint64_t RandomU64();

/// A small persistent setting (localStorage key `zj.setting.<key>`); "" when unset.
std::string GetSetting(const std::string& key);
void SetSetting(const std::string& key, const std::string& value);

/// A file the user chose (bytes as read, no decoding).
struct PickedFile {
  std::string name;
  std::string bytes;
};
/// (web) Delivers a picked file to its request; called from platform_web.cpp's entry point.
void FilePicked(int request, const char* name, const char* data, int size);
/// Opens the system file chooser (`accept` as in <input accept>, e.g. ".csv,text/csv"); `done` runs later,
/// on a following frame, once with the file, or never if the user cancels. Call from a button's click.
void PickFile(const std::string& accept, std::function<void(PickedFile)> done);
/// Saves `bytes` as a download named `filename` (e.g. "渔洋镇-名册-2026-03-25.csv").
void DownloadFile(const std::string& filename, const std::string& mime, const std::string& bytes);
/// Opens `html` (a complete document) in a new tab for reading and printing; where the browser blocks
/// that or cannot print (in-app browsers), saves it as `filename` instead. Returns true if it opened.
bool OpenHtml(const std::string& filename, const std::string& html);

}  // namespace zj::platform

// Zhengjian shell: fonts. The embedded UI font (a GB2312 subset of WenQuanYi Micro Hei, made by
// web/make_font.py) plus a fallback font source whose glyphs the browser rasterizes with Canvas2D
// from the system's fonts, for characters outside the subset (䶮, 𠮷 ... in names).
#pragma once
#include <string>
#include <vector>

namespace zj::ui {

/// Base font size in CSS pixels before the user's zoom.
constexpr float kBaseFontPx = 17.0f;

/// Loads the embedded font (`ttf`, takes ownership of a malloc'd buffer of `size` bytes; may be
/// null, then only the fallback source is used) and merges the Canvas2D fallback source.
void SetupFonts(void* ttf, int size);

/// Characters of `texts` (UTF-8) that no font source can draw: each as {text, code point}.
/// Loads glyphs as a side effect; call between frames.
struct MissingGlyph { std::string text; unsigned codepoint; };
std::vector<MissingGlyph> FindMissingGlyphs(const std::vector<std::string>& texts);

}  // namespace zj::ui

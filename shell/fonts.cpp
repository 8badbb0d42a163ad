// [SECTION] Canvas2D fallback font loader
// [SECTION] Setup
// [SECTION] Missing-glyph check
#include "shell/fonts.h"

#include <cstdlib>
#include <cstring>

#include "imgui.h"
#include "imgui_internal.h"
#include "shell/platform.h"

namespace zj::ui {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Canvas2D fallback font loader
// A Dear ImGui 1.92 ImFontLoader without font data: the browser draws each glyph with the system's
// fonts (platform::RasterGlyph), so anything the phone or PC can show, the app can show.
//-----------------------------------------------------------------------------
// Canvas font size per ImGui font size: ImGui sizes the embedded font by its line height (ascent -
// descent), the canvas by its em. Measured once from the embedded font's 中 (one em wide in CJK fonts)
// so fallback glyphs match the size of the embedded ones. Process-wide: the page's one font setup.
float g_em_per_size = 1.0f;

bool CanvasSrcInit(ImFontAtlas*, ImFontConfig*) { return true; }
void CanvasSrcDestroy(ImFontAtlas*, ImFontConfig*) {}
bool CanvasContains(ImFontAtlas*, ImFontConfig*, ImWchar cp) { return platform::SystemHasGlyph(cp); }
bool CanvasBakedInit(ImFontAtlas*, ImFontConfig*, ImFontBaked*, void*) { return true; }

bool CanvasLoadGlyph(ImFontAtlas* atlas, ImFontConfig* src, ImFontBaked* baked, void*, ImWchar cp,
                     ImFontGlyph* out_glyph, float* out_advance_x) {
  if (!platform::SystemHasGlyph(cp)) return false;
  const float density = src->RasterizerDensity * baked->RasterizerDensity;
  platform::GlyphBitmap g;
  if (!platform::RasterGlyph(cp, baked->Size * density * g_em_per_size, g)) return false;
  const float inv = 1.0f / density;
  if (out_advance_x) {
    *out_advance_x = g.advance * inv;
    return true;
  }
  out_glyph->Codepoint = cp;
  out_glyph->AdvanceX = g.advance * inv;
  if (g.width > 0 && g.height > 0) {
    ImFontAtlasRectId pack_id = ImFontAtlasPackAddRect(atlas, g.width, g.height);
    if (pack_id == ImFontAtlasRectId_Invalid) return false;
    ImTextureRect* r = ImFontAtlasPackGetRect(atlas, pack_id);
    out_glyph->X0 = g.left * inv;
    out_glyph->Y0 = g.top * inv + IM_ROUND(baked->Ascent);
    out_glyph->X1 = out_glyph->X0 + g.width * inv;
    out_glyph->Y1 = out_glyph->Y0 + g.height * inv;
    out_glyph->Visible = true;
    out_glyph->PackId = pack_id;
    ImFontAtlasBakedSetFontGlyphBitmap(atlas, baked, src, out_glyph, r, g.alpha.data(), ImTextureFormat_Alpha8,
                                       g.width);
  }
  return true;
}

const ImFontLoader* CanvasLoader() {
  static ImFontLoader loader;  // process-wide, like the font atlas that points at it
  loader.Name = "canvas2d";
  loader.FontSrcInit = CanvasSrcInit;
  loader.FontSrcDestroy = CanvasSrcDestroy;
  loader.FontSrcContainsGlyph = CanvasContains;
  loader.FontBakedInit = CanvasBakedInit;
  loader.FontBakedLoadGlyph = CanvasLoadGlyph;
  return &loader;
}

// UTF-8 -> code points (invalid bytes become U+FFFD).
std::vector<unsigned> Decode(const std::string& s) {
  std::vector<unsigned> out;
  const char* p = s.c_str();
  const char* end = p + s.size();
  while (p < end) {
    unsigned c = 0;
    int n = ImTextCharFromUtf8(&c, p, end);
    if (n <= 0) break;
    out.push_back(c);
    p += n;
  }
  return out;
}
}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Setup
//-----------------------------------------------------------------------------
void SetupFonts(void* ttf, int size) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  if (ttf && size > 0) {
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = true;  // ImGui frees it with IM_FREE (malloc'd by the platform)
    std::strncpy(cfg.Name, "WenQuanYi Micro Hei (subset)", sizeof cfg.Name - 1);
    ImFont* main = io.Fonts->AddFontFromMemoryTTF(ttf, size, kBaseFontPx, &cfg);
    if (ImFontGlyph* zhong = main->GetFontBaked(100.0f)->FindGlyphNoFallback(0x4E2D))  // 中
      g_em_per_size = zhong->AdvanceX / 100.0f;
    ImFontConfig fb;
    fb.MergeMode = true;
    fb.FontLoader = CanvasLoader();
    std::strncpy(fb.Name, "system fonts (Canvas2D)", sizeof fb.Name - 1);
    io.Fonts->AddFont(&fb);
  } else {
    ImFontConfig fb;
    fb.FontLoader = CanvasLoader();
    fb.SizePixels = kBaseFontPx;
    std::strncpy(fb.Name, "system fonts (Canvas2D)", sizeof fb.Name - 1);
    io.Fonts->AddFont(&fb);
  }
}

//-----------------------------------------------------------------------------
// [SECTION] Missing-glyph check
//-----------------------------------------------------------------------------
std::vector<MissingGlyph> FindMissingGlyphs(const std::vector<std::string>& texts) {
  std::vector<MissingGlyph> out;
  ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
  ImFontBaked* baked = font->GetFontBaked(kBaseFontPx);
  for (const std::string& t : texts) {
    for (unsigned c : Decode(t)) {
      if (c < 0x20 || c == 0x7F || (c >= 0xFE00 && c <= 0xFE0F)) continue;  // controls, variation selectors
      if (!baked->FindGlyphNoFallback(static_cast<ImWchar>(c))) out.push_back({t, c});
    }
  }
  return out;
}

}  // namespace zj::ui

// [SECTION] Platform port, web implementation (EM_JS into web/glue.js)
// [SECTION] Input entry points called by web/glue.js
// [SECTION] Test entry points (window.zjTest, only with ?test=1)
// [SECTION] Main loop
#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>

#include <cstdlib>
#include <cmath>
#include <cstring>
#include <map>
#include <string>

#include "core/data/dataset.h"
#include "core/data/records.h"
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"
#include "shell/app.h"
#include "shell/fonts.h"
#include "shell/locator.h"
#include "shell/platform.h"
#include "shell/storage.h"

//-----------------------------------------------------------------------------
// [SECTION] Platform port, web implementation
//-----------------------------------------------------------------------------
// Strings from JS are returned malloc'd; C++ frees them (TakeString).
EM_JS(int, zj_js_has_glyph, (unsigned cp), { return Module.zjGlyphs.has(cp) ? 1 : 0; });
// Writes width, height, left, top, advance into out[0..4] and returns a malloc'd alpha buffer (or 0).
EM_JS(unsigned char*, zj_js_raster_glyph, (unsigned cp, float px, float* out), {
  var g = Module.zjGlyphs.raster(cp, px);
  HEAPF32[(out >> 2) + 0] = g.w;
  HEAPF32[(out >> 2) + 1] = g.h;
  HEAPF32[(out >> 2) + 2] = g.left;
  HEAPF32[(out >> 2) + 3] = g.top;
  HEAPF32[(out >> 2) + 4] = g.advance;
  if (!g.w || !g.h) return 0;
  var p = _malloc(g.alpha.length);
  HEAPU8.set(g.alpha, p);
  return p;
});
EM_JS(double, zj_js_now, (), { return Date.now(); });
EM_JS(char*, zj_js_today, (), {
  var s = Module.zjToday(); var n = lengthBytesUTF8(s) + 1; var p = _malloc(n); stringToUTF8(s, p, n); return p;
});
EM_JS(double, zj_js_random32, (), { return crypto.getRandomValues(new Uint32Array(1))[0]; });
EM_JS(char*, zj_js_get_setting, (const char* key), {
  var s = Module.zjSettings.get(UTF8ToString(key)); var n = lengthBytesUTF8(s) + 1; var p = _malloc(n);
  stringToUTF8(s, p, n); return p;
});
EM_JS(void, zj_js_set_setting, (const char* key, const char* value), {
  Module.zjSettings.set(UTF8ToString(key), UTF8ToString(value));
});
EM_JS(void*, zj_js_take_font, (int* size), {
  var b = Module.zjFontBytes; Module.zjFontBytes = null;
  if (!b || !b.length) { HEAP32[size >> 2] = 0; return 0; }
  var p = _malloc(b.length); HEAPU8.set(b, p); HEAP32[size >> 2] = b.length; return p;
});
EM_JS(int, zj_js_test_mode, (), { return Module.zjTestMode ? 1 : 0; });
EM_JS(void, zj_js_fatal, (const char* msg), { Module.zjFatal(UTF8ToString(msg)); });
EM_JS(void, zj_js_install, (), { Module.zjInstall(); });
// Text-input bridge: where ImGui's caret is (CSS px) and whether a field wants text (web/glue.js).
EM_JS(void, zj_js_ime, (int want_text, float x, float y, float line_h), { Module.zjIme(want_text, x, y, line_h); });
EM_JS(void, zj_js_copy, (const char* text), { Module.zjCopy(UTF8ToString(text)); });
EM_JS(int, zj_js_webgl_version, (), { return Module.zjWebGLVersion || 0; });
// Files: web/glue.js reads the chosen file and calls zj_file_picked(request, name, data, size).
EM_JS(void, zj_js_pick_file, (int request, const char* accept), { Module.zjPickFile(request, UTF8ToString(accept)); });
EM_JS(void, zj_js_download, (const char* name, const char* mime, const char* data, int size), {
  Module.zjDownload(UTF8ToString(name), UTF8ToString(mime), HEAPU8.slice(data, data + size));
});
EM_JS(int, zj_js_open_html, (const char* name, const char* html, int size), {
  return Module.zjOpenHtml(UTF8ToString(name), UTF8ToString(html, size)) ? 1 : 0;
});
EM_JS(void, zj_js_ready, (), { Module.zjReady(); });
// Collation ranks (CollationRanks): `count` UTF-8 texts joined by NUL in joined[0..size); writes ranks[0..count).
EM_JS(void, zj_js_collation_ranks, (const char* joined, int size, int count, int* ranks), {
  var parts = count ? new TextDecoder('utf-8').decode(HEAPU8.subarray(joined, joined + size)).split(String.fromCharCode(0)) : [];
  var cmp;
  try {
    if (!Module.zjCollator) Module.zjCollator = new Intl.Collator(['zh-CN-u-co-pinyin', 'zh'], {numeric: true});
    cmp = Module.zjCollator.compare;
  } catch (e) {
    cmp = function(x, y) { return x < y ? -1 : x > y ? 1 : 0; };
  }
  var order = new Array(count);
  for (var i = 0; i < count; i++) order[i] = i;
  order.sort(function(x, y) { return cmp(parts[x], parts[y]) || x - y; });
  var base = ranks >> 2;
  for (var k = 0; k < count; k++)
    HEAP32[base + order[k]] = (k > 0 && cmp(parts[order[k]], parts[order[k - 1]]) === 0) ? HEAP32[base + order[k - 1]] : k;
});

// Pinyin initials (PinyinInitials): `count` UTF-8 texts joined by NUL; returns the initials joined by ','
// (malloc'ed; initials hold only [a-z0-9] and '|' between a text's alternative readings, never ',').
// The browser's pinyin collation (ICU/CLDR data) places each Han character after the first
// character of its initial's block; the blocks' first characters (呣 for m: 妈 sorts after 呣) were checked
// against common surnames of every letter. Latin letters and digits are kept (lower case), the rest dropped.
EM_JS(char*, zj_js_pinyin_initials, (const char* joined, int size, int count), {
  var parts = count ? new TextDecoder('utf-8').decode(HEAPU8.subarray(joined, joined + size)).split(String.fromCharCode(0)) : [];
  var out = [];
  try {
    if (!Module.zjCollator) Module.zjCollator = new Intl.Collator(['zh-CN-u-co-pinyin', 'zh'], {numeric: true});
    var cmp = Module.zjCollator.compare;
    var letters = 'abcdefghjklmnopqrstwxyz', firsts = '阿八嚓哒妸发旮哈讥咔垃呣拏噢妑七呥仨他屲夕丫帀';
    var latin = /[A-Za-z0-9]/;
    var han = function(c) { var u = c.codePointAt(0); return (u >= 0x3400 && u <= 0x9FFF) || (u >= 0xF900 && u <= 0xFAFF) || (u >= 0x20000 && u <= 0x3134F); };
    var memo = Module.zjInitialMemo || (Module.zjInitialMemo = new Map());
    // Surnames read apart from the character's common reading (覃 qín, not tán; 曾 zēng, 单 shàn …):
    // at the start of a name (a Han character after none) the surname's letter is an alternative.
    var surnames = "覃曾单仇区解查朴盖种乐缪翟召尉秘员繁隗句阚恽眭逄谌粘";
    var surnameLetters = "qzsqoxzpgcymzsybypwgkyspcn";
    var letterOf = function(ch) {
      var l = memo.get(ch);
      if (l === undefined) {
        var lo = -1, a = 0, b = firsts.length - 1;
        while (a <= b) { var mid = (a + b) >> 1; if (cmp(firsts[mid], ch) <= 0) { lo = mid; a = mid + 1; } else b = mid - 1; }
        l = lo >= 0 ? letters[lo] : "";
        memo.set(ch, l);
      }
      return l;
    };
    for (var i = 0; i < parts.length; i++) {
      var s = "", alt = "", prevHan = false;
      for (var ch of parts[i]) {
        if (latin.test(ch)) { s += ch.toLowerCase(); alt += ch.toLowerCase(); prevHan = false; continue; }
        if (!han(ch)) { prevHan = false; continue; }
        var l = letterOf(ch), k = prevHan ? -1 : surnames.indexOf(ch);
        s += l;
        alt += k >= 0 ? surnameLetters[k] : l;
        prevHan = true;
      }
      out.push(alt === s ? s : s + "|" + alt);
    }
  } catch (e) {
    out = parts.map(function() { return ""; });
  }
  var v = out.join(',');
  var n = lengthBytesUTF8(v) + 1; var p = _malloc(n); stringToUTF8(v, p, n); return p;
});

namespace zj::platform {
namespace {
std::string TakeString(char* p) {
  std::string s = p ? p : "";
  std::free(p);
  return s;
}
}  // namespace

bool SystemHasGlyph(unsigned cp) { return zj_js_has_glyph(cp) != 0; }

bool RasterGlyph(unsigned cp, float px, GlyphBitmap& g) {
  float out[5] = {0, 0, 0, 0, 0};
  unsigned char* alpha = zj_js_raster_glyph(cp, px, out);
  g.width = static_cast<int>(out[0]);
  g.height = static_cast<int>(out[1]);
  g.left = out[2];
  g.top = out[3];
  g.advance = out[4];
  if (alpha) {
    g.alpha.assign(alpha, alpha + static_cast<size_t>(g.width) * g.height);
    std::free(alpha);
  } else {
    g.width = g.height = 0;
  }
  return g.advance > 0 || g.width > 0;
}

int64_t NowMs() { return static_cast<int64_t>(zj_js_now()); }
std::string TodayIso() { return TakeString(zj_js_today()); }
uint64_t RandomU64() {
  return (static_cast<uint64_t>(zj_js_random32()) << 32) | static_cast<uint64_t>(zj_js_random32());
}
std::string GetSetting(const std::string& key) { return TakeString(zj_js_get_setting(key.c_str())); }
void SetSetting(const std::string& key, const std::string& value) { zj_js_set_setting(key.c_str(), value.c_str()); }

namespace {
// File picks waiting for web/glue.js (process-wide: the platform port).
std::map<int, std::function<void(PickedFile)>> g_pick_requests;
int g_next_pick = 1;
}  // namespace
void PickFile(const std::string& accept, std::function<void(PickedFile)> done) {
  const int request = g_next_pick++;
  g_pick_requests[request] = std::move(done);
  zj_js_pick_file(request, accept.c_str());
}
void DownloadFile(const std::string& filename, const std::string& mime, const std::string& bytes) {
  zj_js_download(filename.c_str(), mime.c_str(), bytes.data(), static_cast<int>(bytes.size()));
}
bool OpenHtml(const std::string& filename, const std::string& html) {
  return zj_js_open_html(filename.c_str(), html.data(), static_cast<int>(html.size())) != 0;
}
/// Called by the glue when a picked file has been read (or with size -1 when reading failed).
void FilePicked(int request, const char* name, const char* data, int size) {
  auto f = g_pick_requests.find(request);
  if (f == g_pick_requests.end()) return;
  auto done = std::move(f->second);
  g_pick_requests.erase(f);
  if (size >= 0) done(PickedFile{name ? name : "", std::string(data, data + size)});
}

std::vector<std::string> PinyinInitials(const std::vector<std::string>& texts) {
  std::vector<std::string> out(texts.size());
  if (texts.empty()) return out;
  std::string joined;
  for (size_t i = 0; i < texts.size(); ++i) {
    if (i) joined.push_back('\0');
    for (char c : texts[i])
      if (c != '\0') joined.push_back(c);
  }
  char* p = zj_js_pinyin_initials(joined.data(), static_cast<int>(joined.size()), static_cast<int>(texts.size()));
  const std::string all = TakeString(p);
  size_t k = 0, start = 0;
  for (size_t i = 0; i <= all.size() && k < out.size(); ++i)
    if (i == all.size() || all[i] == ',') {
      out[k++] = all.substr(start, i - start);
      start = i + 1;
    }
  return out;
}

std::vector<int32_t> CollationRanks(const std::vector<std::string>& texts) {
  std::vector<int32_t> ranks(texts.size(), 0);
  if (texts.empty()) return ranks;
  std::string joined;
  for (size_t i = 0; i < texts.size(); ++i) {
    if (i) joined.push_back('\0');
    for (char c : texts[i])
      if (c != '\0') joined.push_back(c);  // a NUL inside a text would split it
  }
  zj_js_collation_ranks(joined.data(), static_cast<int>(joined.size()), static_cast<int>(texts.size()), ranks.data());
  return ranks;
}

}  // namespace zj::platform

// The OpenGL ES 2 (WebGL1) build of the same backend, imgui_impl_opengl_es2.cpp.
bool ImGui_ImplOpenGLES2_Init(const char* glsl_version);
void ImGui_ImplOpenGLES2_NewFrame();
void ImGui_ImplOpenGLES2_RenderDrawData(ImDrawData* draw_data);

// The platform port's state, process-wide: one page, one App, one WebGL context.
namespace {
zj::ui::App g_app;
EMSCRIPTEN_WEBGL_CONTEXT_HANDLE g_gl = 0;
int g_webgl = 0;            // 2 or 1
int g_idle_frames = 0;      // frames drawn since the last input event
double g_last_draw_ms = 0;
ImVec2 g_touch_scroll;      // pending drag-to-scroll from touch, CSS px (web/glue.js gestures)
std::string g_clipboard;    // last text copied or pasted (ImGui's GetClipboardText)

void SetImeData(ImGuiContext*, ImGuiViewport*, ImGuiPlatformImeData* d) {
  zj_js_ime(d->WantTextInput || d->WantVisible, d->InputPos.x, d->InputPos.y, d->InputLineHeight);
}
void SetClipboard(ImGuiContext*, const char* text) {
  g_clipboard = text ? text : "";
  zj_js_copy(g_clipboard.c_str());
}
const char* GetClipboard(ImGuiContext*) { return g_clipboard.c_str(); }

/// Frames left in which the focused text field is scrolled into view: a phone keyboard shrank the visual viewport
/// (web/glue.js sizes the canvas to it) while a field was being typed in, which would otherwise sit under it.
int g_reveal_frames = 0;
void RevealFocusedField() {
  if (g_reveal_frames <= 0) return;
  --g_reveal_frames;
  ImGuiContext& g = *ImGui::GetCurrentContext();
  ImGuiWindow* w = g.NavWindow;
  if (!w || g.NavId == 0 || !ImGui::GetIO().WantTextInput) return;
  // The field's rectangle, kept by ImGui when it was clicked (SetFocusID), relative to the window's content.
  const ImRect r = ImGui::WindowRectRelToAbs(w, w->NavRectRel[ImGuiNavLayer_Main]);
  ImGui::ScrollToRectEx(w, r, ImGuiScrollFlags_KeepVisibleEdgeY | ImGuiScrollFlags_KeepVisibleEdgeX);
}

/// Touch drag scrolls the scrollable window under the finger (ImGui has no touch scrolling), chained as phone
/// browsers chain scrolling: a nested list scrolls until its end, and what it cannot take scrolls the window
/// around it (the screen), so a drag never moves nothing while something can move.
/// The window a drag started on keeps the drag (and its inertia) even when the finger leaves it, as browsers latch
/// a scroll gesture; a new gesture starts after kLatchMs without movement.
ImGuiID g_scroll_latch = 0;
double g_scroll_latch_ms = 0;
constexpr double kLatchMs = 150;
void ApplyTouchScroll() {
  if (g_touch_scroll.x == 0 && g_touch_scroll.y == 0) return;
  ImGuiContext& g = *ImGui::GetCurrentContext();
  const double now = emscripten_get_now();
  if (now - g_scroll_latch_ms > kLatchMs) g_scroll_latch = g.HoveredWindow ? g.HoveredWindow->ID : 0;
  g_scroll_latch_ms = now;
  ImGuiWindow* start = g_scroll_latch ? ImGui::FindWindowByID(g_scroll_latch) : nullptr;
  if (!start) start = g.HoveredWindow;
  ImVec2 left = g_touch_scroll;  // finger movement not yet turned into scrolling (CSS px, finger direction)
  for (ImGuiWindow* w = start; w && (left.x != 0 || left.y != 0); w = w->ParentWindow) {
    if (w->ScrollMax.y > 0 && left.y != 0) {
      const float want = w->Scroll.y - left.y;
      const float got = ImClamp(want, 0.0f, w->ScrollMax.y);
      if (got != w->Scroll.y) ImGui::SetScrollY(w, got);
      left.y = got - want;  // the part beyond this window's end
      if (std::fabs(left.y) < 0.5f) left.y = 0;
    }
    if (w->ScrollMax.x > 0 && left.x != 0) {
      const float want = w->Scroll.x - left.x;
      const float got = ImClamp(want, 0.0f, w->ScrollMax.x);
      if (got != w->Scroll.x) ImGui::SetScrollX(w, got);
      left.x = got - want;
      if (std::fabs(left.x) < 0.5f) left.x = 0;
    }
  }
  g_touch_scroll = ImVec2(0, 0);
}

ImGuiKey KeyFromDomCode(const char* code) {
  struct K { const char* code; ImGuiKey key; };
  static const K table[] = {
    {"Tab", ImGuiKey_Tab}, {"ArrowLeft", ImGuiKey_LeftArrow}, {"ArrowRight", ImGuiKey_RightArrow},
    {"ArrowUp", ImGuiKey_UpArrow}, {"ArrowDown", ImGuiKey_DownArrow}, {"PageUp", ImGuiKey_PageUp},
    {"PageDown", ImGuiKey_PageDown}, {"Home", ImGuiKey_Home}, {"End", ImGuiKey_End}, {"Insert", ImGuiKey_Insert},
    {"Delete", ImGuiKey_Delete}, {"Backspace", ImGuiKey_Backspace}, {"Space", ImGuiKey_Space},
    {"Enter", ImGuiKey_Enter}, {"NumpadEnter", ImGuiKey_KeypadEnter}, {"Escape", ImGuiKey_Escape},
    {"ControlLeft", ImGuiKey_LeftCtrl}, {"ControlRight", ImGuiKey_RightCtrl}, {"ShiftLeft", ImGuiKey_LeftShift},
    {"ShiftRight", ImGuiKey_RightShift}, {"AltLeft", ImGuiKey_LeftAlt}, {"AltRight", ImGuiKey_RightAlt},
    {"MetaLeft", ImGuiKey_LeftSuper}, {"MetaRight", ImGuiKey_RightSuper},
  };
  for (const K& k : table)
    if (std::strcmp(code, k.code) == 0) return k.key;
  if (std::strncmp(code, "Key", 3) == 0 && code[3] >= 'A' && code[3] <= 'Z' && !code[4])
    return static_cast<ImGuiKey>(ImGuiKey_A + (code[3] - 'A'));
  if (std::strncmp(code, "Digit", 5) == 0 && code[5] >= '0' && code[5] <= '9' && !code[6])
    return static_cast<ImGuiKey>(ImGuiKey_0 + (code[5] - '0'));
  if (code[0] == 'F' && code[1] >= '1' && code[1] <= '9') {
    int n = std::atoi(code + 1);
    if (n >= 1 && n <= 12) return static_cast<ImGuiKey>(ImGuiKey_F1 + n - 1);
  }
  return ImGuiKey_None;
}
}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Input entry points called by web/glue.js
//-----------------------------------------------------------------------------
extern "C" {
/// Pointer event in CSS pixels. kind: 0 move, 1 down, 2 up; button: 0 left, 1 middle, 2 right;
/// source: 0 mouse, 1 touch, 2 pen.
EMSCRIPTEN_KEEPALIVE void zj_pointer(int kind, float x, float y, int button, int source) {
  ImGuiIO& io = ImGui::GetIO();
  io.AddMouseSourceEvent(source == 1 ? ImGuiMouseSource_TouchScreen
                                     : source == 2 ? ImGuiMouseSource_Pen : ImGuiMouseSource_Mouse);
  io.AddMousePosEvent(x, y);
  if (kind == 1 || kind == 2) {
    const int b = button == 2 ? 1 : button == 1 ? 2 : 0;
    io.AddMouseButtonEvent(b, kind == 1);
  }
  if (kind == 3) io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);  // left the canvas
  g_idle_frames = 0;
}
/// Wheel in lines (positive = away from the user / to the left).
EMSCRIPTEN_KEEPALIVE void zj_wheel(float dx, float dy) {
  ImGui::GetIO().AddMouseWheelEvent(dx, dy);
  g_idle_frames = 0;
}
/// Key by DOM `code`; mods bit 0 ctrl, 1 shift, 2 alt, 3 meta.
EMSCRIPTEN_KEEPALIVE void zj_key(const char* code, int down, int mods) {
  ImGuiIO& io = ImGui::GetIO();
  io.AddKeyEvent(ImGuiMod_Ctrl, mods & 1);
  io.AddKeyEvent(ImGuiMod_Shift, mods & 2);
  io.AddKeyEvent(ImGuiMod_Alt, mods & 4);
  io.AddKeyEvent(ImGuiMod_Super, mods & 8);
  ImGuiKey k = KeyFromDomCode(code);
  if (k != ImGuiKey_None) io.AddKeyEvent(k, down != 0);
  g_idle_frames = 0;
}
/// Committed text (UTF-8).
EMSCRIPTEN_KEEPALIVE void zj_text(const char* utf8) {
  ImGui::GetIO().AddInputCharactersUTF8(utf8);
  g_idle_frames = 0;
}
/// Canvas size in CSS pixels and the device pixel ratio.
EMSCRIPTEN_KEEPALIVE void zj_resize(float w, float h, float dpr) {
  ImGuiIO& io = ImGui::GetIO();
  if (h < io.DisplaySize.y - 0.5f && io.WantTextInput) g_reveal_frames = 8;  // the keyboard came up
  io.DisplaySize = ImVec2(w, h);
  io.DisplayFramebufferScale = ImVec2(dpr, dpr);
  g_app.width = w;
  g_app.height = h;
  g_idle_frames = 0;
}
/// Touch drag in CSS px since the last call (positive = finger moved right / down).
EMSCRIPTEN_KEEPALIVE void zj_touch_scroll(float dx, float dy) {
  g_touch_scroll.x += dx;
  g_touch_scroll.y += dy;
  g_idle_frames = 0;
}
/// A paste (Ctrl+V or the phone's paste menu): remembered as the clipboard and typed into the field.
EMSCRIPTEN_KEEPALIVE void zj_paste(const char* utf8) {
  g_clipboard = utf8 ? utf8 : "";
  ImGui::GetIO().AddInputCharactersUTF8(g_clipboard.c_str());
  g_idle_frames = 0;
}
/// True while a text field is active (the glue focuses its hidden text element then).
EMSCRIPTEN_KEEPALIVE int zj_want_text() { return ImGui::GetIO().WantTextInput ? 1 : 0; }
/// Draws `n` frames now (inside an input handler, so that a tap's effect, such as activating a text
/// field, is known before the handler returns: iOS opens the keyboard only from a user gesture).
void Frame();
EMSCRIPTEN_KEEPALIVE void zj_run_frames(int n) {
  for (int i = 0; i < n; ++i) {
    g_idle_frames = 0;
    Frame();
  }
}
/// A file chosen through platform::PickFile has been read.
EMSCRIPTEN_KEEPALIVE void zj_file_picked(int request, const char* name, const char* data, int size) {
  zj::platform::FilePicked(request, name, data, size);
  g_idle_frames = 0;
}
EMSCRIPTEN_KEEPALIVE void zj_focus(int focused) {
  ImGui::GetIO().AddFocusEvent(focused != 0);
  g_idle_frames = 0;
}

//-----------------------------------------------------------------------------
// [SECTION] Test entry points (window.zjTest)
//-----------------------------------------------------------------------------
EMSCRIPTEN_KEEPALIVE const char* zj_test_items_json() {
  static std::string s;
  s = zj::ui::LocatorItemsJson();
  return s.c_str();
}
EMSCRIPTEN_KEEPALIVE int zj_test_frames() { return zj::ui::LocatorFrames(); }
EMSCRIPTEN_KEEPALIVE int zj_test_webgl() { return g_webgl; }
/// Applies a command given as JSON {"name": ..., "args": {...}}; returns {"ok", "problem", "created_id"}.
EMSCRIPTEN_KEEPALIVE const char* zj_test_apply(const char* json) {
  static std::string s;
  nlohmann::json out;
  try {
    auto j = nlohmann::json::parse(json);
    zj::ApplyResult r = g_app.Apply({j.at("name").get<std::string>(), j.value("args", nlohmann::json::object())});
    // As at the end of the frame in which a screen emits a command: its journal entry goes to storage now.
    zj::ui::StorageEndFrame(g_app);
    out = {{"ok", r.ok}, {"problem", r.problem.message_en}, {"created_id", r.created_id}};
  } catch (const std::exception& e) {
    out = {{"ok", false}, {"problem", e.what()}};
  }
  s = out.dump();
  return s.c_str();
}
/// The dataset document (SaveDataset) for tests to read, with the point entries written one object each
/// (core/data/records.h) instead of the stored compact table, so a test can look entries up by field.
EMSCRIPTEN_KEEPALIVE const char* zj_test_dataset_json() {
  static std::string s;
  nlohmann::json doc = nlohmann::json::parse(zj::SaveDataset(g_app.data()));
  nlohmann::json entries = nlohmann::json::array();
  for (const zj::PointEntry& e : g_app.data().points.entries) entries.push_back(zj::ToJson(e));
  doc["points"]["entries"] = std::move(entries);
  s = doc.dump();
  return s.c_str();
}
/// Every UI string (both languages) and every string of the dataset, checked for glyphs; returns a
/// JSON array of {text, codepoint} that no font source can draw.
EMSCRIPTEN_KEEPALIVE const char* zj_test_missing_glyphs_json() {
  static std::string s;
  std::vector<std::string> texts = zj::ui::AllStrings();
  std::vector<nlohmann::json> stack{nlohmann::json::parse(zj::SaveDataset(g_app.data()))};
  while (!stack.empty()) {
    nlohmann::json j = std::move(stack.back());
    stack.pop_back();
    if (j.is_string()) texts.push_back(j.get<std::string>());
    else if (j.is_structured()) for (auto& v : j) stack.push_back(v);
  }
  nlohmann::json out = nlohmann::json::array();
  for (const auto& m : zj::ui::FindMissingGlyphs(texts)) out.push_back({{"text", m.text}, {"codepoint", m.codepoint}});
  s = out.dump();
  return s.c_str();
}
/// The same check for the given JSON array of strings (to show the check can fail).
EMSCRIPTEN_KEEPALIVE const char* zj_test_missing_glyphs_for(const char* json_array) {
  static std::string s;
  std::vector<std::string> texts;
  auto j = nlohmann::json::parse(json_array, nullptr, false);
  if (j.is_array())
    for (auto& v : j)
      if (v.is_string()) texts.push_back(v.get<std::string>());
  nlohmann::json out = nlohmann::json::array();
  for (const auto& m : zj::ui::FindMissingGlyphs(texts)) out.push_back({{"text", m.text}, {"codepoint", m.codepoint}});
  s = out.dump();
  return s.c_str();
}
}  // extern "C"

//-----------------------------------------------------------------------------
// [SECTION] Main loop
//-----------------------------------------------------------------------------
void Frame() {
  // Idle: after a burst of frames following input, draw at 2 fps (clock, lazily loaded glyphs).
  const double now = emscripten_get_now();
  if (g_idle_frames > 30 && now - g_last_draw_ms < 500) return;
  g_last_draw_ms = now;
  ++g_idle_frames;

  zj::ui::LocatorBeginFrame();
  if (g_webgl == 2) ImGui_ImplOpenGL3_NewFrame(); else ImGui_ImplOpenGLES2_NewFrame();
  ImGui::NewFrame();
  ApplyTouchScroll();
  RevealFocusedField();
  zj::ui::DrawApp(g_app);
  ImGui::Render();
  ImGuiIO& io = ImGui::GetIO();
  glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
             static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
  glClearColor(0.97f, 0.96f, 0.93f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  if (g_webgl == 2) ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  else ImGui_ImplOpenGLES2_RenderDrawData(ImGui::GetDrawData());
  zj::ui::LocatorEndFrame();
  static bool first = true;
  if (first) {
    first = false;
    zj_js_ready();
  }
}

int main() {
  EmscriptenWebGLContextAttributes attr;
  emscripten_webgl_init_context_attributes(&attr);
  attr.alpha = false;
  attr.antialias = false;
  attr.majorVersion = 2;
  g_webgl = 2;
  if (!zj_js_webgl_version() || zj_js_webgl_version() >= 2) g_gl = emscripten_webgl_create_context("#canvas", &attr);
  if (g_gl <= 0) {  // ES2-only phone GPUs, or WebGL2 switched off: WebGL1 with the ES2 backend
    attr.majorVersion = 1;
    g_webgl = 1;
    g_gl = emscripten_webgl_create_context("#canvas", &attr);
  }
  if (g_gl <= 0) {
    zj_js_fatal(zj::ui::T(zj::ui::S::NoWebGL, zj::ui::Lang::Zh));
    return 1;
  }
  emscripten_webgl_make_context_current(g_gl);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is code; settings live in localStorage
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.BackendPlatformName = "zhengjian_web";
  zj::ui::LocatorEnable(zj_js_test_mode() != 0);
  if (g_webgl == 2) ImGui_ImplOpenGL3_Init("#version 300 es");
  else ImGui_ImplOpenGLES2_Init("#version 100");
  ImGuiPlatformIO& pio = ImGui::GetPlatformIO();
  pio.Platform_SetImeDataFn = SetImeData;
  pio.Platform_SetClipboardTextFn = SetClipboard;
  pio.Platform_GetClipboardTextFn = GetClipboard;

  zj_js_install();  // events and the first resize, now that the context exists
  int font_size = 0;
  void* font = zj_js_take_font(&font_size);
  zj::ui::SetupFonts(font, font_size);

  zj::ui::SetLang(zj::platform::GetSetting("lang") == "en" ? zj::ui::Lang::En : zj::ui::Lang::Zh);
  const std::string zoom = zj::platform::GetSetting("zoom");
  g_app.zoom = zoom.empty() ? 1.0f : std::strtof(zoom.c_str(), nullptr) / 100.0f;  // stored as "125%"
  if (!(g_app.zoom >= 0.8f && g_app.zoom <= 2.0f)) g_app.zoom = 1.0f;
  zj::ui::ApplyScale(g_app.zoom);

  auto today = zj::Date::Parse(zj::platform::TodayIso());
  zj::ui::InitApp(g_app, today ? *today : *zj::Date::FromYmd(2018, 3, 23), zj::platform::RandomU64(),
                  zj::platform::NowMs());
  g_app.demo_space = zj::platform::UrlParam("demo") == "1";
  zj::ui::ApplyStartScreen(g_app, zj::platform::UrlParam("screen"));  // ?screen=learn (QR posters)
  emscripten_set_main_loop(Frame, 0, false);
  return 0;
}

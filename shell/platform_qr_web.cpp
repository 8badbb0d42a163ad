// Platform port, web implementation of the phone part (phones by QR code, README "Phones"): the page address, the
// ?screen= parameter, the camera QR reader (web/qr.js) and test values. EM_JS into window.zjQr.
#include <emscripten.h>

#include <cstdlib>
#include <functional>
#include <string>

#include "shell/platform.h"

EM_JS(char*, zj_js_url_param, (const char* name), {
  var v = new URLSearchParams(location.search).get(UTF8ToString(name)) || "";
  var n = lengthBytesUTF8(v) + 1; var p = _malloc(n); stringToUTF8(v, p, n); return p;
});
EM_JS(char*, zj_js_page_address, (), {
  var v = (location.protocol === "http:" || location.protocol === "https:") ? location.origin + location.pathname : "";
  var n = lengthBytesUTF8(v) + 1; var p = _malloc(n); stringToUTF8(v, p, n); return p;
});
// The same page with ?demo=1 set or removed (the other parameters, e.g. ?test=1 and ?today=, kept). Leaving the
// page asks first while a change is not yet stored (web/storage.js beforeunload).
EM_JS(void, zj_js_open_space, (int demo), {
  var q = new URLSearchParams(location.search);
  if (demo) q.set("demo", "1"); else q.delete("demo");
  var s = q.toString();
  location.assign(location.pathname + (s ? "?" + s : "") + location.hash);
});
EM_JS(void, zj_js_qr_scan_start, (), { if (window.zjQr) { window.zjQr.bind(Module); window.zjQr.start(); } });
EM_JS(void, zj_js_qr_scan_stop, (), { if (window.zjQr) window.zjQr.stop(); });
// Called every frame of the receive tab: also binds the module, so tests can deliver decoded images.
EM_JS(int, zj_js_qr_scan_open, (), {
  if (!window.zjQr) return 0;
  window.zjQr.bind(Module);
  return window.zjQr.isOpen() ? 1 : 0;
});
EM_JS(void, zj_js_qr_scan_status, (const char* s), { if (window.zjQr) window.zjQr.status(UTF8ToString(s)); });
EM_JS(void, zj_js_test_value, (const char* k, const char* v), {
  window.zjTestValues = window.zjTestValues || {};
  window.zjTestValues[UTF8ToString(k)] = UTF8ToString(v);
});

namespace zj::platform {
namespace {
std::string Take(char* p) {
  std::string s = p ? p : "";
  std::free(p);
  return s;
}
std::function<void(const std::string&)> g_on_qr_text;  // process-wide: the platform port's camera
}  // namespace

std::string UrlParam(const std::string& name) { return Take(zj_js_url_param(name.c_str())); }
std::string PageAddress() { return Take(zj_js_page_address()); }
void OpenSpace(bool demo) { zj_js_open_space(demo ? 1 : 0); }
void SetQrTextHandler(std::function<void(const std::string&)> on_text) { g_on_qr_text = std::move(on_text); }
void StartQrScan() { zj_js_qr_scan_start(); }
void StopQrScan() { zj_js_qr_scan_stop(); }
bool QrScanOpen() { return zj_js_qr_scan_open() != 0; }
void SetQrScanStatus(const std::string& status) { zj_js_qr_scan_status(status.c_str()); }
void PublishTestValue(const std::string& key, const std::string& value) { zj_js_test_value(key.c_str(), value.c_str()); }

}  // namespace zj::platform

extern "C" {
/// web/qr.js: a QR code was read (by the camera, or a test feeding an image through the same decoder).
/// Returns nothing; the screen shows what the text did.
EMSCRIPTEN_KEEPALIVE void zj_qr_text(const char* text) {
  if (zj::platform::g_on_qr_text) zj::platform::g_on_qr_text(text ? text : "");
}
}

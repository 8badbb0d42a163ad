// Platform port, web implementation of the talk lock's crypto: EM_JS into window.zjLock
// (web/lock.js, WebCrypto PBKDF2 + AES-GCM).
#include <emscripten.h>

#include <cstdlib>
#include <string>

#include "shell/platform.h"

EM_JS(int, zj_js_lock_request, (const char* op, const char* args), {
  if (!window.zjLock) return 0;
  return window.zjLock.request(UTF8ToString(op), UTF8ToString(args));
});
EM_JS(char*, zj_js_lock_take, (int n), {
  var v = window.zjLock ? window.zjLock.take(n) : "";
  var len = lengthBytesUTF8(v) + 1; var p = _malloc(len); stringToUTF8(v, p, len); return p;
});

namespace zj::platform {

int LockRequest(const std::string& op, const std::string& args_json) {
  return zj_js_lock_request(op.c_str(), args_json.c_str());
}

std::string LockTakeResult(int n) {
  if (n <= 0) return R"({"ok":false,"error":"unsupported"})";
  char* p = zj_js_lock_take(n);
  std::string s = p ? p : "";
  std::free(p);
  return s;
}

}  // namespace zj::platform

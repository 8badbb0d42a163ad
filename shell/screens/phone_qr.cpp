// 手机 screen (phones by QR code): open the app on a phone by scanning a QR code of its address
// (shown large, printable on a poster), and move small records between phones as a QR sequence
// (core/exchange/qr_transfer.h) read by the camera, imported through the bundle preview-and-merge path (core/exchange/merge.h).
//
// [SECTION] Strings
// [SECTION] QR drawing (ImGui draw list) and the poster (inline SVG)
// [SECTION] Open on a phone (手机扫码打开)
// [SECTION] Send records (二维码发送)
// [SECTION] Receive records (扫码接收)
// [SECTION] Screen
#include <algorithm>
#include <iterator>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "core/exchange/commands_exchange.h"
#include "core/exchange/merge.h"
#include "core/exchange/qr_transfer.h"
#include "core/campaign/talks.h"
#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"
#include "qrcodegen.hpp"
#include "shell/app.h"
#include "shell/locator.h"
#include "shell/platform.h"
#include "shell/widgets.h"

namespace zj::ui {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Strings
//-----------------------------------------------------------------------------
const Tr kTabOpen{"扫码打开", "Open on a phone"};
const Tr kTabSend{"二维码发送", "Send by QR"};
const Tr kTabReceive{"扫码接收", "Receive by QR"};
const Tr kOpenExplain{"用手机微信或浏览器扫描下面的二维码，即可在手机上打开整建。第一次打开需要联网，之后在村里没有网络也能用。",
                      "Scan this code with a phone's WeChat or browser to open Zhengjian there. The first visit needs a "
                      "network; after that it works offline in the villages."};
const Tr kAddress{"发布网址", "Published address"};
const Tr kSaveAddress{"保存网址", "Save address"};
const Tr kUseThisPage{"用本页网址", "Use this page's address"};
const Tr kNoAddress{"本文件是从电脑上直接打开的，手机无法访问。请填写整建发布的网址（例如镇政府网站上的地址），再保存。",
                    "This copy was opened as a file, which a phone cannot reach. Enter the address Zhengjian is published "
                    "at (e.g. on the town's website) and save it."};
const Tr kBadAddress{"网址须以 http:// 或 https:// 开头。", "The address must start with http:// or https://."};
const Tr kSaved{"已保存。", "Saved."};
const Tr kOpensAt{"扫码后进入", "Opens at"};
const Tr kPrintPoster{"打印海报", "Print poster"};
const Tr kPosterSaved{"浏览器不能直接打印，海报已保存为文件。", "This browser cannot print here; the poster was saved as a file."};
const Tr kScrHome{"首页（概览）", "Home (overview)"};
const Tr kScrLearn{"学：专题讲习", "Learn: lectures"};
const Tr kScrLook{"看：现场会", "Look: on-site meetings"};
const Tr kScrTalk{"谈：谈心谈话", "Talk: heart-to-heart talks"};
const Tr kScrRate{"评：积分评星", "Rate: points and stars"};
const Tr kScrEvidence{"材料", "Evidence"};
const Tr kScrData{"数据", "Data"};
const Tr kSendExplain{"没有网络时，可把一条记录变成一组二维码，让另一部手机在“扫码接收”里逐张扫描。",
                      "Where there is no cable or network, turn a record into a series of QR codes and let another phone "
                      "scan them one by one under \"Receive by QR\"."};
const Tr kKind{"内容", "Content"};
const Tr kKindTalk{"谈话记录", "Talk record"};
const Tr kKindAttendance{"出勤名单", "Attendance list"};
const Tr kKindPoints{"积分批次", "Points batch"};
const Tr kRecord{"记录", "Record"};
const Tr kNoRecords{"还没有可以发送的记录。", "There is no record to send yet."};
const Tr kMakeCodes{"生成二维码", "Make QR codes"};
const Tr kPrev{"上一张", "Previous"};
const Tr kNext{"下一张", "Next"};
const Tr kAuto{"自动翻页", "Auto-advance"};
const Tr kStop{"停止", "Stop"};
const Tr kTooMany{"这批数据需要很多张二维码，扫描会比较慢；可以改用材料包文件。",
                  "This needs many QR codes and will be slow to scan; a bundle file may be better."};
const Tr kReceiveExplain{"打开摄像头，对准另一部手机上的二维码，按任意顺序逐张扫描；收齐并校验无误后，先预览，再确认合并。",
                         "Open the camera and point it at the other phone's codes, in any order; once all have arrived "
                         "and check out, preview, then confirm the merge."};
const Tr kOpenCamera{"打开摄像头扫码", "Scan with the camera"};
const Tr kCloseCamera{"关闭摄像头", "Close the camera"};
const Tr kStartOver{"重新开始", "Start over"};
const Tr kPreview{"导入预览", "Import preview"};
const Tr kApply{"确认合并", "Confirm merge"};
const Tr kCancel{"取消", "Cancel"};
const Tr kNothingNew{"这些记录本机都已有，无需合并。", "This device already has these records; nothing to merge."};
const Tr kNew{"新增", "new"};
const Tr kChanged{"更新", "changed"};
const Tr kConflict{"冲突", "conflicts"};
const Tr kPresent{"已有", "present"};
const Tr kReadOnly{"本页只读，不能导入。", "This tab is read-only; importing is off."};
const Tr kKeptIncoming{"（双方都改过）", " (changed on both sides)"};
const Tr kKeptLocal{"（双方都改过：默认保留本机版本，收到的记入导入记录）", " (changed on both sides: this copy is kept by default; the other is logged)"};
const StringTable kTable{&kTabOpen, &kTabSend, &kTabReceive, &kOpenExplain, &kAddress, &kSaveAddress,
                         &kUseThisPage, &kNoAddress, &kBadAddress, &kSaved, &kOpensAt, &kPrintPoster, &kPosterSaved,
                         &kScrHome, &kScrLearn, &kScrLook, &kScrTalk, &kScrRate, &kScrEvidence, &kScrData,
                         &kSendExplain, &kKind, &kKindTalk, &kKindAttendance, &kKindPoints, &kRecord, &kNoRecords,
                         &kMakeCodes, &kPrev, &kNext, &kAuto, &kStop, &kTooMany, &kReceiveExplain, &kOpenCamera,
                         &kCloseCamera, &kStartOver, &kPreview, &kApply, &kCancel, &kNothingNew, &kNew, &kChanged,
                         &kConflict, &kPresent, &kReadOnly, &kKeptIncoming, &kKeptLocal};

std::string L(const std::string& zh, const std::string& en) { return CurrentLang() == Lang::Zh ? zh : en; }
/// "发布网址：" above a field; the field itself carries the bare name for the locator.
void FieldLabel(const Tr& t) { Label(std::string(T(t)) + (CurrentLang() == Lang::Zh ? "：" : ":")); }
float ButtonH() { return std::max(kTouchPx, ImGui::GetFrameHeight()); }
bool Btn(const char* label, bool enabled = true, float w = 0) {
  ImGui::BeginDisabled(!enabled);
  const bool hit = ImGui::Button(label, ImVec2(w, ButtonH()));
  ImGui::EndDisabled();
  LocatorRecordLastItem(label);
  return hit && enabled;
}

//-----------------------------------------------------------------------------
// [SECTION] QR drawing and the poster
//-----------------------------------------------------------------------------
constexpr int kQuiet = 4;  // quiet zone, modules (ISO/IEC 18004)

/// QR code of `text` (error correction M, the smallest version that fits); nullopt if it cannot fit.
std::unique_ptr<qrcodegen::QrCode> MakeQr(const std::string& text) {
  try {
    return std::make_unique<qrcodegen::QrCode>(qrcodegen::QrCode::encodeText(text.c_str(), qrcodegen::QrCode::Ecc::MEDIUM));
  } catch (const std::exception&) {
    return nullptr;
  }
}

/// Draws `qr` with its quiet zone as a square of at most `max_px` CSS px, module edges on device pixels
/// (crisp for cameras), and records it for the test locator as `label`.
void DrawQr(const qrcodegen::QrCode& qr, float max_px, const char* label) {
  const int n = qr.getSize();
  const float dpr = std::max(1.0f, ImGui::GetIO().DisplayFramebufferScale.x);
  const float module_dev = std::max(1.0f, std::floor(max_px * dpr / static_cast<float>(n + 2 * kQuiet)));
  const float m = module_dev / dpr;
  const float side = m * static_cast<float>(n + 2 * kQuiet);
  ImVec2 p = ImGui::GetCursorScreenPos();
  p.x = std::round(p.x * dpr) / dpr;
  p.y = std::round(p.y * dpr) / dpr;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + side, p.y + side), IM_COL32_WHITE);
  for (int y = 0; y < n; ++y) {
    for (int x = 0; x < n;) {
      if (!qr.getModule(x, y)) { ++x; continue; }
      int run = x;
      while (run < n && qr.getModule(run, y)) ++run;
      const float x0 = p.x + m * static_cast<float>(x + kQuiet), y0 = p.y + m * static_cast<float>(y + kQuiet);
      dl->AddRectFilled(ImVec2(x0, y0), ImVec2(p.x + m * static_cast<float>(run + kQuiet), y0 + m), IM_COL32_BLACK);
      x = run;
    }
  }
  ImGui::Dummy(ImVec2(side, side));
  LocatorRecordLastItem(label);
}

std::string HtmlEscape(const std::string& s) {
  std::string o;
  for (char c : s) {
    switch (c) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      default: o += c;
    }
  }
  return o;
}

/// The QR code as an inline SVG (one path, one unit per module, quiet zone included).
std::string QrSvg(const qrcodegen::QrCode& qr) {
  const int n = qr.getSize(), side = n + 2 * kQuiet;
  std::string path;
  for (int y = 0; y < n; ++y)
    for (int x = 0; x < n; ++x)
      if (qr.getModule(x, y)) path += "M" + std::to_string(x + kQuiet) + "," + std::to_string(y + kQuiet) + "h1v1h-1z";
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(side) + " " + std::to_string(side) +
         "\" shape-rendering=\"crispEdges\" class=\"qr\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
         "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
}

/// The printable poster (A4): town, title, the QR code, the address and how to use it, in Chinese.
std::string PosterHtml(const std::string& town, const std::string& url, const std::string& target, const qrcodegen::QrCode& qr) {
  const std::string t = HtmlEscape(town);
  return "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + t +
         " · 整建 扫码打开</title><style>"
         "@page{size:A4;margin:16mm}body{font-family:\"PingFang SC\",\"Microsoft YaHei\",\"Noto Sans CJK SC\",sans-serif;"
         "color:#222;text-align:center;margin:0 auto;max-width:170mm}"
         "h1{color:#c41e24;font-size:30pt;margin:6mm 0 2mm}h2{font-size:18pt;font-weight:normal;margin:0 0 6mm}"
         ".qr{width:120mm;height:120mm;display:block;margin:0 auto}.url{font-family:monospace;font-size:12pt;"
         "word-break:break-all;margin:4mm 0}ol{text-align:left;font-size:14pt;line-height:1.8;margin:6mm 10mm}"
         ".foot{color:#666;font-size:11pt;margin-top:8mm}</style></head><body>"
         "<h1>" + t + " 党组织整建月</h1><h2>扫一扫，在手机上打开“整建”工作台" +
         (target.empty() ? std::string() : "（" + HtmlEscape(target) + "）") + "</h2>" + QrSvg(qr) +
         "<div class=\"url\">" + HtmlEscape(url) + "</div><ol>"
         "<li>用手机微信“扫一扫”或手机浏览器扫描上面的二维码。</li>"
         "<li>在微信里打开后，点右上角“…”，选择“在浏览器打开”，以免数据被微信清除。</li>"
         "<li>第一次打开需要联网；打开过一次后，在村里没有网络也能使用。</li>"
         "<li>可在浏览器菜单里选择“添加到主屏幕”，以后像应用一样打开。</li>"
         "<li>记录保存在本手机里，请按时把材料包交给镇组织办。</li></ol>"
         "<div class=\"foot\">" + t + "党委组织办 制</div></body></html>";
}

//-----------------------------------------------------------------------------
// [SECTION] Open on a phone
//-----------------------------------------------------------------------------
/// Where a phone can land, with a longer name than the navigation's (the code comes from the screen table).
struct Target {
  const Tr* name;
  Screen screen;  ///< Dashboard: the address without ?screen=
};
const Target kTargets[] = {{&kScrHome, Screen::Dashboard}, {&kScrLearn, Screen::Learn}, {&kScrLook, Screen::Look},
                           {&kScrTalk, Screen::Talk},      {&kScrRate, Screen::Rate},   {&kScrEvidence, Screen::Evidence},
                           {&kScrData, Screen::Data}};
const char* TargetCode(const Target& t) { return t.screen == Screen::Dashboard ? "" : Info(t.screen).code; }

bool IsHttpAddress(const std::string& s) {
  return (s.rfind("http://", 0) == 0 && s.size() > 7) || (s.rfind("https://", 0) == 0 && s.size() > 8);
}
/// The address phones should open: the one the office configured, else this page's own http(s) address.
std::string BaseAddress() {
  const std::string configured = platform::GetSetting("publish_url");
  if (IsHttpAddress(configured)) return configured;
  return platform::PageAddress();
}
std::string WithScreen(const std::string& base, const char* code) {
  if (!code || !*code) return base;
  std::string b = base;
  const size_t hash = b.find('#');
  std::string frag;
  if (hash != std::string::npos) { frag = b.substr(hash); b.resize(hash); }
  return b + (b.find('?') == std::string::npos ? "?" : "&") + "screen=" + code + frag;
}
const qrcodegen::QrCode* QrFor(std::unique_ptr<qrcodegen::QrCode>& slot, std::string& cached, const std::string& text) {
  if (!slot || cached != text) {
    slot = MakeQr(text);
    cached = text;
  }
  return slot.get();
}

float QrSide(App& app) {
  const float avail_w = ImGui::GetContentRegionAvail().x;
  const float cap = app.Narrow() ? avail_w : std::min(avail_w, Em(26));
  return std::max(Em(10), std::min(cap, app.height * 0.62f));
}

void DrawOpen(App& app) {
  PhoneScreen::Open& u = app.screens.phone.open;
  if (!u.loaded) {
    u.loaded = true;
    u.address_edit = platform::GetSetting("publish_url");
    if (u.address_edit.empty()) u.address_edit = platform::PageAddress();
  }
  ImGui::PushTextWrapPos(0.0f);
  LabelColored(col::Grey, T(kOpenExplain));
  ImGui::PopTextWrapPos();

  // Address: configured by the office (kept in settings), or this page's own.
  FieldLabel(kAddress);
  ImGui::SetNextItemWidth(app.Narrow() ? -1.0f : Em(24));
  ImGui::InputText("##publish_url", &u.address_edit, ImGuiInputTextFlags_AutoSelectAll);
  LocatorRecordLastItem(T(kAddress));
  if (!app.Narrow()) ImGui::SameLine();
  if (Btn(T(kSaveAddress))) {
    std::string a = u.address_edit;
    a.erase(0, a.find_first_not_of(" \t"));
    a.erase(a.find_last_not_of(" \t") + 1);
    if (a.empty() || IsHttpAddress(a)) {
      platform::SetSetting("publish_url", a);
      u.address_edit = a.empty() ? platform::PageAddress() : a;
      u.note_zh = kSaved.zh; u.note_en = kSaved.en; u.note_col = col::Green;
    } else {
      u.note_zh = kBadAddress.zh; u.note_en = kBadAddress.en; u.note_col = col::Red;
    }
  }
  const std::string page = platform::PageAddress();
  if (!page.empty() && platform::GetSetting("publish_url") != "" && platform::GetSetting("publish_url") != page) {
    ImGui::SameLine();
    if (Btn(T(kUseThisPage))) {
      platform::SetSetting("publish_url", "");
      u.address_edit = page;
    }
  }
  if (!u.note_zh.empty()) LabelColored(u.note_col, L(u.note_zh, u.note_en));

  // Where the phone lands.
  FieldLabel(kOpensAt);
  ImGui::SetNextItemWidth(app.Narrow() ? -1.0f : Em(16));
  if (ImGui::BeginCombo("##target", T(*kTargets[u.target].name))) {
    for (int i = 0; i < static_cast<int>(std::size(kTargets)); ++i) {
      if (ImGui::Selectable(T(*kTargets[i].name), i == u.target, 0, ImVec2(0, ButtonH()))) u.target = i;
      LocatorRecordLastItem(T(*kTargets[i].name));
    }
    ImGui::EndCombo();
  }
  LocatorRecordLastItem(T(kOpensAt));

  const std::string base = BaseAddress();
  if (base.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    LabelColored(col::Red, T(kNoAddress));
    ImGui::PopTextWrapPos();
    platform::PublishTestValue("qr.url", "");
    return;
  }
  const std::string url = WithScreen(base, TargetCode(kTargets[u.target]));
  platform::PublishTestValue("qr.url", url);
  const qrcodegen::QrCode* qr = QrFor(u.qr, u.cached_text, url);
  if (!qr) {
    LabelColored(col::Red, L("网址太长，无法生成二维码。", "The address is too long for a QR code."));
    return;
  }
  ImGui::Spacing();
  DrawQr(*qr, QrSide(app), "qr-open");
  ImGui::PushTextWrapPos(0.0f);
  Label(url);
  ImGui::PopTextWrapPos();
  if (Btn(T(kPrintPoster))) {
    const std::string town = app.data().org.town_name;
    const std::string target = u.target == 0 ? "" : T(*kTargets[u.target].name);
    if (!platform::OpenHtml(town + "-扫码打开海报.html", PosterHtml(town, url, target, *qr))) {
      u.note_zh = kPosterSaved.zh; u.note_en = kPosterSaved.en; u.note_col = col::Grey;
    }
  }
}

//-----------------------------------------------------------------------------
// [SECTION] Send records
//-----------------------------------------------------------------------------
struct Choice {
  std::string label;
  std::vector<Id> ids;
};
constexpr TimestampMs kAdvanceMs = 1500;

std::vector<Choice> Choices(const App& app, QrRecordKind kind) {
  const Dataset& d = app.data();
  std::vector<Choice> out;
  if (kind == QrRecordKind::Talk) {
    for (const Talk& t : d.campaign.talks) {
      if (!t.record) continue;
      out.push_back({t.record->held_on.ToString() + " " + DescribeTalkPair(d.org, t.pair), {t.meta.id}});
    }
  } else if (kind == QrRecordKind::Attendance) {
    for (const Lecture& l : d.campaign.lectures) {
      if (l.attendee_ids.empty()) continue;
      char n[64];
      std::snprintf(n, sizeof n, L(" · %zu 人", " · %zu people").c_str(), l.attendee_ids.size());
      out.push_back({(l.date ? l.date->ToString() + " " : std::string()) + L(l.theme_zh, l.theme_en.empty() ? l.theme_zh : l.theme_en) + n,
                     {l.meta.id}});
    }
  } else {
    // One batch per branch: the point entries of its members.
    for (const Branch& b : d.org.branches) {
      Choice c;
      for (const PointEntry& e : d.points.entries) {
        const int m = FindMember(d.org, e.member_id);
        if (m >= 0 && d.org.members[static_cast<size_t>(m)].branch_id == b.meta.id) c.ids.push_back(e.meta.id);
      }
      if (c.ids.empty()) continue;
      char n[64];
      std::snprintf(n, sizeof n, L(" · %zu 条", " · %zu entries").c_str(), c.ids.size());
      c.label = b.name + n;
      out.push_back(std::move(c));
    }
  }
  return out;
}

void DrawSend(App& app) {
  PhoneScreen::Send& u = app.screens.phone.send;
  ImGui::PushTextWrapPos(0.0f);
  LabelColored(col::Grey, T(kSendExplain));
  ImGui::PopTextWrapPos();
  const Tr* kinds[] = {&kKindTalk, &kKindAttendance, &kKindPoints};
  FieldLabel(kKind);
  for (int k = 0; k < 3; ++k) {
    if (k) ImGui::SameLine();
    const bool active = u.kind == k;
    if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_Header));
    if (Btn(T(*kinds[k]))) { u.kind = k; u.choice = 0; u.chunks.clear(); }
    if (active) ImGui::PopStyleColor();
  }
  const auto kind = static_cast<QrRecordKind>(u.kind);
  const std::vector<Choice> choices = Choices(app, kind);
  if (choices.empty()) {
    LabelColored(col::Grey, T(kNoRecords));
    return;
  }
  u.choice = std::clamp(u.choice, 0, static_cast<int>(choices.size()) - 1);
  FieldLabel(kRecord);
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::BeginCombo("##record", choices[static_cast<size_t>(u.choice)].label.c_str())) {
    for (int i = 0; i < static_cast<int>(choices.size()); ++i) {
      ImGui::PushID(i);
      if (ImGui::Selectable(choices[static_cast<size_t>(i)].label.c_str(), i == u.choice, 0, ImVec2(0, ButtonH()))) {
        u.choice = i;
        u.chunks.clear();
      }
      LocatorRecordLastItem(choices[static_cast<size_t>(i)].label.c_str());
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  LocatorRecordLastItem(T(kRecord));
  if (Btn(T(kMakeCodes))) {
    const TimestampMs now = platform::NowMs();
    Bundle b = MakeRecordBundle(app.data(), kind, choices[static_cast<size_t>(u.choice)].ids, app.ws->device(), now);
    // Like a bundle file (data.cpp): "from" = this device's last hand-off, so the office tells its untouched
    // copies (older than that) from ones it changed since (conflicts).
    const std::string handoff = platform::GetSetting("handoff_ms");
    if (!handoff.empty()) b.from = std::strtoll(handoff.c_str(), nullptr, 10);
    const std::string payload = BundleToJson(b);
    try {
      u.chunks = EncodeQrSequence(payload);
    } catch (const std::exception&) {
      u.chunks.clear();
      LabelColored(col::Red, L("数据太多，无法用二维码发送，请改用材料包文件。", "Too much data for QR codes; use a bundle file."));
    }
    u.what = choices[static_cast<size_t>(u.choice)].label;
    u.shown = 0;
    u.shown_at = now;
    platform::PublishTestValue("qr.sent_payload", payload);
  }
  if (u.chunks.empty()) return;

  const int n = static_cast<int>(u.chunks.size());
  const TimestampMs now = platform::NowMs();
  if (u.autoplay && n > 1 && now - u.shown_at >= kAdvanceMs) {
    u.shown = (u.shown + 1) % n;
    u.shown_at = now;
  }
  if (n > 30) LabelColored(col::Gold, T(kTooMany));
  char line[160];
  std::snprintf(line, sizeof line, L("第 %d / %d 张", "Code %d of %d").c_str(), u.shown + 1, n);
  ImGui::PushStyleColor(ImGuiCol_Text, col::Red);
  Label(line);
  ImGui::PopStyleColor();
  platform::PublishTestValue("qr.chunk", std::to_string(u.shown + 1) + "/" + std::to_string(n));
  // Paging above the code, so it stays in view on a phone.
  if (Btn(T(kPrev), n > 1)) { u.shown = (u.shown + n - 1) % n; u.shown_at = now; u.autoplay = false; }
  ImGui::SameLine();
  if (Btn(T(kNext), n > 1)) { u.shown = (u.shown + 1) % n; u.shown_at = now; u.autoplay = false; }
  ImGui::SameLine();
  if (Btn(u.autoplay ? T(kStop) : T(kAuto), n > 1)) { u.autoplay = !u.autoplay; u.shown_at = now; }
  const std::string& shown_text = u.chunks[static_cast<size_t>(u.shown)];
  const qrcodegen::QrCode* qr = QrFor(u.qr, u.cached_text, shown_text);
  if (qr) DrawQr(*qr, QrSide(app), "qr-send");
}

//-----------------------------------------------------------------------------
// [SECTION] Receive records
//-----------------------------------------------------------------------------
using ReceiveUi = PhoneScreen::Receive;

void Say(ReceiveUi& u, ImU32 c, std::string zh, std::string en) {
  u.msg_col = c;
  u.msg_zh = std::move(zh);
  u.msg_en = std::move(en);
}

std::string ProgressText(const ReceiveUi& u) {
  const QrSequenceReader& r = u.reader;
  char s[200];
  if (r.Count() == 0) return L("请对准第一张二维码", "Point at the first code");
  std::snprintf(s, sizeof s, L("已收到 %d / %d 张", "Received %d of %d").c_str(), r.Received(), r.Count());
  return s;
}

/// One decoded QR text from the camera (or a test feeding images through the same decoder), between frames.
void OnScanned(App& app, const std::string& text) {
  ReceiveUi& u = app.screens.phone.receive;
  if (u.pending) return;  // a complete sequence waits for its preview
  QrScanResult res = u.reader.Add(text);
  platform::PublishTestValue("qr.last_scan",
                             res.kind == QrScan::Accepted ? "accepted" : res.kind == QrScan::Duplicate ? "duplicate"
                             : res.kind == QrScan::Complete ? "complete" : res.kind == QrScan::Restarted ? "restarted"
                             : res.kind == QrScan::Refused ? "refused" : "not-ours");
  switch (res.kind) {
    case QrScan::Duplicate: return;
    case QrScan::NotOurs: Say(u, col::Gold, res.problem.message_zh, res.problem.message_en); break;
    case QrScan::Refused: {
      char zh[300], en[300];
      std::snprintf(zh, sizeof zh, "第 %d/%d 张：%s", res.index, res.count, res.problem.message_zh.c_str());
      std::snprintf(en, sizeof en, "Code %d/%d: %s", res.index, res.count, res.problem.message_en.c_str());
      if (res.index > 0) Say(u, col::Red, zh, en);
      else Say(u, col::Red, res.problem.message_zh, res.problem.message_en);
      break;
    }
    case QrScan::Restarted:
      Say(u, col::Gold, "扫到了另一组二维码，已从这一组重新开始。", "Another sequence was scanned; started over with it.");
      break;
    case QrScan::Accepted: Say(u, col::Green, ProgressText(u), ProgressText(u)); break;
    case QrScan::Complete: {
      platform::PublishTestValue("qr.received", u.reader.Payload());
      platform::StopQrScan();
      BundleReadResult r = ReadBundle(u.reader.Payload());
      if (!r.ok) {
        Say(u, col::Red, r.problem.message_zh + "（数据未做任何更改）", r.problem.message_en + " (nothing changed)");
        u.reader.Reset();
        break;
      }
      MergePlan plan = PlanBundleImport(app.data(), r.bundle);
      if (!plan.ok) {
        Say(u, col::Red, plan.problem.message_zh + "（数据未做任何更改）", plan.problem.message_en + " (nothing changed)");
        u.reader.Reset();
        break;
      }
      u.bundle = std::move(r.bundle);
      u.plan = std::move(plan);
      u.pending = true;
      Say(u, col::Green, "已全部收到，校验无误。请预览后确认合并。", "All codes received and checked. Preview, then confirm.");
      break;
    }
  }
  platform::SetQrScanStatus(L(u.msg_zh, u.msg_en) + (res.kind == QrScan::Accepted ? "" : " · " + ProgressText(u)));
}

/// A readable name of a received record: the talk's pair, the lecture's theme, the entry's member.
std::string RecordLabel(const Dataset& d, const MergeItem& it) {
  if (it.collection == "/campaign/talks")
    for (const Talk& t : d.campaign.talks)
      if (t.meta.id == it.id) return DescribeTalkPair(d.org, t.pair);
  if (it.collection == "/campaign/lectures")
    for (const Lecture& l : d.campaign.lectures)
      if (l.meta.id == it.id) return L(l.theme_zh, l.theme_en.empty() ? l.theme_zh : l.theme_en);
  return it.label;
}

const char* OutcomeText(MergeOutcome o) {
  switch (o) {
    case MergeOutcome::New: return T(kNew);
    case MergeOutcome::Changed: return T(kChanged);
    case MergeOutcome::Conflict: return T(kConflict);
    default: return T(kPresent);
  }
}

void DrawReceive(App& app) {
  ReceiveUi& u = app.screens.phone.receive;
  platform::SetQrTextHandler([&app](const std::string& text) { OnScanned(app, text); });
  ImGui::PushTextWrapPos(0.0f);
  LabelColored(col::Grey, T(kReceiveExplain));
  ImGui::PopTextWrapPos();
  if (!u.pending) {
    if (!platform::QrScanOpen()) {
      if (Btn(T(kOpenCamera), !app.read_only)) {
        platform::StartQrScan();
        platform::SetQrScanStatus(ProgressText(u));
      }
    } else if (Btn(T(kCloseCamera))) {
      platform::StopQrScan();
    }
    if (u.reader.Count() > 0) {
      ImGui::SameLine();
      if (Btn(T(kStartOver))) { u.reader.Reset(); u.msg_zh.clear(); }
    }
    if (app.read_only) LabelColored(col::Grey, T(kReadOnly));
  }
  const QrSequenceReader& r = u.reader;
  if (r.Count() > 0 && !u.pending) {
    Label(ProgressText(u));
    const float frac = static_cast<float>(r.Received()) / static_cast<float>(r.Count());
    ImGui::ProgressBar(frac, ImVec2(-1, Em(0.8f)), "");
    std::string missing;
    for (int i : r.Missing()) {
      if (missing.size() > 120) { missing += "…"; break; }
      missing += (missing.empty() ? "" : "、") + std::to_string(i);
    }
    if (!missing.empty()) LabelColored(col::Grey, L("还缺：第 ", "Missing: ") + missing + L(" 张", ""));
  }
  if (!u.msg_zh.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    LabelColored(u.msg_col, L(u.msg_zh, u.msg_en));
    ImGui::PopTextWrapPos();
  }
  if (!u.pending) return;

  // The preview: the same core path as a bundle file (ReadBundle, PlanBundleImport), applied as one step.
  ImGui::SeparatorText(T(kPreview));
  LocatorRecordLastItem(T(kPreview));
  const MergePlan& p = u.plan;
  char line[300];
  std::snprintf(line, sizeof line, L("来自 %s 的设备 %s，%zu 条记录", "From %s, device %s, %zu records").c_str(),
                u.bundle.town.c_str(), u.bundle.device.c_str(), u.bundle.records.size());
  ImGui::PushTextWrapPos(0.0f);
  Label(line);
  ImGui::PopTextWrapPos();
  std::snprintf(line, sizeof line, "%s %d · %s %d · %s %d · %s %d", T(kNew), p.added, T(kChanged), p.changed, T(kConflict),
                p.conflicts, T(kPresent), p.present);
  Label(line);
  ImGui::PushTextWrapPos(0.0f);
  for (const MergeItem& it : p.items) {
    std::string line_text = std::string("· ") + OutcomeText(it.outcome) + "  " + RecordLabel(app.data(), it);
    if (it.outcome == MergeOutcome::Conflict) line_text += T(kKeptLocal);
    LabelColored(col::Ink, line_text);
  }
  ImGui::PopTextWrapPos();
  if (!p.HasChanges()) LabelColored(col::Grey, T(kNothingNew));
  if (p.HasChanges() && Btn(T(kApply), !app.read_only)) {
    char zh[200], en[200];
    std::snprintf(zh, sizeof zh, "已合并扫码收到的记录：新增 %d，更新 %d，冲突 %d（已记入导入记录）", p.added, p.changed, p.conflicts);
    std::snprintf(en, sizeof en, "Merged the scanned records: %d new, %d changed, %d conflicts (logged)", p.added, p.changed,
                  p.conflicts);
    // Same undo step as a bundle file import (shell/screens/data.cpp), so 撤销上次导入 covers it too.
    app.Emit(Cmd<BundleImport>([&](auto& c) { c.bundle = nlohmann::json::parse(BundleToJson(u.bundle)); }),
             [&u](const ApplyResult& r) {
               if (!r.ok) Say(u, col::Red, r.problem.message_zh + "（数据未做任何更改）", r.problem.message_en + " (nothing changed)");
             });
    u.pending = false;
    u.reader.Reset();
    Say(u, col::Green, zh, en);
    return;
  }
  if (p.HasChanges()) ImGui::SameLine();
  if (Btn(T(kCancel))) {
    u.pending = false;
    u.reader.Reset();
    u.msg_zh.clear();
  }
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Screen
//-----------------------------------------------------------------------------
void DrawPhoneQr(App& app) {
  // Tabs at least 44 CSS px high (touch targets); buttons that wrap where the three do not fit (字号 175 %).
  const char* tabs[] = {T(kTabOpen), T(kTabSend), T(kTabReceive)};
  const int open = SubTabs("phone_tabs", tabs, 3, kTouchPx);
  if (open == 0) DrawOpen(app);
  else if (open == 1) DrawSend(app);
  else DrawReceive(app);
  if (open != 2) {
    if (platform::QrScanOpen()) platform::StopQrScan();
    platform::SetQrTextHandler(nullptr);
  }
}

}  // namespace zj::ui

#include "tests/ui/harness.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "imgui_internal.h"
#include "shell/fonts.h"
#include "shell/i18n.h"
#include "shell/locator.h"

namespace zj::uitest {
namespace {
// The app's embedded font is a subset of this one (web/make_font.py): with it, text is measured as in the
// browser, so what fits on a 390 px phone here fits there. Without it, Dear ImGui's own font.
constexpr const char* kCjkFont = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

// A renderer that accepts every texture request (no GPU): keeps the atlas alive between frames.
void FakeTextureUpdates() {
  ImDrawData* dd = ImGui::GetDrawData();
  if (!dd || !dd->Textures) return;
  for (ImTextureData* tex : *dd->Textures) {
    if (tex->Status == ImTextureStatus_WantCreate) {
      tex->SetTexID(static_cast<ImTextureID>(tex->UniqueID + 1));
      tex->SetStatus(ImTextureStatus_OK);
    } else if (tex->Status == ImTextureStatus_WantUpdates) {
      tex->SetStatus(ImTextureStatus_OK);
    } else if (tex->Status == ImTextureStatus_WantDestroy && tex->UnusedFrames > 0) {
      tex->SetTexID(ImTextureID_Invalid);
      tex->SetStatus(ImTextureStatus_Destroyed);
    }
  }
}
}  // namespace

std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  if (f.is_open()) s << f.rdbuf();
  if (!f.is_open() || f.bad()) {
    ADD_FAILURE() << "cannot read test file " << path;
    throw std::runtime_error("cannot read test file " + path);
  }
  return s.str();
}
std::string TestData(const std::string& name) { return std::string(ZJ_TESTDATA_DIR) + "/" + name; }

Ui::Ui(Viewport vp, const std::string& today) : vp_(vp) {
  platform::native::Reset();
  platform::native::SetToday(today);
  ctx_ = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures;
  io.BackendPlatformName = "zhengjian_headless";
  io.DisplaySize = ImVec2(vp.width, vp.height);
  io.DisplayFramebufferScale = ImVec2(1, 1);
  io.DeltaTime = 1.0f / 60.0f;
  if (std::ifstream(kCjkFont).good()) io.Fonts->AddFontFromFileTTF(kCjkFont, ui::kBaseFontPx);
  else io.Fonts->AddFontDefault();
  ui::LocatorEnable(true);
  ui::SetLang(ui::Lang::Zh);
  app.zoom = 1.0f;
  ui::ApplyScale(1.0f);
  app.width = vp.width;
  app.height = vp.height;
  auto d = Date::Parse(today);
  ui::InitApp(app, d ? *d : *Date::FromYmd(2026, 3, 25), 0x2026032500ull, platform::NowMs());
  app.width = vp.width;
  app.height = vp.height;
  Frame(3);
}

Ui::~Ui() {
  ImGui::DestroyContext(ctx_);
}

void Ui::Frame(int n) {
  ImGuiIO& io = ImGui::GetIO();
  for (int i = 0; i < n; ++i) {
    platform::native::DeliverPickedFiles();
    platform::native::AdvanceMs(16);
    io.DeltaTime = 1.0f / 60.0f;
    ui::LocatorBeginFrame();
    ImGui::NewFrame();
    ui::DrawApp(app);
    ImGui::Render();
    FakeTextureUpdates();
    ui::LocatorEndFrame();
  }
}

std::vector<Item> Ui::Items() const {
  std::vector<Item> out;
  for (const auto& j : nlohmann::json::parse(ui::LocatorItemsJson())) {
    Item it;
    it.label = j.value("label", "");
    it.window = j.value("window", "");
    it.id = j.value("id", 0u);
    it.x = j.value("x", 0.0f);
    it.y = j.value("y", 0.0f);
    it.w = j.value("w", 0.0f);
    it.h = j.value("h", 0.0f);
    out.push_back(std::move(it));
  }
  return out;
}

std::vector<Item> Ui::FindAll(const std::string& label) const {
  std::vector<Item> out;
  for (auto& it : Items())
    if (it.label == label) out.push_back(it);
  return out;
}
std::vector<Item> Ui::FindContaining(const std::string& part) const {
  std::vector<Item> out;
  for (auto& it : Items())
    if (it.label.find(part) != std::string::npos) out.push_back(it);
  return out;
}

Item Ui::Get(const std::string& label, int nth) const {
  auto all = FindAll(label);
  if (static_cast<int>(all.size()) <= nth) {
    ADD_FAILURE() << "no item labelled \"" << label << "\" (#" << nth << ") on screen; visible: " << Dump();
    return Item{};
  }
  return all[nth];
}

bool Ui::Click(const std::string& label, int nth) {
  auto all = FindAll(label);
  if (static_cast<int>(all.size()) <= nth) {
    ADD_FAILURE() << "cannot click \"" << label << "\" (#" << nth << "): not on screen; visible: " << Dump();
    return false;
  }
  ClickAt(all[nth].cx(), all[nth].cy());
  return true;
}

bool Ui::ClickLast(const std::string& label) {
  auto all = FindAll(label);
  if (all.empty()) {
    ADD_FAILURE() << "cannot click \"" << label << "\": not on screen; visible: " << Dump();
    return false;
  }
  ClickItem(all.back());
  return true;
}

bool Ui::ClickLastStartingWith(const std::string& prefix) {
  const Item* hit = nullptr;
  const auto all = Items();
  for (const auto& it : all)
    if (it.label.rfind(prefix, 0) == 0) hit = &it;
  if (!hit) {
    ADD_FAILURE() << "nothing labelled \"" << prefix << "…\" on screen; visible: " << Dump();
    return false;
  }
  ClickItem(*hit);
  return true;
}

Item Ui::ScrollTo(const std::string& label, bool prefix) {
  const float top = 70, bottom = vp_.height - (vp_.width < 600 ? 110 : 20);
  for (int i = 0; i < 120; ++i) {
    // Not found going down from where the screen was: start again from the top (the item may be above).
    if (i == 60) ScrollTop();
    std::vector<Item> all;
    if (prefix) {
      for (const Item& it : Items())
        if (it.label.rfind(label, 0) == 0) all.push_back(it);
    } else {
      all = FindAll(label);
    }
    float lines = -2;  // down
    if (!all.empty()) {
      const Item& it = all.front();
      if (it.y >= top && it.y + it.h <= bottom) return it;
      lines = it.y < top ? 1.0f : -1.0f;
    }
    Wheel(vp_.width - 20, vp_.height * 0.45f, lines);
  }
  if (prefix) {
    ADD_FAILURE() << "nothing labelled \"" << label << "…\" in view; visible: " << Dump();
    return Item{};
  }
  return Get(label);
}

void Ui::ScrollTop() {
  for (int i = 0; i < 3; ++i) Wheel(vp_.width - 20, vp_.height * 0.45f, 200);
}

std::vector<std::string> Ui::RowOf(const Item& it) const {
  std::vector<std::string> out;
  for (const auto& x : Items())
    if (std::abs(x.cy() - it.cy()) < 10) out.push_back(x.label);
  return out;
}

void Ui::ClickAt(float x, float y) {
  ImGuiIO& io = ImGui::GetIO();
  const ImGuiMouseSource src = vp_.touch ? ImGuiMouseSource_TouchScreen : ImGuiMouseSource_Mouse;
  io.AddMouseSourceEvent(src);
  io.AddMousePosEvent(x, y);
  Frame();  // hover frame (glue.js does the same before a press)
  io.AddMouseSourceEvent(src);
  io.AddMouseButtonEvent(0, true);
  Frame();
  io.AddMouseSourceEvent(src);
  io.AddMouseButtonEvent(0, false);
  Frame();
  if (vp_.touch) {  // a finger leaves: nothing stays hovered
    io.AddMouseSourceEvent(src);
    io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
  }
  Frame(2);
}

void Ui::Wheel(float x, float y, float lines) {
  ImGuiIO& io = ImGui::GetIO();
  io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
  io.AddMousePosEvent(x, y);
  Frame();
  io.AddMouseWheelEvent(0, lines);
  Frame(2);
}

void Ui::Type(const std::string& utf8) {
  ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str());
  Frame(2);
}

void Ui::Key(ImGuiKey key, int mods) {
  ImGuiIO& io = ImGui::GetIO();
  io.AddKeyEvent(ImGuiMod_Ctrl, (mods & ImGuiMod_Ctrl) != 0);
  io.AddKeyEvent(ImGuiMod_Shift, (mods & ImGuiMod_Shift) != 0);
  io.AddKeyEvent(key, true);
  Frame();
  io.AddKeyEvent(key, false);
  io.AddKeyEvent(ImGuiMod_Ctrl, false);
  io.AddKeyEvent(ImGuiMod_Shift, false);
  Frame(2);
}

void Ui::Retype(const std::string& utf8) {
  Key(ImGuiKey_A, ImGuiMod_Ctrl);
  Key(ImGuiKey_Delete);
  Type(utf8);
}

void Ui::Go(ui::Screen s) {
  const std::string title = ui::ScreenTitle(s);
  if (Has(title)) {
    // The tallest item with that label: the navigation button (strand titles on 概览 share 学 看 谈 评).
    auto all = FindAll(title);
    ClickItem(*std::max_element(all.begin(), all.end(), [](const Item& a, const Item& b) { return a.h < b.h; }));
  } else if (Has("…")) {  // phone: the rest of the screens behind "…"
    Click("…");
    Click(title);
  } else {
    ADD_FAILURE() << "no navigation to " << title;
  }
  if (app.screen != s) ADD_FAILURE() << "navigation to " << title << " did not show it";
}

std::vector<AuditEntry> Ui::AuditSince(size_t mark) const {
  const auto& a = Audit();
  return std::vector<AuditEntry>(a.begin() + std::min(mark, a.size()), a.end());
}
std::vector<std::string> Ui::CommandsSince(size_t mark) const {
  std::vector<std::string> out;
  for (const auto& e : AuditSince(mark)) out.push_back(e.command);
  return out;
}

std::string Ui::Dump() const {
  std::string s;
  for (const auto& it : Items()) {
    if (!s.empty()) s += " | ";
    s += it.label;
  }
  return s;
}

/// Opens 组织 → 名册导入导出 and picks `file` (its bytes go through the native file queue).
void PickRoster(Ui& ui, const std::string& name, const std::string& bytes) {
  ui.Go(ui::Screen::Organization);
  ASSERT_TRUE(ui.Click("名册导入导出"));
  platform::native::QueuePickedFile(name, bytes);
  ui.ClickItem(ui.ScrollTo("导入名册…"));
  ui.Frame(2);
  ASSERT_FALSE(platform::native::PickRequests().empty());
  EXPECT_EQ(platform::native::PickRequests().back(),
            ".csv,.xlsx,.xls,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,"
            "application/vnd.ms-excel");
}

void ImportGbkRoster(Ui& ui) {
  const std::string bytes = ReadFile(TestData("roster-gbk.csv"));
  ASSERT_FALSE(bytes.empty()) << TestData("roster-gbk.csv");
  PickRoster(ui, "roster-gbk.csv", bytes);
  EXPECT_TRUE(ui.Has("文件：roster-gbk.csv（GB18030/GBK）")) << ui.Dump();
  for (const char* l : {"新增 120", "更新 0", "无变化 0", "拒绝 0", "跳过 0"}) EXPECT_TRUE(ui.Has(l)) << l << ": " << ui.Dump();
  EXPECT_EQ(ui.data().org.members.size(), 120u) << "the preview changes nothing";
  const size_t mark = ui.Audit().size();
  ui.ClickItem(ui.ScrollTo("确认导入（新增 120，更新 0）"));
  auto cmds = ui.AuditSince(mark);
  ASSERT_EQ(cmds.size(), 1u);
  EXPECT_EQ(cmds[0].command, "roster.import");
  // The audit keeps the file name and the counts, never the file's clear ID numbers.
  EXPECT_EQ(cmds[0].args, (nlohmann::json{{"file", "roster-gbk.csv"}, {"imported", 120}, {"updated", 0},
                                          {"refused", 0}, {"rows", 120}}));
  EXPECT_EQ(ui.data().org.members.size(), 240u);
}

}  // namespace zj::uitest

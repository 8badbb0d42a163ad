#include "shell/locator.h"

#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "imgui.h"
#include "imgui_internal.h"

namespace zj::ui {
namespace {
struct Item {
  ImGuiID id = 0;
  std::string label;
  std::string window;
  ImRect rect;
};
// Process-wide: the locator records the items of the one ImGui context being drawn; LocatorBeginFrame starts
// each frame afresh.
struct State {
  bool on = false;
  int frames = 0;
  std::vector<Item> building;
  std::unordered_map<ImGuiID, size_t> index;  // id -> position in building
  std::vector<Item> done;
} g_loc;

// "保存##save" -> "保存"; "###id" keeps nothing after the marker either.
std::string VisibleLabel(const char* label) {
  std::string s = label ? label : "";
  auto p = s.find("##");
  if (p != std::string::npos) s.resize(p);
  return s;
}

bool IsVisible(ImGuiContext* ctx, const ImRect& bb) {
  ImGuiWindow* w = ctx->CurrentWindow;
  if (!w || w->IsFallbackWindow || w->Hidden) return false;
  return w->ClipRect.Overlaps(bb) && bb.GetWidth() >= 0 && bb.GetHeight() >= 0;
}
}  // namespace

void LocatorEnable(bool on) {
  g_loc.on = on;
  if (ImGui::GetCurrentContext()) ImGui::GetCurrentContext()->TestEngineHookItems = on;
}
bool LocatorEnabled() { return g_loc.on; }

void LocatorBeginFrame() {
  if (!g_loc.on) return;
  ImGui::GetCurrentContext()->TestEngineHookItems = true;
  g_loc.building.clear();
  g_loc.index.clear();
}

void LocatorEndFrame() {
  if (!g_loc.on) return;
  // Keep only items that got a label (buttons, inputs, tabs ... and ui::Label text).
  g_loc.done.clear();
  for (auto& it : g_loc.building)
    if (!it.label.empty() && it.label != it.window) g_loc.done.push_back(std::move(it));  // not windows themselves
  g_loc.building.clear();
  g_loc.index.clear();
  ++g_loc.frames;
}

void LocatorRecordLastItem(const char* label) {
  if (!g_loc.on) return;
  ImGuiContext* ctx = ImGui::GetCurrentContext();
  const ImRect bb = ctx->LastItemData.Rect;
  if (!IsVisible(ctx, bb)) return;
  Item it;
  it.id = ctx->LastItemData.ID;
  it.label = VisibleLabel(label);
  it.window = ctx->CurrentWindow ? VisibleLabel(ctx->CurrentWindow->Name) : "";
  it.rect = bb;
  g_loc.building.push_back(std::move(it));
}

std::string LocatorItemsJson() {
  nlohmann::json arr = nlohmann::json::array();
  for (const Item& it : g_loc.done) {
    arr.push_back({{"label", it.label}, {"window", it.window}, {"id", it.id},
                   {"x", it.rect.Min.x}, {"y", it.rect.Min.y},
                   {"w", it.rect.GetWidth()}, {"h", it.rect.GetHeight()}});
  }
  return arr.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

int LocatorFrames() { return g_loc.frames; }

}  // namespace zj::ui

// ---- Dear ImGui test-engine hooks (called only while ctx->TestEngineHookItems is true) ----------
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData*) {
  using zj::ui::g_loc;
  if (!g_loc.on || id == 0 || !zj::ui::IsVisible(ctx, bb)) return;
  zj::ui::Item it;
  it.id = id;
  it.window = ctx->CurrentWindow ? zj::ui::VisibleLabel(ctx->CurrentWindow->Name) : "";
  it.rect = bb;
  g_loc.index[id] = g_loc.building.size();
  g_loc.building.push_back(std::move(it));
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
  using zj::ui::g_loc;
  if (!g_loc.on) return;
  auto f = g_loc.index.find(id);
  if (f != g_loc.index.end() && label) g_loc.building[f->second].label = zj::ui::VisibleLabel(label);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }

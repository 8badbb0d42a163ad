// Zhengjian shell: the UI locator for tests (window.zjTest, switched on by `?test=1`).
// Records each visible item's label, window, id and rectangle per frame through Dear ImGui's
// test-engine hooks (IMGUI_ENABLE_TEST_ENGINE: ImGuiTestEngineHook_ItemAdd / ItemInfo), plus plain
// text drawn through ui::Label(). Rectangles are in CSS pixels (ImGui's coordinates here).
#pragma once
#include <string>

namespace zj::ui {

/// Turns recording on (the page was opened with ?test=1). Off by default: no cost when off.
void LocatorEnable(bool on);
bool LocatorEnabled();
/// Call once per frame before ImGui::NewFrame(): starts a new frame's record.
void LocatorBeginFrame();
/// Call after ImGui::Render(): the frame's record becomes the one items() returns.
void LocatorEndFrame();
/// Records the last submitted item (e.g. after ImGui::TextUnformatted) under `label`.
void LocatorRecordLastItem(const char* label);
/// The last completed frame's items as a JSON array of {label, window, id, x, y, w, h}.
std::string LocatorItemsJson();
/// Frames completed so far.
int LocatorFrames();

}  // namespace zj::ui

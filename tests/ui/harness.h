// Zhengjian headless UI tests (README "Testing hooks"): the whole app (shell/app.h DrawApp) in a Dear ImGui context without
// a GPU, driven like a user: clicks on items found by their visible label through the test locator
// (shell/locator.h), typing, keys. What a screen did is read from the workspace's audit trail
// (core/data/workspace.h) and from the native platform's records (shell/platform_native.h).
#pragma once
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/data/workspace.h"
#include "imgui.h"
#include "shell/app.h"
#include "shell/platform_native.h"

namespace zj::uitest {

/// Viewport sizes in CSS pixels, as the browser tests use them.
struct Viewport {
  float width, height;
  bool touch;  ///< phone: taps come from a touch screen
};
constexpr Viewport kDesktop{1280, 800, false};
constexpr Viewport kPhone{390, 844, true};

/// One recorded item of the last frame (LocatorItemsJson): visible label, window, rectangle.
struct Item {
  std::string label, window;
  unsigned id = 0;
  float x = 0, y = 0, w = 0, h = 0;
  float cx() const { return x + w * 0.5f; }
  float cy() const { return y + h * 0.5f; }
};

/// The app in a headless ImGui context. One at a time (ImGui, the locator and the platform are global).
/// Starts like `?test=1&today=2026-03-25`: demo town, zoom 100 %, Chinese, 概览 screen.
class Ui {
 public:
  explicit Ui(Viewport vp = kDesktop, const std::string& today = "2026-03-25");
  ~Ui();
  Ui(const Ui&) = delete;
  Ui& operator=(const Ui&) = delete;

  ui::App app;
  const Dataset& data() const { return app.data(); }

  /// Draws `n` frames (each 16 ms of platform clock); picked files queued by the test are delivered
  /// between frames, as the browser does.
  void Frame(int n = 1);
  /// The last frame's items.
  std::vector<Item> Items() const;
  /// Items whose label equals `label` exactly, in drawing order.
  std::vector<Item> FindAll(const std::string& label) const;
  /// Items whose label contains `part`.
  std::vector<Item> FindContaining(const std::string& part) const;
  bool Has(const std::string& label) const { return !FindAll(label).empty(); }
  bool HasContaining(const std::string& part) const { return !FindContaining(part).empty(); }
  /// The `nth` item labelled `label`; fails the test (and returns a zero item) when there is none.
  Item Get(const std::string& label, int nth = 0) const;

  /// Clicks (or taps on the phone) the `nth` item labelled `label`: hover frame, press frame, release
  /// frame, then settle frames. Returns false (with a test failure) when the label is not on screen.
  bool Click(const std::string& label, int nth = 0);
  /// Clicks the LAST item labelled `label` (a combo's popup is drawn after the screen, so its entry is last).
  bool ClickLast(const std::string& label);
  /// Clicks the last item whose label starts with `prefix` (combo entries such as "B01 参加组织生活 (+2)").
  bool ClickLastStartingWith(const std::string& prefix);
  /// Clicks an item found before.
  void ClickItem(const Item& it) { ClickAt(it.cx(), it.cy()); }
  /// Clicks at a point (CSS px).
  void ClickAt(float x, float y);
  /// Turns the mouse wheel at (x, y) (positive = up, as Dear ImGui counts).
  void Wheel(float x, float y, float lines);
  /// Scrolls the screen area until the first item labelled `label` is fully in view (clear of the header
  /// and of the phone's tab bar) and returns it; fails the test when it never shows.
  /// With `prefix`, the first item whose label starts with `label`.
  Item ScrollTo(const std::string& label, bool prefix = false);
  /// Scrolls the screen area back to its top.
  void ScrollTop();
  /// Types committed text (UTF-8) into the active field.
  void Type(const std::string& utf8);
  /// Presses and releases a key with modifiers (ImGuiMod_Ctrl ...).
  void Key(ImGuiKey key, int mods = 0);
  /// Selects all in the active field and types `utf8` over it.
  void Retype(const std::string& utf8);
  /// Shows a screen through the navigation (side bar; on phones the tab bar, else the "…" menu).
  void Go(ui::Screen s);

  /// Audit entries (commands applied, undo/redo) since the workspace was made.
  const std::vector<AuditEntry>& Audit() const { return app.ws->audit(); }
  /// Entries added after `mark` (a former Audit().size()).
  std::vector<AuditEntry> AuditSince(size_t mark) const;
  /// Names of the entries after `mark`, e.g. {"member.add"}.
  std::vector<std::string> CommandsSince(size_t mark) const;
  /// Labels of the items on the same row as `it` (vertical centres within 10 px).
  std::vector<std::string> RowOf(const Item& it) const;
  /// A dump of the visible labels (for failure messages).
  std::string Dump() const;

 private:
  Viewport vp_;
  ImGuiContext* ctx_ = nullptr;
};

/// Bytes of a file, or "" when unreadable.
std::string ReadFile(const std::string& path);
/// ZJ_TESTDATA_DIR + "/" + name.
std::string TestData(const std::string& name);

/// 组织 → 名册导入导出 → 导入名册… with a file of `bytes` named `name` (through the native file queue).
void PickRoster(Ui& ui, const std::string& name, const std::string& bytes);
/// Imports /work/shared/testdata/roster-gbk.csv through the UI: preview counts (120 new), the dataset unchanged
/// by the preview, then 确认导入 emits roster.import (audit: file name and counts) and adds 120 members.
void ImportGbkRoster(Ui& ui);

}  // namespace zj::uitest

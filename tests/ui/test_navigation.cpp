// Navigation and undo/redo: the phone's bottom tab bar and its "…" menu, the side bar on a PC,
// Ctrl+Z / Ctrl+Y undoing and redoing the last command (audit "undo:<name>" / "redo:<name>").
#include <algorithm>
#include <string>
#include <vector>

#include "tests/ui/harness.h"

namespace zj::uitest {

TEST(UiNavigation, PhoneBottomTabBar) {
  Ui ui(kPhone);
  // No side bar on a phone: 组织 is behind "…"; the five tabs sit at the bottom, touch-sized.
  EXPECT_FALSE(ui.Has("组织"));
  for (const char* tab : {"学", "看", "谈", "评", "…"}) {
    auto all = ui.FindAll(tab);
    ASSERT_FALSE(all.empty()) << tab;
    const Item& it = all.back();
    EXPECT_GE(it.h, 44.0f) << tab;
    EXPECT_GT(it.y, 844.0f - 80) << tab << " at the bottom";
    EXPECT_LE(it.x + it.w, 391.0f) << tab;
  }
  ui.Go(ui::Screen::Talk);
  EXPECT_EQ(ui.app.screen, ui::Screen::Talk);
  ui.Go(ui::Screen::Boards);  // through "…"
  EXPECT_EQ(ui.app.screen, ui::Screen::Boards);
  EXPECT_TRUE(ui.Has("生成公示栏并打印") || ui.HasContaining("公示")) << ui.Dump();
  ui.Go(ui::Screen::Dashboard);
  EXPECT_EQ(ui.app.screen, ui::Screen::Dashboard);
}

TEST(UiNavigation, DesktopSideBar) {
  Ui ui(kDesktop);
  for (ui::Screen s : {ui::Screen::Organization, ui::Screen::Learn, ui::Screen::Look, ui::Screen::Talk,
                       ui::Screen::Rate, ui::Screen::Boards, ui::Screen::Report, ui::Screen::Dashboard}) {
    ui.Go(s);
    EXPECT_EQ(ui.app.screen, s);
  }
}

TEST(UiUndo, CtrlZAndCtrlYUndoAndRedoTheLastCommand) {
  Ui ui(kDesktop);
  ui.Go(ui::Screen::Organization);
  ASSERT_TRUE(ui.Click("新增党员"));
  ASSERT_EQ(ui.data().org.members.size(), 121u);
  const Id id = ui.app.screens.organization.selected_member;
  size_t mark = ui.Audit().size();
  ui.Key(ImGuiKey_Z, ImGuiMod_Ctrl);
  EXPECT_EQ(ui.CommandsSince(mark), (std::vector<std::string>{"undo:member.add"}));
  EXPECT_EQ(ui.data().org.members.size(), 120u);
  mark = ui.Audit().size();
  ui.Key(ImGuiKey_Y, ImGuiMod_Ctrl);
  EXPECT_EQ(ui.CommandsSince(mark), (std::vector<std::string>{"redo:member.add"}));
  ASSERT_EQ(ui.data().org.members.size(), 121u);
  EXPECT_EQ(ui.data().org.members.back().meta.id, id);
  // Ctrl+Shift+Z redoes as well; while a text field is being edited, Ctrl+Z belongs to the field.
  ui.Key(ImGuiKey_Z, ImGuiMod_Ctrl);
  mark = ui.Audit().size();
  ui.Key(ImGuiKey_Z, ImGuiMod_Ctrl | ImGuiMod_Shift);
  EXPECT_EQ(ui.CommandsSince(mark), (std::vector<std::string>{"redo:member.add"}));
  ASSERT_TRUE(ui.Click("member_filter"));
  ui.Type("x");
  mark = ui.Audit().size();
  ui.Key(ImGuiKey_Z, ImGuiMod_Ctrl);
  EXPECT_TRUE(ui.CommandsSince(mark).empty()) << "the field's own undo";
  EXPECT_EQ(ui.data().org.members.size(), 121u);
  ui.Key(ImGuiKey_Escape);
}

TEST(UiUndo, UndoButtonsOnTheMembersTab) {
  Ui ui(kDesktop);
  ui.Go(ui::Screen::Organization);
  ASSERT_TRUE(ui.Click("新增党员"));
  size_t mark = ui.Audit().size();
  ASSERT_TRUE(ui.Click("撤销"));
  EXPECT_EQ(ui.CommandsSince(mark), (std::vector<std::string>{"undo:member.add"}));
  EXPECT_EQ(ui.data().org.members.size(), 120u);
  mark = ui.Audit().size();
  ASSERT_TRUE(ui.Click("重做"));
  EXPECT_EQ(ui.CommandsSince(mark), (std::vector<std::string>{"redo:member.add"}));
  EXPECT_EQ(ui.data().org.members.size(), 121u);
}

}  // namespace zj::uitest

namespace zj::uitest {

// The screen table (shell/screens/screens.cpp) drives the side bar, the phone's tab bar and "…" menu, and
// ?screen=: every row is reachable each way, and its code is its own.
TEST(UiScreens, EveryRowOfTheScreenTableIsReachable) {
  std::vector<std::string> codes;
  for (const ui::ScreenInfo& s : ui::AllScreens()) codes.push_back(s.code);
  ASSERT_EQ(codes.size(), static_cast<size_t>(ui::Screen::Count_));
  std::vector<std::string> sorted = codes;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(std::unique(sorted.begin(), sorted.end()), sorted.end()) << "codes must differ";
  {
    Ui ui(kDesktop);
    for (const ui::ScreenInfo& s : ui::AllScreens()) {
      ui.Go(s.screen);  // through the side bar
      EXPECT_EQ(ui.app.screen, s.screen) << s.code;
    }
    for (const ui::ScreenInfo& s : ui::AllScreens()) {
      ui.Go(ui::Screen::Dashboard);
      EXPECT_TRUE(ui::ApplyStartScreen(ui.app, s.code)) << s.code;
      EXPECT_EQ(ui.app.screen, s.screen) << s.code;
    }
    ui.Go(ui::Screen::Dashboard);
    EXPECT_FALSE(ui::ApplyStartScreen(ui.app, "settings"));
    EXPECT_EQ(ui.app.screen, ui::Screen::Dashboard);
  }
  Ui phone(kPhone);
  for (const ui::ScreenInfo& s : ui::AllScreens()) {
    phone.Go(ui::Screen::Dashboard);
    // On the bottom bar exactly when the table says so; the others behind "…".
    bool on_bar = false;
    for (const Item& it : phone.FindAll(ui::T(s.title))) on_bar |= it.y > 844.0f - 80 && it.h >= 44.0f;
    EXPECT_EQ(on_bar, s.phone_tab) << s.code;
    phone.Go(s.screen);
    EXPECT_EQ(phone.app.screen, s.screen) << s.code;
  }
}

// Each App owns its screens' state: what one test (or page) chose is not seen by the next.
TEST(UiScreens, ANewAppStartsEveryScreenAfresh) {
  std::string branch;
  {
    Ui ui(kDesktop);
    ui.Go(ui::Screen::Organization);
    branch = ui.data().org.branches[2].name;
    ASSERT_TRUE(ui.Click("member_branch_filter"));
    ASSERT_TRUE(ui.ClickLast(branch));
    EXPECT_FALSE(ui.HasContaining("显示 120 / 120 人")) << ui.Dump();
    EXPECT_FALSE(ui.app.screens.organization.branch_filter.empty());
    ui.Go(ui::Screen::Learn);
    ASSERT_FALSE(ui.app.screens.learn.selected.empty());
  }
  Ui ui(kDesktop);
  EXPECT_TRUE(ui.app.screens.organization.branch_filter.empty());
  EXPECT_TRUE(ui.app.screens.learn.selected.empty());
  ui.Go(ui::Screen::Organization);
  EXPECT_TRUE(ui.HasContaining("显示 120 / 120 人")) << ui.Dump();
}

}  // namespace zj::uitest

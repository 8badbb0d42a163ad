// Navigation and undo/redo: the phone's bottom tab bar and its "…" menu, the side bar on a PC,
// Ctrl+Z / Ctrl+Y undoing and redoing the last command (audit "undo:<name>" / "redo:<name>").
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

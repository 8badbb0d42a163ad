// 评 tab 项目与细则 (shell/screens/catalogue.cpp): the commands the add / edit / remove actions emit for the
// points catalogue (积分项目) and the assessment rubric (考核细则), and a removal refused while point entries
// use the item (nothing applied, the reason shown in the confirmation), at desktop and phone size.
#include "tests/ui/harness.h"

namespace zj::uitest {
namespace {

void OpenCatalogue(Ui& ui) {
  ui.Go(ui::Screen::Rate);
  ui.Click("项目与细则");
}
void Fill(Ui& ui, const std::string& field, const std::string& text) {
  ui.ClickItem(ui.ScrollTo(field));
  ui.Retype(text);
}
Id ItemIdOf(const Ui& ui, const std::string& code) {
  for (const PointItem& it : ui.data().points.catalogue.items)
    if (it.code == code) return it.meta.id;
  return "";
}

void AddRecordRemove(Viewport vp) {
  Ui ui(vp);
  OpenCatalogue(ui);
  ui.ClickItem(ui.ScrollTo("cat_category:奖励积分"));
  Fill(ui, "cat_name", "参加防汛抢险");
  Fill(ui, "cat_points", "3");
  Fill(ui, "cat_cap", "9");
  size_t mark = ui.Audit().size();
  ui.ClickItem(ui.ScrollTo("cat_add"));
  auto cmds = ui.AuditSince(mark);
  ASSERT_EQ(cmds.size(), 1u) << ui.Dump();
  EXPECT_EQ(cmds[0].command, "catalogue.item.add");
  EXPECT_EQ(cmds[0].args, (nlohmann::json{{"category", "merit"}, {"name_zh", "参加防汛抢险"}, {"points", "3"},
                                          {"evidence_required", false}, {"yearly_cap", "9"}}));
  const Id r05 = ItemIdOf(ui, "R05");  // the next free merit code after the example's R01-R04
  ASSERT_FALSE(r05.empty());
  EXPECT_TRUE(ui.HasContaining("已保存：R05 参加防汛抢险")) << ui.Dump();

  // Edit: the form is filled from the row; renaming sends the whole item with its id.
  ui.ClickItem(ui.ScrollTo("cat_edit:R05"));
  Fill(ui, "cat_name", "参加防汛抢险救灾");
  mark = ui.Audit().size();
  ui.ClickItem(ui.ScrollTo("cat_save"));
  cmds = ui.AuditSince(mark);
  ASSERT_EQ(cmds.size(), 1u) << ui.Dump();
  EXPECT_EQ(cmds[0].command, "catalogue.item.update");
  EXPECT_EQ(cmds[0].args, (nlohmann::json{{"id", r05}, {"category", "merit"}, {"name_zh", "参加防汛抢险救灾"}, {"points", "3"},
                                          {"evidence_required", false}, {"code", "R05"}, {"yearly_cap", "9"}}));

  // A point entry uses it: the confirmation says so and confirming applies nothing.
  const Id member = ui.data().org.members.front().meta.id;
  ASSERT_TRUE(ui.app.Apply({"points.record", {{"member_id", member}, {"item_id", r05}, {"date", "2026-03-20"}}}).ok);
  ui.Frame(2);
  ui.ClickItem(ui.ScrollTo("cat_remove:R05"));
  EXPECT_TRUE(ui.Has("已有 1 条积分记录使用该项目：删除会被拒绝。")) << ui.Dump();
  mark = ui.Audit().size();
  ui.Click("confirm_remove");
  EXPECT_TRUE(ui.AuditSince(mark).empty());
  EXPECT_TRUE(ui.Has("该积分项目已有 1 条积分记录使用，不能删除")) << ui.Dump();
  ui.Click("confirm_cancel");
  EXPECT_FALSE(ui.Has("confirm_remove"));
  EXPECT_FALSE(ItemIdOf(ui, "R05").empty());
}

}  // namespace

TEST(UiCatalogue, AddEditAndRemoveRefusedWhileUsedDesktop) { AddRecordRemove(kDesktop); }
TEST(UiCatalogue, AddEditAndRemoveRefusedWhileUsedPhone) { AddRecordRemove(kPhone); }

TEST(UiCatalogue, RubricAddAndRemoveAnUnusedItem) {
  Ui ui(kDesktop);
  OpenCatalogue(ui);
  ui.Click("考核细则");
  Fill(ui, "rubric_name", "发展党员质量");
  Fill(ui, "rubric_max", "10");
  size_t mark = ui.Audit().size();
  ui.ClickItem(ui.ScrollTo("rubric_add"));
  auto cmds = ui.AuditSince(mark);
  ASSERT_EQ(cmds.size(), 1u) << ui.Dump();
  EXPECT_EQ(cmds[0].command, "rubric.item.add");
  EXPECT_EQ(cmds[0].args, (nlohmann::json{{"name_zh", "发展党员质量"}, {"max_points", "10"}}));
  EXPECT_TRUE(ui.Has("满分合计 110 分（评星时折算为百分制）")) << ui.Dump();
  // K7 has no scores: removal goes through after the confirmation.
  ui.ClickItem(ui.ScrollTo("rubric_remove:K7"));
  mark = ui.Audit().size();
  ui.Click("confirm_remove");
  cmds = ui.AuditSince(mark);
  ASSERT_EQ(cmds.size(), 1u) << ui.Dump();
  EXPECT_EQ(cmds[0].command, "rubric.item.remove");
  EXPECT_EQ(ui.data().branch_rating.rubric.items.size(), 6u);
}

}  // namespace zj::uitest

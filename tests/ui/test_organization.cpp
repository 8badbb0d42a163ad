// 组织: members, the tree, cadres and the roster import, each action checked by the command it
// emits (name and exact arguments, from the audit trail) and the dataset change.
#include <algorithm>

#include "core/org/commands_org.h"
#include "tests/ui/harness.h"

namespace zj::uitest {
namespace {
const Member* MemberById(const Dataset& d, const Id& id) {
  for (const Member& m : d.org.members)
    if (m.meta.id == id) return &m;
  return nullptr;
}
}  // namespace

TEST(UiOrganization, AddRenameMoveAndRemoveAMember) {
  Ui ui(kDesktop);
  ui.Go(ui::Screen::Organization);
  ASSERT_EQ(ui.data().org.members.size(), 120u);
  const Id first_branch = ui.data().org.branches.front().meta.id;

  // 新增党员: a member named 新党员 in the first branch (no branch filter), selected for editing.
  size_t mark = ui.Audit().size();
  ASSERT_TRUE(ui.Click("新增党员"));
  auto cmds = ui.AuditSince(mark);
  ASSERT_EQ(cmds.size(), 1u);
  EXPECT_EQ(cmds[0].command, "member.add");
  EXPECT_EQ(cmds[0].args, (nlohmann::json{{"name", "新党员"}, {"branch_id", first_branch}}));
  ASSERT_EQ(ui.data().org.members.size(), 121u);
  const Id id = ui.app.screens.organization.selected_member;
  ASSERT_FALSE(id.empty());
  ASSERT_NE(MemberById(ui.data(), id), nullptr);
  EXPECT_EQ(MemberById(ui.data(), id)->name, "新党员");

  // Rename in the editor: typed, then Enter commits one member.update with the new name.
  mark = ui.Audit().size();
  ASSERT_TRUE(ui.Click("member_name"));
  ui.Retype("欧阳𠮷祥");
  EXPECT_TRUE(ui.CommandsSince(mark).empty()) << "nothing is applied while typing";
  ui.Key(ImGuiKey_Enter);
  cmds = ui.AuditSince(mark);
  ASSERT_EQ(cmds.size(), 1u);
  EXPECT_EQ(cmds[0].command, "member.update");
  EXPECT_EQ(cmds[0].args, (nlohmann::json{{"id", id}, {"name", "欧阳𠮷祥"}}));
  EXPECT_EQ(MemberById(ui.data(), id)->name, "欧阳𠮷祥");

  // Move to another branch through the editor's branch combo.
  const Branch& target = ui.data().org.branches[3];
  const Id target_id = target.meta.id;
  const std::string target_name = target.name;
  mark = ui.Audit().size();
  ASSERT_TRUE(ui.Click("member_branch"));
  ASSERT_TRUE(ui.ClickLast(target_name));
  cmds = ui.AuditSince(mark);
  ASSERT_EQ(cmds.size(), 1u);
  EXPECT_EQ(cmds[0].command, "member.update");
  EXPECT_EQ(cmds[0].args, (nlohmann::json{{"id", id}, {"branch_id", target_id}}));
  EXPECT_EQ(MemberById(ui.data(), id)->branch_id, target_id);

  // Remove.
  mark = ui.Audit().size();
  const Item remove = ui.ScrollTo("删除该党员");
  ui.ClickItem(remove);
  cmds = ui.AuditSince(mark);
  ASSERT_EQ(cmds.size(), 1u);
  EXPECT_EQ(cmds[0].command, "member.remove");
  EXPECT_EQ(cmds[0].args, (nlohmann::json{{"id", id}}));
  EXPECT_EQ(MemberById(ui.data(), id), nullptr);
  EXPECT_EQ(ui.data().org.members.size(), 120u);
}

TEST(UiOrganization, AddACadreAndNameIt) {
  Ui ui(kDesktop);
  ui.Go(ui::Screen::Organization);
  ASSERT_TRUE(ui.Click("干部"));
  const size_t before = ui.data().org.cadres.size();
  size_t mark = ui.Audit().size();
  ASSERT_TRUE(ui.Click("添加干部"));
  auto cmds = ui.AuditSince(mark);
  ASSERT_EQ(cmds.size(), 1u);
  EXPECT_EQ(cmds[0].command, "cadre.add");
  EXPECT_EQ(cmds[0].args, (nlohmann::json{{"name", "新干部"}}));
  ASSERT_EQ(ui.data().org.cadres.size(), before + 1);
  const Id id = ui.data().org.cadres.back().meta.id;

  mark = ui.Audit().size();
  ui.ClickItem(ui.ScrollTo("cadre_name"));
  ui.Retype("周建国");
  ui.Key(ImGuiKey_Enter);
  cmds = ui.AuditSince(mark);
  ASSERT_EQ(cmds.size(), 1u);
  EXPECT_EQ(cmds[0].command, "cadre.update");
  EXPECT_EQ(cmds[0].args, (nlohmann::json{{"id", id}, {"name", "周建国"}}));
  EXPECT_EQ(ui.data().org.cadres.back().name, "周建国");
}

TEST(UiOrganization, MoveABranchToAGeneralBranchInTheTree) {
  Ui ui(kDesktop);
  ui.Go(ui::Screen::Organization);
  ASSERT_TRUE(ui.Click("组织架构"));
  Id branch, gb1;
  for (const Branch& b : ui.data().org.branches)
    if (b.name == "桃园村党支部") branch = b.meta.id;
  for (const GeneralBranch& g : ui.data().org.general_branches)
    if (g.name == "第一党总支") gb1 = g.meta.id;
  ASSERT_FALSE(branch.empty());
  ASSERT_FALSE(gb1.empty());
  ASSERT_TRUE(ui.Click("桃园村党支部"));
  const size_t mark = ui.Audit().size();
  ui.ClickItem(ui.ScrollTo("branch_gb"));
  ASSERT_TRUE(ui.ClickLast("第一党总支"));
  auto cmds = ui.AuditSince(mark);
  ASSERT_EQ(cmds.size(), 1u);
  EXPECT_EQ(cmds[0].command, "branch.update");
  EXPECT_EQ(cmds[0].args, (nlohmann::json{{"id", branch}, {"general_branch_id", gb1}}));
  for (const Branch& b : ui.data().org.branches)
    if (b.meta.id == branch) {
      EXPECT_EQ(b.general_branch_id, gb1);
    }
}

// 合并到… on a branch: the preview names what moves (counted here from the data), 确定合并 emits branch.merge, the
// branch is gone and its members are in the other one.
TEST(UiOrganization, MergeABranchIntoAnotherAfterItsPreview) {
  Ui ui(kPhone);
  ui.Go(ui::Screen::Organization);
  ASSERT_TRUE(ui.Click("组织架构"));
  const Organization& org = ui.data().org;
  const Branch* from = nullptr;
  const Branch* into = nullptr;
  for (const Branch& b : org.branches)
    for (const Branch& x : org.branches)
      if (!from && b.meta.id != x.meta.id && b.kind == x.kind && !PreviewBranchMerge(ui.data(), b.meta.id, x.meta.id).problem) {
        from = &b;
        into = &x;
      }
  ASSERT_NE(from, nullptr);
  const Id from_id = from->meta.id, into_id = into->meta.id;
  const std::string from_name = from->name, into_name = into->name;
  int members = 0;
  for (const Member& m : org.members) members += m.branch_id == from_id;
  ui.ClickItem(ui.ScrollTo(from_name));
  ui.ClickItem(ui.ScrollTo("branch_merge"));
  ASSERT_TRUE(ui.ClickLast(into_name));
  ui.Frame(2);
  const std::string preview = "将把" + from_name + "的" + std::to_string(members) + "名党员转入" + into_name;
  EXPECT_TRUE(ui.HasContaining(preview)) << ui.Dump();
  const size_t mark = ui.Audit().size();
  ui.ClickItem(ui.ScrollTo("确定合并"));
  auto cmds = ui.AuditSince(mark);
  ASSERT_EQ(cmds.size(), 1u);
  EXPECT_EQ(cmds[0].command, "branch.merge");
  EXPECT_EQ(cmds[0].args, (nlohmann::json{{"id", from_id}, {"into_id", into_id}}));
  EXPECT_EQ(FindBranch(ui.data().org, from_id), -1);
  int now_in = 0;
  for (const Member& m : ui.data().org.members) now_in += m.branch_id == from_id;
  EXPECT_EQ(now_in, 0);
}

TEST(UiOrganization, RosterImportPreviewThenApply) {
  Ui ui(kDesktop);
  ImportGbkRoster(ui);
  EXPECT_TRUE(ui.Has("已导入：新增 120 名，更新 0 名。可撤销。")) << ui.Dump();
  const Member* xm = nullptr;
  for (const Member& m : ui.data().org.members)
    if (m.name == "向明" && m.id_masked == "4205**********3032") xm = &m;
  ASSERT_NE(xm, nullptr) << "row 2 of the file is stored";
  EXPECT_EQ(xm->birth_date ? xm->birth_date->ToString() : "", "1986-12-13");
}

// A workbook as web/xlsx.js hands it over (JSON of cells with their kinds): the first sheet is read and named, a
// second sheet with content can be chosen, the month cell stays a month, the numeric ID number is refused, and the
// command carries the workbook and the sheet. The people are make_rosters.py's pinned ones (tests/data).
TEST(UiOrganization, WorkbookRosterSheetChoiceAndApply) {
  Ui ui(kDesktop);
  const std::string wb =
      R"({"zjWorkbook":1,"sheets":[{"name":"说明","rows":[{"r":1,"c":[["t","填表说明"]]}]},)"
      R"({"name":"花名册","rows":[{"r":1,"c":[["t","东湖镇党员花名册"]]},)"
      R"({"r":3,"c":[["t","姓名"],["t","身份证号码"],["t","所在党组织"],["t","入党时间"]]},)"
      R"({"r":4,"c":[["t","柳松"],["t","420529196803051238"],["t","东湖村党支部"],["d","1996-06"]]},)"
      R"({"r":5,"c":[["t","向明"],["n","420581198612133000"],["t","东湖村党支部"],["d","2017-12-01"]]}]}]})";
  PickRoster(ui, "名册.xlsx", wb);
  // The first sheet is read: a note, no header.
  EXPECT_TRUE(ui.Has("文件：名册.xlsx")) << ui.Dump();
  EXPECT_TRUE(ui.Has("读取工作表：说明")) << ui.Dump();
  EXPECT_TRUE(ui.Has("文件被拒绝，未做任何改动：")) << ui.Dump();
  EXPECT_TRUE(ui.Has("表格中有2个有内容的工作表，可在上方选择要导入的一个。")) << ui.Dump();
  ASSERT_TRUE(ui.Click("import_sheet_choice"));
  ASSERT_TRUE(ui.ClickLast("花名册"));
  EXPECT_TRUE(ui.Has("读取工作表：花名册")) << ui.Dump();
  EXPECT_TRUE(ui.Has("表头：第3行")) << ui.Dump();
  for (const char* l : {"新增 1", "拒绝 1"}) EXPECT_TRUE(ui.Has(l)) << l << ": " << ui.Dump();
  EXPECT_TRUE(ui.Has("row 5: [身份证号码] 身份证号在表格中存为数字,末几位已丢失;请把该列设为文本后重新填写")) << ui.Dump();
  const size_t mark = ui.Audit().size();
  ui.ClickItem(ui.ScrollTo("确认导入（新增 1，更新 0）"));
  auto cmds = ui.AuditSince(mark);
  ASSERT_EQ(cmds.size(), 1u);
  EXPECT_EQ(cmds[0].command, "roster.import");
  EXPECT_EQ(cmds[0].args, (nlohmann::json{{"file", "名册.xlsx"}, {"imported", 1}, {"updated", 0}, {"refused", 1}, {"rows", 2}}));
  EXPECT_EQ(ui.data().org.members.size(), 121u);
  const Member& liu = ui.data().org.members.back();
  EXPECT_EQ(liu.name, "柳松");
  ASSERT_TRUE(liu.join_date);
  EXPECT_EQ(liu.join_date->ToString(), "1996-06");
}

TEST(UiOrganization, RefusedRosterChangesNothing) {
  Ui ui(kDesktop);
  const size_t mark = ui.Audit().size();
  PickRoster(ui, "broken.csv", "\xEF\xBB\xBF姓名,公民身份号码,所在党支部\n\"张三,420581198612133032,东湖村党支部\n");
  EXPECT_TRUE(ui.Has("文件被拒绝，未做任何改动：")) << ui.Dump();
  EXPECT_FALSE(ui.HasContaining("确认导入"));
  EXPECT_TRUE(ui.CommandsSince(mark).empty());
  EXPECT_EQ(ui.data().org.members.size(), 120u);
  ui.ClickItem(ui.ScrollTo("取消"));
}

TEST(UiOrganization, RosterImportOnAPhone) {
  Ui ui(kPhone);
  ImportGbkRoster(ui);
  // Nothing reaches past the right edge of the phone.
  for (const Item& it : ui.Items())
    if (it.w < 2000) {
      EXPECT_LE(it.x + it.w, 391.0f) << it.label;
    }
}

TEST(UiOrganization, ExportDownloadsTheMaskedRoster) {
  Ui ui(kDesktop);
  ui.Go(ui::Screen::Organization);
  ASSERT_TRUE(ui.Click("名册导入导出"));
  const size_t mark = ui.Audit().size();
  ui.ClickItem(ui.ScrollTo("导出名册（CSV）"));
  const auto* dl = platform::native::LastOutput("download");
  ASSERT_NE(dl, nullptr);
  EXPECT_EQ(dl->filename, "渔洋镇-名册-2026-03-25.csv");
  EXPECT_EQ(dl->mime, "text/csv;charset=utf-8");
  EXPECT_EQ(dl->bytes.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_TRUE(ui.CommandsSince(mark).empty()) << "an export changes nothing";
}

}  // namespace zj::uitest

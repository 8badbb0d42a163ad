// 开始本镇: from 概览's demo line to the guided start on 数据, a backup of the demo offered first, one confirmed step
// that leaves nothing of the demo behind (in the app and in the snapshot stored), and renaming the town.
#include <string>

#include "core/campaign/campaign.h"
#include "shell/platform_native.h"
#include "tests/ui/harness.h"

namespace zj::uitest {
namespace {
namespace native = platform::native;

TEST(TownStart, ReplacesTheDemoWithTheTownTyped) {
  Ui ui(kPhone);
  ASSERT_TRUE(ui.data().demo);
  const std::string demo_salt = ui.data().id_salt;
  const std::string demo_member = ui.data().org.members.front().name;
  ui.ClickItem(ui.ScrollTo("开始本镇…"));  // 概览's demo line (the short title on a phone)
  ui.ClickItem(ui.ScrollTo("town_name"));
  ui.Type("青山镇");
  ui.ClickItem(ui.ScrollTo("town_first_day"));
  ui.Type("2026-04-06");
  ui.ClickItem(ui.ScrollTo("town_structure"));
  ui.Type("一片/第一党总支/青山村党支部");
  ui.Key(ImGuiKey_Enter);
  ui.Type("机关党总支/镇财政所党支部");
  ui.Frame(2);
  EXPECT_TRUE(ui.Has("将建立：1个片区、2个总支、2个支部")) << ui.Dump();

  ui.ClickItem(ui.ScrollTo("先导出备份"));
  const native::OutFile* backup = native::LastOutput("download");
  ASSERT_NE(backup, nullptr);
  EXPECT_EQ(backup->filename.rfind("渔洋镇-备份-", 0), 0u) << backup->filename;
  EXPECT_NE(backup->bytes.find(demo_member), std::string::npos) << "the backup holds the demo as it was";

  // Photos and notes the demo's lectures and talks hold in the browser (痕迹) go with the demo.
  const std::string lecture = ui.data().campaign.lectures.front().meta.id;
  const std::string talk = ui.data().campaign.talks.front().meta.id;
  native::SetEvidenceListJson(R"([{"id":"ev1","parent_kind":"lecture","parent_id":")" + lecture +
                              R"(","kind":"photo"},{"id":"ev2","parent_kind":"talk","parent_id":")" + talk +
                              R"(","kind":"text"}])");
  ui.ClickItem(ui.ScrollTo("开始本镇"));
  EXPECT_TRUE(ui.data().demo) << "nothing replaced before 确定开始";
  EXPECT_TRUE(ui.HasContaining("照片和文字痕迹随当前数据一并清除")) << ui.Dump();
  ui.ClickItem(ui.ScrollTo("确定开始"));
  ui.Frame(3);
  const Dataset& d = ui.data();
  EXPECT_FALSE(d.demo);
  EXPECT_EQ(d.org.town_name, "青山镇");
  EXPECT_NE(d.id_salt, demo_salt) << "a demo bundle can never merge into it";
  EXPECT_EQ(d.org.areas.size(), 1u);
  EXPECT_EQ(d.org.general_branches.size(), 2u);
  ASSERT_EQ(d.org.branches.size(), 2u);
  EXPECT_EQ(d.org.branches[0].name, "青山村党支部");
  EXPECT_TRUE(d.org.members.empty());
  EXPECT_TRUE(d.org.cadres.empty());
  EXPECT_TRUE(d.points.entries.empty());
  EXPECT_TRUE(d.campaign.talks.empty());
  for (const Lecture& l : d.campaign.lectures) EXPECT_FALSE(l.held);
  EXPECT_EQ(FindActivity(d.campaign, ActivityKind::Mobilization)->start, *Date::FromYmd(2026, 4, 6));
  ui.ScrollTop();
  EXPECT_TRUE(ui.HasContaining("已开始青山镇：1个片区、2个总支、2个支部")) << ui.Dump();
  // Stored at once, as a new epoch holding nothing of the demo.
  ASSERT_FALSE(native::StoredSnapshots().empty());
  const std::string& stored = native::StoredSnapshots().back();
  EXPECT_NE(stored.find("青山镇"), std::string::npos);
  EXPECT_EQ(stored.find("渔洋镇"), std::string::npos);
  EXPECT_EQ(stored.find(demo_member), std::string::npos);
  std::vector<std::string> deleted;
  for (const native::Call& c : native::Calls())
    if (c.what == "EvidenceDelete") deleted.push_back(c.args.at(0));
  EXPECT_EQ(deleted, (std::vector<std::string>{"ev1", "ev2"}));
  // 概览 no longer offers to clear a demo.
  ui.Go(ui::Screen::Dashboard);
  EXPECT_FALSE(ui.Has("开始本镇…")) << ui.Dump();
}

TEST(TownStart, RefusedFormChangesNothing) {
  Ui ui(kDesktop);
  ui.Go(ui::Screen::Data);
  ui.ClickItem(ui.ScrollTo("开始本镇…"));
  ui.ClickItem(ui.ScrollTo("town_structure"));
  ui.Type("甲村党支部");
  ui.Key(ImGuiKey_Enter);
  ui.Type("甲村党支部");
  ui.Frame(2);
  EXPECT_TRUE(ui.Has("第2行：支部“甲村党支部”已在上面出现")) << ui.Dump();
  ui.ClickItem(ui.ScrollTo("开始本镇"));  // no name either
  EXPECT_TRUE(ui.Has("请填写本镇名称")) << ui.Dump();
  EXPECT_FALSE(ui.Has("确定开始"));
  EXPECT_TRUE(ui.data().demo);
  EXPECT_EQ(ui.data().org.town_name, "渔洋镇");
}

// ?demo=1 (web/storage.js keeps it in a storage space of its own): no town is started there; 打开本镇 leads to the
// town's space. A real town offers 试用示例镇, which opens the demo's space and leaves the town as it is.
TEST(TownStart, DemoSpaceSendsTheTownToItsOwnSpace) {
  Ui ui(kPhone);
  ui.app.demo_space = true;
  ui.Frame(2);
  EXPECT_FALSE(ui.Has("开始本镇…")) << ui.Dump();
  ui.ClickItem(ui.ScrollTo("打开本镇…"));  // 概览's demo line
  ASSERT_FALSE(native::Calls().empty());
  EXPECT_EQ(native::Calls().back().what, "OpenSpace");
  EXPECT_EQ(native::Calls().back().args, std::vector<std::string>{"town"});
  ui.Go(ui::Screen::Data);
  ui.Frame(2);
  EXPECT_TRUE(ui.HasContaining("这是试用的示例镇")) << ui.Dump();
  EXPECT_FALSE(ui.Has("开始本镇…")) << ui.Dump();
  EXPECT_TRUE(ui.data().demo);
}

TEST(TownStart, RealTownOffersTheDemoInItsOwnSpace) {
  Ui ui(kDesktop);
  ui.Go(ui::Screen::Data);
  EXPECT_FALSE(ui.Has("试用示例镇")) << "the demo is what this space holds now";
  ui.ClickItem(ui.ScrollTo("开始本镇…"));
  ui.ClickItem(ui.ScrollTo("town_name"));
  ui.Type("青山镇");
  ui.ClickItem(ui.ScrollTo("开始本镇"));
  ui.ClickItem(ui.ScrollTo("确定开始"));
  ui.Frame(3);
  ASSERT_FALSE(ui.data().demo);
  ui.ClickItem(ui.ScrollTo("试用示例镇"));
  EXPECT_EQ(native::Calls().back().what, "OpenSpace");
  EXPECT_EQ(native::Calls().back().args, std::vector<std::string>{"demo"});
  EXPECT_EQ(ui.data().org.town_name, "青山镇") << "the town stays as it is";
}

// A general branch typed without an area (机关党总支/镇财政所党支部, README's own example) stands at the top of
// 组织架构 with its branch, selectable like any other (it was missing from the tree, with its branches' members).
TEST(TownStart, GeneralBranchWithoutAnAreaShowsInTheTree) {
  Ui ui(kDesktop);
  ui.Go(ui::Screen::Data);
  ui.ClickItem(ui.ScrollTo("开始本镇…"));
  ui.ClickItem(ui.ScrollTo("town_name"));
  ui.Type("青山镇");
  ui.ClickItem(ui.ScrollTo("town_structure"));
  ui.Type("一片/第一党总支/青山村党支部");
  ui.Key(ImGuiKey_Enter);
  ui.Type("机关党总支/镇财政所党支部");
  ui.Frame(2);
  ui.ClickItem(ui.ScrollTo("开始本镇"));
  ui.ClickItem(ui.ScrollTo("确定开始"));
  ui.Frame(3);
  ASSERT_EQ(ui.data().org.general_branches.size(), 2u);
  ui.Go(ui::Screen::Organization);
  ASSERT_TRUE(ui.Click("组织架构"));
  ui.Frame(2);
  EXPECT_TRUE(ui.Has("机关党总支")) << ui.Dump();
  ASSERT_TRUE(ui.Click("镇财政所党支部")) << ui.Dump();
  ui.Frame(2);
  EXPECT_TRUE(ui.Has("branch_name")) << "the branch's editor opened";
}

TEST(TownStart, RenameIsUndoable) {
  Ui ui(kDesktop);
  ui.Go(ui::Screen::Data);
  ui.ClickItem(ui.ScrollTo("town_rename"));
  ui.Retype("渔洋乡");
  const size_t mark = ui.Audit().size();
  ui.ClickItem(ui.ScrollTo("改名"));
  EXPECT_EQ(ui.CommandsSince(mark), std::vector<std::string>{"org.town_name"});
  EXPECT_EQ(ui.data().org.town_name, "渔洋乡");
}

}  // namespace
}  // namespace zj::uitest

// The liaison hand-off on the 数据 screen, headless: a bundle whose record was changed on both sides is previewed
// with the conflict field by field, and the person's choice (the bundle's name, this device's phone) is what the
// "bundle.import" command applies; a bundle export moves the hand-off marker only once the file is made, and the
// last bundle can be made again.
#include "core/exchange/bundle.h"
#include "tests/ui/harness.h"

namespace zj::uitest {
namespace {

TEST(HandoffUi, ConflictResolvedFieldByField) {
  Ui ui(kDesktop);
  // The liaison's phone holds the same town (same records, same revisions), on another device.
  Workspace liaison(ui.data(), 99, "1111222233334444");
  const Member m0 = ui.data().org.members[0];
  const Member m1 = ui.data().org.members[1];
  const TimestampMs now = platform::NowMs();
  ASSERT_TRUE(liaison.Apply(Command{"member.update", {{"id", m0.meta.id}, {"name", "联络员改名"}, {"phone", "13900000001"}}}, now).ok);
  ASSERT_TRUE(liaison.Apply(Command{"member.update", {{"id", m1.meta.id}, {"name", "联络员改二"}}}, now).ok);
  // The office changed the first member's name and phone too, after they parted: a conflict on both fields.
  ASSERT_TRUE(ui.app.Apply(Command{"member.update", {{"id", m0.meta.id}, {"name", "组织办改名"}, {"phone", "13900000002"}}}).ok);
  Bundle b = MakeBundle(liaison.data(), liaison.device(), std::nullopt, now + 1000);
  ASSERT_EQ(b.records.size(), 2u);

  ui.Go(ui::Screen::Data);
  platform::native::QueuePickedFile("渔洋镇-材料包.json", BundleToJson(b));
  ui.ClickItem(ui.ScrollTo("导入材料包…"));
  ui.Frame(3);
  ASSERT_TRUE(ui.Has("全部保留本机版本")) << ui.Dump();
  EXPECT_TRUE(ui.HasContaining("新增 0 · 更新 1 · 删除 0 · 冲突 1")) << ui.Dump();
  // The record is named by what it is, not by its id.
  EXPECT_TRUE(ui.Has("1. 联络员改名（东湖村党支部）")) << ui.Dump();
  // The name from the bundle, the phone from this device.
  ui.ClickItem(ui.ScrollTo("材料包: 联络员改名"));
  ui.Frame(2);
  const size_t mark = ui.Audit().size();
  ui.ClickItem(ui.ScrollTo("确认导入"));
  ui.Frame(3);
  const auto cmds = ui.AuditSince(mark);
  ASSERT_EQ(cmds.size(), 1u) << ui.Dump();
  EXPECT_EQ(cmds[0].command, "bundle.import");
  const Member* a = nullptr;
  const Member* c = nullptr;
  for (const Member& m : ui.data().org.members) {
    if (m.meta.id == m0.meta.id) a = &m;
    if (m.meta.id == m1.meta.id) c = &m;
  }
  ASSERT_TRUE(a && c);
  EXPECT_EQ(a->name, "联络员改名");
  EXPECT_EQ(a->phone, "13900000002");
  EXPECT_EQ(c->name, "联络员改二");
}

TEST(HandoffUi, MarkerMovesWhenTheFileIsMadeAndTheLastBundleCanBeMadeAgain) {
  Ui ui(kDesktop);
  ui.Go(ui::Screen::Data);
  EXPECT_FALSE(ui.Has("再次导出上次的材料包"));
  ASSERT_TRUE(ui.app.Apply(Command{"member.update", {{"id", ui.data().org.members[0].meta.id}, {"name", "交接之人"}}}).ok);
  ui.ClickItem(ui.ScrollTo("导出材料包"));
  ui.Frame(2);
  const platform::native::OutFile* first = platform::native::LastOutput("share");
  ASSERT_TRUE(first);
  const std::string first_text = first->bytes;
  EXPECT_NE(first_text.find("交接之人"), std::string::npos);
  EXPECT_FALSE(platform::native::Settings()["handoff_ms"].empty());
  // Nothing new since: a second export says so and makes no file.
  const size_t outputs = platform::native::Outputs().size();
  ui.ClickItem(ui.ScrollTo("导出材料包"));
  ui.Frame(2);
  EXPECT_EQ(platform::native::Outputs().size(), outputs);
  EXPECT_TRUE(ui.HasContaining("本机没有新记录")) << ui.Dump();
  // The file was lost on the way: made again, with the same records.
  ui.ClickItem(ui.ScrollTo("再次导出上次的材料包"));
  ui.Frame(2);
  ASSERT_EQ(platform::native::Outputs().size(), outputs + 1);
  const Bundle again = ReadBundle(platform::native::LastOutput("share")->bytes).bundle;
  const Bundle before = ReadBundle(first_text).bundle;
  ASSERT_EQ(again.records.size(), before.records.size());
  for (size_t i = 0; i < again.records.size(); ++i) EXPECT_EQ(again.records[i].record, before.records[i].record);
}

}  // namespace
}  // namespace zj::uitest

namespace zj::uitest {
namespace {

TEST(HandoffUi, KitForOneLiaisonOpensOnThePhoneAndSaysWhose) {
  std::string kit_text, kit_name;
  Id branch;
  {
    Ui office(kDesktop);
    office.Go(ui::Screen::Data);
    branch = office.data().org.branches[0].meta.id;
    const std::string branch_name = office.data().org.branches[0].name;
    office.ClickItem(office.ScrollTo("kit_liaison"));
    office.Retype("王联络");
    office.ClickItem(office.ScrollTo("材料:" + branch_name));
    office.ClickItem(office.ScrollTo("导出联络员材料"));
    office.Frame(2);
    const platform::native::OutFile* f = platform::native::LastOutput("download");
    ASSERT_TRUE(f) << office.Dump();
    kit_name = f->filename;
    kit_text = f->bytes;
    EXPECT_NE(kit_name.find("联络员材料-王联络"), std::string::npos) << kit_name;
    EXPECT_TRUE(office.HasContaining("已导出 " + kit_name)) << office.Dump();
  }
  const LoadResult kit = LoadDataset(kit_text);
  ASSERT_TRUE(kit.ok);
  ASSERT_TRUE(kit.dataset.kit.has_value());
  EXPECT_EQ(kit.dataset.kit->liaison, "王联络");
  ASSERT_EQ(kit.dataset.kit->branch_ids, std::vector<Id>{branch});
  EXPECT_EQ(kit.dataset.org.branches.size(), 1u);

  Ui phone(kPhone);
  phone.Go(ui::Screen::Data);
  platform::native::QueuePickedFile(kit_name, kit_text);
  phone.ClickItem(phone.ScrollTo("导入备份…"));
  phone.Frame(3);
  EXPECT_TRUE(phone.HasContaining("联络员材料:王联络")) << phone.Dump();
  phone.ClickItem(phone.ScrollTo("确认导入"));
  phone.Frame(3);
  ASSERT_TRUE(phone.data().kit.has_value());
  EXPECT_TRUE(phone.HasContaining("本机是联络员材料:王联络")) << phone.Dump();
  EXPECT_FALSE(phone.Has("导出联络员材料")) << "a liaison's phone makes no kits";
}

}  // namespace
}  // namespace zj::uitest

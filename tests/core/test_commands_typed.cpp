// Typed commands (core/data/command.h): every command of the table refuses an argument it does not know, naming
// the key, and changes nothing; a missing required argument is refused the same way; the struct and its JSON
// form convert both ways.
#include <gtest/gtest.h>

#include "core/data/collections.h"
#include "core/data/command_table.h"
#include "core/demo/demo.h"

namespace zj {
namespace {

constexpr TimestampMs kT = 1521763200000;

template <class C>
void RefusesAnUnknownKey(Workspace& ws) {
  const std::string before = SaveDataset(ws.data());
  C c{};
  Command cmd = ToCommand(c);
  cmd.args["nmae"] = "张三";
  const ApplyResult r = ws.Apply(cmd, kT);
  EXPECT_FALSE(r.ok) << C::kName;
  EXPECT_EQ(r.problem.path, "/nmae") << C::kName << ": " << r.problem.message_zh;
  EXPECT_NE(r.problem.message_zh.find("nmae"), std::string::npos) << C::kName;
  EXPECT_NE(r.problem.message_zh.find(C::kName), std::string::npos) << C::kName;
  EXPECT_EQ(SaveDataset(ws.data()), before) << C::kName;
}

TEST(TypedCommands, EveryCommandRefusesAnUnknownKeyByName) {
  Workspace ws(MakeDemoDataset(2018, 2018), 3, "0123456789abcdef");
#define ZJ_CHECK(C) RefusesAnUnknownKey<C>(ws);
  ZJ_COMMANDS(ZJ_CHECK)
#undef ZJ_CHECK
  EXPECT_FALSE(ws.CanUndo());
}

TEST(TypedCommands, TheReportedTypoChangesNothing) {
  // {"member.update", {"id": …, "nmae": "张三"}} used to return ok, add an undo step and change nothing.
  Workspace ws(MakeDemoDataset(2018, 2018), 3, "0123456789abcdef");
  const Id id = ws.data().org.members[0].meta.id;
  const ApplyResult r = ws.Apply({"member.update", {{"id", id}, {"nmae", "张三"}}}, kT);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.problem.message_zh, "未知的参数“nmae”（member.update），操作未执行");
  EXPECT_FALSE(ws.CanUndo());
  EXPECT_EQ(ws.revision(), 0u);
  // A required key missing, a value of the wrong type: refused by name too.
  EXPECT_EQ(ws.Apply({"member.update", {{"name", "张三"}}}, kT).problem.path, "/id");
  EXPECT_EQ(ws.Apply({"member.update", {{"id", id}, {"representative", "yes"}}}, kT).problem.path, "/representative");
}

// A key misspelt by a screen or a script, one per domain: refused by name, nothing changed, no undo step; the same
// command spelt right is accepted (so it is the typo that is refused).
struct TypoCase {
  Command typo, right;
  std::string key;
};

void ExpectTypoRefused(const TypoCase& t) {
  Workspace ws(MakeDemoDataset(2018, 2018), 3, "0123456789abcdef");
  const std::string before = SaveDataset(ws.data());
  const ApplyResult r = ws.Apply(t.typo, kT);
  EXPECT_FALSE(r.ok) << t.typo.name;
  EXPECT_EQ(r.problem.path, "/" + t.key) << t.typo.name;
  EXPECT_EQ(r.problem.message_zh, "未知的参数“" + t.key + "”（" + t.typo.name + "），操作未执行");
  EXPECT_EQ(SaveDataset(ws.data()), before) << t.typo.name;
  EXPECT_FALSE(ws.CanUndo()) << t.typo.name;
  EXPECT_FALSE(ws.HasDirty()) << t.typo.name;
  const ApplyResult ok = ws.Apply(t.right, kT);
  EXPECT_TRUE(ok.ok) << t.right.name << ": " << ok.problem.message_zh;
  EXPECT_FALSE(ok.unchanged) << t.right.name;
}

TEST(TypedCommands, OrgTypoChangesNothing) {
  const Dataset d = MakeDemoDataset(2018, 2018);
  const Id area = d.org.areas[0].meta.id;
  ExpectTypoRefused({{"area.update", {{"id", area}, {"nmae", "三片"}}}, {"area.update", {{"id", area}, {"name", "三片"}}}, "nmae"});
  const Member& m = d.org.members[3];
  const char* other = m.status == MemberStatus::Full ? "probationary" : "full";
  ExpectTypoRefused({{"member.set_status", {{"id", m.meta.id}, {"stauts", other}}},
                     {"member.set_status", {{"id", m.meta.id}, {"status", other}}}, "stauts"});
}

TEST(TypedCommands, RateTypoChangesNothing) {
  const Dataset d = MakeDemoDataset(2018, 2018);
  const Id member = d.org.members[0].meta.id, item = d.points.catalogue.items[0].meta.id;
  ExpectTypoRefused({{"points.record", {{"memberid", member}, {"item_id", item}, {"date", "2018-05-02"}}},
                     {"points.record", {{"member_id", member}, {"item_id", item}, {"date", "2018-05-02"}}}, "memberid"});
  const Id branch = d.org.branches[0].meta.id;
  ExpectTypoRefused({{"assessment.set", {{"branch_id", branch}, {"year", 2018}, {"target", 88}}},
                     {"assessment.set", {{"branch_id", branch}, {"year", 2018}, {"target_score", 88}}}, "target"});
}

TEST(TypedCommands, CatalogueTypoChangesNothing) {
  const Dataset d = MakeDemoDataset(2018, 2018);
  const Id item = d.points.catalogue.items[0].meta.id;
  ExpectTypoRefused({{"catalogue.item.update", {{"id", item}, {"name", "学习强国"}}},
                     {"catalogue.item.update", {{"id", item}, {"name_zh", "学习强国"}}}, "name"});
}

TEST(TypedCommands, CampaignTypoChangesNothing) {
  const Dataset d = MakeDemoDataset(2018, 2018);
  const Id lecture = d.campaign.lectures[1].meta.id, member = d.org.members[5].meta.id;
  ExpectTypoRefused({{"lecture.attend", {{"id", lecture}, {"person", member}, {"present", true}}},
                     {"lecture.attend", {{"id", lecture}, {"person_id", member}, {"present", true}}}, "person"});
  const Id activity = d.campaign.activities[0].meta.id;
  ExpectTypoRefused({{"activity.set_status", {{"id", activity}, {"done", true}, {"day", "2018-03-23"}}},
                     {"activity.set_status", {{"id", activity}, {"done", true}, {"date", "2018-03-23"}}}, "day"});
}

TEST(TypedCommands, ValuesTypedOnAFormKeepTheScreensWords) {
  // What the user typed goes to the command as text; a bad value is refused with the words the screen always
  // showed for that field (Say), not the reader's generic "must be an integer".
  Workspace ws(MakeDemoDataset(2018, 2018), 3, "0123456789abcdef");
  const Dataset& d = ws.data();
  const ApplyResult rank =
      ws.Apply({"branch.update", {{"id", d.org.branches[0].meta.id}, {"last_year_target_rank", "第三"}}}, kT);
  EXPECT_EQ(rank.problem.path, "/last_year_target_rank");
  EXPECT_EQ(rank.problem.message_zh, "上年考核排名应为正整数");
  const ApplyResult points = ws.Apply({"points.record", {{"member_id", d.org.members[0].meta.id},
                                                         {"item_id", d.points.catalogue.items[0].meta.id},
                                                         {"date", "2018-05-02"}, {"points", "两分"}}}, kT);
  EXPECT_EQ(points.problem.path, "/points");
  EXPECT_EQ(points.problem.message_zh, "分值应为数字，最多一位小数（如 2 或 0.5）");
  const ApplyResult day = ws.Apply({"exemption.add", {{"member_id", d.org.members[0].meta.id}, {"year", 2018},
                                                      {"reason", "长期外出务工"}, {"approved_on", "2018-02-30"}}}, kT);
  EXPECT_EQ(day.problem.path, "/approved_on");
  EXPECT_EQ(day.problem.message_zh, "日期格式应为 YYYY-MM-DD");
  EXPECT_FALSE(ws.CanUndo());
}

TEST(TypedCommands, RecordingABranchTouchesOnlyItsNewEntries) {
  // points.record_many for one branch: the change (undo step, journal entry) names the new entries only.
  Workspace ws(MakeDemoDataset(2018, 2018), 3, "0123456789abcdef");
  const Dataset& d = ws.data();
  const size_t entries = d.points.entries.size();
  nlohmann::json ids = nlohmann::json::array();
  for (const Member& m : d.org.members)
    if (m.branch_id == d.org.branches[0].meta.id) ids.push_back(m.meta.id);
  ASSERT_EQ(ids.size(), 15u);  // DemoOptions: 15 members a branch
  const Id item = d.points.catalogue.items[0].meta.id;
  ASSERT_TRUE(ws.Apply({"points.record_many", {{"member_ids", ids}, {"item_id", item}, {"date", "2018-05-02"}}}, kT).ok);
  EXPECT_EQ(ws.data().points.entries.size(), entries + 15);
  const Dirty dirty = ws.TakeDirty();
  EXPECT_EQ(dirty.records.size(), 15u);
  for (const auto& [coll, id] : dirty.records) EXPECT_EQ(coll, static_cast<int>(Coll::PointEntries));
  EXPECT_TRUE(dirty.settings.empty());
}

TEST(TypedCommands, StructAndJsonConvertBothWays) {
  MemberUpdate u;
  u.id = "00000000000000aa";
  u.name = "李四";
  u.birth_date = std::optional<DateOrMonth>();  // null: cleared
  const Command c = ToCommand(u);
  EXPECT_EQ(c.name, "member.update");
  EXPECT_EQ(c.args, nlohmann::json({{"id", "00000000000000aa"}, {"name", "李四"}, {"birth_date", nullptr}}));
  MemberUpdate back;
  ASSERT_FALSE(FromArgs(c.args, back));
  EXPECT_EQ(back.id, u.id);
  EXPECT_EQ(back.name, u.name);
  ASSERT_TRUE(back.birth_date.has_value());
  EXPECT_FALSE(back.birth_date->has_value());
  EXPECT_FALSE(back.phone.has_value());
}

}  // namespace
}  // namespace zj

namespace zj {
namespace {

// 入党日期 known only to the month (rosters export it so): member.update keeps it a month, refuses one before
// the birth month, and the dataset stores it as YYYY-MM.
TEST(TypedCommands, MemberJoinDateMayBeAMonth) {
  Workspace ws(MakeDemoDataset(2018, 2018), 3, "0123456789abcdef");
  const Member& m0 = ws.data().org.members[0];
  const Id id = m0.meta.id;
  ASSERT_TRUE(m0.birth_date.has_value());
  const int by = m0.birth_date->Year();
  const std::string month = std::to_string(by + 25) + "-06";
  ASSERT_TRUE(ws.Apply({"member.update", {{"id", id}, {"join_date", month}}}, kT).ok);
  const Member& m = ws.data().org.members[0];
  ASSERT_TRUE(m.join_date.has_value());
  EXPECT_TRUE(m.join_date->month_only);
  EXPECT_EQ(m.join_date->ToString(), month);
  EXPECT_NE(SaveDataset(ws.data()).find("\"join_date\":\"" + month + "\""), std::string::npos);
  const ApplyResult before_birth = ws.Apply({"member.update", {{"id", id}, {"join_date", std::to_string(by - 1) + "-12"}}}, kT);
  EXPECT_FALSE(before_birth.ok);
  EXPECT_EQ(before_birth.problem.path, "/join_date");
  EXPECT_EQ(ws.data().org.members[0].join_date->ToString(), month);  // unchanged
  const ApplyResult bad = ws.Apply({"member.update", {{"id", id}, {"join_date", "1996-6"}}}, kT);
  EXPECT_FALSE(bad.ok);
  EXPECT_EQ(bad.problem.path, "/join_date");
  EXPECT_TRUE(ws.Undo(kT));
  EXPECT_FALSE(ws.data().org.members[0].join_date->month_only);  // back to the demo's day
}

}  // namespace
}  // namespace zj

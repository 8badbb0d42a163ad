// The dataset as one JSON document: round trip, refusals, every problem with its path, migration
// from the first version (tests/fixtures/dataset-v1.json).
#include <gtest/gtest.h>

#include "core/data/records.h"

#include <algorithm>

#include "core/data/dataset.h"
#include "core/demo/demo.h"
#include "core/rate/stars.h"
#include "tests/core/test_helpers_org.h"

namespace zj {
namespace {
using nlohmann::json;

bool HasProblem(const LoadResult& r, const std::string& path, const std::string& zh_part = {}) {
  return std::any_of(r.problems.begin(), r.problems.end(), [&](const Problem& p) {
    return p.path == path && p.message_zh.find(zh_part) != std::string::npos && !p.message_en.empty();
  });
}
std::string Dump(const LoadResult& r) {
  std::string s;
  for (const Problem& p : r.problems) s += p.path + ": " + p.message_zh + "\n";
  return s;
}

TEST(Dataset, DemoRoundTripsExactly) {
  const Dataset demo = MakeDemoDataset(2018);
  const std::string text = SaveDataset(demo);
  LoadResult r = LoadDataset(text);
  ASSERT_TRUE(r.ok) << Dump(r);
  EXPECT_FALSE(r.refused);
  EXPECT_EQ(r.source_version, 3);
  EXPECT_TRUE(r.dataset.demo);
  EXPECT_EQ(r.dataset.org.members.size(), demo.org.members.size());
  EXPECT_EQ(r.dataset.points.entries.size(), demo.points.entries.size());
  EXPECT_EQ(SaveDataset(r.dataset), text);
  const json j = json::parse(text);
  EXPECT_EQ(j["schema_version"], 3);
  EXPECT_TRUE(j["org"]["members"][0].contains("created"));
  EXPECT_EQ(j["org"]["members"][0]["device"], "demo");
}

TEST(Dataset, RefusesWhatItCannotRead) {
  struct Case { const char* text; const char* path; const char* zh; };
  const Case cases[] = {
      {"", "", "文档为空"},
      {"  \n ", "", "文档为空"},
      {"{\"schema_version\": 2,", "", "不是有效的JSON"},
      {"[1,2]", "", "应为JSON对象"},
      {"null", "", "应为JSON对象"},
      {"{}", "/schema_version", "缺少schema_version"},
      {"{\"schema_version\": \"2\"}", "/schema_version", "应为整数"},
      {"{\"schema_version\": 4, \"org\": {}}", "/schema_version", "更新版本"},
      {"{\"schema_version\": 0}", "/schema_version", "无效的数据版本"},
  };
  for (const Case& c : cases) {
    LoadResult r = LoadDataset(c.text);
    EXPECT_FALSE(r.ok) << c.text;
    EXPECT_TRUE(r.refused) << c.text;
    ASSERT_EQ(r.problems.size(), 1u) << c.text;
    EXPECT_EQ(r.problems[0].path, c.path) << c.text;
    EXPECT_NE(r.problems[0].message_zh.find(c.zh), std::string::npos) << r.problems[0].message_zh;
    EXPECT_FALSE(r.problems[0].message_en.empty());
  }
  EXPECT_NE(LoadDataset("{\"schema_version\": 4}").problems[0].message_en.find("newer"), std::string::npos);
}

TEST(Dataset, ReportsEveryProblemWithItsPath) {
  const Dataset demo = MakeDemoDataset(2018);
  json j = json::parse(SaveDataset(demo));
  // Point entries one object each (as schema 2 stored them, still read), so single fields can be spoiled.
  json entries = json::array();
  for (const PointEntry& e : demo.points.entries) entries.push_back(ToJson(e));
  j["points"]["entries"] = entries;
  j["org"]["members"][3]["birth_date"] = "1968-02-30";
  j["org"]["members"][4]["branch_id"] = "ffffffffffffffff";
  j["org"]["members"][5]["id"] = j["org"]["members"][6]["id"];
  j["org"]["members"][7]["id_masked"] = "420581198612133032";
  j["org"]["members"][8]["posts"] = {"secretary", "mayor"};
  j["org"]["members"][9].erase("id");
  j["org"]["branches"][1]["kind"] = "farm";
  j["points"]["entries"][5]["points"] = 0.25;
  j["points"]["entries"][6]["item_id"] = "0000000000000000";
  j["points"]["entries"][7]["date"] = 20180301;
  j["member_stars"]["thresholds"]["two"] = 95;
  j["branch_rating"]["weights"]["rubric"] = -1;
  j["org"]["cadres"][0]["created"] = "yesterday";
  j.erase("campaign");
  LoadResult r = LoadDataset(j.dump());
  EXPECT_FALSE(r.ok);
  EXPECT_FALSE(r.refused);
  EXPECT_TRUE(HasProblem(r, "/org/members/3/birth_date", "日期无效")) << Dump(r);
  EXPECT_TRUE(HasProblem(r, "/org/members/4/branch_id", "引用的党支部不存在")) << Dump(r);
  EXPECT_TRUE(HasProblem(r, "/org/members/6/id", "编号重复(与/org/members/5相同)")) << Dump(r);
  EXPECT_TRUE(HasProblem(r, "/org/members/7/id_masked", "不得保存明文")) << Dump(r);
  EXPECT_TRUE(HasProblem(r, "/org/members/8/posts/1", "未知取值: mayor")) << Dump(r);
  EXPECT_TRUE(HasProblem(r, "/org/members/9/id", "缺少记录编号")) << Dump(r);
  EXPECT_TRUE(HasProblem(r, "/org/branches/1/kind", "未知取值: farm")) << Dump(r);
  EXPECT_TRUE(HasProblem(r, "/points/entries/5/points", "最多一位小数")) << Dump(r);
  EXPECT_TRUE(HasProblem(r, "/points/entries/6/item_id", "引用的积分项目不存在")) << Dump(r);
  EXPECT_TRUE(HasProblem(r, "/points/entries/7/date", "类型错误")) << Dump(r);
  EXPECT_TRUE(HasProblem(r, "/member_stars/thresholds", "星级分数线无效")) << Dump(r);
  EXPECT_TRUE(HasProblem(r, "/branch_rating/weights", "权重无效")) << Dump(r);
  EXPECT_TRUE(HasProblem(r, "/org/cadres/0/created", "时间无效")) << Dump(r);
  EXPECT_TRUE(HasProblem(r, "/campaign", "缺少活动安排")) << Dump(r);
  // What could be read is there: the member without an id was skipped, bad thresholds fell back to 90/80/60.
  EXPECT_EQ(r.dataset.org.members.size(), MakeDemoDataset(2018).org.members.size() - 1);
  EXPECT_EQ(r.dataset.member_stars.thresholds.two, 800);
}

TEST(Dataset, MigratesVersion1Fixture) {
  const std::string text = testing_org::Fixture("dataset-v1.json");
  ASSERT_FALSE(text.empty());
  LoadResult r = LoadDataset(text);
  ASSERT_TRUE(r.ok) << Dump(r);
  EXPECT_EQ(r.source_version, 1);
  const Dataset& d = r.dataset;
  EXPECT_EQ(d.schema_version, 3);
  EXPECT_EQ(d.org.town_name, "渔洋镇");
  EXPECT_EQ(d.device_id, "office-pc");
  EXPECT_EQ(d.id_salt, "5a1f00d5e3a94c27b61c0f9e8d7a6b5c");
  ASSERT_EQ(d.org.branches.size(), 3u);
  EXPECT_EQ(d.org.branches[0].kind, BranchKind::Village);
  EXPECT_EQ(d.org.branches[1].kind, BranchKind::Community);
  EXPECT_EQ(d.org.branches[2].kind, BranchKind::TownUnit);
  EXPECT_EQ(d.org.branches[0].last_year_target_rank, 7);
  EXPECT_EQ(d.org.branches[2].last_year_target_rank, std::nullopt);
  ASSERT_EQ(d.org.members.size(), 4u);
  const Member& xm = d.org.members[0];
  EXPECT_EQ(xm.meta.id, "m000000000000001");  // ids kept
  EXPECT_EQ(FormatTimestamp(xm.meta.created), "2018-03-20T08:00:00.000Z");
  EXPECT_EQ(xm.meta.device, "office-pc");
  EXPECT_EQ(xm.posts, (std::vector<Post>{Post::Secretary, Post::VillageDirector}));  // "书记、村委主任"
  EXPECT_EQ(xm.ethnicity, "汉族");
  EXPECT_EQ(xm.birth_date->ToString(), "1986-12-13");
  EXPECT_EQ(d.org.members[1].posts, std::vector<Post>{Post::DeputySecretary});
  EXPECT_EQ(d.org.members[1].other_posts, "妇女主任");
  EXPECT_TRUE(d.org.members[1].representative);
  EXPECT_TRUE(d.org.members[2].reserve_cadre);
  EXPECT_EQ(d.org.members[3].status, MemberStatus::Probationary);
  ASSERT_EQ(d.org.cadres.size(), 4u);
  EXPECT_EQ(d.org.cadres[1].roles, (std::vector<CadreRole>{CadreRole::CommitteeMember, CadreRole::AreaChief}));
  EXPECT_EQ(d.org.cadres[3].linked_branch_ids, std::vector<Id>{"b000000000000001"});
  ASSERT_EQ(d.points.catalogue.items.size(), 3u);
  EXPECT_FALSE(d.points.catalogue.example);
  EXPECT_EQ(d.points.catalogue.items[1].points, 5);  // 0.5
  EXPECT_EQ(d.points.catalogue.items[1].yearly_cap, std::nullopt);
  EXPECT_EQ(d.points.catalogue.items[2].category, PointCategory::Deduction);
  EXPECT_EQ(d.points.entries.size(), 360u);
  ASSERT_EQ(d.member_stars.exemptions.size(), 1u);
  EXPECT_EQ(d.member_stars.exemptions[0].year, 2018);
  EXPECT_EQ(d.member_stars.exemptions[0].approved_on.ToString(), "2018-03-01");
  EXPECT_EQ(d.member_stars.exemptions[0].meta.id.size(), 16u);
  EXPECT_TRUE(d.branch_rating.rubric.example);
  EXPECT_EQ(d.campaign.year, 2018);
  // Stars from the migrated points, computed by hand in the fixture's generator:
  // 向明 20x2 capped at 30 + 119x0.5 = 89.5 -> two; 夏杰 15x2 + 69x0.5 - 5 = 59.5 -> none, possibly unqualified;
  // 夏华海 15x2 + 120x0.5 = 90 -> three (his 2017 entry does not count); 向敏强 exempted.
  const MemberRatingResult s = RateMembers(d.org, d.points, d.member_stars, 2018);
  ASSERT_EQ(s.rated.size(), 3u);
  EXPECT_EQ(s.rated[0].total, 895);
  EXPECT_EQ(s.rated[0].stars, 2);
  EXPECT_EQ(s.rated[1].total, 595);
  EXPECT_EQ(s.rated[1].stars, 0);
  EXPECT_TRUE(s.rated[1].possibly_unqualified);
  EXPECT_EQ(s.rated[2].total, 900);
  EXPECT_EQ(s.rated[2].stars, 3);
  ASSERT_EQ(s.exempted.size(), 1u);
  EXPECT_EQ(d.org.members[static_cast<size_t>(s.exempted[0].member_index)].name, "向敏强");
  // Migration is deterministic, and the migrated dataset saves as version 2 and loads cleanly.
  EXPECT_EQ(SaveDataset(LoadDataset(text).dataset), SaveDataset(d));
  LoadResult again = LoadDataset(SaveDataset(d));
  EXPECT_TRUE(again.ok) << Dump(again);
  EXPECT_EQ(again.source_version, 3);
}

TEST(Dataset, Version1ProblemsCarryVersion1Paths) {
  json j = json::parse(testing_org::Fixture("dataset-v1.json"));
  j["branches"][1]["type"] = "街道";
  j["point_items"][0]["category"] = "加分";
  j["cadres"][0]["roles"] = {"镇长"};
  LoadResult r = LoadDataset(j.dump());
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(HasProblem(r, "/branches/1/type", "未知的支部类型")) << Dump(r);
  EXPECT_TRUE(HasProblem(r, "/point_items/0/category", "未知的积分类别")) << Dump(r);
  EXPECT_TRUE(HasProblem(r, "/cadres/0/roles/0", "未知的干部角色")) << Dump(r);
}

TEST(Dataset, NewDatasetIsMarkedAsExample) {
  IdGenerator ids(1);
  const Dataset d = NewDataset("某镇", 2019, ids, 0, "pc");
  EXPECT_FALSE(d.demo);
  EXPECT_EQ(d.id_salt.size(), 32u);
  EXPECT_TRUE(d.points.catalogue.example);
  EXPECT_NE(d.points.catalogue.name.find("示例"), std::string::npos);
  EXPECT_TRUE(d.branch_rating.rubric.example);
  EXPECT_TRUE(d.branch_rating.weights.example);
  Tenths max = 0;
  for (const RubricItem& it : d.branch_rating.rubric.items) max += it.max_points;
  EXPECT_EQ(max, 1000);
  EXPECT_EQ(d.campaign.year, 2019);
  LoadResult r = LoadDataset(SaveDataset(d));
  EXPECT_TRUE(r.ok) << Dump(r);
}

}  // namespace
}  // namespace zj

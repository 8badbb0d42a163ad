// Commands that edit the points catalogue (积分项目) and the branch assessment rubric (考核细则),
// core/rate/commands_catalogue.cpp: each command's effect, its refusals (nothing changes), the example flag,
// and the totals computed with an added item (values by hand).
#include <gtest/gtest.h>

#include "core/rate/branch_rating.h"
#include "core/data/workspace.h"
#include "tests/core/test_helpers_org.h"

namespace zj {
namespace {
using json = nlohmann::json;
using testing_org::kNow;
using testing_org::TestdataTown;

struct Ws {
  Workspace ws;
  explicit Ws(Dataset d) : ws(std::move(d), 42, "test") {}
  ApplyResult Do(const std::string& name, json args) { return ws.Apply({name, std::move(args)}, kNow); }
  const Dataset& d() const { return ws.data(); }
  /// Applies a command that must be refused and checks nothing changed; returns the problem.
  Problem Refused(const std::string& name, json args) {
    const std::string before = SaveDataset(ws.data());
    const uint64_t rev = ws.revision();
    ApplyResult r = Do(name, std::move(args));
    EXPECT_FALSE(r.ok) << name;
    EXPECT_FALSE(r.problem.message_zh.empty()) << name;
    EXPECT_FALSE(r.problem.message_en.empty()) << name;
    EXPECT_EQ(SaveDataset(ws.data()), before) << name;
    EXPECT_EQ(ws.revision(), rev) << name;
    return r.problem;
  }
  const PointItem* Item(const Id& id) const {
    for (const PointItem& it : d().points.catalogue.items)
      if (it.meta.id == id) return &it;
    return nullptr;
  }
  const RubricItem* Rubric(const Id& id) const {
    for (const RubricItem& it : d().branch_rating.rubric.items)
      if (it.meta.id == id) return &it;
    return nullptr;
  }
};

Ws Town() {
  IdGenerator ids(1);
  return Ws(TestdataTown(ids));
}

TEST(CatalogueCommands, AddItemClearsExampleAndCountsWithItsCap) {
  Ws w = Town();
  ASSERT_TRUE(w.d().points.catalogue.example);
  ASSERT_EQ(w.d().points.catalogue.items.size(), 13u);  // the example: B01-B06, R01-R04, D01-D03
  ApplyResult r = w.Do("catalogue.item.add", {{"category", "merit"}, {"name_zh", "  参加防汛抢险  "}, {"points", 3},
                                               {"yearly_cap", "9"}, {"evidence_required", true}});
  ASSERT_TRUE(r.ok) << r.problem.message_zh;
  const PointItem* it = w.Item(r.created_id);
  ASSERT_NE(it, nullptr);
  EXPECT_EQ(it->code, "R05");  // next free merit code after R01-R04
  EXPECT_EQ(it->name_zh, "参加防汛抢险");
  EXPECT_EQ(it->category, PointCategory::Merit);
  EXPECT_EQ(it->points, 30);
  EXPECT_EQ(it->yearly_cap, std::optional<Tenths>(90));
  EXPECT_TRUE(it->evidence_required);
  EXPECT_FALSE(w.d().points.catalogue.example);
  EXPECT_EQ(w.d().points.catalogue.name, "党员积分制管理手册");

  // Four entries of +3 with a cap of 9: the year counts 9 (3 + 3 + 3, the fourth capped), uncapped 12.
  const Id b = w.d().org.branches[0].meta.id;
  const Id m = w.Do("member.add", {{"name", "赵一"}, {"branch_id", b}}).created_id;
  for (const char* day : {"2018-04-01", "2018-05-01", "2018-06-01", "2018-07-01"})
    ASSERT_TRUE(w.Do("points.record", {{"member_id", m}, {"item_id", r.created_id}, {"date", day}}).ok);
  const YearTotals t = ComputeYearTotals(w.d().org, w.d().points, 2018);
  EXPECT_EQ(t.members.back().total, 90);
  EXPECT_EQ(t.members.back().uncapped, 120);
  EXPECT_EQ(t.members.back().missing_evidence, 4);

  // Codes given and made: deduction D04, basic B07; a code already used is refused.
  ApplyResult d = w.Do("catalogue.item.add", {{"category", "deduction"}, {"name_zh", "无故不参加专题讲习"}, {"points", "-2.5"}});
  ASSERT_TRUE(d.ok) << d.problem.message_zh;
  EXPECT_EQ(w.Item(d.created_id)->code, "D04");
  EXPECT_EQ(w.Item(d.created_id)->points, -25);
  EXPECT_FALSE(w.Item(d.created_id)->yearly_cap.has_value());
  EXPECT_EQ(w.Do("catalogue.item.add", {{"category", "basic"}, {"name_zh", "参加夜校"}, {"points", 0.5}}).ok, true);
  EXPECT_EQ(w.d().points.catalogue.items.back().code, "B07");
  const Problem dup = w.Refused("catalogue.item.add", {{"category", "basic"}, {"name_zh", "X"}, {"points", 1}, {"code", "B01"}});
  w.Refused("catalogue.item.add", {{"category", "basic"}, {"name_zh", "X"}, {"points", 1}, {"code", "b01"}});  // case
  EXPECT_EQ(dup.path, "/code");
}

TEST(CatalogueCommands, AddRefusesBadItems) {
  Ws w = Town();
  const json ok = {{"category", "merit"}, {"name_zh", "建言献策"}, {"points", 2}, {"yearly_cap", 6}};
  auto with = [&](const char* key, json v) { json a = ok; a[key] = std::move(v); return a; };
  auto without = [&](const char* key) { json a = ok; a.erase(key); return a; };
  EXPECT_EQ(w.Refused("catalogue.item.add", with("name_zh", "   ")).path, "/name_zh");
  EXPECT_EQ(w.Refused("catalogue.item.add", without("name_zh")).path, "/name_zh");
  EXPECT_EQ(w.Refused("catalogue.item.add", with("name_zh", 5)).path, "/name_zh");
  EXPECT_EQ(w.Refused("catalogue.item.add", without("category")).path, "/category");
  EXPECT_EQ(w.Refused("catalogue.item.add", with("category", "bonus")).path, "/category");
  EXPECT_EQ(w.Refused("catalogue.item.add", without("points")).path, "/points");
  EXPECT_EQ(w.Refused("catalogue.item.add", with("points", 0.25)).path, "/points");   // off the 0.1 grid
  EXPECT_EQ(w.Refused("catalogue.item.add", with("points", "2.55")).path, "/points");
  EXPECT_EQ(w.Refused("catalogue.item.add", with("points", "abc")).path, "/points");
  EXPECT_EQ(w.Refused("catalogue.item.add", with("points", 0)).path, "/points");
  EXPECT_EQ(w.Refused("catalogue.item.add", with("points", -2)).path, "/points");      // merit must add
  json ded = with("category", "deduction");                                            // deduction must deduct
  EXPECT_EQ(w.Refused("catalogue.item.add", ded).path, "/points");
  EXPECT_EQ(w.Refused("catalogue.item.add", with("yearly_cap", 1.5)).path, "/yearly_cap");  // cap 1.5 < 2
  EXPECT_EQ(w.Refused("catalogue.item.add", with("yearly_cap", -6)).path, "/yearly_cap");
  EXPECT_EQ(w.Refused("catalogue.item.add", with("yearly_cap", 0)).path, "/yearly_cap");
  EXPECT_EQ(w.Refused("catalogue.item.add", with("evidence_required", "yes")).path, "/evidence_required");
  EXPECT_EQ(w.Refused("catalogue.item.add", with("code", "")).path, "/code");
  EXPECT_EQ(w.Refused("catalogue.item.add", with("code", "ABCDEFGHIJKLMNOPQ")).path, "/code");  // 17 characters
  // The boundary: a cap equal to |points| is fine, also for a deduction (-5 with cap 5).
  EXPECT_TRUE(w.Do("catalogue.item.add", with("yearly_cap", 2)).ok);
  EXPECT_TRUE(w.Do("catalogue.item.add", {{"category", "deduction"}, {"name_zh", "迟到"}, {"points", -5}, {"yearly_cap", 5}}).ok);
  // The example flag stays until something is accepted.
  Ws fresh = Town();
  fresh.Refused("catalogue.item.add", with("points", 0));
  EXPECT_TRUE(fresh.d().points.catalogue.example);
}

TEST(CatalogueCommands, UpdateKeepsRecordedEntriesValid) {
  Ws w = Town();
  const Id b = w.d().org.branches[0].meta.id;
  const Id m = w.Do("member.add", {{"name", "钱二"}, {"branch_id", b}}).created_id;
  const Id item = w.Do("catalogue.item.add", {{"category", "merit"}, {"name_zh", "志愿服务"}, {"points", 1}, {"yearly_cap", 10}}).created_id;
  ASSERT_TRUE(w.Do("points.record", {{"member_id", m}, {"item_id", item}, {"date", "2018-03-01"}, {"points", 4}}).ok);
  // Name, code, default points and evidence change freely; the entry keeps its recorded 4 points.
  ASSERT_TRUE(w.Do("catalogue.item.update", {{"id", item}, {"name_zh", "参加志愿服务活动"}, {"code", "R99"},
                                             {"points", 2}, {"evidence_required", true}}).ok);
  EXPECT_EQ(w.Item(item)->name_zh, "参加志愿服务活动");
  EXPECT_EQ(w.Item(item)->code, "R99");
  EXPECT_EQ(w.Item(item)->points, 20);
  EXPECT_EQ(w.d().points.entries.back().points, 40);
  // A cap below the recorded 4 points is refused with the count; 4 itself is fine; null removes the cap.
  const Problem cap = w.Refused("catalogue.item.update", {{"id", item}, {"yearly_cap", 3}});
  EXPECT_EQ(cap.path, "/yearly_cap");
  EXPECT_NE(cap.message_zh.find("1 条"), std::string::npos) << cap.message_zh;
  ASSERT_TRUE(w.Do("catalogue.item.update", {{"id", item}, {"yearly_cap", 4}}).ok);
  EXPECT_EQ(w.Item(item)->yearly_cap, std::optional<Tenths>(40));
  ASSERT_TRUE(w.Do("catalogue.item.update", {{"id", item}, {"yearly_cap", nullptr}}).ok);
  EXPECT_FALSE(w.Item(item)->yearly_cap.has_value());
  // Turning it into a deduction would flip the sign of a recorded entry: refused with the count.
  const Problem sign = w.Refused("catalogue.item.update", {{"id", item}, {"category", "deduction"}, {"points", -2}});
  EXPECT_EQ(sign.path, "/category");
  EXPECT_NE(sign.message_zh.find("1 条"), std::string::npos) << sign.message_zh;
  // The item's own rules on update: cap below points, sign against category, unknown id, another's code.
  w.Refused("catalogue.item.update", {{"id", item}, {"points", 5}, {"yearly_cap", 4.5}});
  w.Refused("catalogue.item.update", {{"id", item}, {"category", "deduction"}});  // points still +2
  w.Refused("catalogue.item.update", {{"id", "nope"}, {"name_zh", "X"}});
  w.Refused("catalogue.item.update", {{"id", item}, {"code", "B01"}});
  w.Refused("catalogue.item.update", {{"id", item}, {"name_zh", ""}});
  // An unused item may change category when its points follow.
  const Id unused = w.Do("catalogue.item.add", {{"category", "basic"}, {"name_zh", "学习"}, {"points", 1}}).created_id;
  ASSERT_TRUE(w.Do("catalogue.item.update", {{"id", unused}, {"category", "deduction"}, {"points", -1}}).ok);
  EXPECT_EQ(w.Item(unused)->category, PointCategory::Deduction);
}

TEST(CatalogueCommands, RemoveRefusedWhileEntriesUseIt) {
  Ws w = Town();
  const Id b = w.d().org.branches[0].meta.id;
  const Id m1 = w.Do("member.add", {{"name", "孙三"}, {"branch_id", b}}).created_id;
  const Id m2 = w.Do("member.add", {{"name", "李四"}, {"branch_id", b}}).created_id;
  const Id item = w.d().points.catalogue.items[0].meta.id;  // B01 三会一课
  ASSERT_TRUE(w.Do("points.record_many", {{"member_ids", json::array({m1, m2})}, {"item_id", item}, {"date", "2018-03-05"}}).ok);
  ASSERT_TRUE(w.Do("points.record", {{"member_id", m1}, {"item_id", item}, {"date", "2018-04-05"}}).ok);
  const Problem p = w.Refused("catalogue.item.remove", {{"id", item}});
  EXPECT_EQ(p.message_zh, "该积分项目已有 3 条积分记录使用，不能删除");
  EXPECT_EQ(p.message_en, "3 point entries use this item; it cannot be removed");
  EXPECT_TRUE(w.d().points.catalogue.example);  // refused: still the example
  // Once the entries are gone the item can go; undo brings it back in place.
  while (!w.d().points.entries.empty()) ASSERT_TRUE(w.Do("points.remove", {{"id", w.d().points.entries.back().meta.id}}).ok);
  ASSERT_TRUE(w.Do("catalogue.item.remove", {{"id", item}}).ok);
  EXPECT_EQ(w.d().points.catalogue.items.size(), 12u);
  EXPECT_EQ(w.Item(item), nullptr);
  EXPECT_FALSE(w.d().points.catalogue.example);
  ASSERT_TRUE(w.ws.Undo(kNow));
  EXPECT_EQ(w.d().points.catalogue.items[0].meta.id, item);
  EXPECT_TRUE(w.d().points.catalogue.example);
  w.Refused("catalogue.item.remove", {{"id", "nope"}});
  w.Refused("catalogue.item.remove", json::object());
}

TEST(RubricCommands, AddUpdateRemoveWithScoresInUse) {
  Ws w = Town();
  ASSERT_TRUE(w.d().branch_rating.rubric.example);
  ASSERT_EQ(w.d().branch_rating.rubric.items.size(), 6u);  // K1-K6, 100 points
  EXPECT_EQ(w.Refused("rubric.item.add", {{"name_zh", "X"}, {"max_points", 0}}).path, "/max_points");
  EXPECT_EQ(w.Refused("rubric.item.add", {{"name_zh", "X"}, {"max_points", -5}}).path, "/max_points");
  EXPECT_EQ(w.Refused("rubric.item.add", {{"name_zh", "X"}, {"max_points", 0.05}}).path, "/max_points");
  EXPECT_EQ(w.Refused("rubric.item.add", {{"name_zh", "X"}, {"max_points", 1000.5}}).path, "/max_points");
  EXPECT_EQ(w.Refused("rubric.item.add", {{"name_zh", "X"}}).path, "/max_points");
  EXPECT_EQ(w.Refused("rubric.item.add", {{"name_zh", " "}, {"max_points", 10}}).path, "/name_zh");
  EXPECT_EQ(w.Refused("rubric.item.add", {{"name_zh", "X"}, {"max_points", 10}, {"code", "K1"}}).path, "/code");
  // Letter case does not make another code (a fault found by trying the screen: "k1" beside "K1").
  EXPECT_EQ(w.Refused("rubric.item.add", {{"name_zh", "X"}, {"max_points", 10}, {"code", "k1"}}).path, "/code");
  EXPECT_TRUE(w.d().branch_rating.rubric.example);

  ApplyResult r = w.Do("rubric.item.add", {{"name_zh", "党员发展质量"}, {"max_points", "10"}});
  ASSERT_TRUE(r.ok) << r.problem.message_zh;
  EXPECT_EQ(w.Rubric(r.created_id)->code, "K7");
  EXPECT_EQ(w.Rubric(r.created_id)->max_points, 100);
  EXPECT_FALSE(w.d().branch_rating.rubric.example);

  // A branch scored 8 of 10 on it: rubric 100 + 8 of 110 -> the rubric part is (sum / 110) x 100.
  const Id b = w.d().org.branches[0].meta.id;
  json scores = json::object();
  for (const RubricItem& it : w.d().branch_rating.rubric.items) scores[it.meta.id] = it.max_points / 10;  // full marks
  scores[r.created_id] = 8;
  ASSERT_TRUE(w.Do("assessment.set", {{"branch_id", b}, {"year", 2018}, {"scores", scores}, {"target_score", 90}}).ok);
  // 108 / 110 = 98.18..% -> 98.1 (truncated); (98.1 x 50 + 90 x 50) / 100 = 94.05 -> 94.0.
  const BranchRatingResult res = RateBranches(w.d().org, w.d().branch_rating, 2018);
  ASSERT_EQ(res.ranked.size(), 1u);
  EXPECT_EQ(res.ranked[0].rubric_percent, 981);
  EXPECT_EQ(res.ranked[0].score, 940);

  // Full marks below the given 8 refused (count), 8 itself fine; remove refused while scored.
  const Problem low = w.Refused("rubric.item.update", {{"id", r.created_id}, {"max_points", 7.5}});
  EXPECT_EQ(low.path, "/max_points");
  EXPECT_NE(low.message_zh.find("1 个"), std::string::npos) << low.message_zh;
  ASSERT_TRUE(w.Do("rubric.item.update", {{"id", r.created_id}, {"max_points", 8}, {"name_zh", "发展党员质量"}}).ok);
  EXPECT_EQ(w.Rubric(r.created_id)->max_points, 80);
  EXPECT_EQ(w.Rubric(r.created_id)->name_zh, "发展党员质量");
  const Problem used = w.Refused("rubric.item.remove", {{"id", r.created_id}});
  EXPECT_EQ(used.message_zh, "该考核项目已有 1 个考核得分使用，不能删除");
  EXPECT_EQ(used.message_en, "1 assessment scores use this rubric item; it cannot be removed");
  w.Refused("rubric.item.update", {{"id", "nope"}, {"max_points", 5}});
  w.Refused("rubric.item.update", {{"id", r.created_id}, {"max_points", 0}});

  // An unscored item goes; the remaining rubric still rates.
  const Id fresh = w.Do("rubric.item.add", {{"name_zh", "临时项目"}, {"max_points", 5}, {"code", "T1"}}).created_id;
  ASSERT_TRUE(w.Do("rubric.item.remove", {{"id", fresh}}).ok);
  EXPECT_EQ(w.Rubric(fresh), nullptr);
  EXPECT_EQ(w.d().branch_rating.rubric.items.size(), 7u);
}

}  // namespace
}  // namespace zj

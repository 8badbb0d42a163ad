// Issue 7 "Liaison bundles": making and verifying bundles (tampered bundles refused with their reason),
// merging them into the office's dataset (identical import is a no-op, newer wins, conflicts logged),
// and the dataset diff of a backup import's preview.
#include <gtest/gtest.h>

#include "core/exchange/bundle.h"
#include "core/demo/demo.h"
#include "core/exchange/merge.h"

namespace zj {
namespace {
using nlohmann::json;

constexpr TimestampMs kT0 = 1521763200000;  // 2018-03-23T00:00:00Z
const std::string kLiaison = "1111222233334444";
const std::string kOffice = "aaaabbbbccccdddd";

// The office's dataset and the liaison's copy of it (as after importing the office's backup).
struct Pair {
  Dataset office = MakeDemoDataset(2018, 2018);
  Dataset liaison = office;
};

// The liaison records a place for lecture 0 and adds a lecture at `t`.
void LiaisonRecords(Dataset& d, TimestampMs t) {
  Lecture& l = d.campaign.lectures.at(0);
  l.place = "镇委党校二楼";
  l.held = true;
  l.meta.updated = t;
  l.meta.device = kLiaison;
  Lecture extra = l;
  extra.meta.id = "00000000000000aa";
  extra.meta.created = t;
  extra.theme_zh = "小龙虾养殖现场讲习";
  d.campaign.lectures.push_back(extra);
}

Bundle Roundtrip(Bundle b) {
  const std::string text = BundleToJson(b);
  BundleReadResult r = ReadBundle(text);
  EXPECT_TRUE(r.ok) << r.problem.message_zh;
  return r.bundle;
}

TEST(Bundle, HoldsOnlyThisDevicesRecordsSinceTheHandOff) {
  Pair p;
  LiaisonRecords(p.liaison, kT0 + 1000);
  Bundle b = MakeBundle(p.liaison, kLiaison, kT0, kT0 + 5000);
  ASSERT_EQ(b.records.size(), 2u);
  EXPECT_EQ(b.records[0].collection, "/campaign/lectures");
  EXPECT_EQ(b.records[1].record["theme_zh"], "小龙虾养殖现场讲习");
  // After the hand-off nothing is new.
  EXPECT_TRUE(MakeBundle(p.liaison, kLiaison, kT0 + 5000, kT0 + 9000).records.empty());
  // Another device recorded nothing.
  EXPECT_TRUE(MakeBundle(p.liaison, "ffffffffffffffff", std::nullopt, kT0 + 9000).records.empty());
}

TEST(Bundle, RoundTripKeepsChecksumAndRange) {
  Pair p;
  LiaisonRecords(p.liaison, kT0 + 1000);
  Bundle b = MakeBundle(p.liaison, kLiaison, kT0, kT0 + 5000);
  const std::string text = BundleToJson(b);
  EXPECT_EQ(b.sha256.size(), 64u);
  BundleReadResult r = ReadBundle(text);
  ASSERT_TRUE(r.ok) << r.problem.message_zh;
  EXPECT_EQ(r.bundle.sha256, b.sha256);
  EXPECT_EQ(r.bundle.device, kLiaison);
  EXPECT_EQ(*r.bundle.from, kT0);
  EXPECT_EQ(r.bundle.to, kT0 + 5000);
  EXPECT_EQ(r.bundle.records.size(), 2u);
  EXPECT_EQ(json::parse(text)["record_count"], 2);
}

TEST(Bundle, TamperedBundleRefusedWithItsReason) {
  Pair p;
  LiaisonRecords(p.liaison, kT0 + 1000);
  Bundle b = MakeBundle(p.liaison, kLiaison, kT0, kT0 + 5000);
  json j = json::parse(BundleToJson(b));

  json changed = j;  // a record edited by hand on the way
  changed["records"][0]["record"]["place"] = "别处";
  BundleReadResult r = ReadBundle(changed.dump());
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.problem.path, "/sha256");
  EXPECT_NE(r.problem.message_zh.find("校验和不符"), std::string::npos);

  json dropped = j;  // a record lost
  dropped["records"].erase(1);
  r = ReadBundle(dropped.dump());
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.problem.path, "/record_count");

  json newer = j;
  newer["format_version"] = kBundleFormatVersion + 1;
  r = ReadBundle(newer.dump());
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.problem.path, "/format_version");

  EXPECT_FALSE(ReadBundle("{\"schema_version\": 2}").ok);  // a backup, not a bundle
  EXPECT_EQ(ReadBundle("{\"schema_version\": 2}").problem.path, "/format");
  r = ReadBundle(BundleToJson(b).substr(0, 200));  // cut short
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.problem.message_zh.find("材料包无法导入"), std::string::npos);
  EXPECT_FALSE(r.problem.message_en.empty());
}

TEST(Merge, NewAndChangedRecordsApplied) {
  Pair p;
  LiaisonRecords(p.liaison, kT0 + 1000);
  Bundle b = Roundtrip(MakeBundle(p.liaison, kLiaison, kT0, kT0 + 5000));
  MergePlan plan = PlanBundleImport(p.office, b, kT0 + 6000);
  ASSERT_TRUE(plan.ok) << plan.problem.message_zh;
  EXPECT_EQ(plan.added, 1);
  EXPECT_EQ(plan.changed, 1);
  EXPECT_EQ(plan.conflicts, 0);
  EXPECT_EQ(plan.present, 0);
  EXPECT_EQ(plan.merged.campaign.lectures.size(), p.office.campaign.lectures.size() + 1);
  EXPECT_EQ(plan.merged.campaign.lectures[0].place, "镇委党校二楼");
  ASSERT_EQ(plan.merged.import_log.size(), 1u);
  EXPECT_EQ(plan.merged.import_log[0]["bundle_sha256"], b.sha256);
  // The log survives save and load.
  LoadResult lr = LoadDataset(SaveDataset(plan.merged));
  ASSERT_TRUE(lr.ok);
  EXPECT_EQ(lr.dataset.import_log, plan.merged.import_log);
}

TEST(Merge, IdenticalImportIsANoOp) {
  Pair p;
  LiaisonRecords(p.liaison, kT0 + 1000);
  Bundle b = Roundtrip(MakeBundle(p.liaison, kLiaison, kT0, kT0 + 5000));
  MergePlan first = PlanBundleImport(p.office, b, kT0 + 6000);
  ASSERT_TRUE(first.ok);
  // The same file again.
  MergePlan again = PlanBundleImport(first.merged, b, kT0 + 7000);
  ASSERT_TRUE(again.ok);
  EXPECT_TRUE(again.already_imported);
  EXPECT_FALSE(again.HasChanges());
  EXPECT_EQ(again.present, 2);
  EXPECT_EQ(SaveDataset(again.merged), SaveDataset(first.merged));
  // The same records in a new export (another sha256): every record already present.
  Bundle b2 = Roundtrip(MakeBundle(p.liaison, kLiaison, std::nullopt, kT0 + 8000));
  ASSERT_NE(b2.sha256, b.sha256);
  MergePlan third = PlanBundleImport(first.merged, b2, kT0 + 9000);
  ASSERT_TRUE(third.ok);
  EXPECT_FALSE(third.already_imported);
  EXPECT_FALSE(third.HasChanges());
  EXPECT_EQ(third.present, 2);
}

TEST(Merge, ConflictKeepsTheNewerAndLogsTheOther) {
  Pair p;
  LiaisonRecords(p.liaison, kT0 + 1000);
  // The office changed the same lecture later, after the liaison's copy was made.
  p.office.campaign.lectures[0].place = "镇会议室";
  p.office.campaign.lectures[0].meta.updated = kT0 + 2000;
  p.office.campaign.lectures[0].meta.device = kOffice;
  Bundle b = Roundtrip(MakeBundle(p.liaison, kLiaison, kT0, kT0 + 5000));
  MergePlan plan = PlanBundleImport(p.office, b, kT0 + 6000);
  ASSERT_TRUE(plan.ok) << plan.problem.message_zh;
  EXPECT_EQ(plan.conflicts, 1);
  EXPECT_EQ(plan.added, 1);
  EXPECT_FALSE(plan.items[0].incoming_kept);
  EXPECT_EQ(plan.merged.campaign.lectures[0].place, "镇会议室");  // the newer (office) kept
  const json& log = plan.merged.import_log.at(0)["conflict_log"];
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0]["kept"], "local");
  EXPECT_EQ(log[0]["other"]["place"], "镇委党校二楼");  // the liaison's version is logged, not lost

  // The other way round: the liaison's edit is the newer.
  Pair q;
  q.office.campaign.lectures[0].place = "镇会议室";
  q.office.campaign.lectures[0].meta.updated = kT0 + 500;
  q.office.campaign.lectures[0].meta.device = kOffice;
  LiaisonRecords(q.liaison, kT0 + 1000);
  MergePlan plan2 = PlanBundleImport(q.office, Roundtrip(MakeBundle(q.liaison, kLiaison, kT0, kT0 + 5000)), kT0 + 6000);
  ASSERT_TRUE(plan2.ok);
  EXPECT_EQ(plan2.conflicts, 1);
  EXPECT_TRUE(plan2.items[0].incoming_kept);
  EXPECT_EQ(plan2.merged.campaign.lectures[0].place, "镇委党校二楼");
  EXPECT_EQ(plan2.merged.import_log[0]["conflict_log"][0]["other"]["place"], "镇会议室");
  EXPECT_EQ(plan2.merged.import_log[0]["conflict_log"][0]["kept"], "incoming");
}

TEST(Merge, BundleOfAnotherDatasetRefused) {
  Pair p;
  LiaisonRecords(p.liaison, kT0 + 1000);
  p.liaison.id_salt = std::string(32, 'e');
  MergePlan plan = PlanBundleImport(p.office, Roundtrip(MakeBundle(p.liaison, kLiaison, kT0, kT0 + 5000)), kT0);
  EXPECT_FALSE(plan.ok);
  EXPECT_EQ(plan.problem.path, "/id_salt");
  EXPECT_NE(plan.problem.message_zh.find("另一份数据"), std::string::npos);
}

TEST(Merge, RecordThatWouldNotLoadRefused) {
  Pair p;
  LiaisonRecords(p.liaison, kT0 + 1000);
  Bundle b = MakeBundle(p.liaison, kLiaison, kT0, kT0 + 5000);
  b.records[1].record["date"] = "2018-02-30";  // an impossible date: the merged dataset would not load
  b = Roundtrip(b);
  MergePlan plan = PlanBundleImport(p.office, b, kT0 + 6000);
  EXPECT_FALSE(plan.ok);
  EXPECT_NE(plan.problem.message_zh.find("合并后的数据有"), std::string::npos);
  EXPECT_FALSE(plan.HasChanges());
}

TEST(Diff, CountsAddedChangedRemoved) {
  Pair p;
  LiaisonRecords(p.liaison, kT0 + 1000);
  p.liaison.org.members.pop_back();
  DatasetDiff d = DiffDatasets(p.office, p.liaison);
  EXPECT_EQ(d.added, 1);
  EXPECT_EQ(d.changed, 1);
  EXPECT_EQ(d.removed, 1);
  EXPECT_GT(d.same, 10);
  DatasetDiff none = DiffDatasets(p.office, p.office);
  EXPECT_EQ(none.added + none.changed + none.removed, 0);
}

}  // namespace
}  // namespace zj

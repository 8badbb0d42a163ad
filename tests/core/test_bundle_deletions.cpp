// Issue 7 "Liaison bundles": deletions (tombstones) and evidence carried by bundles. A record removed on the
// liaison's device since the hand-off is removed on import (and undone with it: the import is one Replace step),
// delete-vs-edit keeps the newer side and logs the other, importing the same bundle twice changes nothing, old
// datasets without tombstones and version 1 bundles still load, and tampered deletions or evidence are refused
// with their reason. Values below are worked out by hand from the demo town (MakeDemoDataset(2018, 2018)).
#include <gtest/gtest.h>

#include "core/exchange/bundle.h"
#include "core/demo/demo.h"
#include "core/exchange/merge.h"
#include "core/data/workspace.h"

namespace zj {
namespace {
using nlohmann::json;

constexpr TimestampMs kT0 = 1521763200000;  // 2018-03-23T00:00:00.000Z: the hand-off
const std::string kLiaison = "1111222233334444";
const std::string kOffice = "aaaabbbbccccdddd";

// Index of the first lecture that may be removed (not held, no attendance).
size_t RemovableLecture(const Dataset& d) {
  for (size_t i = 0; i < d.campaign.lectures.size(); ++i)
    if (!d.campaign.lectures[i].held && d.campaign.lectures[i].attendee_ids.empty()) return i;
  ADD_FAILURE() << "the demo town has no removable lecture";
  return 0;
}

// The office's dataset and a liaison workspace on its copy; the liaison removes lecture `i` at kT0 + 1000.
struct Scene {
  Dataset office = MakeDemoDataset(2018, 2018);
  size_t i = RemovableLecture(office);
  Id lecture_id = office.campaign.lectures[i].meta.id;
  std::string theme = office.campaign.lectures[i].theme_zh;
  Workspace liaison{office, 7, kLiaison};
  void LiaisonRemoves() {
    ApplyResult r = liaison.Apply({"lecture.remove", {{"id", lecture_id}}}, kT0 + 1000);
    ASSERT_TRUE(r.ok) << r.problem.message_zh;
  }
  Bundle Export(TimestampMs to = kT0 + 5000) {
    Bundle b = MakeBundle(liaison.data(), kLiaison, kT0, to);
    BundleReadResult r = ReadBundle(BundleToJson(b));
    EXPECT_TRUE(r.ok) << r.problem.message_zh;
    return r.bundle;
  }
};

TEST(Tombstones, RemovingARecordLeavesOneAndUndoTakesItBack) {
  Scene s;
  const size_t n = s.office.campaign.lectures.size();
  // A change that removes nothing leaves no tombstone.
  ASSERT_TRUE(s.liaison.Apply({"lecture.update", {{"id", s.lecture_id}, {"place", "村部"}}}, kT0 + 500).ok);
  EXPECT_TRUE(s.liaison.data().tombstones.empty());
  s.LiaisonRemoves();
  EXPECT_EQ(s.liaison.data().campaign.lectures.size(), n - 1);
  ASSERT_EQ(s.liaison.data().tombstones.size(), 1u);
  const json& t = s.liaison.data().tombstones[0];
  EXPECT_EQ(t["collection"], "/campaign/lectures");
  EXPECT_EQ(t["id"], s.lecture_id);
  EXPECT_EQ(t["label"], s.theme);
  EXPECT_EQ(t["deleted"], "2018-03-23T00:00:01.000Z");
  EXPECT_EQ(t["device"], kLiaison);
  // A refused command adds none.
  EXPECT_FALSE(s.liaison.Apply({"lecture.remove", {{"id", s.lecture_id}}}, kT0 + 1500).ok);
  EXPECT_EQ(s.liaison.data().tombstones.size(), 1u);
  ASSERT_TRUE(s.liaison.Undo(kT0 + 2000));
  EXPECT_TRUE(s.liaison.data().tombstones.empty());
  EXPECT_EQ(s.liaison.data().campaign.lectures.size(), n);
}

TEST(Tombstones, SavedAndLoadedAndOldFilesLoadWithout) {
  Scene s;
  s.LiaisonRemoves();
  const std::string text = SaveDataset(s.liaison.data());
  LoadResult r = LoadDataset(text);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.dataset.tombstones, s.liaison.data().tombstones);
  // A document written before tombstones existed: no "tombstones" key at all.
  const std::string old = SaveDataset(s.office);
  EXPECT_EQ(json::parse(old).count("tombstones"), 0u);
  LoadResult o = LoadDataset(old);
  ASSERT_TRUE(o.ok);
  EXPECT_TRUE(o.dataset.tombstones.empty());
  // A broken tombstone is a problem at its path (the rest still reads).
  json bad = json::parse(text);
  bad["tombstones"][0].erase("deleted");
  LoadResult b = LoadDataset(bad.dump());
  EXPECT_FALSE(b.ok);
  ASSERT_FALSE(b.problems.empty());
  EXPECT_EQ(b.problems[0].path, "/tombstones/0");
}

TEST(BundleDeletions, CarriedRemovedOnImportShownAsDeletedAndTwiceIsNothing) {
  Scene s;
  s.LiaisonRemoves();
  Bundle b = s.Export();
  EXPECT_EQ(b.format_version, 2);
  EXPECT_TRUE(b.records.empty());
  ASSERT_EQ(b.deletions.size(), 1u);
  MergePlan plan = PlanBundleImport(s.office, b, kT0 + 6000);
  ASSERT_TRUE(plan.ok) << plan.problem.message_zh;
  EXPECT_TRUE(plan.HasChanges());
  EXPECT_EQ(plan.deleted, 1);
  EXPECT_EQ(plan.added + plan.changed + plan.conflicts + plan.present, 0);
  ASSERT_EQ(plan.items.size(), 1u);
  EXPECT_EQ(plan.items[0].outcome, MergeOutcome::Deleted);
  EXPECT_EQ(plan.items[0].label, s.theme);
  EXPECT_EQ(plan.merged.campaign.lectures.size(), s.office.campaign.lectures.size() - 1);
  for (const Lecture& l : plan.merged.campaign.lectures) EXPECT_NE(l.meta.id, s.lecture_id);
  EXPECT_EQ(plan.merged.tombstones.size(), 1u);
  EXPECT_EQ(plan.merged.import_log.at(0)["deleted"], 1);
  // The same bundle twice: nothing.
  MergePlan again = PlanBundleImport(plan.merged, b, kT0 + 7000);
  ASSERT_TRUE(again.ok);
  EXPECT_TRUE(again.already_imported);
  EXPECT_FALSE(again.HasChanges());
  EXPECT_EQ(again.present, 1);
  // A later export holding the same deletion (another checksum): already gone, nothing changes.
  Bundle b2 = s.Export(kT0 + 8000);
  ASSERT_NE(b2.sha256, b.sha256);
  MergePlan third = PlanBundleImport(plan.merged, b2, kT0 + 9000);
  ASSERT_TRUE(third.ok);
  EXPECT_FALSE(third.HasChanges());
  EXPECT_EQ(third.present, 1);
  // Undone with the import: the import is one Workspace::Replace step.
  Workspace office(s.office, 9, kOffice);
  office.Replace(plan.merged, "bundle.import", kT0 + 6000);
  EXPECT_EQ(office.data().campaign.lectures.size(), s.office.campaign.lectures.size() - 1);
  ASSERT_TRUE(office.Undo(kT0 + 6500));
  EXPECT_EQ(SaveDataset(office.data()), SaveDataset(s.office));
}

TEST(BundleDeletions, DeleteVersusEditKeepsTheNewerAndLogsTheOther) {
  // The office edited the lecture at kT0 + 2000, after the liaison deleted it (kT0 + 1000): the edit wins.
  {
    Scene s;
    s.LiaisonRemoves();
    Lecture& l = s.office.campaign.lectures[s.i];
    l.place = "镇会议室";
    l.meta.updated = kT0 + 2000;
    l.meta.device = kOffice;
    MergePlan plan = PlanBundleImport(s.office, s.Export(), kT0 + 6000);
    ASSERT_TRUE(plan.ok) << plan.problem.message_zh;
    EXPECT_EQ(plan.conflicts, 1);
    EXPECT_EQ(plan.deleted, 0);
    EXPECT_FALSE(plan.items[0].incoming_kept);
    EXPECT_TRUE(plan.items[0].deletion);
    EXPECT_EQ(plan.merged.campaign.lectures.size(), s.office.campaign.lectures.size());
    EXPECT_EQ(plan.merged.campaign.lectures[s.i].place, "镇会议室");
    const json& log = plan.merged.import_log.at(0)["conflict_log"];
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0]["kept"], "local");
    EXPECT_EQ(log[0]["other"]["deleted"], "2018-03-23T00:00:01.000Z");  // the deletion is logged
    EXPECT_TRUE(plan.merged.tombstones.empty());
  }
  // The office edited it at kT0 + 500 (after the hand-off, before the deletion): the deletion wins.
  {
    Scene s;
    s.LiaisonRemoves();
    Lecture& l = s.office.campaign.lectures[s.i];
    l.place = "镇会议室";
    l.meta.updated = kT0 + 500;
    l.meta.device = kOffice;
    MergePlan plan = PlanBundleImport(s.office, s.Export(), kT0 + 6000);
    ASSERT_TRUE(plan.ok) << plan.problem.message_zh;
    EXPECT_EQ(plan.conflicts, 1);
    EXPECT_TRUE(plan.items[0].incoming_kept);
    EXPECT_EQ(plan.merged.campaign.lectures.size(), s.office.campaign.lectures.size() - 1);
    const json& log = plan.merged.import_log.at(0)["conflict_log"];
    EXPECT_EQ(log[0]["kept"], "incoming");
    EXPECT_EQ(log[0]["other"]["place"], "镇会议室");  // the office's edit is logged, not lost
    EXPECT_EQ(plan.merged.tombstones.size(), 1u);
  }
}

TEST(BundleDeletions, RecordTheOfficeDeletedComesBackOnlyWhenNewer) {
  Scene s;
  // The liaison edits the lecture at kT0 + 1000; the office removed it at kT0 + 2000.
  ASSERT_TRUE(s.liaison.Apply({"lecture.update", {{"id", s.lecture_id}, {"place", "村部"}}}, kT0 + 1000).ok);
  Workspace office(s.office, 9, kOffice);
  ASSERT_TRUE(office.Apply({"lecture.remove", {{"id", s.lecture_id}}}, kT0 + 2000).ok);
  MergePlan plan = PlanBundleImport(office.data(), s.Export(), kT0 + 6000);
  ASSERT_TRUE(plan.ok) << plan.problem.message_zh;
  EXPECT_EQ(plan.conflicts, 1);
  EXPECT_FALSE(plan.items[0].incoming_kept);
  EXPECT_EQ(plan.merged.campaign.lectures.size(), s.office.campaign.lectures.size() - 1);
  EXPECT_EQ(plan.merged.import_log.at(0)["conflict_log"][0]["other"]["place"], "村部");
  // Removed at kT0 + 500 instead: the liaison's later edit brings it back and the office's tombstone goes.
  Workspace office2(s.office, 9, kOffice);
  ASSERT_TRUE(office2.Apply({"lecture.remove", {{"id", s.lecture_id}}}, kT0 + 500).ok);
  MergePlan plan2 = PlanBundleImport(office2.data(), s.Export(), kT0 + 6000);
  ASSERT_TRUE(plan2.ok) << plan2.problem.message_zh;
  EXPECT_EQ(plan2.conflicts, 1);
  EXPECT_TRUE(plan2.items[0].incoming_kept);
  EXPECT_EQ(plan2.merged.campaign.lectures.size(), s.office.campaign.lectures.size());
  EXPECT_TRUE(plan2.merged.tombstones.empty());
}

TEST(BundleDeletions, TamperedDeletionsRefusedAndVersion1StillReads) {
  Scene s;
  s.LiaisonRemoves();
  Bundle b = MakeBundle(s.liaison.data(), kLiaison, kT0, kT0 + 5000);
  const json j = json::parse(BundleToJson(b));
  EXPECT_EQ(j["deletion_count"], 1);
  json changed = j;
  changed["deletions"][0]["id"] = "00000000000000ff";
  BundleReadResult r = ReadBundle(changed.dump());
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.problem.path, "/sha256");
  json dropped = j;
  dropped["deletions"].erase(0);
  r = ReadBundle(dropped.dump());
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.problem.path, "/deletion_count");
  json broken = j;
  broken["deletions"][0].erase("deleted");
  r = ReadBundle(broken.dump());
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.problem.path, "/deletions/0");
  EXPECT_NE(r.problem.message_zh.find("删除时间"), std::string::npos);
  // A version 1 bundle (no deletions, no evidence) written by the previous release still verifies.
  Bundle v1 = MakeBundle(s.office, s.office.campaign.lectures[0].meta.device, std::nullopt, kT0);
  v1.format_version = 1;
  const json v1j = json::parse(BundleToJson(v1));
  EXPECT_EQ(v1j["format_version"], 1);
  EXPECT_EQ(v1j.count("deletions"), 0u);
  r = ReadBundle(v1j.dump());
  ASSERT_TRUE(r.ok) << r.problem.message_zh;
  EXPECT_EQ(r.bundle.format_version, 1);
}

TEST(BundleEvidence, AttachedSealedCountedAndTamperingRefused) {
  Scene s;
  s.LiaisonRemoves();
  Bundle b = MakeBundle(s.liaison.data(), kLiaison, kT0, kT0 + 5000);
  const std::string text = BundleToJson(b);
  const json ev = json::array({
      {{"id", "e1"}, {"parent_kind", "lecture"}, {"parent_id", s.lecture_id}, {"kind", "photo"}, {"caption", "a.jpg"},
       {"created", kT0 + 1200}, {"device", kLiaison}, {"photo", "/9j/4AAQ"}, {"thumb", "/9j/4BBQ"}},
      {{"id", "e2"}, {"parent_kind", "lecture"}, {"parent_id", s.lecture_id}, {"kind", "text"}, {"text", "到会 12 人"},
       {"created", kT0 + 1300}, {"device", kLiaison}}});
  const std::string sealed = AttachBundleEvidence(text, ev);
  ASSERT_FALSE(sealed.empty());
  BundleReadResult r = ReadBundle(sealed);
  ASSERT_TRUE(r.ok) << r.problem.message_zh;
  EXPECT_EQ(r.bundle.evidence.size(), 2u);
  EXPECT_EQ(r.bundle.evidence[1]["text"], "到会 12 人");
  EXPECT_EQ(r.bundle.deletions.size(), 1u);
  EXPECT_NE(r.bundle.sha256, b.sha256);  // the checksum covers the evidence
  const json j = json::parse(sealed);
  EXPECT_EQ(j["evidence_count"], 2);
  json photo = j;  // a photo swapped on the way
  photo["evidence"][0]["photo"] = "/9j/AAAA";
  r = ReadBundle(photo.dump());
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.problem.path, "/sha256");
  EXPECT_NE(r.problem.message_zh.find("校验和不符"), std::string::npos);
  json dropped = j;
  dropped["evidence"].erase(1);
  r = ReadBundle(dropped.dump());
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.problem.path, "/evidence_count");
  json no_photo = j;
  no_photo["evidence"][0].erase("photo");
  r = ReadBundle(no_photo.dump());
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.problem.path, "/evidence/0");
  // Not a bundle, or evidence without ids: nothing sealed.
  EXPECT_EQ(AttachBundleEvidence("{}", ev), "");
  EXPECT_EQ(AttachBundleEvidence(text, json::array({{{"kind", "text"}}})), "");
  // The evidence does not change the merge.
  MergePlan plan = PlanBundleImport(s.office, ReadBundle(sealed).bundle, kT0 + 6000);
  ASSERT_TRUE(plan.ok);
  EXPECT_EQ(plan.deleted, 1);
}

}  // namespace
}  // namespace zj

// Deletions (tombstones) and evidence carried by bundles (core/exchange/bundle.h): a removal leaves a tombstone
// (taken back by undo), tombstones are saved and loaded (schema-2 ones too), a record the office deleted comes back
// only when a person chooses, old datasets and version 1 bundles still load, and tampered deletions or evidence are
// refused with their reason. Values below are worked out by hand from the demo town (MakeDemoDataset(2018, 2018)).
#include <gtest/gtest.h>

#include "core/exchange/bundle.h"
#include "core/demo/demo.h"
#include "core/exchange/merge.h"
#include "core/data/records.h"
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
  const Rev rev_before = s.office.campaign.lectures[s.i].meta.rev;
  // A change that removes nothing leaves no tombstone.
  ASSERT_TRUE(s.liaison.Apply({"lecture.update", {{"id", s.lecture_id}, {"place", "村部"}}}, kT0 + 500).ok);
  EXPECT_TRUE(s.liaison.data().tombstones.empty());
  const Rev rev_edited = s.liaison.data().campaign.lectures[s.i].meta.rev;
  EXPECT_NE(rev_edited, rev_before);
  s.LiaisonRemoves();
  EXPECT_EQ(s.liaison.data().campaign.lectures.size(), n - 1);
  ASSERT_EQ(s.liaison.data().tombstones.size(), 1u);
  const Tombstone& t = s.liaison.data().tombstones[0];
  EXPECT_EQ(t.collection, "/campaign/lectures");
  EXPECT_EQ(t.meta.id, s.lecture_id);
  EXPECT_EQ(t.label, s.theme);
  EXPECT_EQ(t.meta.updated, kT0 + 1000);
  EXPECT_EQ(t.meta.device, kLiaison);
  EXPECT_EQ(t.meta.rev, rev_edited);  // the deletion names the revision it was made on
  EXPECT_TRUE(t.meta.Knows(rev_before));
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
  ASSERT_TRUE(r.ok) << r.problems.front().message_zh;
  ASSERT_EQ(r.dataset.tombstones.size(), 1u);
  EXPECT_EQ(ToJson(r.dataset.tombstones[0]), ToJson(s.liaison.data().tombstones[0]));
  // Schema 2 wrote {"collection", "id", "label", "deleted", "device"}.
  json old = json::parse(text);
  old["schema_version"] = 2;
  old["tombstones"] = json::array({{{"collection", "/campaign/lectures"}, {"id", s.lecture_id}, {"label", s.theme},
                                    {"deleted", "2018-03-23T00:00:01.000Z"}, {"device", kLiaison}}});
  LoadResult o = LoadDataset(old.dump());
  ASSERT_TRUE(o.ok) << o.problems.front().message_zh;
  ASSERT_EQ(o.dataset.tombstones.size(), 1u);
  EXPECT_EQ(o.dataset.tombstones[0].meta.updated, kT0 + 1000);
  // A broken tombstone is a problem at its path (the rest still reads).
  json bad = json::parse(text);
  bad["tombstones"][0].erase("collection");
  LoadResult b = LoadDataset(bad.dump());
  EXPECT_FALSE(b.ok);
  ASSERT_FALSE(b.problems.empty());
  EXPECT_EQ(b.problems[0].path, "/tombstones/0/collection");
}

TEST(BundleDeletions, CarriedAsTombstoneRecords) {
  Scene s;
  s.LiaisonRemoves();
  Bundle b = s.Export();
  EXPECT_EQ(b.format_version, kBundleFormatVersion);
  EXPECT_TRUE(b.records.empty());
  ASSERT_EQ(b.deletions.size(), 1u);
  EXPECT_EQ(b.deletions[0]["id"], s.lecture_id);
  EXPECT_EQ(b.deletions[0]["rev"], s.office.campaign.lectures[s.i].meta.rev.ToString());
  MergePlan plan = PlanBundleImport(s.office, b);
  ASSERT_TRUE(plan.ok) << plan.problem.message_zh;
  EXPECT_EQ(plan.deleted, 1);
  EXPECT_EQ(plan.items[0].label.rfind(s.theme, 0), 0u) << plan.items[0].label;  // the lecture's theme (and date)
}

TEST(BundleDeletions, RecordTheOfficeDeletedComesBackOnlyWhenChosen) {
  Scene s;
  ASSERT_TRUE(s.liaison.Apply({"lecture.update", {{"id", s.lecture_id}, {"place", "村部"}}}, kT0 + 1000).ok);
  Workspace office(s.office, 9, kOffice);
  ASSERT_TRUE(office.Apply({"lecture.remove", {{"id", s.lecture_id}}}, kT0 + 2000).ok);
  Bundle b = s.Export();
  MergePlan plan = PlanBundleImport(office.data(), b);
  ASSERT_TRUE(plan.ok) << plan.problem.message_zh;
  EXPECT_EQ(plan.conflicts, 1);
  EXPECT_TRUE(plan.conflict_list[0].local.is_null());
  EXPECT_EQ(plan.conflict_list[0].incoming["place"], "村部");
  const json bundle = json::parse(BundleToJson(b));
  Workspace kept = office;
  ASSERT_TRUE(kept.Apply({"bundle.import", {{"bundle", bundle}}}, kT0 + 6000).ok);
  EXPECT_EQ(kept.data().campaign.lectures.size(), s.office.campaign.lectures.size() - 1);
  EXPECT_EQ(kept.data().import_log.at(0).body["conflict_log"][0]["other"]["place"], "村部");
  ASSERT_TRUE(office.Apply({"bundle.import", {{"bundle", bundle}, {"choices", {{"0", {{"take_incoming", true}}}}}}},
                           kT0 + 6000).ok);
  EXPECT_EQ(office.data().campaign.lectures.size(), s.office.campaign.lectures.size());
  EXPECT_TRUE(office.data().tombstones.empty());
  // The liaison's own deletion of the version the office deleted is nothing new.
  Scene t;
  t.LiaisonRemoves();
  Workspace office2(t.office, 9, kOffice);
  ASSERT_TRUE(office2.Apply({"lecture.remove", {{"id", t.lecture_id}}}, kT0 + 2000).ok);
  MergePlan p2 = PlanBundleImport(office2.data(), t.Export());
  EXPECT_FALSE(p2.HasChanges());
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
  broken["deletions"][0].erase("updated");
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
  MergePlan plan = PlanBundleImport(s.office, ReadBundle(sealed).bundle);
  ASSERT_TRUE(plan.ok);
  EXPECT_EQ(plan.deleted, 1);
}

}  // namespace
}  // namespace zj

// Liaison bundles merged by revision lineage (core/exchange/merge.h): a phone on its own copy of the town and an
// office that loaded the town later agree on every record's revision, so the phone's edits arrive as updates; edits
// on both sides are a conflict a person resolves field by field; the same bundle twice changes nothing; the import
// is one undoable command; a bundle of another town is refused by name; bundles from before revisions still import.
// Expected values are worked out by hand from the demo town (MakeDemoDataset(2018, 2018)).
#include <gtest/gtest.h>

#include "core/data/records.h"
#include "core/data/workspace.h"
#include "core/demo/demo.h"
#include "core/exchange/bundle.h"
#include "core/exchange/merge.h"

namespace zj {
namespace {
using nlohmann::json;

constexpr TimestampMs kT0 = 1521763200000;  // 2018-03-23T00:00:00Z
const std::string kLiaison = "1111222233334444";
const std::string kOffice = "aaaabbbbccccdddd";

// The office and a liaison's phone, each with its own copy of the same town file, made at different times (as when
// the phone opened the app from the poster's QR code and the office's browser loaded the town later).
struct Scene {
  Workspace office{MakeDemoDataset(2018, 2018, kDemoNow + 86400000), 9, kOffice};
  Workspace liaison{MakeDemoDataset(2018, 2018, kDemoNow), 7, kLiaison};
  Id lecture = office.data().campaign.lectures.at(1).meta.id;

  void Ok(Workspace& ws, const Command& c, TimestampMs t) {
    ApplyResult r = ws.Apply(c, t);
    ASSERT_TRUE(r.ok) << c.name << ": " << r.problem.message_zh;
  }
  Bundle Export(std::optional<TimestampMs> since = std::nullopt, TimestampMs to = kT0 + 5000) {
    Bundle b = MakeBundle(liaison.data(), kLiaison, since, to);
    BundleReadResult r = ReadBundle(BundleToJson(b));
    EXPECT_TRUE(r.ok) << r.problem.message_zh;
    return r.bundle;
  }
  ApplyResult Import(const Bundle& b, json choices = json::object(), TimestampMs t = kT0 + 6000) {
    Bundle copy = b;
    return office.Apply({"bundle.import", {{"bundle", json::parse(BundleToJson(copy))}, {"choices", choices}}}, t);
  }
  const Lecture& OfficeLecture() const {
    for (const Lecture& l : office.data().campaign.lectures)
      if (l.meta.id == lecture) return l;
    static Lecture none;
    ADD_FAILURE() << "lecture gone";
    return none;
  }
};

TEST(Revisions, SameTownFileSameRevisionsOnEveryDevice) {
  Scene s;
  ASSERT_EQ(s.office.data().campaign.lectures.size(), s.liaison.data().campaign.lectures.size());
  for (size_t i = 0; i < s.office.data().campaign.lectures.size(); ++i) {
    const RecordMeta& a = s.office.data().campaign.lectures[i].meta;
    const RecordMeta& b = s.liaison.data().campaign.lectures[i].meta;
    EXPECT_EQ(a.id, b.id);
    EXPECT_NE(a.created, b.created);  // loaded a day apart ...
    EXPECT_EQ(a.rev, b.rev);          // ... same revision
    EXPECT_EQ(a.rev.gen, 1u);
  }
  // A change bumps the generation and remembers the revision it was made on.
  const Rev before = s.liaison.data().campaign.lectures[1].meta.rev;
  s.Ok(s.liaison, {"lecture.update", {{"id", s.lecture}, {"place", "镇委党校二楼"}}}, kT0 + 1000);
  const RecordMeta& m = s.liaison.data().campaign.lectures[1].meta;
  EXPECT_EQ(m.rev.gen, 2u);
  ASSERT_EQ(m.revs.size(), 1u);
  EXPECT_EQ(m.revs[0], before);
  // Saved and loaded, the revisions stay.
  LoadResult lr = LoadDataset(SaveDataset(s.liaison.data()));
  ASSERT_TRUE(lr.ok) << lr.problems.front().message_zh;
  EXPECT_EQ(lr.dataset.campaign.lectures[1].meta.rev, m.rev);
  EXPECT_EQ(lr.dataset.campaign.lectures[1].meta.revs, m.revs);
}

TEST(Merge, PhoneOnItsOwnCopyArrivesAsUpdatesNotConflicts) {
  Scene s;
  // On the phone: the lecture's place, then it is held with two attending; a talk recorded.
  s.Ok(s.liaison, {"lecture.update", {{"id", s.lecture}, {"place", "镇委党校二楼"}}}, kT0 + 1000);
  s.Ok(s.liaison, {"lecture.set_held", {{"id", s.lecture}, {"held", true}, {"date", "2018-03-28"}}}, kT0 + 1100);
  const Id m0 = s.liaison.data().org.members[0].meta.id, m1 = s.liaison.data().org.members[1].meta.id;
  s.Ok(s.liaison, {"lecture.attend", {{"id", s.lecture}, {"person_ids", {m0, m1}}, {"present", true}}}, kT0 + 1200);
  Bundle b = s.Export();
  ASSERT_EQ(b.records.size(), 1u);  // one lecture, changed three times
  MergePlan plan = PlanBundleImport(s.office.data(), b);
  ASSERT_TRUE(plan.ok) << plan.problem.message_zh;
  EXPECT_EQ(plan.changed, 1);
  EXPECT_EQ(plan.conflicts, 0);
  EXPECT_EQ(plan.items[0].label, s.OfficeLecture().theme_zh + " 2018-03-28");  // named by what it is
  ApplyResult r = s.Import(b);
  ASSERT_TRUE(r.ok) << r.problem.message_zh;
  EXPECT_EQ(s.OfficeLecture().place, "镇委党校二楼");
  EXPECT_TRUE(s.OfficeLecture().held);
  EXPECT_EQ(s.OfficeLecture().attendee_ids.size(), 2u);
  EXPECT_EQ(s.OfficeLecture().meta.rev, s.liaison.data().campaign.lectures[1].meta.rev);  // revision kept
  ASSERT_EQ(s.office.data().import_log.size(), 1u);
  EXPECT_EQ(s.office.data().import_log[0].body["changed"], 1);
}

TEST(Merge, SameBundleTwiceAndAgainInANewExportChangeNothing) {
  Scene s;
  s.Ok(s.liaison, {"lecture.update", {{"id", s.lecture}, {"place", "村部"}}}, kT0 + 1000);
  Bundle b = s.Export();
  ASSERT_TRUE(s.Import(b).ok);
  const std::string after = SaveDataset(s.office.data());
  const uint64_t rev = s.office.revision();
  MergePlan again = PlanBundleImport(s.office.data(), b);
  EXPECT_TRUE(again.already_imported);
  EXPECT_FALSE(again.HasChanges());
  ApplyResult r = s.Import(b, json::object(), kT0 + 7000);
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(r.unchanged);
  EXPECT_EQ(s.office.revision(), rev);
  EXPECT_EQ(SaveDataset(s.office.data()), after);
  // A new export holding the same record (another checksum): present, nothing changes.
  Bundle b2 = s.Export(std::nullopt, kT0 + 8000);
  ASSERT_NE(b2.sha256, b.sha256);
  MergePlan third = PlanBundleImport(s.office.data(), b2);
  EXPECT_FALSE(third.already_imported);
  EXPECT_FALSE(third.HasChanges());
  EXPECT_EQ(third.present, 1);
}

TEST(Merge, ImportIsOneCommandAndUndoRestoresTheDatasetExactly) {
  Scene s;
  s.Ok(s.liaison, {"lecture.update", {{"id", s.lecture}, {"place", "村部"}}}, kT0 + 1000);
  const std::string before = SaveDataset(s.office.data());
  ASSERT_TRUE(s.Import(s.Export()).ok);
  EXPECT_EQ(s.office.UndoName(), "bundle.import");
  EXPECT_NE(SaveDataset(s.office.data()), before);
  ASSERT_TRUE(s.office.Undo(kT0 + 9000));
  EXPECT_EQ(SaveDataset(s.office.data()), before);
  ASSERT_TRUE(s.office.Redo(kT0 + 9100));
  EXPECT_EQ(s.OfficeLecture().place, "村部");
}

TEST(Merge, BothSidesEditedIsAConflictResolvedFieldByField) {
  Scene s;
  s.Ok(s.liaison, {"lecture.update", {{"id", s.lecture}, {"place", "村部"}, {"guest_lecturers", "农技站 李工"}}}, kT0 + 1000);
  s.Ok(s.office, {"lecture.update", {{"id", s.lecture}, {"place", "镇会议室"}}}, kT0 + 2000);
  Bundle b = s.Export();
  MergePlan plan = PlanBundleImport(s.office.data(), b);
  ASSERT_TRUE(plan.ok);
  EXPECT_EQ(plan.conflicts, 1);
  ASSERT_EQ(plan.conflict_list.size(), 1u);
  const MergeConflict& c = plan.conflict_list[0];
  EXPECT_EQ(c.local["place"], "镇会议室");  // both versions shown
  EXPECT_EQ(c.incoming["place"], "村部");
  EXPECT_EQ(c.fields, (std::vector<std::string>{"guest_lecturers", "place"}));
  // Nothing chosen: the office's version stays, the liaison's is logged.
  {
    Scene t = s;
    ASSERT_TRUE(t.Import(b).ok);
    EXPECT_EQ(t.OfficeLecture().place, "镇会议室");
    EXPECT_EQ(t.OfficeLecture().guest_lecturers, s.OfficeLecture().guest_lecturers);
    const json& log = t.office.data().import_log[0].body["conflict_log"];
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0]["kept"], "local");
    EXPECT_EQ(log[0]["other"]["place"], "村部");
    // The same liaison version does not conflict again: the office's version now descends from it.
    MergePlan again = PlanBundleImport(t.office.data(), s.Export(std::nullopt, kT0 + 7000));
    EXPECT_EQ(again.conflicts, 0);
  }
  // The person takes the liaison's lecturer but keeps the office's place: a new revision descending from both.
  ASSERT_TRUE(s.Import(b, {{"0", {{"fields", {"guest_lecturers"}}}}}).ok);
  EXPECT_EQ(s.OfficeLecture().place, "镇会议室");
  EXPECT_EQ(s.OfficeLecture().guest_lecturers, "农技站 李工");
  EXPECT_EQ(s.OfficeLecture().meta.rev.gen, 3u);
  EXPECT_TRUE(s.OfficeLecture().meta.Knows(s.liaison.data().campaign.lectures[1].meta.rev));
  // Back on the phone with the office's backup, the liaison's next edit is an update again.
  Workspace phone(s.office.data(), 11, kLiaison);
  ASSERT_TRUE(phone.Apply({"lecture.update", {{"id", s.lecture}, {"place", "文化礼堂"}}}, kT0 + 9000).ok);
  Bundle next = MakeBundle(phone.data(), kLiaison, kT0 + 8500, kT0 + 9500);
  MergePlan p3 = PlanBundleImport(s.office.data(), ReadBundle(BundleToJson(next)).bundle);
  EXPECT_EQ(p3.changed, 1);
  EXPECT_EQ(p3.conflicts, 0);
}

TEST(Merge, DeletionsByRevision) {
  Scene s;
  const auto& lectures = s.liaison.data().campaign.lectures;
  // A lecture not held and without attendance may be removed.
  Id removable;
  for (const Lecture& l : lectures)
    if (!l.held && l.attendee_ids.empty()) removable = l.meta.id;
  ASSERT_FALSE(removable.empty());
  s.Ok(s.liaison, {"lecture.remove", {{"id", removable}}}, kT0 + 1000);
  ASSERT_EQ(s.liaison.data().tombstones.size(), 1u);
  const size_t n = s.office.data().campaign.lectures.size();
  // The office did not touch it: deleted.
  {
    Scene t = s;
    MergePlan plan = PlanBundleImport(t.office.data(), t.Export());
    EXPECT_EQ(plan.deleted, 1);
    ASSERT_TRUE(t.Import(t.Export()).ok);
    EXPECT_EQ(t.office.data().campaign.lectures.size(), n - 1);
    EXPECT_EQ(t.office.data().tombstones.size(), 1u);
  }
  // The office edited it meanwhile: a conflict; kept unless the person chooses the deletion.
  s.Ok(s.office, {"lecture.update", {{"id", removable}, {"place", "镇会议室"}}}, kT0 + 2000);
  MergePlan plan = PlanBundleImport(s.office.data(), s.Export());
  EXPECT_EQ(plan.conflicts, 1);
  EXPECT_TRUE(plan.items[0].deletion);
  EXPECT_TRUE(plan.conflict_list[0].incoming.is_null());
  {
    Scene t = s;
    ASSERT_TRUE(t.Import(t.Export()).ok);
    EXPECT_EQ(t.office.data().campaign.lectures.size(), n);
  }
  ASSERT_TRUE(s.Import(s.Export(), {{"0", {{"take_incoming", true}}}}).ok);
  EXPECT_EQ(s.office.data().campaign.lectures.size(), n - 1);
}

TEST(Merge, BundleOfAnotherTownRefusedByName) {
  Scene s;
  s.Ok(s.liaison, {"lecture.update", {{"id", s.lecture}, {"place", "村部"}}}, kT0 + 1000);
  Dataset other = s.liaison.data();
  other.id_salt = std::string(32, 'e');
  other.org.town_name = "青石镇";
  Bundle made = MakeBundle(other, kLiaison, std::nullopt, kT0 + 5000);
  Bundle b = ReadBundle(BundleToJson(made)).bundle;
  MergePlan plan = PlanBundleImport(s.office.data(), b);
  EXPECT_FALSE(plan.ok);
  EXPECT_EQ(plan.problem.path, "/id_salt");
  EXPECT_NE(plan.problem.message_zh.find("青石镇"), std::string::npos);
  EXPECT_NE(plan.problem.message_zh.find("渔洋镇"), std::string::npos);
  const std::string before = SaveDataset(s.office.data());
  EXPECT_FALSE(s.Import(b).ok);
  EXPECT_EQ(SaveDataset(s.office.data()), before);
}

TEST(Merge, RecordThatCannotBeReadOrReferencesNothingRefused) {
  Scene s;
  s.Ok(s.liaison, {"lecture.update", {{"id", s.lecture}, {"place", "村部"}}}, kT0 + 1000);
  Bundle b = MakeBundle(s.liaison.data(), kLiaison, std::nullopt, kT0 + 5000);
  b.records[0].record["date"] = "2018-02-30";
  b = ReadBundle(BundleToJson(b)).bundle;
  MergePlan plan = PlanBundleImport(s.office.data(), b);
  EXPECT_FALSE(plan.ok);
  EXPECT_NE(plan.problem.message_zh.find("无法读取"), std::string::npos);
  // A point entry of a member the office does not have: the import is refused and changes nothing.
  Bundle e = MakeBundle(s.liaison.data(), kLiaison, std::nullopt, kT0 + 5000);
  PointEntry x = s.liaison.data().points.entries.at(0);
  x.meta.id = "00000000000000ee";
  x.member_id = "0123456789abcdef";
  x.meta.device = kLiaison;
  e.records.push_back({"/points/entries", ToJson(x)});
  e = ReadBundle(BundleToJson(e)).bundle;
  const std::string before = SaveDataset(s.office.data());
  ApplyResult r = s.Import(e);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.problem.message_zh.find("导入后的数据有"), std::string::npos);
  EXPECT_EQ(SaveDataset(s.office.data()), before);
}

TEST(Merge, BundleFromBeforeRevisionsStillImports) {
  Scene s;
  s.Ok(s.liaison, {"lecture.update", {{"id", s.lecture}, {"place", "村部"}}}, kT0 + 1000);
  Bundle b = MakeBundle(s.liaison.data(), kLiaison, kT0, kT0 + 5000);
  b.format_version = 2;
  for (BundleRecord& r : b.records) {
    r.record.erase("rev");
    r.record.erase("revs");
  }
  b = ReadBundle(BundleToJson(b)).bundle;
  ASSERT_EQ(b.format_version, 2);
  // The office's copy was written by the office's device before the hand-off: an update by the old rule.
  MergePlan plan = PlanBundleImport(s.office.data(), b);
  ASSERT_TRUE(plan.ok) << plan.problem.message_zh;
  EXPECT_EQ(plan.changed + plan.conflicts, 1);
  ASSERT_TRUE(s.Import(b, {{"0", {{"take_incoming", true}}}}).ok);
  EXPECT_EQ(s.OfficeLecture().place, "村部");
}

TEST(Diff, CountsAddedChangedRemovedAndTellsAnotherTown) {
  Scene s;
  s.Ok(s.liaison, {"lecture.update", {{"id", s.lecture}, {"place", "村部"}}}, kT0 + 1000);
  Dataset incoming = s.liaison.data();
  incoming.org.members.pop_back();
  Lecture extra = incoming.campaign.lectures[0];
  extra.meta.id = "00000000000000aa";
  incoming.campaign.lectures.push_back(extra);
  DatasetDiff d = DiffDatasets(s.office.data(), incoming);
  EXPECT_EQ(d.added, 1);
  EXPECT_EQ(d.changed, 1);
  EXPECT_EQ(d.removed, 1);
  EXPECT_GT(d.same, 10);
  EXPECT_FALSE(d.other_dataset);
  DatasetDiff none = DiffDatasets(s.office.data(), s.office.data());
  EXPECT_EQ(none.added + none.changed + none.removed, 0);
  incoming.id_salt = std::string(32, 'e');
  EXPECT_TRUE(DiffDatasets(s.office.data(), incoming).other_dataset);
}

}  // namespace
}  // namespace zj

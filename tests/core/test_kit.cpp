// The liaison kit (core/exchange/kit.h): the office puts part of its town on a liaison's phone; what the phone
// records comes back as edits of the office's own records (updates, not conflicts); the kit carries no talk record
// in clear under the lock and says whose it is; it saves and loads like any dataset.
#include <gtest/gtest.h>

#include "core/data/workspace.h"
#include "core/demo/demo.h"
#include "core/exchange/bundle.h"
#include "core/exchange/kit.h"
#include "core/exchange/merge.h"

namespace zj {
namespace {
using nlohmann::json;

constexpr TimestampMs kT0 = 1521763200000;
const std::string kPhone = "1111222233334444";

TEST(Kit, HoldsTheLiaisonsBranchesAndMergesBackAsUpdates) {
  Workspace office(MakeDemoDataset(2018, 2018), 9, "aaaabbbbccccdddd");
  const Dataset& o = office.data();
  const Id b0 = o.org.branches[0].meta.id, b1 = o.org.branches[1].meta.id;
  Problem problem;
  auto kit = MakeLiaisonKit(o, {"王联络员", {b0, b1}}, kT0, problem);
  ASSERT_TRUE(kit) << problem.message_zh;
  ASSERT_EQ(kit->org.branches.size(), 2u);
  size_t members = 0;
  for (const Member& m : o.org.members) members += m.branch_id == b0 || m.branch_id == b1;
  EXPECT_EQ(kit->org.members.size(), members);
  for (const PointEntry& e : kit->points.entries) EXPECT_GE(FindMember(kit->org, e.member_id), 0);
  for (const Talk& t : kit->campaign.talks) EXPECT_TRUE(t.pair.branch_id == b0 || t.pair.branch_id == b1);
  EXPECT_EQ(KitBranchNames(*kit), o.org.branches[0].name + "、" + o.org.branches[1].name);
  EXPECT_TRUE(CheckReferences(*kit).empty()) << CheckReferences(*kit).front().path;
  // Saved and loaded like any dataset, the kit says whose it is.
  LoadResult lr = LoadDataset(SaveDataset(*kit));
  ASSERT_TRUE(lr.ok) << lr.problems.front().path << " " << lr.problems.front().message_zh;
  ASSERT_TRUE(lr.dataset.kit);
  EXPECT_EQ(lr.dataset.kit->liaison, "王联络员");
  // On the phone: a member's phone number, a point entry, the first kit lecture's place.
  Workspace phone(std::move(lr.dataset), 5, kPhone);
  const Id m = phone.data().org.members[0].meta.id;
  ASSERT_TRUE(phone.Apply({"member.update", {{"id", m}, {"phone", "13900000000"}}}, kT0 + 1000).ok);
  const Id lecture = phone.data().campaign.lectures[1].meta.id;
  ASSERT_TRUE(phone.Apply({"lecture.update", {{"id", lecture}, {"place", "村部会议室"}}}, kT0 + 2000).ok);
  Bundle b = MakeBundle(phone.data(), kPhone, std::nullopt, kT0 + 3000);
  b = ReadBundle(BundleToJson(b)).bundle;
  MergePlan plan = PlanBundleImport(office.data(), b);
  ASSERT_TRUE(plan.ok) << plan.problem.message_zh;
  EXPECT_EQ(plan.changed, 2);
  EXPECT_EQ(plan.conflicts, 0);
  EXPECT_EQ(plan.added, 0);
  ASSERT_TRUE(office.Apply({"bundle.import", {{"bundle", json::parse(BundleToJson(b))}}}, kT0 + 4000).ok);
  EXPECT_EQ(office.data().org.members[FindMember(office.data().org, m)].phone, "13900000000");
}

TEST(Kit, NoTalkRecordInClearUnderTheLockAndBadScopesRefused) {
  Dataset o = MakeDemoDataset(2018, 2018);
  Problem problem;
  EXPECT_FALSE(MakeLiaisonKit(o, {"", {o.org.branches[0].meta.id}}, kT0, problem));
  EXPECT_EQ(problem.path, "/liaison");
  EXPECT_FALSE(MakeLiaisonKit(o, {"王", {}}, kT0, problem));
  EXPECT_FALSE(MakeLiaisonKit(o, {"王", {"ffffffffffffffff"}}, kT0, problem));
  EXPECT_NE(problem.message_zh.find("不存在"), std::string::npos);
  // Under the lock: a sealed talk travels sealed; one waiting for sealing stays home.
  o.campaign.talk_lock = TalkLock{600000, "c2FsdA==", SealedBox{"aXY=", "Y3Q="}, kT0};
  int with_record = 0;
  Id sealed_branch;
  for (Talk& t : o.campaign.talks)
    if (t.record) {
      if (with_record++ == 0) {
        t.sealed = SealedBox{"aXY=", "c2VhbGVk"};
        sealed_branch = t.pair.branch_id;
      }
    }
  ASSERT_GE(with_record, 1);
  std::vector<Id> all;
  for (const Branch& b : o.org.branches) all.push_back(b.meta.id);
  auto kit = MakeLiaisonKit(o, {"王", all}, kT0, problem);
  ASSERT_TRUE(kit);
  int sealed = 0;
  for (const Talk& t : kit->campaign.talks) {
    EXPECT_FALSE(t.record.has_value());
    sealed += t.sealed.has_value();
  }
  EXPECT_EQ(sealed, 1);
  EXPECT_EQ(kit->campaign.talks.size(), o.campaign.talks.size() - static_cast<size_t>(with_record - 1));
  const std::string text = SaveDataset(*kit);
  for (const Talk& t : o.campaign.talks) {
    if (t.record && !t.record->notes.empty()) {
      EXPECT_EQ(text.find(t.record->notes), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace zj

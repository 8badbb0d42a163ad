// The passphrase lock on talk records (core/campaign/talks.h TalkLock,
// SealedBox; commands talk_lock.set / talk_lock.remove in core/campaign/commands_campaign.cpp). Core never sees the
// passphrase or the key: these tests use made-up ciphertexts and check that core keeps them, never writes a
// sealed record's plaintext, counts sealed talks as held, and refuses to change or drop a closed record.
#include <gtest/gtest.h>

#include "core/exchange/bundle.h"
#include "core/report/closing_report.h"
#include "core/demo/demo.h"
#include "core/exchange/merge.h"
#include "core/campaign/progress.h"
#include "core/data/workspace.h"
#include "test_campaign_town.h"

namespace zj {
namespace {
using namespace testtown;
using nlohmann::json;

constexpr TimestampMs kNow = 1521532800000;  // 2018-03-20T08:00:00Z
const char* kNotes = "两委团结。拟推荐张某为后备干部";

const json kLockArgs = {{"iterations", 600000},
                        {"salt", "c2FsdHNhbHRzYWx0c2FsdA=="},
                        {"check", {{"iv", "AAAAAAAAAAAAAAAA"}, {"ct", "Y2hlY2tjaGVja2NoZWNr"}}}};

struct LockFixture {
  std::unique_ptr<Workspace> ws;
  Id sec;  // a secretary talk with a record
  LockFixture() {
    IdGenerator ids(7);
    Dataset d;
    d.org = SmallTown();
    d.campaign = DefaultCampaign(2018, ids, kNow, "t");
    ws = std::make_unique<Workspace>(std::move(d), 11, "dev");
    RegisterBuiltinCommands(*ws);
    EXPECT_TRUE(Do("talk.schedule", {{"from", "2018-03-26"}, {"to", "2018-04-27"}}).ok);
    for (const Talk& t : data().campaign.talks)
      if (t.pair.kind == TalkKind::SecretaryWithVillageSecretary && sec.empty()) sec = t.meta.id;
    EXPECT_TRUE(Do("talk.record", {{"id", sec}, {"held_on", "2018-04-02"}, {"topics_covered", {0, 1}},
                                   {"notes", kNotes}, {"intention", "stay"}}).ok);
  }
  const Dataset& data() const { return ws->data(); }
  ApplyResult Do(const std::string& name, json args) { return ws->Apply({name, std::move(args)}, kNow); }
  const Talk& talk() const {
    for (const Talk& t : data().campaign.talks)
      if (t.meta.id == sec) return t;
    throw std::runtime_error("no talk");
  }
  /// What the shell does once WebCrypto sealed the record: keeps the SealedBox beside it.
  void Seal() {
    ws->UpdateSealing([&](std::vector<Talk>& talks) {
      for (size_t i : TalksToSeal(talks)) talks[i].sealed = SealedBox{"aXZpdml2aXZpdml2", "c2VhbGVk" + talks[i].meta.id};
    });
  }
};

TEST(TalkLock, SealedRecordIsStoredWithoutPlaintextAndStillCountsAsHeld) {
  LockFixture f;
  ASSERT_TRUE(f.Do("talk_lock.set", kLockArgs).ok);
  ASSERT_EQ(TalksToSeal(f.data().campaign.talks).size(), 1u);  // the one record waits for sealing
  f.Seal();
  EXPECT_TRUE(TalksToSeal(f.data().campaign.talks).empty());
  const std::string text = SaveDataset(f.data());
  EXPECT_EQ(text.find("两委团结"), std::string::npos) << "a sealed record's notes were written in clear";
  EXPECT_NE(text.find("c2VhbGVk" + f.sec), std::string::npos);

  // Reading it back: the lock's parameters, the sealed box, no readable record, and the talk counts as held.
  LoadResult loaded = LoadDataset(text);
  ASSERT_TRUE(loaded.ok) << loaded.problems.front().path << " " << loaded.problems.front().message_en;
  const Dataset& back = loaded.dataset;
  ASSERT_TRUE(back.campaign.talk_lock.has_value());
  EXPECT_EQ(back.campaign.talk_lock->iterations, 600000);
  EXPECT_EQ(back.campaign.talk_lock->salt, "c2FsdHNhbHRzYWx0c2FsdA==");
  EXPECT_EQ(back.campaign.talk_lock->check.ct, "Y2hlY2tjaGVja2NoZWNr");
  EXPECT_EQ(back.campaign.talk_lock->set_at, kNow);
  int held = 0, sealed = 0;
  for (const Talk& t : back.campaign.talks) {
    held += t.Held();
    sealed += t.sealed.has_value();
    EXPECT_FALSE(t.record.has_value());
  }
  EXPECT_EQ(held, 1);
  EXPECT_EQ(sealed, 1);
  EXPECT_EQ(SaveDataset(back), text);  // a locked copy saves byte for byte as it was read
  // The closing report and progress count the sealed talk as done without reading it.
  const ClosingReport report = BuildClosingReport(back, D("2018-04-30"));
  int recorded = 0;
  for (const auto& k : report.talks) recorded += k.recorded;
  EXPECT_EQ(recorded, 1);
  int branch_recorded = 0;
  for (const auto& row : report.branches) branch_recorded += row.talks_recorded;
  EXPECT_EQ(branch_recorded, 1);
}

TEST(TalkLock, ClosedRecordCannotBeChangedClearedOrUnlocked) {
  LockFixture f;
  ASSERT_TRUE(f.Do("talk_lock.set", kLockArgs).ok);
  f.Seal();
  f.ws->UpdateSealing([](std::vector<Talk>& talks) { EXPECT_EQ(HideSealedRecords(talks), 1); });
  ASSERT_TRUE(f.ws->CanUndo());
  f.ws->ForgetReadableHistory();  // what closing the lock does: undo copies held the readable record
  EXPECT_FALSE(f.ws->CanUndo());
  for (const AuditEntry& e : f.ws->audit())
    if (e.command == "talk.record") {
      EXPECT_EQ(e.args.dump().find("两委团结"), std::string::npos);
    }
  ASSERT_FALSE(f.talk().record.has_value());
  ASSERT_TRUE(f.talk().Held());
  const std::string before = SaveDataset(f.data());
  for (const auto& [name, args] : std::vector<std::pair<std::string, json>>{
           {"talk.record", {{"id", f.sec}, {"notes", "覆盖"}}},
           {"talk.clear_record", {{"id", f.sec}}},
           {"talk_lock.remove", json::object()},
           {"talk_lock.set", kLockArgs}}) {
    ApplyResult r = f.Do(name, args);
    EXPECT_FALSE(r.ok) << name;
    EXPECT_FALSE(r.problem.message_zh.empty());
    EXPECT_EQ(SaveDataset(f.data()), before) << name << " changed a locked dataset";
  }
  EXPECT_NE(f.Do("talk.record", {{"id", f.sec}, {"notes", "x"}}).problem.message_zh.find("口令"), std::string::npos);
}

TEST(TalkLock, EditingAnOpenRecordDropsTheStaleSealAndRemovingTheLockKeepsRecords) {
  LockFixture f;
  ASSERT_TRUE(f.Do("talk_lock.set", kLockArgs).ok);
  f.Seal();
  // Open (the shell put the decrypted record back; here it never left): editing it drops the old seal.
  ASSERT_TRUE(f.Do("talk.record", {{"id", f.sec}, {"place", "东湖村委会"}}).ok);
  EXPECT_FALSE(f.talk().sealed.has_value());
  EXPECT_EQ(TalksToSeal(f.data().campaign.talks).size(), 1u);
  // Undo brings back the earlier state, sealed copy included.
  ASSERT_TRUE(f.ws->Undo(kNow));
  EXPECT_TRUE(f.talk().sealed.has_value());
  // Removing the lock with every record open: records stay readable, nothing sealed, no lock.
  ASSERT_TRUE(f.Do("talk_lock.remove", json::object()).ok);
  EXPECT_FALSE(f.data().campaign.talk_lock.has_value());
  EXPECT_FALSE(f.talk().sealed.has_value());
  ASSERT_TRUE(f.talk().record.has_value());
  EXPECT_EQ(f.talk().record->notes, kNotes);
  EXPECT_NE(SaveDataset(f.data()).find("两委团结"), std::string::npos);
}

TEST(TalkLock, SetRefusesWeakOrIncompleteParameters) {
  LockFixture f;
  json weak = kLockArgs;
  weak["iterations"] = 100000;  // below kMinLockIterations (310,000)
  EXPECT_FALSE(f.Do("talk_lock.set", weak).ok);
  json nosalt = kLockArgs;
  nosalt.erase("salt");
  EXPECT_FALSE(f.Do("talk_lock.set", nosalt).ok);
  json nocheck = kLockArgs;
  nocheck["check"] = {{"iv", ""}, {"ct", "x"}};
  EXPECT_FALSE(f.Do("talk_lock.set", nocheck).ok);
  EXPECT_FALSE(f.data().campaign.talk_lock.has_value());
}

TEST(TalkLock, RecordJsonRoundTripAndSealedWithoutLockIsReported) {
  TalkRecord r;
  r.held_on = D("2018-04-02");
  r.start_minute = 570;
  r.topics_covered = {0, 3, 5};
  r.notes = "第一行\n第二行 \"引号\" 𠮷";
  r.intention = Intention::Move;
  r.reserve_cadre_ids = {"m13"};
  const json j = TalkRecordToJson(r);
  EXPECT_EQ(j["intention"], "move");
  Problems problems;
  auto back = TalkRecordFromJson(json::parse(j.dump()), TalkKind::SecretaryWithVillageSecretary, NoticeTalkTopics(),
                                 "/r", problems);
  ASSERT_TRUE(back.has_value());
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(back->notes, r.notes);
  EXPECT_EQ(back->topics_covered, r.topics_covered);
  EXPECT_EQ(back->intention, Intention::Move);
  EXPECT_FALSE(TalkRecordFromJson(json::parse("{\"notes\":\"x\"}"), TalkKind::SecretaryWithVillageSecretary,
                                  NoticeTalkTopics(), "/r", problems).has_value());  // no held_on

  // A sealed talk in a file without talk_lock can never be opened: kept, and reported.
  LockFixture f;
  ASSERT_TRUE(f.Do("talk_lock.set", kLockArgs).ok);
  f.Seal();
  json doc = json::parse(SaveDataset(f.data()));
  doc["campaign"].erase("talk_lock");
  LoadResult r2 = LoadDataset(doc.dump());
  ASSERT_FALSE(r2.ok);
  ASSERT_FALSE(r2.problems.empty());
  EXPECT_NE(r2.problems.front().path.find("/sealed"), std::string::npos);
  int sealed = 0;
  for (const Talk& t : r2.dataset.campaign.talks) sealed += t.sealed.has_value();
  EXPECT_EQ(sealed, 1);
}

// A liaison who locked their own talk records hands in a bundle: it carries the lock's parameters (inside the
// checksum); an office without a lock takes the lock, and the sealed record arrives sealed (never in clear).
// An office with another lock keeps the record sealed and is told the passphrases differ.
TEST(TalkLock, BundleCarriesTheLockAndTheOfficeAdoptsIt) {
  const std::string liaison_dev = "1111222233334444";
  Dataset office = MakeDemoDataset(2018, 2018);
  Dataset liaison = office;
  TalkLock lock;
  lock.salt = "bGlhaXNvbi1zYWx0LTAwMQ==";
  lock.check = SealedBox{"Y2hlY2s=", "Y2hlY2tjdA=="};
  liaison.campaign.talk_lock = lock;
  Talk& t = liaison.campaign.talks.at(5);
  ASSERT_FALSE(t.Held());
  t.sealed = SealedBox{"aXY=", "c2VhbGVkLXJlY29yZA=="};
  t.meta.updated = 1521763300000;
  t.meta.device = liaison_dev;
  t.meta.revs = {t.meta.rev};  // changed on the phone: a new revision on the office's
  t.meta.rev = Rev{t.meta.rev.gen + 1, 0x5ea1ed00};
  Bundle made = MakeBundle(liaison, liaison_dev, 1521763200000, 1521763400000);
  ASSERT_EQ(made.records.size(), 1u);
  ASSERT_TRUE(made.talk_lock.is_object());
  const std::string text = BundleToJson(made);
  EXPECT_EQ(text.find("稻虾共作"), std::string::npos);
  BundleReadResult read = ReadBundle(text);
  ASSERT_TRUE(read.ok) << read.problem.message_zh;
  EXPECT_EQ(read.bundle.talk_lock["salt"], lock.salt);
  // Tampering with the lock breaks the checksum.
  json bad = json::parse(text);
  bad["talk_lock"]["salt"] = "b3RoZXItc2FsdC0wMDAwMA==";
  EXPECT_FALSE(ReadBundle(bad.dump()).ok);

  MergePlan plan = PlanBundleImport(office, read.bundle);
  ASSERT_TRUE(plan.ok) << plan.problem.message_zh;
  EXPECT_TRUE(plan.lock_adopted);
  EXPECT_FALSE(plan.lock_differs);
  Workspace ws(office, 3, "aaaabbbbccccdddd");
  ASSERT_TRUE(ws.Apply({"bundle.import", {{"bundle", json::parse(text)}}}, 1521763500000).ok);
  ASSERT_TRUE(ws.data().campaign.talk_lock.has_value());
  EXPECT_EQ(ws.data().campaign.talk_lock->salt, lock.salt);
  const Talk& got = ws.data().campaign.talks.at(5);
  ASSERT_TRUE(got.sealed.has_value());
  EXPECT_EQ(got.sealed->ct, "c2VhbGVkLXJlY29yZA==");
  EXPECT_TRUE(got.Held());
  EXPECT_FALSE(got.record.has_value());

  // An office with its own lock: kept sealed, told the passphrases differ, its own lock stays.
  TalkLock own = lock;
  own.salt = "b2ZmaWNlLXNhbHQtMDAwMDA=";
  office.campaign.talk_lock = own;
  MergePlan other = PlanBundleImport(office, read.bundle);
  ASSERT_TRUE(other.ok) << other.problem.message_zh;
  EXPECT_FALSE(other.lock_adopted);
  EXPECT_TRUE(other.lock_differs);
  Workspace ws2(office, 3, "aaaabbbbccccdddd");
  ASSERT_TRUE(ws2.Apply({"bundle.import", {{"bundle", json::parse(text)}}}, 1521763500000).ok);
  EXPECT_EQ(ws2.data().campaign.talk_lock->salt, own.salt);
  EXPECT_TRUE(ws2.data().campaign.talks.at(5).sealed.has_value());
}

}  // namespace
}  // namespace zj

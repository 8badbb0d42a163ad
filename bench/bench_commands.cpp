// What one edit costs on a full-size town (docs/architecture.md "How a change travels"): 5,000 members (the demo
// town scaled to 8 x 625) and a year of points (24 entries a member, 120,000), through Workspace::Apply.
// Each command runs twice: as the core registers it (typed, through the Tx: it copies only what it touches) and
// as it ran before (the same handler in a transaction that copies every record and setting first and compares
// them all at commit, Tx::EditEverything — what the whole-dataset adapter did). Each iteration is undone,
// untimed, so every iteration sees the same town.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/data/command_table.h"
#include "core/demo/demo.h"

namespace zj {
namespace {

constexpr size_t kEntriesPerMember = 24;
constexpr TimestampMs kNow = kDemoNow + 86400000;

/// The demo town with 625 members in each of its 8 branches and exactly 24 point entries a member: the demo's
/// own entries, the first 24 of each member kept, and copies of them (new ids) for a member who has fewer.
Dataset FullTown() {
  Dataset d = MakeDemoDataset(2018, 2018, kDemoNow, DemoOptions{625});
  std::unordered_map<std::string, std::vector<PointEntry>> by_member;
  for (PointEntry& e : d.points.entries) {
    auto& v = by_member[e.member_id];
    if (v.size() < kEntriesPerMember) v.push_back(std::move(e));
  }
  d.points.entries.clear();
  IdGenerator ids(99);
  const std::vector<PointEntry>& some = by_member.begin()->second;
  for (const Member& m : d.org.members) {
    std::vector<PointEntry>& v = by_member[m.meta.id];
    for (size_t k = 0; v.size() < kEntriesPerMember; ++k) {
      PointEntry e = some[k % some.size()];
      e.meta.id = ids.Next();
      e.member_id = m.meta.id;
      v.push_back(std::move(e));
    }
    for (PointEntry& e : v) d.points.entries.push_back(std::move(e));
  }
  return d;
}

/// The typed command C also as "whole:<name>": the same handler, in a transaction that copies everything first.
template <class C>
void DefineWhole(Workspace& ws) {
  ws.Register(std::string("whole:") + C::kName, [](const nlohmann::json& args, Tx& tx) -> std::optional<Problem> {
    C c;
    if (auto p = FromArgs(args, c)) return p;
    tx.EditEverything();
    return Handle(c, tx);
  });
}

Workspace& Town() {
  static std::unique_ptr<Workspace> ws = [] {
    auto w = std::make_unique<Workspace>(FullTown(), 7, "0123456789abcdef");
    DefineWhole<MemberUpdate>(*w);
    DefineWhole<PointsRecordMany>(*w);
    DefineWhole<LectureAttend>(*w);
    return w;
  }();
  return *ws;
}

/// Applies `cmd` (named `name`, or "whole:" + name when `whole`) once per iteration, undoing it untimed.
void Run(benchmark::State& state, Command cmd, bool whole) {
  Workspace& ws = Town();
  if (whole) cmd.name = "whole:" + cmd.name;
  for (auto _ : state) {
    ApplyResult r = ws.Apply(cmd, kNow);
    if (!r.ok || r.unchanged) {
      state.SkipWithError((cmd.name + ": " + r.problem.message_en).c_str());
      break;
    }
    state.PauseTiming();
    ws.Undo(kNow);
    state.ResumeTiming();
  }
  state.counters["members"] = static_cast<double>(ws.data().org.members.size());
  state.counters["entries"] = static_cast<double>(ws.data().points.entries.size());
}

Command MemberUpdateCmd() {
  MemberUpdate c;
  c.id = Town().data().org.members[2500].meta.id;
  c.phone = "13900001234";
  return ToCommand(c);
}

/// Points for every member of the first branch (625 entries), one item, one day.
Command RecordManyCmd() {
  const Dataset& d = Town().data();
  PointsRecordMany c;
  c.member_ids.emplace();
  for (const Member& m : d.org.members)
    if (m.branch_id == d.org.branches[0].meta.id) c.member_ids->push_back(m.meta.id);
  for (const PointItem& it : d.points.catalogue.items)
    if (it.points > 0 && !c.item_id) c.item_id = it.meta.id;
  c.date = *Date::FromYmd(2018, 6, 1);
  return ToCommand(c);
}

/// One member ticked present at the first lecture.
Command AttendCmd() {
  const Dataset& d = Town().data();
  LectureAttend c;
  c.id = d.campaign.lectures[0].meta.id;
  const auto& present = d.campaign.lectures[0].attendee_ids;
  for (size_t i = 4000; i < d.org.members.size() && !c.person_id; ++i)
    if (std::find(present.begin(), present.end(), d.org.members[i].meta.id) == present.end())
      c.person_id = d.org.members[i].meta.id;
  c.present = true;
  return ToCommand(c);
}

void BM_MemberUpdate_Tx(benchmark::State& s) { Run(s, MemberUpdateCmd(), false); }
void BM_MemberUpdate_Whole(benchmark::State& s) { Run(s, MemberUpdateCmd(), true); }
void BM_PointsRecordManyBranch_Tx(benchmark::State& s) { Run(s, RecordManyCmd(), false); }
void BM_PointsRecordManyBranch_Whole(benchmark::State& s) { Run(s, RecordManyCmd(), true); }
void BM_LectureAttend_Tx(benchmark::State& s) { Run(s, AttendCmd(), false); }
void BM_LectureAttend_Whole(benchmark::State& s) { Run(s, AttendCmd(), true); }
BENCHMARK(BM_MemberUpdate_Tx)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MemberUpdate_Whole)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_PointsRecordManyBranch_Tx)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PointsRecordManyBranch_Whole)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_LectureAttend_Tx)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LectureAttend_Whole)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace zj

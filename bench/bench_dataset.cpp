// Benchmark: JSON save and load of a 5,000-member town (the demo town scaled to 8 x 625 members,
// with its points entries for the year).
#include <benchmark/benchmark.h>

#include "core/data/dataset.h"
#include "core/data/journal.h"
#include "core/data/workspace.h"
#include "core/demo/demo.h"

namespace zj {
namespace {

const Dataset& Town5000() {
  static const Dataset d = MakeDemoDataset(2018, 2018, kDemoNow, DemoOptions{625});
  return d;
}

void BM_SaveDataset5000(benchmark::State& state) {
  const Dataset& d = Town5000();
  size_t bytes = 0;
  for (auto _ : state) {
    std::string s = SaveDataset(d);
    bytes = s.size();
    benchmark::DoNotOptimize(s);
  }
  state.counters["members"] = static_cast<double>(d.org.members.size());
  state.counters["entries"] = static_cast<double>(d.points.entries.size());
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
}
BENCHMARK(BM_SaveDataset5000)->Unit(benchmark::kMillisecond);

void BM_LoadDataset5000(benchmark::State& state) {
  const std::string text = SaveDataset(Town5000());
  for (auto _ : state) {
    LoadResult r = LoadDataset(text);
    if (!r.ok) state.SkipWithError("load failed");
    benchmark::DoNotOptimize(r);
  }
  state.counters["MB"] = static_cast<double>(text.size()) / 1e6;
}
BENCHMARK(BM_LoadDataset5000)->Unit(benchmark::kMillisecond);

// The journal entry of one whole-town points.record_many (5,000 new entries into a table of 250,000): writing it
// after the command, and replaying it on the snapshot at start-up (shell/storage.cpp).
struct RecordManyEntry {
  Dataset before;
  std::string text;
  Dataset after;
  RecordManyEntry() : before(Town5000()) {
    Workspace::SetVerifyChanges(false);
    Workspace ws(before, 5, "0123456789abcdef");
    nlohmann::json ids = nlohmann::json::array();
    for (const Member& m : before.org.members) ids.push_back(m.meta.id);
    const Id item = before.points.catalogue.items.at(0).meta.id;
    const ApplyResult r = ws.Apply({"points.record_many", {{"member_ids", ids}, {"item_id", item}, {"date", "2018-11-11"}}},
                                   kDemoNow + 1000);
    if (!r.ok) std::abort();
    Dirty dirty = ws.TakeDirty();
    text = WriteJournalEntry(ws.data(), dirty, kDemoNow + 1000);
    after = ws.data();
    Workspace::SetVerifyChanges(true);
  }
};
const RecordManyEntry& Entry() {
  static const RecordManyEntry e;
  return e;
}

void BM_WriteJournalRecordManyTown(benchmark::State& state) {
  const RecordManyEntry& e = Entry();
  Workspace::SetVerifyChanges(false);
  Workspace ws(e.before, 5, "0123456789abcdef");
  nlohmann::json ids = nlohmann::json::array();
  for (const Member& m : e.before.org.members) ids.push_back(m.meta.id);
  ws.Apply({"points.record_many", {{"member_ids", ids}, {"item_id", e.before.points.catalogue.items.at(0).meta.id},
                                   {"date", "2018-11-11"}}}, kDemoNow + 1000);
  const Dirty dirty = ws.TakeDirty();
  Workspace::SetVerifyChanges(true);
  for (auto _ : state) benchmark::DoNotOptimize(WriteJournalEntry(ws.data(), dirty, kDemoNow + 1000));
  state.counters["records"] = static_cast<double>(dirty.records.size());
  state.counters["entries"] = static_cast<double>(ws.data().points.entries.size());
}
BENCHMARK(BM_WriteJournalRecordManyTown)->Unit(benchmark::kMillisecond);

void BM_ReplayJournalRecordManyTown(benchmark::State& state) {
  const RecordManyEntry& e = Entry();
  for (auto _ : state) {
    state.PauseTiming();
    Dataset d = e.before;
    state.ResumeTiming();
    Problem p;
    if (!ApplyJournalEntry(d, e.text, p)) state.SkipWithError("replay failed");
    benchmark::DoNotOptimize(d);
  }
  state.counters["KB"] = static_cast<double>(e.text.size()) / 1e3;
}
BENCHMARK(BM_ReplayJournalRecordManyTown)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace zj

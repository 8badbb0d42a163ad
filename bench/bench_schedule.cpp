// Benchmark: scheduling the talks (谈) of a town of 40 villages and 30 interviewers (600 talks) into a month.
// Goal: under 100 ms native, wasm within 2x. Run by `make bench` (native and wasm under Node).
#include <benchmark/benchmark.h>

#include <random>

#include "core/campaign/calendar.h"
#include "core/campaign/campaign.h"

namespace zj {
namespace {

// 4 areas x 10 villages; per village 1 secretary, 6 other two-committee members, 8 representatives:
// 40 + 240 + 320 = 600 talks. Interviewers: 1 Party secretary, 12 committee members (2 per village),
// 4 general-branch secretaries, 13 resident cadres = 30.
Organization BigTown() {
  Organization o;
  auto id = [](const char* p, int i) { return std::string(p) + std::to_string(i); };
  for (int a = 0; a < 4; ++a) {
    Area ar;
    ar.meta.id = id("a", a);
    ar.name = "片区" + std::to_string(a);
    o.areas.push_back(ar);
    GeneralBranch g;
    g.meta.id = id("g", a);
    g.name = "总支" + std::to_string(a);
    g.area_id = ar.meta.id;
    g.secretary_cadre_id = id("gb", a);
    o.general_branches.push_back(g);
    Cadre c;
    c.meta.id = g.secretary_cadre_id;
    c.name = "总支书记" + std::to_string(a);
    o.cadres.push_back(c);
  }
  Cadre sec;
  sec.meta.id = "sec";
  sec.name = "书记";
  sec.roles = {CadreRole::PartySecretary};
  o.cadres.push_back(sec);
  for (int k = 0; k < 12; ++k) {
    Cadre c;
    c.meta.id = id("cm", k);
    c.name = "委员" + std::to_string(k);
    c.roles = {CadreRole::CommitteeMember};
    o.cadres.push_back(c);
  }
  for (int r = 0; r < 13; ++r) {
    Cadre c;
    c.meta.id = id("rc", r);
    c.name = "驻村" + std::to_string(r);
    c.roles = {CadreRole::ResidentCadre};
    o.cadres.push_back(c);
  }
  auto cadre = [&](const std::string& cid) -> Cadre& {
    for (auto& c : o.cadres)
      if (c.meta.id == cid) return c;
    return o.cadres.front();
  };
  int mid = 0;
  for (int v = 0; v < 40; ++v) {
    Branch b;
    b.meta.id = id("v", v);
    b.name = "村" + std::to_string(100 + v);
    b.general_branch_id = id("g", v / 10);
    o.branches.push_back(b);
    cadre(id("cm", v % 12)).linked_branch_ids.push_back(b.meta.id);
    cadre(id("cm", (v + 5) % 12)).linked_branch_ids.push_back(b.meta.id);
    cadre(id("rc", v % 13)).linked_branch_ids.push_back(b.meta.id);
    auto add = [&](std::vector<Post> posts, bool rep) {
      Member m;
      m.meta.id = id("m", mid++);
      m.name = "党员" + std::to_string(mid);
      m.branch_id = b.meta.id;
      m.posts = std::move(posts);
      m.representative = rep;
      o.members.push_back(m);
    };
    add({Post::Secretary}, false);
    add({Post::DeputySecretary}, false);
    add({Post::VillageDirector}, false);
    for (int i = 0; i < 4; ++i) add({Post::CommitteeMember}, false);
    for (int i = 0; i < 8; ++i) add({}, true);
    for (int i = 0; i < 3; ++i) add({}, false);
  }
  return o;
}

TalkScheduleSettings Settings(const Organization& o) {
  TalkScheduleSettings s;
  std::mt19937 rng(2018);
  const Date from = *Date::Parse("2018-04-02");
  // A third of the interviewers give explicit days (three weekdays a week), capacity 4..8.
  for (size_t i = 0; i < o.cadres.size(); ++i) {
    if (i % 3) continue;
    InterviewerAvailability a;
    a.cadre_id = o.cadres[i].meta.id;
    a.daily_capacity = 4 + static_cast<int>(rng() % 5);
    for (int d = 0; d < 28; ++d)
      if (!(from + d).IsWeekend() && rng() % 5 < 3) a.days.push_back(from + d);
    s.interviewers.push_back(a);
  }
  // One member in four is away on 1..5 days.
  for (size_t i = 0; i < o.members.size(); i += 4) {
    PersonUnavailability u;
    u.person_id = o.members[i].meta.id;
    const int n = 1 + static_cast<int>(rng() % 5);
    for (int k = 0; k < n; ++k) u.days.push_back(from + static_cast<int>(rng() % 28));
    s.interviewees.push_back(u);
  }
  s.deadline[0] = *Date::Parse("2018-04-20");
  return s;
}

void BM_ScheduleTalks600(benchmark::State& state) {
  const Organization o = BigTown();
  Problems p;
  const auto pairs = GenerateTalkPairs(o, p);
  const auto s = Settings(o);
  const Date from = *Date::Parse("2018-04-02"), to = *Date::Parse("2018-04-30");
  ScheduleResult r;
  for (auto _ : state) {
    r = ScheduleTalks(pairs, from, to, s);
    benchmark::DoNotOptimize(r);
  }
  state.counters["talks"] = static_cast<double>(pairs.size());
  state.counters["scheduled"] = static_cast<double>(r.scheduled.size());
  state.counters["unscheduled"] = static_cast<double>(r.unscheduled.size());
}
BENCHMARK(BM_ScheduleTalks600)->Unit(benchmark::kMillisecond);

// The whole path the UI runs: generate pairs from the roster, add talks, schedule, write slots back.
void BM_GenerateAndScheduleCampaign(benchmark::State& state) {
  const Organization o = BigTown();
  IdGenerator ids(7);
  Campaign base = DefaultCampaign(2018, ids, 0, "bench");
  base.talk_schedule = Settings(o);
  base.talk_schedule.from = *Date::Parse("2018-04-02");
  size_t n = 0;
  for (auto _ : state) {
    Campaign c = base;
    Problems p;
    auto cs = ScheduleCampaignTalks(c, o, ids, 1, "bench", p);
    n = cs.pairs.size();
    benchmark::DoNotOptimize(c);
  }
  state.counters["talks"] = static_cast<double>(n);
}
BENCHMARK(BM_GenerateAndScheduleCampaign)->Unit(benchmark::kMillisecond);

// Conflicts over the scheduled month: every talk in two calendars.
void BM_CalendarConflicts(benchmark::State& state) {
  const Organization o = BigTown();
  IdGenerator ids(8);
  Campaign c = DefaultCampaign(2018, ids, 0, "bench");
  c.talk_schedule = Settings(o);
  Problems p;
  ScheduleCampaignTalks(c, o, ids, 1, "bench", p);
  size_t n = 0;
  for (auto _ : state) {
    auto cal = BuildCalendar(c, o);
    auto conflicts = FindConflicts(cal);
    n = cal.size();
    benchmark::DoNotOptimize(conflicts);
  }
  state.counters["entries"] = static_cast<double>(n);
}
BENCHMARK(BM_CalendarConflicts)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace zj

BENCHMARK_MAIN();

#include "core/campaign/progress.h"

#include <algorithm>
#include <map>
#include <set>

namespace zj {

namespace {

std::optional<TalkKind> TalkKindOf(ActivityKind k) {
  switch (k) {
    case ActivityKind::TalkSecretary: return TalkKind::SecretaryWithVillageSecretary;
    case ActivityKind::TalkCommittee: return TalkKind::CommitteeWithTwoCommittees;
    case ActivityKind::TalkRepresentatives: return TalkKind::WithRepresentative;
    default: return std::nullopt;
  }
}

bool AppliesTo(const Activity& a, const Branch& b) {
  return a.branch_kinds.empty() ||
         std::find(a.branch_kinds.begin(), a.branch_kinds.end(), b.kind) != a.branch_kinds.end();
}

bool InDoneUnits(const Activity& a, const Id& unit) {
  for (const auto& u : a.done_units)
    if (u.unit_id == unit) return true;
  return false;
}

// Talk counts per (kind, branch): total and recorded.
struct TalkCount {
  int total = 0, done = 0;
};
using TalkCounts = std::map<std::pair<int, Id>, TalkCount>;
TalkCounts CountTalks(const Campaign& c) {
  TalkCounts t;
  for (const auto& talk : c.talks) {
    auto& x = t[{static_cast<int>(talk.pair.kind), talk.pair.branch_id}];
    ++x.total;
    if (talk.Held()) ++x.done;
  }
  return t;
}

// Is the unit `unit_id` (area or branch) done for activity `a`?
bool UnitDoneFor(const Activity& a, const Id& unit_id, const Campaign& c, const TalkCounts& tc,
                 const ProgressFacts& facts) {
  if (a.status == ActivityStatus::Done || InDoneUnits(a, unit_id)) return true;
  if (a.kind == ActivityKind::BranchStarRating &&
      std::find(facts.branches_rated.begin(), facts.branches_rated.end(), unit_id) != facts.branches_rated.end())
    return true;
  if (a.scope == ActivityScope::Area) {
    for (const auto& m : c.onsite_meetings)
      if (m.held && m.scope == OnsiteScope::AreaVillages && m.area_id == unit_id) return true;
    return false;
  }
  if (a.scope == ActivityScope::Branch) {
    if (auto k = TalkKindOf(a.kind)) {
      auto it = tc.find({static_cast<int>(*k), unit_id});
      return it != tc.end() && it->second.total > 0 && it->second.done == it->second.total;
    }
  }
  return false;
}

bool TownDone(const Activity& a, const Campaign& c) {
  if (a.status == ActivityStatus::Done) return true;
  for (const auto& l : c.lectures)
    if (l.held && !a.meta.id.empty() && l.activity_id == a.meta.id) return true;
  if (a.kind == ActivityKind::OnsiteTownUnit)
    for (const auto& m : c.onsite_meetings)
      if (m.held && m.scope == OnsiteScope::TownUnits) return true;
  return false;
}

}  // namespace

std::vector<ActivityProgress> PlanProgress(const Campaign& c, const Organization& org, Date today,
                                           const ProgressFacts& facts) {
  const TalkCounts tc = CountTalks(c);
  std::vector<ActivityProgress> out;
  for (const auto& a : c.activities) {
    ActivityProgress p;
    p.activity_id = a.meta.id;
    p.title_zh = a.title_zh;
    p.title_en = a.title_en;
    p.deadline = a.deadline;
    p.kind = a.kind;
    p.strand = a.strand;
    p.days_left = DaysLeft(today, a.deadline);
    switch (a.scope) {
      case ActivityScope::Town:
        p.units_total = 1;
        p.units_done = TownDone(a, c) ? 1 : 0;
        break;
      case ActivityScope::Area:
        for (const auto& ar : org.areas) {
          ++p.units_total;
          if (UnitDoneFor(a, ar.meta.id, c, tc, facts)) ++p.units_done;
        }
        break;
      case ActivityScope::Branch:
        for (const auto& b : org.branches) {
          if (!AppliesTo(a, b)) continue;
          ++p.units_total;
          if (UnitDoneFor(a, b.meta.id, c, tc, facts)) ++p.units_done;
        }
        break;
    }
    const bool done = a.status == ActivityStatus::Done || (p.units_total > 0 && p.units_done == p.units_total);
    if (done) p.units_done = p.units_total;
    p.percent = done ? 100 : (p.units_total ? p.units_done * 100 / p.units_total : 0);
    p.state = done ? ActivityState::Done : (today > a.deadline ? ActivityState::Overdue : ActivityState::Planned);
    out.push_back(p);
  }
  // Lectures outside the plan: one 学 item each.
  std::optional<Date> learn_deadline;
  for (const auto& a : c.activities)
    if (a.strand == Strand::Learn && (!learn_deadline || a.deadline > *learn_deadline)) learn_deadline = a.deadline;
  for (const auto& l : c.lectures) {
    bool planned = false;
    for (const auto& a : c.activities) planned = planned || (!l.activity_id.empty() && a.meta.id == l.activity_id);
    if (planned) continue;
    ActivityProgress p;
    p.activity_id = l.meta.id;
    p.lecture_only = true;
    p.title_zh = l.theme_zh;
    p.title_en = l.theme_zh;
    p.deadline = l.date ? *l.date : learn_deadline ? *learn_deadline : today;
    p.kind = ActivityKind::Other;
    p.strand = Strand::Learn;
    p.days_left = DaysLeft(today, p.deadline);
    p.units_total = 1;
    p.units_done = l.held ? 1 : 0;
    p.percent = l.held ? 100 : 0;
    p.state = l.held ? ActivityState::Done : (today > p.deadline ? ActivityState::Overdue : ActivityState::Planned);
    out.push_back(p);
  }
  return out;
}

std::vector<UnitProgress> BranchProgress(const Campaign& c, const Organization& org, Date today,
                                         const ProgressFacts& facts) {
  const TalkCounts tc = CountTalks(c);
  std::vector<UnitProgress> out;
  for (const auto& b : org.branches) {
    UnitProgress u;
    u.unit_id = b.meta.id;
    u.name = b.name;
    for (const auto& a : c.activities) {
      if (a.scope != ActivityScope::Branch || !AppliesTo(a, b)) continue;
      ++u.items_total;
      if (UnitDoneFor(a, b.meta.id, c, tc, facts)) ++u.items_done;
      else if (today > a.deadline) ++u.overdue;
    }
    for (const auto& kv : tc)
      if (kv.first.second == b.meta.id) {
        u.talks_total += kv.second.total;
        u.talks_done += kv.second.done;
      }
    u.percent = u.items_total ? u.items_done * 100 / u.items_total : 0;
    out.push_back(u);
  }
  return out;
}

std::vector<UnitProgress> AreaProgress(const Campaign& c, const Organization& org, Date today,
                                       const ProgressFacts& facts) {
  const TalkCounts tc = CountTalks(c);
  const auto branches = BranchProgress(c, org, today, facts);
  std::vector<UnitProgress> out;
  for (const auto& ar : org.areas) {
    UnitProgress u;
    u.unit_id = ar.meta.id;
    u.name = ar.name;
    for (const auto& a : c.activities) {
      if (a.scope != ActivityScope::Area) continue;
      ++u.items_total;
      if (UnitDoneFor(a, ar.meta.id, c, tc, facts)) ++u.items_done;
      else if (today > a.deadline) ++u.overdue;
    }
    for (const auto& bp : branches) {
      if (AreaOfBranch(org, bp.unit_id) != ar.meta.id) continue;
      u.items_total += bp.items_total;
      u.items_done += bp.items_done;
      u.overdue += bp.overdue;
      u.talks_total += bp.talks_total;
      u.talks_done += bp.talks_done;
    }
    u.percent = u.items_total ? u.items_done * 100 / u.items_total : 0;
    out.push_back(u);
  }
  return out;
}

std::vector<StrandProgress> ProgressByStrand(const std::vector<ActivityProgress>& p) {
  std::map<int, StrandProgress> m;
  std::map<int, int> sum;
  for (const auto& a : p) {
    auto& s = m[static_cast<int>(a.strand)];
    s.strand = a.strand;
    ++s.activities;
    if (a.state == ActivityState::Done) ++s.done;
    if (a.state == ActivityState::Overdue) ++s.overdue;
    sum[static_cast<int>(a.strand)] += a.percent;
  }
  std::vector<StrandProgress> out;
  for (auto& kv : m) {
    kv.second.percent = sum[kv.first] / kv.second.activities;
    out.push_back(kv.second);
  }
  return out;
}

std::vector<ActivityProgress> OverdueActivities(const std::vector<ActivityProgress>& p) {
  std::vector<ActivityProgress> out;
  for (const auto& a : p)
    if (a.state == ActivityState::Overdue) out.push_back(a);
  std::stable_sort(out.begin(), out.end(),
                   [](const ActivityProgress& a, const ActivityProgress& b) { return a.days_left < b.days_left; });
  return out;
}

std::vector<ActivityProgress> DueWithin(const std::vector<ActivityProgress>& p, int days) {
  std::vector<ActivityProgress> out;
  for (const auto& a : p)
    if (a.state != ActivityState::Done && a.days_left >= 0 && a.days_left <= days) out.push_back(a);
  std::stable_sort(out.begin(), out.end(),
                   [](const ActivityProgress& a, const ActivityProgress& b) { return a.days_left < b.days_left; });
  return out;
}

int OverallPercent(const std::vector<ActivityProgress>& p) {
  if (p.empty()) return 0;
  int sum = 0;
  for (const auto& a : p) sum += a.percent;
  return sum / static_cast<int>(p.size());
}

}  // namespace zj

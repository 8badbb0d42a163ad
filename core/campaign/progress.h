// Zhengjian core: progress of the campaign (进度) — per activity, per branch, per area, per strand; what is
// overdue or due within N days. Read from the plan and the records (lectures held, meetings held, talks
// recorded), so the dashboard (概览) needs no separate bookkeeping.
// docs/domain.md "The four strands"; notice 三 (everything by the end of April) and 五.2 (area / branch responsibility).
#pragma once
#include <string>
#include <vector>

#include "core/campaign/campaign.h"
#include "core/org/org.h"

namespace zj {

/// How an activity is counted (units and which are done):
/// - Town scope: one unit, done when status is Done; a lecture activity also when one of its lectures is
///   held; the town-unit on-site meeting when its meeting is held.
/// - Area scope (village on-site meetings): one unit per area; done when the area's meeting is held or the
///   area is in done_units.
/// - Branch scope: one unit per branch of the activity's branch kinds; talk activities: a branch is done when
///   it has at least one talk of that kind and all of them are recorded (a branch with none falls back to
///   done_units); other activities: the branch is in done_units.
/// - 支部评星 (BranchStarRating, Branch scope): a branch is also done when its rating of the campaign year is
///   published (ProgressFacts::branches_rated).
/// An activity with status Done counts all its units done.
/// A lecture that belongs to no plan activity (added by the office, lectures.h Lecture::activity_id empty or
/// unknown) counts as one more Town-scoped 学 item of its own, done when held, due on its date (or, with no
/// date, on the latest 学 deadline of the plan): the plan's progress then counts every lecture the report lists.
struct ActivityProgress {
  Id activity_id;        ///< the plan activity, or the lecture's id for a lecture outside the plan
  bool lecture_only = false;  ///< true: a lecture outside the plan (no Activity with this id)
  std::string title_zh, title_en;  ///< the activity's title (the lecture's theme for a lecture outside the plan)
  Date deadline;         ///< the activity's deadline (see above for a lecture outside the plan)
  ActivityKind kind = ActivityKind::Other;
  Strand strand = Strand::Learn;
  ActivityState state = ActivityState::Planned;  ///< Done when all units are done, Overdue past deadline
  int days_left = 0;     ///< DaysLeft(today, deadline)
  int units_total = 0;
  int units_done = 0;
  int percent = 0;       ///< units_done * 100 / units_total, floored; 100 when Done; 0 when no units
};

/// Facts kept outside the campaign that complete plan items.
struct ProgressFacts {
  std::vector<Id> branches_rated;  ///< branches whose 支部评星 of the campaign year is published
};

/// Progress of every activity, in plan order, on `today`, then one item per lecture outside the plan.
std::vector<ActivityProgress> PlanProgress(const Campaign& c, const Organization& org, Date today,
                                           const ProgressFacts& facts = {});

/// Progress of one branch or area over the activities that apply to it.
struct UnitProgress {
  Id unit_id;           ///< Branch or Area id
  std::string name;
  int items_total = 0;  ///< Branch: Branch-scoped activities for its kind (+ its talks);
                        ///< Area: its Area-scoped units + the items of its branches
  int items_done = 0;
  int overdue = 0;      ///< items not done whose activity is past its deadline
  int percent = 0;      ///< items_done * 100 / items_total, floored (0 when no items)
  int talks_total = 0;  ///< talks of the unit (all kinds)
  int talks_done = 0;   ///< of which recorded
};
/// Per branch, in organization order. Items: each Branch-scoped activity applying to the branch's kind.
std::vector<UnitProgress> BranchProgress(const Campaign& c, const Organization& org, Date today,
                                         const ProgressFacts& facts = {});
/// Per area, in organization order: its branches' items plus one item per Area-scoped activity.
std::vector<UnitProgress> AreaProgress(const Campaign& c, const Organization& org, Date today,
                                       const ProgressFacts& facts = {});

/// Progress of one strand (学/看/谈/评 ...) for the dashboard: the mean of its activities' percents (floored),
/// the number done, and the number overdue.
struct StrandProgress {
  Strand strand = Strand::Learn;
  int activities = 0;
  int done = 0;
  int overdue = 0;
  int percent = 0;
};
/// One entry per strand that has activities, in Strand order.
std::vector<StrandProgress> ProgressByStrand(const std::vector<ActivityProgress>& p);

/// Activities not done whose deadline is past (state Overdue), most overdue first.
std::vector<ActivityProgress> OverdueActivities(const std::vector<ActivityProgress>& p);
/// Activities not done with 0 <= days_left <= `days` (due within N days, today included), soonest first.
std::vector<ActivityProgress> DueWithin(const std::vector<ActivityProgress>& p, int days);
/// Overall completion: mean of the activities' percents, floored (0 for an empty plan).
int OverallPercent(const std::vector<ActivityProgress>& p);

}  // namespace zj

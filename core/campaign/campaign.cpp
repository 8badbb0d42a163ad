// The campaign: default for a year and the helpers that tie the pieces together (its JSON form: campaign_json.cpp).
//
// [SECTION] DefaultCampaign and helpers
#include "core/campaign/campaign.h"

#include <algorithm>
#include <set>
#include <utility>

namespace zj {

using nlohmann::json;

// [SECTION] DefaultCampaign and helpers ----------------------------------------------------------------

Campaign DefaultCampaign(int year, IdGenerator& ids, TimestampMs now, const std::string& device) {
  Campaign c;
  c.year = year;
  c.name_zh = "“强基层、激活力、促发展”党组织整建月活动";
  auto plan = NoticePlanTemplate();
  if (year == kNoticeYear) {
    for (auto& a : plan) a.meta = RecordMeta{ids.Next(), now, now, device};
    c.activities = std::move(plan);
  } else {
    c.activities = CopyPlanToYear(plan, year, ids, now, device);
  }
  c.lectures = NoticeLectures(c.activities, ids, now, device);
  c.talk_topics = NoticeTalkTopics();
  std::optional<Date> from, to;
  for (const auto& a : c.activities) {
    if (a.strand != Strand::Talk) continue;
    if (!from || a.start < *from) from = a.start;
    if (!to || a.deadline > *to) to = a.deadline;
  }
  c.talk_schedule.from = from;
  c.talk_schedule.to = to;
  return c;
}

void ShiftCampaignDates(Campaign& c, int days) {
  if (days == 0) return;
  auto shift = [days](Date& d) { d = d + days; };
  auto shift_opt = [days](std::optional<Date>& d) {
    if (d) *d = *d + days;
  };
  for (Activity& a : c.activities) {
    shift(a.start);
    shift(a.deadline);
    shift_opt(a.done_on);
    for (UnitDone& u : a.done_units) shift(u.on);
  }
  for (Lecture& l : c.lectures) {
    shift_opt(l.date);
    for (Reflection& r : l.reflections) shift_opt(r.handed_in_on);
  }
  for (OnsiteMeeting& m : c.onsite_meetings) shift_opt(m.date);
  TalkScheduleSettings& s = c.talk_schedule;
  shift_opt(s.from);
  shift_opt(s.to);
  for (auto& d : s.deadline) shift_opt(d);
  for (InterviewerAvailability& a : s.interviewers)
    for (Date& d : a.days) shift(d);
  for (PersonUnavailability& u : s.interviewees)
    for (Date& d : u.days) shift(d);
  for (Talk& t : c.talks) {
    shift_opt(t.planned_date);
    if (t.record) shift(t.record->held_on);
  }
}

std::optional<Date> CampaignFirstDay(const Campaign& c) {
  std::optional<Date> first;
  for (const Activity& a : c.activities)
    if (!first || a.start < *first) first = a.start;
  return first;
}

const Activity* FindActivity(const Campaign& c, ActivityKind kind) {
  for (const auto& a : c.activities)
    if (a.kind == kind) return &a;
  return nullptr;
}
Activity* FindActivity(Campaign& c, ActivityKind kind) {
  for (auto& a : c.activities)
    if (a.kind == kind) return &a;
  return nullptr;
}

int CreateOnsiteMeetings(Campaign& c, const Organization& org, IdGenerator& ids, TimestampMs now,
                         const std::string& device) {
  int added = 0;
  const Activity* village = FindActivity(c, ActivityKind::OnsiteVillage);
  const Activity* unit = FindActivity(c, ActivityKind::OnsiteTownUnit);
  auto add = [&](OnsiteScope scope, const Id& area_id, const Activity* act) {
    OnsiteMeeting m;
    m.meta = RecordMeta{ids.Next(), now, now, device};
    m.scope = scope;
    m.area_id = area_id;
    if (act) m.activity_id = act->meta.id;
    c.onsite_meetings.push_back(std::move(m));
    ++added;
  };
  for (const auto& a : org.areas) {
    bool have = false;
    for (const auto& m : c.onsite_meetings) have = have || (m.scope == OnsiteScope::AreaVillages && m.area_id == a.meta.id);
    if (!have) add(OnsiteScope::AreaVillages, a.meta.id, village);
  }
  bool have_units = false;
  for (const auto& m : c.onsite_meetings) have_units = have_units || m.scope == OnsiteScope::TownUnits;
  bool any_unit = false;
  for (const auto& b : org.branches) any_unit = any_unit || b.kind == BranchKind::TownUnit;
  if (!have_units && any_unit) add(OnsiteScope::TownUnits, {}, unit);
  return added;
}

CampaignSchedule ScheduleCampaignTalks(Campaign& c, const Organization& org, IdGenerator& ids, TimestampMs now,
                                       const std::string& device, Problems& problems, std::optional<Date> today) {
  CampaignSchedule out;
  AddMissingTalks(c.talks, GenerateTalkPairs(org, problems), ids, now, device);
  TalkScheduleSettings s = c.talk_schedule;
  static const ActivityKind kinds[3] = {ActivityKind::TalkSecretary, ActivityKind::TalkCommittee,
                                        ActivityKind::TalkRepresentatives};
  std::optional<Date> from = s.from, to = s.to;
  for (int k = 0; k < 3; ++k) {
    const Activity* a = FindActivity(c, kinds[k]);
    if (!a) continue;
    if (!s.from && (!from || a->start < *from)) from = a->start;
    if (!s.to && (!to || a->deadline > *to)) to = a->deadline;
    if (!s.deadline[k]) s.deadline[k] = a->deadline;
  }
  if (!from || !to) {
    problems.push_back({"/campaign/talk_schedule", "未设谈话排期的起止日期", "the talk schedule has no start or end date"});
    return out;
  }
  std::vector<TakenTalk> taken;
  for (const auto& t : c.talks) {
    if (!t.Held()) out.pairs.push_back(t.pair);
    else if (t.record)
      taken.push_back({t.pair.interviewer_id, t.pair.interviewee_id, t.record->held_on, t.record->start_minute,
                       t.duration_minutes});
  }
  if (today && *today > *from) from = *today;
  out.from = from;
  out.to = to;
  if (*from > *to) {
    // The window is over: nothing can be placed in it, and the plan stays as it was.
    const std::string zh = "谈话排期的结束日期 " + to->ToString() + " 已过（今天 " + from->ToString() + "），请先推迟结束日期";
    const std::string en = "the talk schedule ended " + to->ToString() + " (today is " + from->ToString() + "): move its end first";
    for (size_t i = 0; i < out.pairs.size(); ++i) out.result.unscheduled.push_back({i, zh, en});
    return out;
  }
  out.result = ScheduleTalks(out.pairs, *from, *to, s, taken);
  ApplySchedule(c.talks, out.pairs, out.result, s.talk_minutes, now, device);
  return out;
}

}  // namespace zj

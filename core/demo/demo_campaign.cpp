#include "core/demo/demo_campaign.h"

#include <algorithm>

namespace zj {
namespace {
Date Md(int year, int m, int day) { return *Date::FromYmd(year, m, day); }
Id BranchId(const Organization& org, const char* name) {
  const int i = FindBranchByName(org, name);
  return i >= 0 ? org.branches[static_cast<size_t>(i)].meta.id : Id{};
}
}  // namespace

void AddDemoCampaignRecords(Dataset& d, IdGenerator& ids, TimestampMs now, const std::string& device) {
  Campaign& c = d.campaign;
  const Organization& org = d.org;
  const int y = c.year;

  // 学: dates, lecturers; the first lecture held.
  struct Plan { int month, day, start; };
  const Plan plans[] = {{3, 24, 14 * 60 + 30}, {3, 29, 9 * 60}, {4, 16, 9 * 60}};
  for (size_t i = 0; i < c.lectures.size() && i < std::size(plans); ++i) {
    Lecture& l = c.lectures[i];
    l.date = Md(y, plans[i].month, plans[i].day);
    l.start_minute = plans[i].start;
    l.lecturer_ids.clear();
    for (const Cadre& cd : org.cadres)
      if (l.team && std::find(cd.lecture_teams.begin(), cd.lecture_teams.end(), *l.team) != cd.lecture_teams.end())
        l.lecturer_ids.push_back(cd.meta.id);
    std::sort(l.lecturer_ids.begin(), l.lecturer_ids.end());
  }
  if (!c.lectures.empty()) {
    Lecture& l = c.lectures.front();
    l.held = true;
    const std::vector<Id> audience = LectureAudience(l, org);
    for (size_t k = 0; k < audience.size(); ++k)
      if (k % 7 != 3) l.attendee_ids.push_back(audience[k]);  // a few absent
    EnsureReflections(l, ids, now, device);
    for (size_t k = 0; k < l.reflections.size(); ++k) {
      Reflection& r = l.reflections[k];
      if (k % 3 == 2) continue;  // still owed
      r.state = k < 2 ? ReflectionState::Chosen : ReflectionState::HandedIn;
      r.handed_in_on = Md(y, 3, 25);
      if (k < 2) r.title = k == 0 ? "学党章、守规矩，当好村级带头人" : "把积分制管理落到每一名党员";
    }
  }

  // 看: meetings per area and town units, dated, with venue and the pre-chosen site.
  CreateOnsiteMeetings(c, org, ids, now, device);
  for (OnsiteMeeting& m : c.onsite_meetings) {
    if (m.scope == OnsiteScope::TownUnits) {
      m.date = Md(y, 4, 12);
      m.venue = "镇政府三楼会议室";
      m.preselected_branch_id = BranchId(org, "镇农业服务中心党支部");
      continue;
    }
    const bool first = !org.areas.empty() && m.area_id == org.areas.front().meta.id;
    m.date = first ? Md(y, 3, 28) : Md(y, 4, 10);
    m.venue = first ? "东湖村党员群众服务中心" : "稻香村党员群众服务中心";
    m.preselected_branch_id = BranchId(org, first ? "东湖村党支部" : "稻香村党支部");
  }

  // 谈: pairs scheduled between the talk activities' dates; three talks recorded.
  Problems problems;
  ScheduleCampaignTalks(c, org, ids, now, device, problems);
  int recorded = 0;
  for (Talk& t : c.talks) {
    if (recorded == 3) break;
    TalkRecord r;
    r.held_on = Md(y, 3, 24);
    r.start_minute = 9 * 60 + 30 * recorded;
    r.place = "村党员群众服务中心";
    const size_t n = c.talk_topics.For(t.pair.kind).size();
    for (size_t k = 0; k < n; ++k) r.topics_covered.push_back(static_cast<int>(k));
    r.notes = "班子团结，积分台账按月公示；村里主要问题是产业单一，建议发展稻虾共作。";
    r.intention = Intention::Stay;
    t.record = r;
    t.planned_date = r.held_on;
    t.planned_start_minute = r.start_minute;
    ++recorded;
  }
}

}  // namespace zj

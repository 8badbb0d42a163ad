#include "core/campaign/lectures.h"

#include <algorithm>
#include <set>

namespace zj {

const char* ReflectionStateZh(ReflectionState s) {
  switch (s) {
    case ReflectionState::Owed: return "未交";
    case ReflectionState::HandedIn: return "已交";
    case ReflectionState::Chosen: return "入选学习专栏";
  }
  return "";
}
const char* ReflectionStateEn(ReflectionState s) {
  switch (s) {
    case ReflectionState::Owed: return "owed";
    case ReflectionState::HandedIn: return "handed in";
    case ReflectionState::Chosen: return "chosen for the study column";
  }
  return "";
}

std::vector<Id> LectureAudience(const Lecture& l, const Organization& org) {
  return PeopleWithRoles(org, l.audience_roles);
}

Attendance LectureAttendance(const Lecture& l, const Organization& org) {
  Attendance a;
  const auto expected = LectureAudience(l, org);
  std::set<Id> attended(l.attendee_ids.begin(), l.attendee_ids.end());
  a.expected = static_cast<int>(expected.size());
  a.attended = static_cast<int>(attended.size());
  for (const auto& id : expected)
    if (attended.count(id)) ++a.attended_expected;
  a.percent = a.expected ? a.attended_expected * 100 / a.expected : 0;
  return a;
}

int EnsureReflections(Lecture& l, IdGenerator& ids, TimestampMs now, const std::string& device) {
  std::set<Id> have;
  for (const auto& r : l.reflections) have.insert(r.person_id);
  int added = 0;
  for (const auto& p : l.attendee_ids) {
    if (!have.insert(p).second) continue;
    Reflection r;
    r.meta = RecordMeta{ids.Next(), now, now, device};
    r.person_id = p;
    l.reflections.push_back(std::move(r));
    ++added;
  }
  return added;
}

ReflectionCounts CountReflections(const Lecture& l) {
  ReflectionCounts c;
  for (const auto& r : l.reflections) {
    if (r.state == ReflectionState::Owed) ++c.owed;
    else ++c.handed_in;
    if (r.state == ReflectionState::Chosen) ++c.chosen;
  }
  return c;
}

void CheckLectureCount(int n, const std::string& path, Problems& problems) {
  if (n >= 3 && n <= 5) return;
  problems.push_back({path, "专题讲习应为3至5次，当前为 " + std::to_string(n) + " 次",
                      "the notice asks for 3 to 5 lectures; there are " + std::to_string(n)});
}

std::vector<Lecture> NoticeLectures(const std::vector<Activity>& plan, IdGenerator& ids, TimestampMs now,
                                    const std::string& device) {
  struct Spec {
    ActivityKind kind;
    const char* zh;
    const char* en;
    std::optional<LectureTeam> team;
    const char* guests;
    const char* place;
  };
  static const Spec specs[] = {
      {ActivityKind::LecturePartyBuilding, "党建知识专题学习", "Party-building knowledge", LectureTeam::PartyBuilding,
       "市委组织部领导", "镇人社服务中心二楼 (镇委党校)"},
      {ActivityKind::LectureFireFinance, "消防和财务知识专题培训", "Fire safety and finance", LectureTeam::Finance,
       "消防专业技术人员、财务专家", "镇人社服务中心二楼 (镇委党校)"},
      {ActivityKind::LectureAgriculture, "农业技术专题讲习 (小龙虾养殖、水稻田间管理、秸秆禁烧及综合利用)",
       "Agricultural technology (crayfish farming, rice field management, straw burning ban and use)",
       LectureTeam::Agriculture, "农技专家", "各村田间地头"},
  };
  std::vector<Lecture> out;
  for (const auto& s : specs) {
    const Activity* act = nullptr;
    for (const auto& a : plan)
      if (a.kind == s.kind) { act = &a; break; }
    Lecture l;
    l.meta = RecordMeta{ids.Next(), now, now, device};
    l.theme_zh = s.zh;
    l.theme_en = s.en;
    l.team = s.team;
    l.guest_lecturers = s.guests;
    l.place = s.place;
    if (act) {
      l.activity_id = act->meta.id;
      l.audience_roles = act->participants;
    }
    out.push_back(std::move(l));
  }
  return out;
}

}  // namespace zj

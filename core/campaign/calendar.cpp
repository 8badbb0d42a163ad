#include "core/campaign/calendar.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace zj {

const char* EntrySourceZh(EntrySource s) {
  switch (s) {
    case EntrySource::Lecture: return "讲习";
    case EntrySource::OnsiteMeeting: return "现场会";
    case EntrySource::Talk: return "谈话";
  }
  return "";
}

namespace {
bool EntryLess(const CalendarEntry& a, const CalendarEntry& b) {
  return std::tie(a.person_id, a.date.days, a.start_minute, a.source, a.record_id, a.end_minute) <
         std::tie(b.person_id, b.date.days, b.start_minute, b.source, b.record_id, b.end_minute);
}
}  // namespace

std::vector<CalendarEntry> BuildCalendar(const Campaign& c, const Organization& org) {
  std::vector<CalendarEntry> out;
  auto add = [&](const Id& person, EntrySource src, const Id& rec, const std::string& title, Date d, int s, int e) {
    if (person.empty() || e <= s) return;
    out.push_back({person, src, rec, title, d, s, e});
  };
  for (const auto& l : c.lectures) {
    if (!l.date) continue;
    std::set<Id> people(l.lecturer_ids.begin(), l.lecturer_ids.end());
    if (!l.attendee_ids.empty()) people.insert(l.attendee_ids.begin(), l.attendee_ids.end());
    else for (auto& id : LectureAudience(l, org)) people.insert(id);
    for (const auto& p : people)
      add(p, EntrySource::Lecture, l.meta.id, "讲习: " + l.theme_zh, *l.date, l.start_minute,
          l.start_minute + l.duration_minutes);
  }
  for (const auto& m : c.onsite_meetings) {
    if (!m.date) continue;
    const int end = EstimatedEndMinute(m, org);
    std::string title = m.scope == OnsiteScope::TownUnits ? "现场会: 镇直单位" : "现场会";
    for (const auto& a : org.areas)
      if (a.meta.id == m.area_id) title = "现场会: " + a.name;
    for (const auto& p : OnsiteParticipants(m, org))
      add(p, EntrySource::OnsiteMeeting, m.meta.id, title, *m.date, m.start_minute, end);
  }
  for (const auto& t : c.talks) {
    Date d;
    int s;
    if (t.record) {
      d = t.record->held_on;
      s = t.record->start_minute;
    } else if (t.planned_date) {
      d = *t.planned_date;
      s = t.planned_start_minute;
    } else {
      continue;
    }
    const int e = s + t.duration_minutes;
    add(t.pair.interviewer_id, EntrySource::Talk, t.meta.id, "谈话: " + PersonName(org, t.pair.interviewee_id), d, s, e);
    add(t.pair.interviewee_id, EntrySource::Talk, t.meta.id, "谈话: " + PersonName(org, t.pair.interviewer_id), d, s, e);
  }
  std::sort(out.begin(), out.end(), EntryLess);
  return out;
}

std::vector<CalendarEntry> PersonCalendar(const std::vector<CalendarEntry>& all, const Id& person_id) {
  std::vector<CalendarEntry> out;
  for (const auto& e : all)
    if (e.person_id == person_id) out.push_back(e);
  std::sort(out.begin(), out.end(), EntryLess);
  return out;
}

std::vector<Conflict> FindConflicts(const std::vector<CalendarEntry>& entries) {
  std::vector<CalendarEntry> v = entries;
  std::sort(v.begin(), v.end(), EntryLess);
  // Drop repeated (person, record) entries with the same interval.
  v.erase(std::unique(v.begin(), v.end(),
                      [](const CalendarEntry& a, const CalendarEntry& b) {
                        return a.person_id == b.person_id && a.record_id == b.record_id && a.date == b.date &&
                               a.start_minute == b.start_minute && a.end_minute == b.end_minute;
                      }),
          v.end());
  std::vector<Conflict> out;
  size_t i = 0;
  while (i < v.size()) {
    size_t j = i;
    while (j < v.size() && v[j].person_id == v[i].person_id && v[j].date == v[i].date) ++j;
    // [i, j): one person's entries on one day, sorted by start. Sweep with the entries still open.
    std::vector<size_t> open;
    for (size_t k = i; k < j; ++k) {
      open.erase(std::remove_if(open.begin(), open.end(), [&](size_t o) { return v[o].end_minute <= v[k].start_minute; }),
                 open.end());
      for (size_t o : open) {
        if (v[o].record_id == v[k].record_id) continue;
        const int ov = std::min(v[o].end_minute, v[k].end_minute) - v[k].start_minute;
        out.push_back({v[k].person_id, v[o], v[k], ov});
      }
      open.push_back(k);
    }
    i = j;
  }
  return out;
}

}  // namespace zj

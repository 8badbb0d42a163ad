// Zhengjian core: one calendar per person (个人日程) across lectures, on-site meetings and talks, and the
// overlaps (时间冲突) between them. Times are local minutes of a day (0 = 00:00), dates civil dates.
// docs/domain.md "The four strands"; notice 四.
#pragma once
#include <string>
#include <vector>

#include "core/campaign/campaign.h"
#include "core/org/org.h"

namespace zj {

/// Where a calendar entry comes from.
enum class EntrySource { Lecture, OnsiteMeeting, Talk };
const char* EntrySourceZh(EntrySource s);  ///< "讲习", "现场会", "谈话"

/// One person's busy interval: [start_minute, end_minute) on `date`.
struct CalendarEntry {
  Id person_id;        ///< Member or Cadre id
  EntrySource source = EntrySource::Lecture;
  Id record_id;        ///< Lecture / OnsiteMeeting / Talk id
  std::string title;   ///< Chinese label, e.g. "讲习: 党建知识专题学习"
  Date date;
  int start_minute = 0;
  int end_minute = 0;  ///< exclusive; > start_minute
};

/// Every dated entry of every person: lectures (lecturers; attendees when recorded, else the expected
/// audience), on-site meetings (OnsiteParticipants, from start to EstimatedEndMinute), talks (interviewer
/// and interviewee; the record's day and time when held, else the planned slot). Undated records are
/// skipped. Sorted by person, date, start, source, record id.
std::vector<CalendarEntry> BuildCalendar(const Campaign& c, const Organization& org);

/// The entries of one person, sorted by date and start.
std::vector<CalendarEntry> PersonCalendar(const std::vector<CalendarEntry>& all, const Id& person_id);

/// Two entries of one person that overlap in time (same date, start_a < end_b and start_b < end_a).
struct Conflict {
  Id person_id;
  CalendarEntry a, b;      ///< a starts first (ties: source, record id)
  int overlap_minutes = 0;
};
/// All overlapping pairs, per person, by date and start. Entries of the same record never conflict with
/// themselves (one record listed twice for a person, e.g. lecturer and attendee, counts once).
std::vector<Conflict> FindConflicts(const std::vector<CalendarEntry>& entries);

}  // namespace zj

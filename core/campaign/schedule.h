// Zhengjian core: scheduling the talks (谈心谈话排期) between two dates.
// docs/domain.md "The four strands"; notice 四(三) and 三 (everything by the end of April).
//
// Constraints honoured:
//  - an interviewer talks only on his available days, at most `daily_capacity` talks a day;
//  - an interviewee is never scheduled on one of his unavailable days, and has at most one talk a day;
//  - every talk is on or before the deadline of its kind and inside [from, to];
//  - talks of one interviewer in one village are grouped on one visit (the same day, consecutive slots)
//    whenever capacity and availability allow; otherwise the group is split over as few days as possible.
// Greedy, deterministic: groups (interviewer, village) are taken by earliest deadline, then the tightest
// interviewer (fewest free slots before the deadline), then larger groups, then interviewer / branch order;
// each group goes to the earliest day that takes it whole. Not optimal in theory; for a town's roster it
// places everything that can be placed in practice, and explains each pair it could not place.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/campaign/talks.h"
#include "core/base/types.h"

namespace zj {

/// When an interviewer can hold talks. Empty `days` = every weekday (Mon–Fri) in the scheduling window.
struct InterviewerAvailability {
  Id cadre_id;
  std::vector<Date> days;   ///< available days (may be unsorted, duplicates ignored)
  int daily_capacity = 6;   ///< talks a day, >= 0
};

/// Days an interviewee cannot be talked to (外出, 请假 ...).
struct PersonUnavailability {
  Id person_id;
  std::vector<Date> days;
};

/// Settings of the talk schedule, kept in the campaign so the schedule can be recomputed.
struct TalkScheduleSettings {
  std::optional<Date> from;   ///< first day (default: the talk activities' start)
  std::optional<Date> to;     ///< last day (default: the talk activities' deadline)
  /// Deadlines per kind (index = TalkKind); nullopt = `to`.
  std::optional<Date> deadline[3];
  int day_start_minute = 8 * 60 + 30;  ///< first slot of a day, local minutes
  int talk_minutes = 30;               ///< length of a slot, > 0
  int gap_minutes = 0;                 ///< between consecutive talks of an interviewer
  int default_capacity = 6;            ///< for interviewers without an InterviewerAvailability entry
  std::vector<InterviewerAvailability> interviewers;
  std::vector<PersonUnavailability> interviewees;
};

/// A placed talk: pair index (into the input vector), day and local minutes.
struct ScheduledTalk {
  size_t pair_index = 0;
  Date date;
  int start_minute = 0;
  int end_minute = 0;
};

/// A pair that could not be placed, with the reason in Chinese and English.
struct UnscheduledTalk {
  size_t pair_index = 0;
  std::string reason_zh;
  std::string reason_en;
};

struct ScheduleResult {
  std::vector<ScheduledTalk> scheduled;      ///< sorted by date, interviewer, start minute
  std::vector<UnscheduledTalk> unscheduled;  ///< sorted by pair index
};

/// A talk that already took place (已谈): it keeps its interviewer's time that day (no new talk overlaps
/// [start_minute, start_minute + minutes)), counts against the interviewer's daily capacity, and takes its
/// interviewee's day (one talk a person a day).
struct TakenTalk {
  Id interviewer_id, interviewee_id;
  Date date;
  int start_minute = 0;   ///< local minutes
  int minutes = 30;       ///< > 0
};

/// Schedules `pairs` between `from` and `to` (inclusive; `s.from`/`s.to` are ignored here — use
/// ScheduleCampaignTalks to take them from the settings and the plan), around the talks already held in
/// `taken`. Errors (from > to, talk_minutes <= 0) leave every pair unscheduled with the reason.
ScheduleResult ScheduleTalks(const std::vector<TalkPair>& pairs, Date from, Date to, const TalkScheduleSettings& s,
                             const std::vector<TakenTalk>& taken = {});

/// Writes a result into talks whose pair matches (by index into `pairs`, matched on kind/interviewer/
/// interviewee): sets planned_date / planned_start_minute / duration_minutes; unscheduled talks get their
/// planned date cleared. Talks already held (record set) are left untouched. `now`/`device` update meta.
void ApplySchedule(std::vector<Talk>& talks, const std::vector<TalkPair>& pairs, const ScheduleResult& r,
                   int talk_minutes, TimestampMs now, const std::string& device);

}  // namespace zj

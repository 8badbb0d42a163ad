// Zhengjian core: the campaign (整建月活动) of one year — the plan, lectures, on-site meetings and talks, and
// its JSON form inside the dataset document.
// docs/domain.md "The four strands", "Closing and safeguards"; notice 三、时间安排 and 四、活动内容.
//
// The pieces live in their own headers (all included here, so `#include "core/campaign/campaign.h"` is enough):
//   plan.h      Strand, Activity, Role, the notice's template, weekend rule, status
//   lectures.h  学: Lecture, Reflection, audience, attendance
//   draw.h      看: the auditable draw (zj-draw-v1)
//   onsite.h    看: OnsiteMeeting, agenda, SpeechTimer
//   talks.h     谈: TalkPair generation, topics, Talk records
//   schedule.h  谈: the talk scheduler
//   progress.h  progress per activity / branch / area / strand (include separately)
//   calendar.h  one calendar per person, conflicts (include separately)
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/campaign/draw.h"
#include "core/campaign/lectures.h"
#include "core/campaign/onsite.h"
#include "core/org/org.h"
#include "core/campaign/plan.h"
#include "core/campaign/schedule.h"
#include "core/campaign/talks.h"
#include "core/base/types.h"

namespace zj {

/// Version of the campaign object inside the dataset document (stored as "campaign_version").
constexpr int kCampaignVersion = 1;

/// The campaign of one year: everything the office plans and the liaisons record for 学、看、谈.
/// (Points and stars, 评, are stored by the rating code; the plan only tracks the 评 activities.)
struct Campaign {
  int year = kNoticeYear;               ///< the notice's year by default
  std::string name_zh;                  ///< "强基层、激活力、促发展"党组织整建月活动
  std::vector<Activity> activities;     ///< the plan (活动安排)
  std::vector<Lecture> lectures;        ///< 学: 3–5 sessions
  std::vector<OnsiteMeeting> onsite_meetings;  ///< 看: one per area + one for town units
  TalkTopics talk_topics = NoticeTalkTopics();  ///< 谈: topic lists (rules as data)
  TalkScheduleSettings talk_schedule;   ///< 谈: availability, capacity, deadlines
  std::vector<Talk> talks;              ///< 谈: pairs, planned slots, records
  std::optional<TalkLock> talk_lock;    ///< 谈话记录口令锁: set when talk records are sealed
};

/// The notice's campaign for `year`: the plan of NoticePlanTemplate() (for 2018 exactly the notice's dates;
/// for another year copied with CopyPlanToYear, i.e. weekend rule applied), the three named lectures
/// (NoticeLectures), the notice's talk topics, and a talk schedule window from the talk activities.
/// No on-site meetings or talks yet: they depend on the organization (see CreateOnsiteMeetings,
/// GenerateTalkPairs + AddMissingTalks). Ids come from `ids`, created/updated = `now`, device = `device`.
Campaign DefaultCampaign(int year, IdGenerator& ids, TimestampMs now, const std::string& device);

/// Moves every date of the campaign by `days` (negative = earlier): plan activities (start, deadline, done
/// days), lectures (day, reflections handed in), on-site meetings, the talk schedule's window, deadlines and
/// availability, talks' planned days and records' held days. `year` is left as it is. Used to place the demo
/// town's campaign around today, and a new town's campaign at the day its mobilization meeting is held (the
/// notice's template, 二 活动安排, keeps its spacing: the days between its dates stay the same).
void ShiftCampaignDates(Campaign& c, int days);

/// The campaign's first day: the earliest start of its plan activities (the mobilization meeting, 动员部署,
/// in the notice's template), or nullopt for an empty plan.
std::optional<Date> CampaignFirstDay(const Campaign& c);

/// Days from `today` to `deadline`: positive = days left, 0 = due today, negative = overdue by that many days.
inline int DaysLeft(Date today, Date deadline) { return deadline - today; }

/// First activity of `kind` in the plan, or nullptr.
const Activity* FindActivity(const Campaign& c, ActivityKind kind);
Activity* FindActivity(Campaign& c, ActivityKind kind);

/// Adds the on-site meetings the notice asks for and the campaign lacks: one AreaVillages meeting per area
/// (matched on area_id) and one TownUnits meeting, linked to the OnsiteVillage / OnsiteTownUnit activities.
/// Returns the number added. Date, venue and pre-chosen site are left for the area chief to fill in.
int CreateOnsiteMeetings(Campaign& c, const Organization& org, IdGenerator& ids, TimestampMs now,
                         const std::string& device);

/// Regenerates the required talk pairs (GenerateTalkPairs), adds missing Talks, then schedules every talk
/// not yet held with c.talk_schedule between its from/to (defaults: earliest start / latest deadline of the
/// Talk-strand activities; per-kind deadline defaults: that kind's activity deadline) and writes the planned
/// slots into c.talks. Problems of the roster go to `problems`; the result explains unplaced pairs.
/// The returned indices refer to the pairs of the result's own list `pairs`.
/// With `today`, nothing is placed before it: the window starts at the later of its start and today; a window
/// that ended before today places nothing, changes no talk and says so for each pair (the user moves the end).
/// Held talks whose record is readable keep their time and day (TakenTalk); a sealed record (talk lock closed)
/// has no readable time and holds nothing.
struct CampaignSchedule {
  std::vector<TalkPair> pairs;  ///< the talks that were scheduled (not yet held), in c.talks order
  ScheduleResult result;
  std::optional<Date> from, to; ///< the window actually used (after `today`), unset when there was none
};
CampaignSchedule ScheduleCampaignTalks(Campaign& c, const Organization& org, IdGenerator& ids, TimestampMs now,
                                       const std::string& device, Problems& problems,
                                       std::optional<Date> today = std::nullopt);

/// Codes of roles, reflection states and intentions as stored in the campaign JSON (e.g. "village_secretary",
/// "handed_in", "stay"), and back; nullopt for an unknown code. One table each, shared by the JSON reader and
/// the commands.
const char* RoleCode(Role r);
std::optional<Role> RoleFromCode(std::string_view code);
const char* ReflectionStateCode(ReflectionState s);
std::optional<ReflectionState> ReflectionStateFromCode(std::string_view code);
const char* IntentionCode(Intention i);
std::optional<Intention> IntentionFromCode(std::string_view code);

/// JSON form of a campaign (part of the dataset document). Dates "YYYY-MM-DD", times ISO 8601 UTC,
/// local times as integer minutes, enums as lowercase English tokens (e.g. "village_secretary").
nlohmann::json CampaignToJson(const Campaign& c);
/// Reads a campaign; every problem is appended to `problems` with its JSON path under `path` (e.g.
/// "/campaign/talks/3/record/held_on") and a Chinese and English message. Bad parts are skipped or
/// defaulted, good parts kept. A "campaign_version" newer than kCampaignVersion is refused (problem, and
/// an empty campaign of the stored year returned). Missing optional parts take their defaults.
Campaign CampaignFromJson(const nlohmann::json& j, const std::string& path, Problems& problems);
/// Reports every sealed talk of `c` when `c` has no talk lock (its records could never be opened).
void CheckSealedTalks(const Campaign& c, const std::string& path, Problems& problems);

/// The campaign's settings in JSON (parts of the campaign object; core/data/settings.h): the topic lists
/// {"secretary", "committee", "representative": [{zh, en}]}, the scheduler's settings, and the talk lock
/// ({"kdf": "PBKDF2", "hash": "SHA-256", "iterations", "salt", "cipher": "AES-GCM", "key_bits": 256, "check": {iv,
/// ct}, "set_at"} or null). Readers report problems under `path`; an empty topic list falls back to the notice's.
nlohmann::json TalkTopicsToJson(const TalkTopics& t);
TalkTopics TalkTopicsFromJson(const nlohmann::json& j, const std::string& path, Problems& problems);
nlohmann::json TalkScheduleToJson(const TalkScheduleSettings& s);
TalkScheduleSettings TalkScheduleFromJson(const nlohmann::json& j, const std::string& path, Problems& problems);
nlohmann::json TalkLockToJson(const std::optional<TalkLock>& k);
std::optional<TalkLock> TalkLockFromJson(const nlohmann::json& j, const std::string& path, Problems& problems);

}  // namespace zj

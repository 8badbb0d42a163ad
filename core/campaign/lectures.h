// Zhengjian core: lectures (学, 专题讲习) — sessions, audience from roles, attendance, reflections (学习心得).
// docs/domain.md "The four strands"; notice 四(一).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/org/org.h"
#include "core/campaign/plan.h"
#include "core/base/types.h"

namespace zj {

/// State of one attendee's reflection (学习心得). Notice 四(一): attendees write one; the best are shown
/// in the study column (学习专栏).
enum class ReflectionState {
  Owed,      ///< 未交: expected, not handed in
  HandedIn,  ///< 已交
  Chosen,    ///< 入选学习专栏: handed in and chosen for the study column
};
const char* ReflectionStateZh(ReflectionState s);  ///< "未交", "已交", "入选学习专栏"
const char* ReflectionStateEn(ReflectionState s);

/// One attendee's reflection on one lecture.
struct Reflection {
  RecordMeta meta;
  Id person_id;                     ///< Member or Cadre id of the attendee
  ReflectionState state = ReflectionState::Owed;
  std::optional<Date> handed_in_on; ///< set when state leaves Owed
  std::string title;                ///< 题目 (optional)
};

/// One lecture session (专题讲习). Time is local: `start_minute` minutes after 00:00, `duration_minutes` long.
struct Lecture {
  RecordMeta meta;
  Id activity_id;                   ///< plan Activity it belongs to (may be empty)
  std::string theme_zh;             ///< 主题, e.g. "党建知识专题学习"
  std::string theme_en;
  std::optional<LectureTeam> team;  ///< 宣讲队 giving it (none for invited outside speakers)
  std::vector<Id> lecturer_ids;     ///< Cadre ids of town lecturers
  std::string guest_lecturers;      ///< free text for invited speakers, e.g. "市委组织部领导"
  std::string place;                ///< 地点, e.g. "镇人社服务中心二楼 (镇委党校)"
  std::optional<Date> date;         ///< day held (or planned); nullopt = not yet fixed
  int start_minute = 9 * 60;        ///< 0..1439, local minutes
  int duration_minutes = 120;       ///< > 0
  std::vector<Role> audience_roles; ///< 参学人员 by role; resolved with LectureAudience()
  std::vector<Id> attendee_ids;     ///< 实到: people who attended (empty until recorded)
  bool held = false;                ///< 已举办
  std::vector<Reflection> reflections;
};

/// Expected audience of a lecture: people holding its audience roles (town-wide), sorted, unique.
std::vector<Id> LectureAudience(const Lecture& l, const Organization& org);

/// Attendance figures of a lecture. `expected` = size of LectureAudience; `attended` = attendee count;
/// `attended_expected` = attendees who are in the expected audience; `percent` = attended_expected * 100 /
/// expected, floored (0 when nobody is expected).
struct Attendance {
  int expected = 0;
  int attended = 0;
  int attended_expected = 0;
  int percent = 0;
};
Attendance LectureAttendance(const Lecture& l, const Organization& org);

/// Makes sure every attendee has a Reflection (state Owed); never removes one. Returns how many were added.
int EnsureReflections(Lecture& l, IdGenerator& ids, TimestampMs now, const std::string& device);

/// Counts of reflections by state (owed, handed in, chosen) over one lecture.
struct ReflectionCounts {
  int owed = 0;
  int handed_in = 0;  ///< includes chosen
  int chosen = 0;
};
ReflectionCounts CountReflections(const Lecture& l);

/// Notice 四(一): 3 to 5 lectures in the month. Appends a problem at `path` when `lecture_count` is outside
/// 3..5 (a warning the office can act on, not an input error).
void CheckLectureCount(int lecture_count, const std::string& path, Problems& problems);

/// The three lectures the notice names (notice 四(一)一/二/三), linked to the template activities in `plan`
/// by kind (audience = the activity's participant roles), undated (the office fixes day and time), in the
/// party school (镇人社服务中心二楼) except agriculture (in the villages). Teams: party building, finance,
/// agriculture; invited speakers as the notice names them.
std::vector<Lecture> NoticeLectures(const std::vector<Activity>& plan, IdGenerator& ids, TimestampMs now,
                                    const std::string& device);

}  // namespace zj

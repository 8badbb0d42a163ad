// Zhengjian core: the campaign plan as data (活动安排) — strands, activities, roles, the notice's template,
// copying the plan to another year, and the computed status of an activity.
// docs/domain.md "The four strands", "Closing and safeguards"; notice 三、时间安排 and 四、活动内容.
//
// [SECTION] Roles (participants and audiences by role)
// [SECTION] Strands, activities
// [SECTION] The notice's template and another year's copy
// [SECTION] Status against today
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/org/org.h"
#include "core/base/types.h"

namespace zj {

// ---------------------------------------------------------------------------------------------
// [SECTION] Roles
// ---------------------------------------------------------------------------------------------

/// A role that people hold in the campaign (参加人员 / 参学人员 by role). Resolved to concrete people
/// (Member or Cadre ids) from the Organization by PeopleWithRole(). Notice 四 names these groups.
enum class Role {
  TownLeader,              ///< 镇主要领导 (the org has no mayor role: resolved to the town Party secretary)
  TownCommittee,           ///< 镇党委班子成员 (also 分管领导): cadres with CommitteeMember or PartySecretary
  AreaChief,               ///< 片长: the chief cadre of an area
  GeneralBranchSecretary,  ///< 总支书记
  ResidentCadre,           ///< 驻村干部
  VillageSecretary,        ///< 村(居)支部书记: member with Post::Secretary in a Village/Community branch
  VillageDeputySecretary,  ///< 村分管党群的副书记: Post::DeputySecretary in a Village/Community branch
  UnitSecretary,           ///< 镇直单位支部书记: Post::Secretary in a TownUnit branch
  UnitDeputySecretary,     ///< 镇直单位副书记
  VillageTwoCommittees,    ///< 村支两委班子成员: any post in a Village/Community branch
  /// 村(居)、镇直单位主要负责人和具体工作人员. org.h has no "staff" field: resolved to every member holding
  /// any post (两委 / 支委) in any branch.
  HeadsAndStaff,
  MemberRepresentative,    ///< 党员代表
  AllMembers,              ///< 全体党员 (members' meeting, 党员大会)
  VillageMembers,          ///< members of Village/Community branches (农技讲习 in the villages)
  Lecturer,                ///< 讲师团宣讲员
  OfficeStaff,             ///< 组织办 / 宣传办工作人员
};

/// All roles in declaration order (for pickers and JSON tables).
const std::vector<Role>& AllRoles();
/// Chinese and English labels of a role, e.g. "片长" / "area chief".
const char* RoleZh(Role r);
const char* RoleEn(Role r);

/// The area a branch belongs to (branch -> general branch -> area); empty when the chain is broken.
Id AreaOfBranch(const Organization& org, const Id& branch_id);
/// True for Village and Community branches (counted as villages for 看 and 谈).
bool IsVillageBranch(BranchKind k);

/// People holding `role`, as ids of Members or Cadres (both are random 16-hex ids, so they never clash).
/// When `area_id` is non-empty, only people of that area are returned (members of its branches, its chief,
/// secretaries of its general branches, resident cadres linked to its branches); town-wide roles
/// (TownLeader, TownCommittee, Lecturer, OfficeStaff) ignore the area. Sorted, without duplicates.
std::vector<Id> PeopleWithRole(const Organization& org, Role role, const Id& area_id = {});
/// Union of PeopleWithRole over `roles`; sorted, no duplicates.
std::vector<Id> PeopleWithRoles(const Organization& org, const std::vector<Role>& roles, const Id& area_id = {});
/// Display name of a person id (member or cadre); empty when unknown.
std::string PersonName(const Organization& org, const Id& person_id);

// ---------------------------------------------------------------------------------------------
// [SECTION] Strands, activities
// ---------------------------------------------------------------------------------------------

/// The campaign's strands (学、看、谈、评) plus the opening and closing meetings. The dashboard groups by strand.
enum class Strand {
  Mobilize,  ///< 动员 (动员大会, 03-23)
  Learn,     ///< 学: lectures (专题讲习)
  Look,      ///< 看: on-site meetings (现场会)
  Talk,      ///< 谈: heart-to-heart talks (谈心谈话)
  Rate,      ///< 评: points and stars (评星)
  Close,     ///< 总结: closing meeting (总结大会)
};
const char* StrandZh(Strand s);  ///< "动员", "学", "看", "谈", "评", "总结"
const char* StrandEn(Strand s);  ///< "Mobilize", "Learn", ...

/// What an activity is, so progress can be read from the records that belong to it. `Other` is a
/// user-added activity whose progress is only its own status / done units.
enum class ActivityKind {
  Mobilization,          ///< 动员大会 (notice 四, 3月23日)
  LecturePartyBuilding,  ///< 党建知识专题学习 (四(一)一, 3月底前)
  LectureFireFinance,    ///< 消防和财务知识专题培训 (四(一)二, 3月底前)
  LectureAgriculture,    ///< 农业技术专题讲习 (四(一)三, 4月底前)
  OnsiteVillage,         ///< 村级党建工作现场会, one per area (四(二)一)
  OnsiteTownUnit,        ///< 镇直单位党建现场会 (四(二)二)
  TalkSecretary,         ///< 镇党委书记与村支部书记谈心谈话 (四(三)一)
  TalkCommittee,         ///< 镇党委班子成员与村支两委班子成员谈心谈话 (四(三)二)
  TalkRepresentatives,   ///< 总支书记、驻村干部与党员代表谈心谈话 (四(三)三)
  MemberStarMeetings,    ///< 党员大会: 党员评星 announced per branch (四(四)二)
  BranchStarRating,      ///< 支部评星 by the town assessment group (四(四)一)
  Closing,               ///< 总结大会 (四, 活动结束后)
  Other,                 ///< added by the office
};

/// Unit an activity is counted in (for progress per branch / per area).
enum class ActivityScope {
  Town,    ///< one unit: the whole town (a meeting, a lecture series)
  Area,    ///< one unit per area (片区), e.g. the village on-site meetings
  Branch,  ///< one unit per branch of the kinds in Activity::branch_kinds, e.g. talks, members' meetings
};

/// Stored status of a plan activity. Overdue is never stored: it is computed against today (ActivityStateOn).
enum class ActivityStatus { Planned, Done };

/// One unit (an area or a branch) that has completed an Area/Branch-scoped activity.
struct UnitDone {
  Id unit_id;  ///< Area id or Branch id
  Date on;     ///< day it was done
};

/// One activity of the plan, e.g. "党建知识专题学习 (3月底前完成)". Dates are civil dates, inclusive.
struct Activity {
  RecordMeta meta;
  ActivityKind kind = ActivityKind::Other;
  Strand strand = Strand::Learn;
  std::string title_zh;   ///< e.g. "党建知识专题学习"
  std::string title_en;   ///< e.g. "Party-building lecture"
  std::string notice_section;  ///< where the notice asks for it, e.g. "四(一)一"
  Date start;             ///< first day it may take place
  Date deadline;          ///< last day (inclusive), e.g. 2018-03-31; start <= deadline
  std::string owner;      ///< 负责: e.g. "组织办、宣传办", "片长、总支书记"
  std::vector<Role> participants;  ///< 参加人员 by role
  ActivityScope scope = ActivityScope::Town;
  /// For Branch scope: which kinds of branch it applies to (empty = all kinds).
  std::vector<BranchKind> branch_kinds;
  ActivityStatus status = ActivityStatus::Planned;
  std::optional<Date> done_on;     ///< when status became Done
  std::vector<UnitDone> done_units;  ///< Area/Branch scope: units marked done by hand
};

// ---------------------------------------------------------------------------------------------
// [SECTION] The notice's template and another year's copy
// ---------------------------------------------------------------------------------------------

/// The notice's year (2018): the template's dates are exactly the notice's in this year.
constexpr int kNoticeYear = 2018;

/// The notice's plan (notice 四), dated in 2018, without ids. Twelve activities:
/// mobilization 03-23; lectures (party building, fire safety + finance) 03-23..03-31 and agriculture
/// 03-23..04-30; village on-site meetings per area and the town-unit meeting 03-23..04-30; the three kinds
/// of talk 03-23..04-30; members' meetings (member stars) and branch star rating 03-23..04-30; the closing
/// meeting 04-23..04-30. The notice gives no start days except 03-23: every activity may start at the
/// mobilization; the closing window (04-23) is our choice.
std::vector<Activity> NoticePlanTemplate();

/// Moves a date of the template into `year` by month and day (02-29 becomes 02-28 in a common year).
Date ShiftToYear(Date d, int year);

/// Which end of an activity a date is, for the weekend rule.
enum class DateRole { Start, Deadline, SingleDay };
/// The weekend rule used when a plan is copied to another year (notice's own 2018 dates are kept verbatim,
/// e.g. 2018-03-31 was a Saturday):
/// - a deadline on Saturday or Sunday moves to the Friday before (never later than asked);
/// - a start on Saturday or Sunday moves to the Monday after;
/// - a single-day event (start == deadline, e.g. the mobilization meeting) moves to the nearest weekday:
///   Saturday -> Friday before, Sunday -> Monday after.
/// Weekdays are returned unchanged. Public holidays are not modelled.
Date MoveOffWeekend(Date d, DateRole role);

/// Copies `plan` (dated in any year) to `year`: each date shifted by ShiftToYear, then MoveOffWeekend;
/// start is clamped to <= deadline. (DefaultCampaign(kNoticeYear) keeps the notice's dates verbatim instead.)
/// Every copy gets a new id, created = updated = `now`, `device`; status reset to Planned.
std::vector<Activity> CopyPlanToYear(const std::vector<Activity>& plan, int year, IdGenerator& ids,
                                     TimestampMs now, const std::string& device);

// ---------------------------------------------------------------------------------------------
// [SECTION] Status against today
// ---------------------------------------------------------------------------------------------

/// Computed status (状态): done, overdue (today > deadline and not done) or planned.
enum class ActivityState { Planned, Done, Overdue };
const char* ActivityStateZh(ActivityState s);  ///< "未完成", "已完成", "已逾期"
const char* ActivityStateEn(ActivityState s);
/// State of an activity from its stored status only (see progress.h for the state read from records).
ActivityState ActivityStateOn(const Activity& a, Date today);

/// Checks an activity list: start <= deadline, non-empty titles, ids unique. Problems use paths
/// `<path>/<index>/<field>`.
void ValidatePlan(const std::vector<Activity>& plan, const std::string& path, Problems& problems);

}  // namespace zj

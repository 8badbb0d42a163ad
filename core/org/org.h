// Zhengjian core: the organization (组织) — town, areas, general branches, branches, members, cadres,
// and the focus-object rule (重点对象).
// docs/domain.md "The organization"; notice 二、活动范围 and 五、保障措施.
// Plain data plus small pure helpers; rules that read it live in their own headers (stars.h, talks.h ...).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/types.h"

namespace zj {

/// 片区: an area of the town with its chief (片长), the first responsible person (notice 五.2).
struct Area {
  RecordMeta meta;
  std::string name;        ///< e.g. "一片"
  Id chief_cadre_id;       ///< Cadre id of the 片长 (may be empty)
};

/// 党总支: a general branch with its secretary (总支书记), the concrete responsible person.
struct GeneralBranch {
  RecordMeta meta;
  std::string name;        ///< e.g. "第一党总支"
  Id area_id;              ///< Area it belongs to
  Id secretary_cadre_id;   ///< Cadre id of the 总支书记 (may be empty)
};

/// Kind of a branch (党支部类型).
enum class BranchKind {
  Village,    ///< 村(居)党支部: village or residential-community branch
  Community,  ///< 社区党支部 (counted with villages for 看 and 谈)
  TownUnit,   ///< 镇直单位党支部: branch of a town-direct unit
};

/// 党支部: a branch.
struct Branch {
  RecordMeta meta;
  std::string name;              ///< e.g. "东湖村党支部"
  BranchKind kind = BranchKind::Village;
  Id general_branch_id;          ///< GeneralBranch it belongs to (may be empty for a branch created by an import)
  /// Rank in last year's target-management assessment (目标管理考核), 1 = best; nullopt if unknown.
  std::optional<int> last_year_target_rank;
  /// Set by the focus-object rule (重点对象, notice 二): bottom N or bottom X% of last year's ranking.
  /// Recomputed by ApplyFocusRule(); stored so a file shows what was decided.
  bool focus_object = false;
};

/// A post held in a branch or village committee (党内职务 / 村支两委职务).
enum class Post {
  Secretary,        ///< 书记
  DeputySecretary,  ///< 副书记 (负责党群工作)
  CommitteeMember,  ///< 委员 (支委)
  VillageDirector,  ///< 村委主任 (villagers' committee)
  VillageCommittee, ///< 村委委员
};

/// Membership status (人员类别).
enum class MemberStatus {
  Full,          ///< 正式党员
  Probationary,  ///< 预备党员
};

/// 党员: a Party member.
struct Member {
  RecordMeta meta;
  std::string name;               ///< 姓名, trimmed, may contain characters outside GB2312 and the BMP
  std::string sex;                ///< 性别: "男" / "女" (or empty when unknown)
  std::string ethnicity;          ///< 民族, e.g. "汉族"
  std::optional<DateOrMonth> birth_date; ///< 出生日期 (to the day, or a month when that is all that is known)
  std::optional<DateOrMonth> join_date;  ///< 入党日期 (rosters often give only the month: kept as a month)
  MemberStatus status = MemberStatus::Full;
  std::string education;          ///< 学历 (free text, may hold a line break, e.g. "大专\n(函授)")
  std::string phone;              ///< 联系电话, normalized digits (+86 and spaces removed)
  Id branch_id;                   ///< 所在党支部
  std::vector<Post> posts;        ///< 党内职务 and two-committee posts
  /// Posts written in a roster that are none of `Post` (kept as text, e.g. "妇女主任"), joined by "、".
  std::string other_posts;
  bool representative = false;    ///< 党员代表
  bool reserve_cadre = false;     ///< 后备干部
  /// ID number (公民身份号码), never stored in clear: salted SHA-256 hex (64 chars, see idnumber.h)
  /// and masked form (e.g. "4205**********123X"). Both empty when unknown.
  std::string id_hash;
  std::string id_masked;
};

/// Role of a town cadre (镇干部).
enum class CadreRole {
  PartySecretary,     ///< 镇党委书记
  CommitteeMember,    ///< 镇党委班子成员
  ResidentCadre,      ///< 驻村干部
  Lecturer,           ///< 讲师团宣讲员
  OfficeStaff,        ///< 组织办 / 宣传办工作人员
  AreaChief,          ///< 片长 (see Area::chief_cadre_id)
  GeneralBranchSecretary,  ///< 党总支书记 (see GeneralBranch::secretary_cadre_id)
};

/// The five lecture teams (宣讲队) of the town lecturer corps (讲师团), notice 四(一).
enum class LectureTeam {
  PartyBuilding,     ///< 党的建设宣讲队
  Agriculture,       ///< 农业技术宣讲队
  Finance,           ///< 财经知识宣讲队
  SocialGovernance,  ///< 社会治理宣讲队
  PovertyAlleviation ///< 扶贫工作宣讲队
};

/// 干部: a town cadre (committee member, resident cadre, lecturer ...). One person may hold several roles.
struct Cadre {
  RecordMeta meta;
  std::string name;
  std::string title;                    ///< 职务 as written, e.g. "镇党委副书记" (free text, may be empty)
  std::vector<CadreRole> roles;
  std::vector<Id> linked_branch_ids;    ///< villages a committee member is linked to / a resident cadre lives in (驻村)
  std::vector<LectureTeam> lecture_teams;
  Id area_id;                           ///< for a 片长: the area; otherwise may be empty
};

/// How focus objects (重点对象, notice 二: "2017年度目标管理考核排名靠后的党支部") are chosen.
/// The notice names no cut-off, so it is data. Only branches with a known last-year rank take part.
struct FocusRule {
  enum class Mode {
    BottomCount,    ///< the `count` worst-ranked branches
    BottomPercent,  ///< the worst `percent`% of ranked branches, rounded up (10% of 23 -> 3)
  };
  Mode mode = Mode::BottomCount;
  int count = 3;        ///< for BottomCount; 0 = none
  int percent = 10;     ///< for BottomPercent, 0..100
  int ranking_year = 2017;  ///< the year of the ranking in Branch::last_year_target_rank (label only)
};

/// The whole organization of one town.
struct Organization {
  std::string town_name;  ///< e.g. "渔洋镇"
  FocusRule focus_rule;   ///< 重点对象 rule (example default: bottom 3)
  std::vector<Area> areas;
  std::vector<GeneralBranch> general_branches;
  std::vector<Branch> branches;
  std::vector<Member> members;
  std::vector<Cadre> cadres;
};

// ---- codes (stable JSON spellings) and Chinese labels -------------------------------------------

/// JSON code of a branch kind: "village" / "community" / "town_unit".
const char* BranchKindCode(BranchKind k);
std::optional<BranchKind> BranchKindFromCode(std::string_view code);
/// The kind a branch's name suggests: a name with 社区 -> Community, with 村 -> Village, else TownUnit (a town
/// office or enterprise). Used where branches come from typed or imported names (roster import, starting a town).
BranchKind GuessBranchKind(const std::string& name);
/// Chinese label: "村党支部" / "社区党支部" / "镇直单位党支部".
const char* BranchKindLabelZh(BranchKind k);

/// JSON code of a post: "secretary", "deputy_secretary", "committee_member", "village_director", "village_committee".
const char* PostCode(Post p);
std::optional<Post> PostFromCode(std::string_view code);
/// Chinese label as written in rosters: 书记 / 副书记 / 委员 / 村委主任 / 村委委员.
const char* PostLabelZh(Post p);
/// Reads one post as a roster writes it (书记, 支部书记, 党支部书记, 副书记, 委员, 支委, 村委主任, 村主任, 村委委员 ...).
std::optional<Post> PostFromLabelZh(std::string_view label);

/// JSON code of a member status: "full" / "probationary".
const char* MemberStatusCode(MemberStatus s);
std::optional<MemberStatus> MemberStatusFromCode(std::string_view code);
/// 正式党员 / 预备党员.
const char* MemberStatusLabelZh(MemberStatus s);

/// JSON code of a cadre role: "party_secretary", "committee_member", "resident_cadre", "lecturer",
/// "office_staff", "area_chief", "general_branch_secretary".
const char* CadreRoleCode(CadreRole r);
std::optional<CadreRole> CadreRoleFromCode(std::string_view code);
const char* CadreRoleLabelZh(CadreRole r);

/// JSON code of a lecture team: "party_building", "agriculture", "finance", "social_governance", "poverty_alleviation".
const char* LectureTeamCode(LectureTeam t);
std::optional<LectureTeam> LectureTeamFromCode(std::string_view code);
/// 党的建设宣讲队 ... (notice 四(一)).
const char* LectureTeamLabelZh(LectureTeam t);

// ---- look-ups and the focus rule ------------------------------------------------------------------

/// Index of the branch with this id in org.branches, or -1. Linear (an organization has tens of branches).
int FindBranch(const Organization& org, const Id& id);
/// Index of the branch whose name matches `name` exactly, or with the suffix "党支部" added or removed
/// ("东湖村" finds "东湖村党支部"), or -1.
int FindBranchByName(const Organization& org, std::string_view name);
/// Index of the member with this id, or -1 (linear).
int FindMember(const Organization& org, const Id& id);
/// Index of the member whose id_hash equals `hash`, or -1 (linear; empty hash never matches).
int FindMemberByIdHash(const Organization& org, const std::string& hash);

/// What tells apart people who share a name (同名) in one list a user picks from or enters for (points entry,
/// exemptions, attendance, talks, cadres): one text per entry of `person_ids` (members or cadres), "" for a
/// person whose name is unique in the list. For a same-name group the hint takes, in this order, only as many
/// of these as the group needs to differ: the branch (党支部), the birth year-month ("1968年3月生" /
/// "b. 1968-03"), the ID number's ending from the masked ID ("证件尾号123X" / "ID …123X"), the posts
/// ("书记" …; a cadre: "镇干部"), the join year-month ("1990年7月入党"); when all of these are equal, the
/// position in the roster ("第2位" / "no. 2"). `zh`: Chinese (else English) words. Unknown ids get "".
/// Linear in the list's size (names grouped in a hash map); only same-name groups do more work.
std::vector<std::string> SameNameHints(const Organization& org, const std::vector<Id>& person_ids, bool zh = true);
/// The same for members given by index into org.members (the points-entry table, the exemption picker).
std::vector<std::string> SameNameHints(const Organization& org, const std::vector<int>& member_indices, bool zh = true);
/// The text a list shows for a person: the name, then its SameNameHints hint in brackets when it has one
/// ("张伟（1968年3月生）"), else the name alone.
std::string PersonLabel(const std::string& name, const std::string& hint);

/// Ids of the focus-object branches (重点对象) chosen by org.focus_rule from Branch::last_year_target_rank
/// (1 = best). Branches without a rank never qualify. Ties at the cut-off are all included
/// (two branches sharing the worst-but-N rank are both focus objects). Order: worst rank first.
std::vector<Id> SelectFocusObjects(const Organization& org);
/// Sets Branch::focus_object from SelectFocusObjects() (clears it elsewhere). Returns how many are flagged.
int ApplyFocusRule(Organization& org);

}  // namespace zj

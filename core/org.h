// Zhengjian core: the organization (组织) — town, areas, general branches, branches, members, cadres.
// DOMAIN.md "The organization"; notice 二、活动范围 and 五、保障措施.
// Plain data; rules that read it live in their own headers (stars.h, talks.h ...).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/types.h"

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
  Id general_branch_id;          ///< GeneralBranch it belongs to
  /// Rank in last year's target-management assessment (目标管理考核), 1 = best; nullopt if unknown.
  std::optional<int> last_year_target_rank;
  /// Set by the focus-object rule (重点对象, notice 二): bottom N or bottom X% of last year's ranking.
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
  std::string sex;                ///< 性别: "男" / "女"
  std::string ethnicity;          ///< 民族, e.g. "汉族"
  std::optional<Date> birth_date; ///< 出生日期
  std::optional<Date> join_date;  ///< 入党日期
  MemberStatus status = MemberStatus::Full;
  std::string education;          ///< 学历
  std::string phone;              ///< 联系电话, normalized digits (+86 and spaces removed)
  Id branch_id;                   ///< 所在党支部
  std::vector<Post> posts;        ///< 党内职务 and two-committee posts
  bool representative = false;    ///< 党员代表
  bool reserve_cadre = false;     ///< 后备干部
  /// ID number (公民身份号码), never stored in clear: salted SHA-256 hex and masked form
  /// (e.g. "4205**********123X"). Both empty when unknown.
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
  std::vector<CadreRole> roles;
  std::vector<Id> linked_branch_ids;    ///< villages a committee member is linked to / a resident cadre lives in (驻村)
  std::vector<LectureTeam> lecture_teams;
  Id area_id;                           ///< for a 片长: the area; otherwise may be empty
};

/// The whole organization of one town.
struct Organization {
  std::string town_name;  ///< e.g. "渔洋镇"
  std::vector<Area> areas;
  std::vector<GeneralBranch> general_branches;
  std::vector<Branch> branches;
  std::vector<Member> members;
  std::vector<Cadre> cadres;
};

}  // namespace zj

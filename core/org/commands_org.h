// Zhengjian core: commands of the 组织 screen (docs/domain.md "The organization"): the tree (片区 → 党总支 → 党支部),
// members' posts, status and star exemptions, cadres, the focus-object rule, and the roster import as one step.
// Typed commands (core/data/command.h, docs/recipes.md "Add a command"); each handler checks everything before it
// changes anything, and changes only the records it names through the Tx. Text fields are trimmed; an absent
// optional field is left as it is.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/data/command.h"

namespace zj {

/// area.add {name, chief_cadre_id?} -> created_id. Refused: no name, a name another area has, no such cadre.
struct AreaAdd {
  static constexpr const char* kName = "area.add";
  static constexpr CommandKind kKind = CommandKind::Adds;
  std::optional<std::string> name;            ///< 片区名称
  std::optional<std::string> chief_cadre_id;  ///< 片长 ("" = none)
  template <class V>
  void Fields(V& v) {
    v.Opt("name", name);
    v.Opt("chief_cadre_id", chief_cadre_id);
  }
};
/// area.update {id, name?, chief_cadre_id?} ("" clears the chief). Refused: no such area, an empty or taken name,
/// no such cadre.
struct AreaUpdate {
  static constexpr const char* kName = "area.update";
  static constexpr CommandKind kKind = CommandKind::Edits;
  Id id;
  std::optional<std::string> name, chief_cadre_id;
  template <class V>
  void Fields(V& v) {
    v.Req("id", id);
    v.Opt("name", name);
    v.Opt("chief_cadre_id", chief_cadre_id);
  }
};
/// area.remove {id}: cadres of the area lose it. Refused: no such area, general branches still in it.
struct AreaRemove {
  static constexpr const char* kName = "area.remove";
  static constexpr CommandKind kKind = CommandKind::Removes;
  Id id;
  template <class V>
  void Fields(V& v) {
    v.Req("id", id);
  }
};

/// general_branch.add {name, area_id, secretary_cadre_id?} -> created_id. Refused: no name, no such area, a taken
/// name, no such cadre.
struct GeneralBranchAdd {
  static constexpr const char* kName = "general_branch.add";
  static constexpr CommandKind kKind = CommandKind::Adds;
  std::optional<std::string> name, area_id, secretary_cadre_id;
  template <class V>
  void Fields(V& v) {
    v.Opt("name", name);
    v.Opt("area_id", area_id);
    v.Opt("secretary_cadre_id", secretary_cadre_id);
  }
};
/// general_branch.update {id, name?, area_id?, secretary_cadre_id?}. Refused: no such general branch, an empty or
/// taken name, no such area or cadre.
struct GeneralBranchUpdate {
  static constexpr const char* kName = "general_branch.update";
  static constexpr CommandKind kKind = CommandKind::Edits;
  Id id;
  std::optional<std::string> name, area_id, secretary_cadre_id;
  template <class V>
  void Fields(V& v) {
    v.Req("id", id);
    v.Opt("name", name);
    v.Opt("area_id", area_id);
    v.Opt("secretary_cadre_id", secretary_cadre_id);
  }
};
/// general_branch.remove {id}. Refused: no such general branch, branches still in it.
struct GeneralBranchRemove {
  static constexpr const char* kName = "general_branch.remove";
  static constexpr CommandKind kKind = CommandKind::Removes;
  Id id;
  template <class V>
  void Fields(V& v) {
    v.Req("id", id);
  }
};

/// Fields of a branch command (absent = left as it is).
struct BranchFields {
  std::optional<std::string> name;               ///< 党支部名称, not empty, not another branch's
  std::optional<std::string> kind;               ///< village / community / town_unit
  std::optional<std::string> general_branch_id;  ///< 所属党总支 ("" = none)
  Maybe<int> last_year_target_rank;              ///< 上年目标考核排名, >= 1 (null clears)
  std::optional<bool> focus_object;              ///< 重点对象
  template <class V>
  void Fields(V& v) {
    v.Opt("name", name);
    v.Opt("kind", kind);
    v.Opt("general_branch_id", general_branch_id);
    v.Opt("last_year_target_rank", last_year_target_rank,
          Say{"上年考核排名应为正整数", "the rank must be a positive integer"});
    v.Opt("focus_object", focus_object);
  }
};
/// branch.add {name, kind, general_branch_id?, last_year_target_rank?, focus_object?} -> created_id.
struct BranchAdd : BranchFields {
  static constexpr const char* kName = "branch.add";
  static constexpr CommandKind kKind = CommandKind::Adds;
};
/// branch.update {id, ...fields}. Refused: no such branch, or a field as in branch.add.
struct BranchUpdate : BranchFields {
  static constexpr const char* kName = "branch.update";
  static constexpr CommandKind kKind = CommandKind::Edits;
  Id id;
  template <class V>
  void Fields(V& v) {
    v.Req("id", id);
    BranchFields::Fields(v);
  }
};
/// branch.remove {id}: its assessments and star history go with it, cadres' links to it are dropped. Refused: no
/// such branch, members still in it.
struct BranchRemove {
  static constexpr const char* kName = "branch.remove";
  static constexpr CommandKind kKind = CommandKind::Removes;
  Id id;
  template <class V>
  void Fields(V& v) {
    v.Req("id", id);
  }
};
/// branch.merge {id, into_id}: 合并党支部 — every member of branch `id` moves to `into_id` (as a transfer inside the
/// town would), talks planned in it follow its members, cadres linked to it are linked to `into_id`; then `id` is
/// removed as branch.remove does (its assessments and star history go with it: they rated a branch that no longer
/// stands alone). Undoable as one step. Refused: either branch missing, the same branch twice, `id` named by an
/// on-site meeting (its site, a draw's candidates or picks, its speakers: the draw's record must stay as drawn,
/// notice 四(二)). PreviewBranchMerge tells the same counts and refusals before anything changes.
struct BranchMerge {
  static constexpr const char* kName = "branch.merge";
  static constexpr CommandKind kKind = CommandKind::Removes;
  Id id;
  Id into_id;
  template <class V>
  void Fields(V& v) {
    v.Req("id", id);
    v.Req("into_id", into_id);
  }
};

/// What branch.merge {id, into_id} would do to `d`: counts of the records it changes or removes, or the refusal
/// (problem set, counts zero). The organization screen shows it before the user confirms.
struct BranchMergePreview {
  std::optional<Problem> problem;  ///< why the merge is refused (zh + en); unset = it can be done
  int members = 0;                 ///< members moved (转入合并后的党支部)
  int talks = 0;                   ///< talks whose branch changes
  int cadre_links = 0;             ///< cadres whose link moves to the kept branch
  int assessments = 0;             ///< branch assessments (支部评星考核) removed with the branch
  int star_records = 0;            ///< branch star records (星级历史) removed with the branch
};
BranchMergePreview PreviewBranchMerge(const Dataset& d, const Id& id, const Id& into_id);

/// org.focus_rule {mode: "bottom_count"|"bottom_percent", count?, percent?}: sets the rule and re-flags the
/// branches (重点对象, notice 四(四)). Refused: an unknown mode, a negative count, a percent outside 0..100.
struct OrgFocusRule {
  static constexpr const char* kName = "org.focus_rule";
  static constexpr CommandKind kKind = CommandKind::Edits;
  std::optional<std::string> mode;
  std::optional<int> count, percent;
  template <class V>
  void Fields(V& v) {
    v.Opt("mode", mode);
    v.Opt("count", count, Say{"数量应为非负整数", "count must be a non-negative integer"});
    v.Opt("percent", percent, Say{"比例应在 0 到 100 之间", "percent must be 0..100"});
  }
};

/// org.town_name {name}: renames the town (本镇名称), shown in the header, the boards and the 通报. Refused: an
/// empty name, more than 40 characters.
struct OrgTownName {
  static constexpr const char* kName = "org.town_name";
  static constexpr CommandKind kKind = CommandKind::Edits;
  std::string name;
  template <class V>
  void Fields(V& v) {
    v.Req("name", name);
  }
};

/// member.set_posts {id, posts: [post codes], other_posts?}. Refused: no such member, no list, an unknown post.
struct MemberSetPosts {
  static constexpr const char* kName = "member.set_posts";
  static constexpr CommandKind kKind = CommandKind::Edits;
  Id id;
  std::optional<std::vector<std::string>> posts;
  std::optional<std::string> other_posts;  ///< 其他职务
  template <class V>
  void Fields(V& v) {
    v.Req("id", id);
    v.Opt("posts", posts);
    v.Opt("other_posts", other_posts);
  }
};
/// member.set_status {id, status: "full"|"probationary"} (正式党员 / 预备党员).
struct MemberSetStatus {
  static constexpr const char* kName = "member.set_status";
  static constexpr CommandKind kKind = CommandKind::Edits;
  Id id;
  std::optional<std::string> status;
  template <class V>
  void Fields(V& v) {
    v.Req("id", id);
    v.Opt("status", status);
  }
};
/// exemption.add {member_id, year, reason, approved_on, approved_by?} -> created_id: a member not rated that year
/// (不参评). Refused: no such member, a year outside 1900..2199, no reason, the member already exempted that year.
struct ExemptionAdd {
  static constexpr const char* kName = "exemption.add";
  static constexpr CommandKind kKind = CommandKind::Adds;
  std::optional<std::string> member_id;
  std::optional<int> year;
  std::optional<std::string> reason;
  Date approved_on;
  std::optional<std::string> approved_by;
  template <class V>
  void Fields(V& v) {
    v.Opt("member_id", member_id);
    v.Opt("year", year, Say{"评星年度应为 1900 到 2199 之间的年份", "the year must be 1900..2199"});
    v.Opt("reason", reason);
    v.Req("approved_on", approved_on, Say{"日期格式应为 YYYY-MM-DD", "dates are YYYY-MM-DD"});
    v.Opt("approved_by", approved_by);
  }
};
/// exemption.remove {id}.
struct ExemptionRemove {
  static constexpr const char* kName = "exemption.remove";
  static constexpr CommandKind kKind = CommandKind::Removes;
  Id id;
  template <class V>
  void Fields(V& v) {
    v.Req("id", id);
  }
};

/// Fields of a cadre command (absent = left as it is; lists replace the old list, duplicates dropped).
struct CadreFields {
  std::optional<std::string> name, title;
  std::optional<std::vector<std::string>> roles;              ///< cadre role codes
  std::optional<std::vector<std::string>> linked_branch_ids;  ///< 联系党支部
  std::optional<std::vector<std::string>> lecture_teams;      ///< 宣讲队 codes
  std::optional<std::string> area_id;                         ///< "" = none
  template <class V>
  void Fields(V& v) {
    v.Opt("name", name);
    v.Opt("title", title);
    v.Opt("roles", roles);
    v.Opt("linked_branch_ids", linked_branch_ids);
    v.Opt("lecture_teams", lecture_teams);
    v.Opt("area_id", area_id);
  }
};
/// cadre.add {name, title?, roles?, linked_branch_ids?, lecture_teams?, area_id?} -> created_id.
struct CadreAdd : CadreFields {
  static constexpr const char* kName = "cadre.add";
  static constexpr CommandKind kKind = CommandKind::Adds;
};
/// cadre.update {id, ...fields}.
struct CadreUpdate : CadreFields {
  static constexpr const char* kName = "cadre.update";
  static constexpr CommandKind kKind = CommandKind::Edits;
  Id id;
  template <class V>
  void Fields(V& v) {
    v.Req("id", id);
    CadreFields::Fields(v);
  }
};
/// cadre.remove {id}: areas and general branches led by the cadre lose their chief or secretary.
struct CadreRemove {
  static constexpr const char* kName = "cadre.remove";
  static constexpr CommandKind kKind = CommandKind::Removes;
  Id id;
  template <class V>
  void Fields(V& v) {
    v.Req("id", id);
  }
};

/// roster.import {text: the file as UTF-8 text | workbook: an .xlsx/.xls as web/xlsx.js read it (ParseRosterWorkbookJson)
/// and sheet?: the index of the sheet to read (default 0), file?: its name, create_missing_branches?: bool,
/// expect?: {imported, updated}}: the preview the user saw (core/org/roster_import.h), applied as one step. The
/// audit keeps the file name and counts only: the text holds clear ID numbers. Refused: a refused file, a roster
/// changed since the preview, nothing to import.
struct RosterImport {
  static constexpr const char* kName = "roster.import";
  static constexpr CommandKind kKind = CommandKind::Adds;
  std::optional<std::string> text, file, workbook;
  std::optional<int> sheet;
  std::optional<bool> create_missing_branches;
  std::optional<nlohmann::json> expect;
  template <class V>
  void Fields(V& v) {
    v.Opt("text", text);
    v.Opt("workbook", workbook);
    v.Opt("sheet", sheet);
    v.Opt("file", file);
    v.Opt("create_missing_branches", create_missing_branches, Say{"应为是/否", "expected true/false"});
    v.Opt("expect", expect);
  }
};

std::optional<Problem> Handle(const AreaAdd& c, Tx& tx);
std::optional<Problem> Handle(const AreaUpdate& c, Tx& tx);
std::optional<Problem> Handle(const AreaRemove& c, Tx& tx);
std::optional<Problem> Handle(const GeneralBranchAdd& c, Tx& tx);
std::optional<Problem> Handle(const GeneralBranchUpdate& c, Tx& tx);
std::optional<Problem> Handle(const GeneralBranchRemove& c, Tx& tx);
std::optional<Problem> Handle(const BranchAdd& c, Tx& tx);
std::optional<Problem> Handle(const BranchUpdate& c, Tx& tx);
std::optional<Problem> Handle(const BranchRemove& c, Tx& tx);
std::optional<Problem> Handle(const BranchMerge& c, Tx& tx);
std::optional<Problem> Handle(const OrgFocusRule& c, Tx& tx);
std::optional<Problem> Handle(const OrgTownName& c, Tx& tx);
std::optional<Problem> Handle(const MemberSetPosts& c, Tx& tx);
std::optional<Problem> Handle(const MemberSetStatus& c, Tx& tx);
std::optional<Problem> Handle(const ExemptionAdd& c, Tx& tx);
std::optional<Problem> Handle(const ExemptionRemove& c, Tx& tx);
std::optional<Problem> Handle(const CadreAdd& c, Tx& tx);
std::optional<Problem> Handle(const CadreUpdate& c, Tx& tx);
std::optional<Problem> Handle(const CadreRemove& c, Tx& tx);
std::optional<Problem> Handle(const RosterImport& c, Tx& tx);

}  // namespace zj

// Commands of the 组织 screen (core/org/commands_org.h lists them with their arguments and refusals).
// Each handler checks everything before it changes anything, then changes only the records it names through the
// Tx (docs/architecture.md "How a change travels").
#include "core/org/commands_org.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "core/base/encoding.h"
#include "core/campaign/onsite.h"
#include "core/org/roster_import.h"

namespace zj {
namespace {
using json = nlohmann::json;

Problem Bad(const std::string& path, const std::string& zh, const std::string& en) { return {path, zh, en}; }
size_t At(int i) { return static_cast<size_t>(i); }

int FindArea(const Organization& o, const std::string& id) { return IndexOfId(o.areas, id); }
int FindGeneralBranch(const Organization& o, const std::string& id) { return IndexOfId(o.general_branches, id); }
int FindCadre(const Organization& o, const std::string& id) { return IndexOfId(o.cadres, id); }

/// A text field: absent -> untouched; given -> trimmed into `out`; `required` refuses an empty one.
std::optional<Problem> SetText(const std::optional<std::string>& v, const char* key, std::string& out, bool required,
                               const char* what_zh, const char* what_en) {
  if (!v) return std::nullopt;
  std::string t = TrimSpaces(*v);
  if (required && t.empty())
    return Bad(std::string("/") + key, std::string(what_zh) + "不能为空", std::string(what_en) + " must not be empty");
  out = std::move(t);
  return std::nullopt;
}

/// An optional cadre reference: absent -> untouched; "" -> cleared; else must exist.
std::optional<Problem> CadreRef(const Organization& o, const std::optional<std::string>& v, const char* key, Id& out) {
  if (!v) return std::nullopt;
  if (!v->empty() && FindCadre(o, *v) < 0) return Bad(std::string("/") + key, "所选干部不存在", "no such cadre");
  out = *v;
  return std::nullopt;
}

std::optional<Problem> ApplyBranchFields(const Dataset& d, Branch& b, const BranchFields& f, bool adding) {
  if (auto p = SetText(f.name, "name", b.name, true, "党支部名称", "the branch name")) return p;
  if (adding && b.name.empty()) return Bad("/name", "党支部名称不能为空", "the branch name must not be empty");
  if (f.name) {
    for (const Branch& o : d.org.branches)
      if (o.meta.id != b.meta.id && o.name == b.name)
        return Bad("/name", "已有同名党支部：" + b.name, "a branch with this name exists: " + b.name);
  }
  if (f.kind) {
    auto k = BranchKindFromCode(*f.kind);
    if (!k) return Bad("/kind", "党支部类型应为 village / community / town_unit", "kind is village / community / town_unit");
    b.kind = *k;
  }
  if (f.general_branch_id) {
    if (!f.general_branch_id->empty() && FindGeneralBranch(d.org, *f.general_branch_id) < 0)
      return Bad("/general_branch_id", "所选党总支不存在", "no such general branch");
    b.general_branch_id = *f.general_branch_id;
  }
  if (f.last_year_target_rank) {
    if (!*f.last_year_target_rank) {
      b.last_year_target_rank.reset();
    } else {
      if (**f.last_year_target_rank < 1)
        return Bad("/last_year_target_rank", "上年考核排名应为正整数", "the rank must be a positive integer");
      b.last_year_target_rank = **f.last_year_target_rank;
    }
  }
  if (f.focus_object) b.focus_object = *f.focus_object;
  return std::nullopt;
}

/// Reads a list of codes into `out` (duplicates dropped, order kept); `from_code` is nullopt for an unknown code.
template <class T, class FromCode>
std::optional<Problem> Codes(const std::vector<std::string>& in, FromCode from_code, std::vector<T>& out,
                             const char* key, const char* what_zh, const char* what_en) {
  std::vector<T> v;
  for (const std::string& s : in) {
    auto x = from_code(s);
    if (!x) return Bad(std::string("/") + key, std::string(what_zh) + s, std::string(what_en) + s);
    if (std::find(v.begin(), v.end(), *x) == v.end()) v.push_back(*x);
  }
  out = std::move(v);
  return std::nullopt;
}

std::optional<Problem> ApplyCadreFields(const Dataset& d, Cadre& c, const CadreFields& f) {
  if (auto p = SetText(f.name, "name", c.name, true, "姓名", "the name")) return p;
  if (auto p = SetText(f.title, "title", c.title, false, "职务", "the title")) return p;
  if (f.roles)
    if (auto p = Codes(*f.roles, [](const std::string& s) { return CadreRoleFromCode(s); }, c.roles, "roles",
                       "未知的干部角色：", "unknown cadre role: "))
      return p;
  if (f.linked_branch_ids) {
    std::vector<Id> out;
    for (const std::string& id : *f.linked_branch_ids) {
      if (FindBranch(d.org, id) < 0) return Bad("/linked_branch_ids", "所选党支部不存在", "no such branch");
      if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    }
    c.linked_branch_ids = std::move(out);
  }
  if (f.lecture_teams)
    if (auto p = Codes(*f.lecture_teams, [](const std::string& s) { return LectureTeamFromCode(s); }, c.lecture_teams,
                       "lecture_teams", "未知的宣讲队：", "unknown lecture team: "))
      return p;
  if (f.area_id) {
    if (!f.area_id->empty() && FindArea(d.org, *f.area_id) < 0) return Bad("/area_id", "所选片区不存在", "no such area");
    c.area_id = *f.area_id;
  }
  return std::nullopt;
}

/// Removes from `coll` (through the Tx) every record `drop` selects, from the last one down.
template <class R, class Pred>
void RemoveWhere(Tx& tx, Pred drop) {
  const std::vector<R>& v = CollOf<R>::Vec(tx.data());
  for (size_t i = v.size(); i-- > 0;)
    if (drop(v[i])) tx.Remove<R>(i);
}

}  // namespace

//-----------------------------------------------------------------------------
// The tree: 片区, 党总支, 党支部, the focus-object rule
//-----------------------------------------------------------------------------

std::optional<Problem> Handle(const AreaAdd& c, Tx& tx) {
  const Dataset& d = tx.data();
  Area x;
  if (!c.name) return Bad("/name", "片区名称不能为空", "the area name must not be empty");
  if (auto p = SetText(c.name, "name", x.name, true, "片区名称", "the area name")) return p;
  for (const Area& o : d.org.areas)
    if (o.name == x.name) return Bad("/name", "已有同名片区：" + x.name, "an area with this name exists");
  if (auto p = CadreRef(d.org, c.chief_cadre_id, "chief_cadre_id", x.chief_cadre_id)) return p;
  tx.created_id = tx.Add(std::move(x)).meta.id;
  return std::nullopt;
}

std::optional<Problem> Handle(const AreaUpdate& c, Tx& tx) {
  const Dataset& d = tx.data();
  const int i = FindArea(d.org, c.id);
  if (i < 0) return Bad("/id", "找不到该片区", "no such area");
  Area x = d.org.areas[At(i)];
  if (auto p = SetText(c.name, "name", x.name, true, "片区名称", "the area name")) return p;
  for (const Area& o : d.org.areas)
    if (o.meta.id != x.meta.id && o.name == x.name) return Bad("/name", "已有同名片区：" + x.name, "an area with this name exists");
  if (auto p = CadreRef(d.org, c.chief_cadre_id, "chief_cadre_id", x.chief_cadre_id)) return p;
  tx.Edit<Area>(At(i)) = std::move(x);
  return std::nullopt;
}

std::optional<Problem> Handle(const AreaRemove& c, Tx& tx) {
  const Dataset& d = tx.data();
  const int i = FindArea(d.org, c.id);
  if (i < 0) return Bad("/id", "找不到该片区", "no such area");
  for (const GeneralBranch& g : d.org.general_branches)
    if (g.area_id == c.id)
      return Bad("/id", "该片区下还有党总支（" + g.name + "），请先移走", "the area still holds general branches");
  for (size_t k = 0; k < d.org.cadres.size(); ++k)
    if (d.org.cadres[k].area_id == c.id) tx.Edit<Cadre>(k).area_id.clear();
  tx.Remove<Area>(At(i));
  return std::nullopt;
}

std::optional<Problem> Handle(const GeneralBranchAdd& c, Tx& tx) {
  const Dataset& d = tx.data();
  GeneralBranch g;
  if (!c.name) return Bad("/name", "党总支名称不能为空", "the general branch name must not be empty");
  if (auto p = SetText(c.name, "name", g.name, true, "党总支名称", "the general branch name")) return p;
  if (!c.area_id || FindArea(d.org, *c.area_id) < 0) return Bad("/area_id", "请选择所属片区", "choose an area");
  g.area_id = *c.area_id;
  for (const GeneralBranch& o : d.org.general_branches)
    if (o.name == g.name) return Bad("/name", "已有同名党总支：" + g.name, "a general branch with this name exists");
  if (auto p = CadreRef(d.org, c.secretary_cadre_id, "secretary_cadre_id", g.secretary_cadre_id)) return p;
  tx.created_id = tx.Add(std::move(g)).meta.id;
  return std::nullopt;
}

std::optional<Problem> Handle(const GeneralBranchUpdate& c, Tx& tx) {
  const Dataset& d = tx.data();
  const int i = FindGeneralBranch(d.org, c.id);
  if (i < 0) return Bad("/id", "找不到该党总支", "no such general branch");
  GeneralBranch g = d.org.general_branches[At(i)];
  if (auto p = SetText(c.name, "name", g.name, true, "党总支名称", "the general branch name")) return p;
  for (const GeneralBranch& o : d.org.general_branches)
    if (o.meta.id != g.meta.id && o.name == g.name)
      return Bad("/name", "已有同名党总支：" + g.name, "a general branch with this name exists");
  if (c.area_id) {  // move to another area
    if (FindArea(d.org, *c.area_id) < 0) return Bad("/area_id", "所选片区不存在", "no such area");
    g.area_id = *c.area_id;
  }
  if (auto p = CadreRef(d.org, c.secretary_cadre_id, "secretary_cadre_id", g.secretary_cadre_id)) return p;
  tx.Edit<GeneralBranch>(At(i)) = std::move(g);
  return std::nullopt;
}

std::optional<Problem> Handle(const GeneralBranchRemove& c, Tx& tx) {
  const Dataset& d = tx.data();
  const int i = FindGeneralBranch(d.org, c.id);
  if (i < 0) return Bad("/id", "找不到该党总支", "no such general branch");
  for (const Branch& b : d.org.branches)
    if (b.general_branch_id == c.id)
      return Bad("/id", "该党总支下还有党支部（" + b.name + "），请先移走", "the general branch still holds branches");
  tx.Remove<GeneralBranch>(At(i));
  return std::nullopt;
}

std::optional<Problem> Handle(const BranchAdd& c, Tx& tx) {
  Branch b;
  if (!c.name) return Bad("/name", "党支部名称不能为空", "the branch name must not be empty");
  if (!c.kind) return Bad("/kind", "请选择党支部类型", "choose the branch kind");
  if (auto p = ApplyBranchFields(tx.data(), b, c, true)) return p;
  tx.created_id = tx.Add(std::move(b)).meta.id;
  return std::nullopt;
}

std::optional<Problem> Handle(const BranchUpdate& c, Tx& tx) {
  const int i = FindBranch(tx.data().org, c.id);
  if (i < 0) return Bad("/id", "找不到该党支部", "no such branch");
  Branch b = tx.data().org.branches[At(i)];
  if (auto p = ApplyBranchFields(tx.data(), b, c, false)) return p;
  tx.Edit<Branch>(At(i)) = std::move(b);
  return std::nullopt;
}

std::optional<Problem> Handle(const BranchRemove& c, Tx& tx) {
  const Dataset& d = tx.data();
  const int i = FindBranch(d.org, c.id);
  if (i < 0) return Bad("/id", "找不到该党支部", "no such branch");
  int members = 0;
  for (const Member& m : d.org.members) members += m.branch_id == c.id;
  if (members)
    return Bad("/id", "该党支部还有 " + std::to_string(members) + " 名党员，请先转出或删除",
               "the branch still has " + std::to_string(members) + " members");
  // Its ratings go with it; cadres' links to it are dropped.
  RemoveWhere<BranchAssessment>(tx, [&](const BranchAssessment& x) { return x.branch_id == c.id; });
  RemoveWhere<BranchStarRecord>(tx, [&](const BranchStarRecord& x) { return x.branch_id == c.id; });
  for (size_t k = 0; k < d.org.cadres.size(); ++k) {
    const auto& l = d.org.cadres[k].linked_branch_ids;
    if (std::find(l.begin(), l.end(), c.id) == l.end()) continue;
    auto& e = tx.Edit<Cadre>(k).linked_branch_ids;
    e.erase(std::remove(e.begin(), e.end(), c.id), e.end());
  }
  tx.Remove<Branch>(At(i));
  return std::nullopt;
}

BranchMergePreview PreviewBranchMerge(const Dataset& d, const Id& id, const Id& into_id) {
  BranchMergePreview p;
  const int from = FindBranch(d.org, id);
  const int into = FindBranch(d.org, into_id);
  if (from < 0) {
    p.problem = Bad("/id", "找不到要合并的党支部", "no such branch to merge");
    return p;
  }
  if (into < 0) {
    p.problem = Bad("/into_id", "找不到合并到的党支部", "no such branch to merge into");
    return p;
  }
  if (from == into) {
    p.problem = Bad("/into_id", "请选择另一个党支部", "choose another branch");
    return p;
  }
  const auto names = [&](const std::vector<Id>& v) { return std::find(v.begin(), v.end(), id) != v.end(); };
  for (const OnsiteMeeting& m : d.campaign.onsite_meetings) {
    bool named = m.preselected_branch_id == id || names(m.speaker_branch_ids);
    if (m.draw) {
      named = named || m.draw->preselected_id == id || names(m.draw->picked_ids);
      for (const DrawCandidate& c : m.draw->candidates) named = named || c.id == id;
    }
    if (named) {
      const std::string date = m.date ? m.date->ToString() : std::string();
      p.problem = Bad("/id",
                      "该党支部已列入现场观摩会" + (date.empty() ? std::string() : "（" + date + "）") +
                          "的参观点、抽签或发言名单，合并会改变已有记录；请先在“看”里调整，或逐个转移党员",
                      "the branch is named by an on-site meeting (site, draw or speakers); merging would change its "
                      "record");
      return p;
    }
  }
  for (const Member& m : d.org.members) p.members += m.branch_id == id;
  for (const Talk& t : d.campaign.talks) p.talks += t.pair.branch_id == id;
  for (const Cadre& c : d.org.cadres) p.cadre_links += names(c.linked_branch_ids);
  for (const BranchAssessment& a : d.branch_rating.assessments) p.assessments += a.branch_id == id;
  for (const BranchStarRecord& r : d.branch_rating.history) p.star_records += r.branch_id == id;
  return p;
}

std::optional<Problem> Handle(const BranchMerge& c, Tx& tx) {
  const BranchMergePreview p = PreviewBranchMerge(tx.data(), c.id, c.into_id);
  if (p.problem) return p.problem;
  const Dataset& d = tx.data();
  for (size_t k = 0; k < d.org.members.size(); ++k)
    if (d.org.members[k].branch_id == c.id) tx.Edit<Member>(k).branch_id = c.into_id;
  for (size_t k = 0; k < d.campaign.talks.size(); ++k)
    if (d.campaign.talks[k].pair.branch_id == c.id) tx.Edit<Talk>(k).pair.branch_id = c.into_id;
  for (size_t k = 0; k < d.org.cadres.size(); ++k) {
    const auto& l = d.org.cadres[k].linked_branch_ids;
    if (std::find(l.begin(), l.end(), c.id) == l.end()) continue;
    auto& e = tx.Edit<Cadre>(k).linked_branch_ids;
    const bool has_into = std::find(e.begin(), e.end(), c.into_id) != e.end();
    for (auto it = e.begin(); it != e.end();) {
      if (*it == c.id && has_into) {
        it = e.erase(it);
      } else {
        if (*it == c.id) *it = c.into_id;
        ++it;
      }
    }
  }
  if (d.kit) {
    const auto& b = d.kit->branch_ids;
    if (std::find(b.begin(), b.end(), c.id) != b.end()) {
      auto& e = tx.EditSetting(Setting::Kit).kit->branch_ids;
      e.erase(std::remove(e.begin(), e.end(), c.id), e.end());
      if (std::find(e.begin(), e.end(), c.into_id) == e.end()) e.push_back(c.into_id);
    }
  }
  return Handle(BranchRemove{c.id}, tx);
}

std::optional<Problem> Handle(const OrgFocusRule& c, Tx& tx) {
  FocusRule r = tx.data().org.focus_rule;
  if (c.mode && *c.mode == "bottom_count") r.mode = FocusRule::Mode::BottomCount;
  else if (c.mode && *c.mode == "bottom_percent") r.mode = FocusRule::Mode::BottomPercent;
  else return Bad("/mode", "规则应为 bottom_count 或 bottom_percent", "mode is bottom_count or bottom_percent");
  if (c.count) {
    if (*c.count < 0) return Bad("/count", "数量应为非负整数", "count must be a non-negative integer");
    r.count = *c.count;
  }
  if (c.percent) {
    if (*c.percent < 0 || *c.percent > 100) return Bad("/percent", "比例应在 0 到 100 之间", "percent must be 0..100");
    r.percent = *c.percent;
  }
  tx.EditSetting(Setting::FocusRule).org.focus_rule = r;
  // ApplyFocusRule (core/org/org.h), changing only the branches whose flag moves.
  const std::vector<Id> focus = SelectFocusObjects(tx.data().org);
  const auto& branches = tx.data().org.branches;
  for (size_t k = 0; k < branches.size(); ++k) {
    const bool f = std::find(focus.begin(), focus.end(), branches[k].meta.id) != focus.end();
    if (branches[k].focus_object != f) tx.Edit<Branch>(k).focus_object = f;
  }
  return std::nullopt;
}

std::optional<Problem> Handle(const OrgTownName& c, Tx& tx) {
  const std::string name = TrimSpaces(c.name);
  if (name.empty()) return Bad("/name", "请填写本镇名称", "enter the town's name");
  if (CodePointCount(name) > 40) return Bad("/name", "名称最多40个字", "at most 40 characters");
  if (name == tx.data().org.town_name) return std::nullopt;
  tx.EditSetting(Setting::TownName).org.town_name = name;
  return std::nullopt;
}

//-----------------------------------------------------------------------------
// Members' posts and status, star exemptions
//-----------------------------------------------------------------------------

std::optional<Problem> Handle(const MemberSetPosts& c, Tx& tx) {
  const int i = FindMember(tx.data().org, c.id);
  if (i < 0) return Bad("/id", "找不到该党员", "no such member");
  if (!c.posts) return Bad("/posts", "缺少职务列表", "posts missing");
  Member m = tx.data().org.members[At(i)];
  if (auto p = Codes(*c.posts, [](const std::string& s) { return PostFromCode(s); }, m.posts, "posts", "未知的职务：",
                     "unknown post: "))
    return p;
  if (auto p = SetText(c.other_posts, "other_posts", m.other_posts, false, "其他职务", "other posts")) return p;
  tx.Edit<Member>(At(i)) = std::move(m);
  return std::nullopt;
}

std::optional<Problem> Handle(const MemberSetStatus& c, Tx& tx) {
  const int i = FindMember(tx.data().org, c.id);
  if (i < 0) return Bad("/id", "找不到该党员", "no such member");
  auto s = c.status ? MemberStatusFromCode(*c.status) : std::nullopt;
  if (!s) return Bad("/status", "人员类别应为 full 或 probationary", "status is full or probationary");
  tx.Edit<Member>(At(i)).status = *s;
  return std::nullopt;
}

std::optional<Problem> Handle(const ExemptionAdd& c, Tx& tx) {
  const Dataset& d = tx.data();
  StarExemption e;
  if (!c.member_id || FindMember(d.org, *c.member_id) < 0) return Bad("/member_id", "找不到该党员", "no such member");
  e.member_id = *c.member_id;
  if (!c.year || *c.year < 1900 || *c.year > 2199)
    return Bad("/year", "评星年度应为 1900 到 2199 之间的年份", "the year must be 1900..2199");
  e.year = *c.year;
  if (!c.reason) return Bad("/reason", "请写明特殊情况的原因", "give the reason");
  if (auto p = SetText(c.reason, "reason", e.reason, true, "原因", "the reason")) return p;
  e.approved_on = c.approved_on;
  if (auto p = SetText(c.approved_by, "approved_by", e.approved_by, false, "批准人", "approved by")) return p;
  for (const StarExemption& x : d.member_stars.exemptions)
    if (x.member_id == e.member_id && x.year == e.year)
      return Bad("/member_id", "该党员本年度已登记免评", "this member is already exempted for that year");
  tx.created_id = tx.Add(std::move(e)).meta.id;
  return std::nullopt;
}

std::optional<Problem> Handle(const ExemptionRemove& c, Tx& tx) {
  const int i = IndexOfId(tx.data().member_stars.exemptions, c.id);
  if (i < 0) return Bad("/id", "找不到该免评记录", "no such exemption");
  tx.Remove<StarExemption>(At(i));
  return std::nullopt;
}

//-----------------------------------------------------------------------------
// Cadres
//-----------------------------------------------------------------------------

std::optional<Problem> Handle(const CadreAdd& c, Tx& tx) {
  Cadre x;
  if (!c.name) return Bad("/name", "姓名不能为空", "the name must not be empty");
  if (auto p = ApplyCadreFields(tx.data(), x, c)) return p;
  tx.created_id = tx.Add(std::move(x)).meta.id;
  return std::nullopt;
}

std::optional<Problem> Handle(const CadreUpdate& c, Tx& tx) {
  const int i = FindCadre(tx.data().org, c.id);
  if (i < 0) return Bad("/id", "找不到该干部", "no such cadre");
  Cadre x = tx.data().org.cadres[At(i)];
  if (auto p = ApplyCadreFields(tx.data(), x, c)) return p;
  tx.Edit<Cadre>(At(i)) = std::move(x);
  return std::nullopt;
}

std::optional<Problem> Handle(const CadreRemove& c, Tx& tx) {
  const Dataset& d = tx.data();
  const int i = FindCadre(d.org, c.id);
  if (i < 0) return Bad("/id", "找不到该干部", "no such cadre");
  for (size_t k = 0; k < d.org.areas.size(); ++k)
    if (d.org.areas[k].chief_cadre_id == c.id) tx.Edit<Area>(k).chief_cadre_id.clear();
  for (size_t k = 0; k < d.org.general_branches.size(); ++k)
    if (d.org.general_branches[k].secretary_cadre_id == c.id) tx.Edit<GeneralBranch>(k).secretary_cadre_id.clear();
  tx.Remove<Cadre>(At(i));
  return std::nullopt;
}

//-----------------------------------------------------------------------------
// The roster import
//-----------------------------------------------------------------------------

std::optional<Problem> Handle(const RosterImport& c, Tx& tx) {
  if (!c.text && !c.workbook) return Bad("/text", "没有名册内容", "no roster text");
  RosterImportOptions opt;
  opt.encoding = TextEncoding::Utf8;
  if (c.create_missing_branches) opt.create_missing_branches = *c.create_missing_branches;
  const std::string file = c.file.value_or("");
  RosterPreview pv;
  if (c.workbook) {
    const RosterWorkbook wb = ParseRosterWorkbookJson(*c.workbook);
    if (!wb.ok) return Bad("/workbook", "名册文件被拒绝，未做任何改动：" + wb.error_zh, "the roster file was refused, nothing changed: " + wb.error_en);
    const int sheet = c.sheet.value_or(0);
    if (sheet < 0 || static_cast<size_t>(sheet) >= wb.sheets.size())
      return Bad("/sheet", "表格中没有第" + std::to_string(sheet + 1) + "个工作表", "the workbook has no sheet " + std::to_string(sheet + 1));
    pv = PreviewRosterTable(tx.data(), wb.sheets[static_cast<size_t>(sheet)], opt, tx.ids());
  } else {
    pv = PreviewRosterImport(tx.data(), *c.text, opt, tx.ids());
  }
  tx.audit_args = json{{"file", file}, {"imported", pv.imported}, {"updated", pv.updated},
                       {"refused", pv.refused_rows}, {"rows", pv.rows.size()}};
  if (pv.refused) {
    const Problem& p = pv.file_problems.empty() ? Problem{"", "文件被拒绝", "file refused"} : pv.file_problems.front();
    return Bad(p.path, "名册文件被拒绝，未做任何改动：" + p.message_zh, "the roster file was refused, nothing changed: " + p.message_en);
  }
  if (c.expect) {
    const json& e = *c.expect;
    if (!e.is_object() || e.value("imported", -1) != pv.imported || e.value("updated", -1) != pv.updated)
      return Bad("/expect", "预览之后名册已有改动，请重新预览后再导入", "the roster changed after the preview; preview again");
  }
  if (pv.imported + pv.updated == 0)
    return Bad("", "文件中没有新增或需要更新的党员，未做任何改动", "nothing to import or update; nothing changed");
  RosterApplyResult r = ApplyRosterImport(tx, pv);
  if (!r.ok) return Bad("", r.error_zh, r.error_en);
  return std::nullopt;
}

}  // namespace zj

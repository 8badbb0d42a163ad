// Commands of the 组织 screen (DOMAIN.md "The organization"): the tree (片区 → 党总支 → 党支部), members'
// posts, status and star exemptions, cadres, the focus-object rule, and the roster import as one step.
// Each handler validates everything before it changes anything; Workspace rolls back on a Problem anyway.
//
//   area.add {name}                         area.update {id, name?, chief_cadre_id?}      area.remove {id}
//   general_branch.add {name, area_id}      general_branch.update {id, name?, area_id?, secretary_cadre_id?}
//   general_branch.remove {id}
//   branch.add {name, kind, general_branch_id?}
//   branch.update {id, name?, kind?, general_branch_id?, last_year_target_rank? (int >= 1 or null), focus_object?}
//   branch.remove {id}                      (refused while members belong to it)
//   org.focus_rule {mode: "bottom_count"|"bottom_percent", count?, percent?}  (sets the rule, re-flags branches)
//   member.set_posts {id, posts: [post codes], other_posts?}
//   member.set_status {id, status: "full"|"probationary"}
//   exemption.add {member_id, year, reason, approved_on, approved_by?}       exemption.remove {id}
//   cadre.add {name, title?, roles?, linked_branch_ids?, lecture_teams?, area_id?}
//   cadre.update {id, name?, title?, roles?, linked_branch_ids?, lecture_teams?, area_id?}   cadre.remove {id}
//   roster.import {text, file?, create_missing_branches?, expect?: {imported, updated}}
#include <algorithm>
#include <set>
#include <string>

#include "core/data/command_args.h"
#include "core/org/roster_import.h"
#include "core/data/workspace.h"

namespace zj {
namespace {
using args::Bad;
using args::Str;
using args::Text;
using json = nlohmann::json;

int FindArea(const Organization& o, const std::string& id) { return IndexOfId(o.areas, id); }
int FindGeneralBranch(const Organization& o, const std::string& id) { return IndexOfId(o.general_branches, id); }
int FindCadre(const Organization& o, const std::string& id) { return IndexOfId(o.cadres, id); }

/// An optional cadre reference: absent -> untouched; "" -> cleared; else must exist.
std::optional<Problem> CadreRef(const Organization& o, const json& a, const char* key, Id& out) {
  if (!a.contains(key)) return std::nullopt;
  auto v = Str(a, key);
  if (!v || (!v->empty() && FindCadre(o, *v) < 0))
    return Bad(std::string("/") + key, "所选干部不存在", "no such cadre");
  out = *v;
  return std::nullopt;
}

std::optional<Problem> BranchFields(const Dataset& d, Branch& b, const json& a, bool adding) {
  if (auto p = Text(a, "name", b.name, true, "党支部名称", "the branch name")) return p;
  if (adding && b.name.empty()) return Bad("/name", "党支部名称不能为空", "the branch name must not be empty");
  if (a.contains("name")) {
    for (const Branch& o : d.org.branches)
      if (o.meta.id != b.meta.id && o.name == b.name)
        return Bad("/name", "已有同名党支部：" + b.name, "a branch with this name exists: " + b.name);
  }
  if (a.contains("kind")) {
    auto v = Str(a, "kind");
    auto k = v ? BranchKindFromCode(*v) : std::nullopt;
    if (!k) return Bad("/kind", "党支部类型应为 village / community / town_unit", "kind is village / community / town_unit");
    b.kind = *k;
  }
  if (a.contains("general_branch_id")) {
    auto v = Str(a, "general_branch_id");
    if (!v || (!v->empty() && FindGeneralBranch(d.org, *v) < 0))
      return Bad("/general_branch_id", "所选党总支不存在", "no such general branch");
    b.general_branch_id = *v;
  }
  if (a.contains("last_year_target_rank")) {
    if (a["last_year_target_rank"].is_null()) {
      b.last_year_target_rank.reset();
    } else {
      auto r = args::IntArg(a, "last_year_target_rank");
      if (!r || *r < 1) return Bad("/last_year_target_rank", "上年考核排名应为正整数", "the rank must be a positive integer");
      b.last_year_target_rank = *r;
    }
  }
  if (a.contains("focus_object")) {
    if (!a["focus_object"].is_boolean()) return Bad("/focus_object", "应为是/否", "expected true/false");
    b.focus_object = a["focus_object"].get<bool>();
  }
  return std::nullopt;
}

std::optional<Problem> CadreFields(const Dataset& d, Cadre& c, const json& a) {
  if (auto p = Text(a, "name", c.name, true, "姓名", "the name")) return p;
  if (auto p = Text(a, "title", c.title, false, "职务", "the title")) return p;
  std::optional<Problem> problem;
  if (auto roles = args::Strings(a, "roles", &problem)) {
    std::vector<CadreRole> out;
    for (const std::string& r : *roles) {
      auto x = CadreRoleFromCode(r);
      if (!x) return Bad("/roles", "未知的干部角色：" + r, "unknown cadre role: " + r);
      if (std::find(out.begin(), out.end(), *x) == out.end()) out.push_back(*x);
    }
    c.roles = std::move(out);
  }
  if (problem) return problem;
  if (auto ids = args::Strings(a, "linked_branch_ids", &problem)) {
    std::vector<Id> out;
    for (const std::string& id : *ids) {
      if (FindBranch(d.org, id) < 0) return Bad("/linked_branch_ids", "所选党支部不存在", "no such branch");
      if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    }
    c.linked_branch_ids = std::move(out);
  }
  if (problem) return problem;
  if (auto teams = args::Strings(a, "lecture_teams", &problem)) {
    std::vector<LectureTeam> out;
    for (const std::string& t : *teams) {
      auto x = LectureTeamFromCode(t);
      if (!x) return Bad("/lecture_teams", "未知的宣讲队：" + t, "unknown lecture team: " + t);
      if (std::find(out.begin(), out.end(), *x) == out.end()) out.push_back(*x);
    }
    c.lecture_teams = std::move(out);
  }
  if (problem) return problem;
  if (a.contains("area_id")) {
    auto v = Str(a, "area_id");
    if (!v || (!v->empty() && FindArea(d.org, *v) < 0)) return Bad("/area_id", "所选片区不存在", "no such area");
    c.area_id = *v;
  }
  return std::nullopt;
}

void RegisterTree(Workspace& ws) {
  RegisterWhole(ws, "area.add", [](Dataset& d, const json& a, CommandContext& ctx) -> std::optional<Problem> {
    Area x;
    if (!a.contains("name")) return Bad("/name", "片区名称不能为空", "the area name must not be empty");
    if (auto p = Text(a, "name", x.name, true, "片区名称", "the area name")) return p;
    for (const Area& o : d.org.areas)
      if (o.name == x.name) return Bad("/name", "已有同名片区：" + x.name, "an area with this name exists");
    if (auto p = CadreRef(d.org, a, "chief_cadre_id", x.chief_cadre_id)) return p;
    x.meta = NewMeta(ctx);
    d.org.areas.push_back(std::move(x));
    return std::nullopt;
  });
  RegisterWhole(ws, "area.update", [](Dataset& d, const json& a, CommandContext& ctx) -> std::optional<Problem> {
    auto id = Str(a, "id");
    const int i = id ? FindArea(d.org, *id) : -1;
    if (i < 0) return Bad("/id", "找不到该片区", "no such area");
    Area& x = d.org.areas[static_cast<size_t>(i)];
    if (auto p = Text(a, "name", x.name, true, "片区名称", "the area name")) return p;
    for (const Area& o : d.org.areas)
      if (o.meta.id != x.meta.id && o.name == x.name) return Bad("/name", "已有同名片区：" + x.name, "an area with this name exists");
    if (auto p = CadreRef(d.org, a, "chief_cadre_id", x.chief_cadre_id)) return p;
    Touch(x.meta, ctx);
    return std::nullopt;
  });
  RegisterWhole(ws, "area.remove", [](Dataset& d, const json& a, CommandContext&) -> std::optional<Problem> {
    auto id = Str(a, "id");
    const int i = id ? FindArea(d.org, *id) : -1;
    if (i < 0) return Bad("/id", "找不到该片区", "no such area");
    for (const GeneralBranch& g : d.org.general_branches)
      if (g.area_id == *id)
        return Bad("/id", "该片区下还有党总支（" + g.name + "），请先移走", "the area still holds general branches");
    for (Cadre& c : d.org.cadres)
      if (c.area_id == *id) c.area_id.clear();
    d.org.areas.erase(d.org.areas.begin() + i);
    return std::nullopt;
  });

  RegisterWhole(ws, "general_branch.add", [](Dataset& d, const json& a, CommandContext& ctx) -> std::optional<Problem> {
    GeneralBranch g;
    if (!a.contains("name")) return Bad("/name", "党总支名称不能为空", "the general branch name must not be empty");
    if (auto p = Text(a, "name", g.name, true, "党总支名称", "the general branch name")) return p;
    auto area = Str(a, "area_id");
    if (!area || FindArea(d.org, *area) < 0) return Bad("/area_id", "请选择所属片区", "choose an area");
    g.area_id = *area;
    for (const GeneralBranch& o : d.org.general_branches)
      if (o.name == g.name) return Bad("/name", "已有同名党总支：" + g.name, "a general branch with this name exists");
    if (auto p = CadreRef(d.org, a, "secretary_cadre_id", g.secretary_cadre_id)) return p;
    g.meta = NewMeta(ctx);
    d.org.general_branches.push_back(std::move(g));
    return std::nullopt;
  });
  RegisterWhole(ws, "general_branch.update", [](Dataset& d, const json& a, CommandContext& ctx) -> std::optional<Problem> {
    auto id = Str(a, "id");
    const int i = id ? FindGeneralBranch(d.org, *id) : -1;
    if (i < 0) return Bad("/id", "找不到该党总支", "no such general branch");
    GeneralBranch& g = d.org.general_branches[static_cast<size_t>(i)];
    if (auto p = Text(a, "name", g.name, true, "党总支名称", "the general branch name")) return p;
    for (const GeneralBranch& o : d.org.general_branches)
      if (o.meta.id != g.meta.id && o.name == g.name) return Bad("/name", "已有同名党总支：" + g.name, "a general branch with this name exists");
    if (a.contains("area_id")) {  // move to another area
      auto area = Str(a, "area_id");
      if (!area || FindArea(d.org, *area) < 0) return Bad("/area_id", "所选片区不存在", "no such area");
      g.area_id = *area;
    }
    if (auto p = CadreRef(d.org, a, "secretary_cadre_id", g.secretary_cadre_id)) return p;
    Touch(g.meta, ctx);
    return std::nullopt;
  });
  RegisterWhole(ws, "general_branch.remove", [](Dataset& d, const json& a, CommandContext&) -> std::optional<Problem> {
    auto id = Str(a, "id");
    const int i = id ? FindGeneralBranch(d.org, *id) : -1;
    if (i < 0) return Bad("/id", "找不到该党总支", "no such general branch");
    for (const Branch& b : d.org.branches)
      if (b.general_branch_id == *id)
        return Bad("/id", "该党总支下还有党支部（" + b.name + "），请先移走", "the general branch still holds branches");
    d.org.general_branches.erase(d.org.general_branches.begin() + i);
    return std::nullopt;
  });

  RegisterWhole(ws, "branch.add", [](Dataset& d, const json& a, CommandContext& ctx) -> std::optional<Problem> {
    Branch b;
    if (!a.contains("name")) return Bad("/name", "党支部名称不能为空", "the branch name must not be empty");
    if (!a.contains("kind")) return Bad("/kind", "请选择党支部类型", "choose the branch kind");
    if (auto p = BranchFields(d, b, a, true)) return p;
    b.meta = NewMeta(ctx);
    d.org.branches.push_back(std::move(b));
    return std::nullopt;
  });
  RegisterWhole(ws, "branch.update", [](Dataset& d, const json& a, CommandContext& ctx) -> std::optional<Problem> {
    auto id = Str(a, "id");
    const int i = id ? FindBranch(d.org, *id) : -1;
    if (i < 0) return Bad("/id", "找不到该党支部", "no such branch");
    Branch& b = d.org.branches[static_cast<size_t>(i)];
    if (auto p = BranchFields(d, b, a, false)) return p;
    Touch(b.meta, ctx);
    return std::nullopt;
  });
  RegisterWhole(ws, "branch.remove", [](Dataset& d, const json& a, CommandContext&) -> std::optional<Problem> {
    auto id = Str(a, "id");
    const int i = id ? FindBranch(d.org, *id) : -1;
    if (i < 0) return Bad("/id", "找不到该党支部", "no such branch");
    int members = 0;
    for (const Member& m : d.org.members) members += m.branch_id == *id;
    if (members)
      return Bad("/id", "该党支部还有 " + std::to_string(members) + " 名党员，请先转出或删除",
                 "the branch still has " + std::to_string(members) + " members");
    // Its ratings go with it; cadres' links to it are dropped.
    auto& as = d.branch_rating.assessments;
    as.erase(std::remove_if(as.begin(), as.end(), [&](const BranchAssessment& x) { return x.branch_id == *id; }), as.end());
    auto& hs = d.branch_rating.history;
    hs.erase(std::remove_if(hs.begin(), hs.end(), [&](const BranchStarRecord& x) { return x.branch_id == *id; }), hs.end());
    for (Cadre& c : d.org.cadres) {
      auto& l = c.linked_branch_ids;
      l.erase(std::remove(l.begin(), l.end(), *id), l.end());
    }
    d.org.branches.erase(d.org.branches.begin() + i);
    return std::nullopt;
  });
  RegisterWhole(ws, "org.focus_rule", [](Dataset& d, const json& a, CommandContext&) -> std::optional<Problem> {
    FocusRule r = d.org.focus_rule;
    auto mode = Str(a, "mode");
    if (mode && *mode == "bottom_count") r.mode = FocusRule::Mode::BottomCount;
    else if (mode && *mode == "bottom_percent") r.mode = FocusRule::Mode::BottomPercent;
    else return Bad("/mode", "规则应为 bottom_count 或 bottom_percent", "mode is bottom_count or bottom_percent");
    if (a.contains("count")) {
      auto n = args::IntArg(a, "count");
      if (!n || *n < 0) return Bad("/count", "数量应为非负整数", "count must be a non-negative integer");
      r.count = *n;
    }
    if (a.contains("percent")) {
      auto n = args::IntArg(a, "percent");
      if (!n || *n < 0 || *n > 100) return Bad("/percent", "比例应在 0 到 100 之间", "percent must be 0..100");
      r.percent = *n;
    }
    d.org.focus_rule = r;
    ApplyFocusRule(d.org);
    return std::nullopt;
  });
}

void RegisterMemberExtras(Workspace& ws) {
  RegisterWhole(ws, "member.set_posts", [](Dataset& d, const json& a, CommandContext& ctx) -> std::optional<Problem> {
    auto id = Str(a, "id");
    const int i = id ? FindMember(d.org, *id) : -1;
    if (i < 0) return Bad("/id", "找不到该党员", "no such member");
    Member& m = d.org.members[static_cast<size_t>(i)];
    std::optional<Problem> problem;
    auto posts = args::Strings(a, "posts", &problem);
    if (problem) return problem;
    if (!posts) return Bad("/posts", "缺少职务列表", "posts missing");
    std::vector<Post> out;
    for (const std::string& p : *posts) {
      auto x = PostFromCode(p);
      if (!x) return Bad("/posts", "未知的职务：" + p, "unknown post: " + p);
      if (std::find(out.begin(), out.end(), *x) == out.end()) out.push_back(*x);
    }
    if (auto p = Text(a, "other_posts", m.other_posts, false, "其他职务", "other posts")) return p;
    m.posts = std::move(out);
    Touch(m.meta, ctx);
    return std::nullopt;
  });
  RegisterWhole(ws, "member.set_status", [](Dataset& d, const json& a, CommandContext& ctx) -> std::optional<Problem> {
    auto id = Str(a, "id");
    const int i = id ? FindMember(d.org, *id) : -1;
    if (i < 0) return Bad("/id", "找不到该党员", "no such member");
    auto v = Str(a, "status");
    auto s = v ? MemberStatusFromCode(*v) : std::nullopt;
    if (!s) return Bad("/status", "人员类别应为 full 或 probationary", "status is full or probationary");
    d.org.members[static_cast<size_t>(i)].status = *s;
    Touch(d.org.members[static_cast<size_t>(i)].meta, ctx);
    return std::nullopt;
  });
  RegisterWhole(ws, "exemption.add", [](Dataset& d, const json& a, CommandContext& ctx) -> std::optional<Problem> {
    StarExemption e;
    auto mid = Str(a, "member_id");
    if (!mid || FindMember(d.org, *mid) < 0) return Bad("/member_id", "找不到该党员", "no such member");
    e.member_id = *mid;
    auto y = args::IntArg(a, "year");
    if (!y || *y < 1900 || *y > 2199) return Bad("/year", "评星年度应为 1900 到 2199 之间的年份", "the year must be 1900..2199");
    e.year = *y;
    if (!a.contains("reason")) return Bad("/reason", "请写明特殊情况的原因", "give the reason");
    if (auto p = Text(a, "reason", e.reason, true, "原因", "the reason")) return p;
    std::optional<Problem> problem;
    auto on = args::DateArg(a, "approved_on", &problem);
    if (!on) return problem;
    e.approved_on = *on;
    if (auto p = Text(a, "approved_by", e.approved_by, false, "批准人", "approved by")) return p;
    for (const StarExemption& x : d.member_stars.exemptions)
      if (x.member_id == e.member_id && x.year == e.year)
        return Bad("/member_id", "该党员本年度已登记免评", "this member is already exempted for that year");
    e.meta = NewMeta(ctx);
    d.member_stars.exemptions.push_back(std::move(e));
    return std::nullopt;
  });
  RegisterWhole(ws, "exemption.remove", [](Dataset& d, const json& a, CommandContext&) -> std::optional<Problem> {
    auto id = Str(a, "id");
    const int i = id ? IndexOfId(d.member_stars.exemptions, *id) : -1;
    if (i < 0) return Bad("/id", "找不到该免评记录", "no such exemption");
    d.member_stars.exemptions.erase(d.member_stars.exemptions.begin() + i);
    return std::nullopt;
  });
}

void RegisterCadres(Workspace& ws) {
  RegisterWhole(ws, "cadre.add", [](Dataset& d, const json& a, CommandContext& ctx) -> std::optional<Problem> {
    Cadre c;
    if (!a.contains("name")) return Bad("/name", "姓名不能为空", "the name must not be empty");
    if (auto p = CadreFields(d, c, a)) return p;
    c.meta = NewMeta(ctx);
    d.org.cadres.push_back(std::move(c));
    return std::nullopt;
  });
  RegisterWhole(ws, "cadre.update", [](Dataset& d, const json& a, CommandContext& ctx) -> std::optional<Problem> {
    auto id = Str(a, "id");
    const int i = id ? FindCadre(d.org, *id) : -1;
    if (i < 0) return Bad("/id", "找不到该干部", "no such cadre");
    Cadre& c = d.org.cadres[static_cast<size_t>(i)];
    if (auto p = CadreFields(d, c, a)) return p;
    Touch(c.meta, ctx);
    return std::nullopt;
  });
  RegisterWhole(ws, "cadre.remove", [](Dataset& d, const json& a, CommandContext&) -> std::optional<Problem> {
    auto id = Str(a, "id");
    const int i = id ? FindCadre(d.org, *id) : -1;
    if (i < 0) return Bad("/id", "找不到该干部", "no such cadre");
    for (Area& x : d.org.areas)
      if (x.chief_cadre_id == *id) x.chief_cadre_id.clear();
    for (GeneralBranch& g : d.org.general_branches)
      if (g.secretary_cadre_id == *id) g.secretary_cadre_id.clear();
    d.org.cadres.erase(d.org.cadres.begin() + i);
    return std::nullopt;
  });
}

void RegisterRosterImport(Workspace& ws) {
  // roster.import {text: the file as UTF-8 text, file?: name, create_missing_branches?: bool,
  //                expect?: {imported, updated}} — the preview the user saw, applied as one step.
  // The audit keeps the file name and counts only: the text holds clear ID numbers.
  RegisterWhole(ws, "roster.import", [](Dataset& d, const json& a, CommandContext& ctx) -> std::optional<Problem> {
    auto text = Str(a, "text");
    if (!text) return Bad("/text", "没有名册内容", "no roster text");
    RosterImportOptions opt;
    opt.encoding = TextEncoding::Utf8;
    if (a.contains("create_missing_branches")) {
      if (!a["create_missing_branches"].is_boolean()) return Bad("/create_missing_branches", "应为是/否", "expected true/false");
      opt.create_missing_branches = a["create_missing_branches"].get<bool>();
    }
    const std::string file = Str(a, "file").value_or("");
    RosterPreview pv = PreviewRosterImport(d, *text, opt, ctx.ids);
    ctx.audit_args = json{{"file", file}, {"imported", pv.imported}, {"updated", pv.updated},
                          {"refused", pv.refused_rows}, {"rows", pv.rows.size()}};
    if (pv.refused) {
      const Problem& p = pv.file_problems.empty() ? Problem{"", "文件被拒绝", "file refused"} : pv.file_problems.front();
      return Bad(p.path, "名册文件被拒绝，未做任何改动：" + p.message_zh, "the roster file was refused, nothing changed: " + p.message_en);
    }
    if (a.contains("expect")) {
      const json& e = a["expect"];
      if (!e.is_object() || e.value("imported", -1) != pv.imported || e.value("updated", -1) != pv.updated)
        return Bad("/expect", "预览之后名册已有改动，请重新预览后再导入", "the roster changed after the preview; preview again");
    }
    if (pv.imported + pv.updated == 0)
      return Bad("", "文件中没有新增或需要更新的党员，未做任何改动", "nothing to import or update; nothing changed");
    RosterApplyResult r = ApplyRosterImport(d, pv, ctx.ids, ctx.now, ctx.device);
    if (!r.ok) return Bad("", r.error_zh, r.error_en);
    return std::nullopt;
  });
}

}  // namespace

/// Registers the commands of the 组织 screen (see the file comment).
void RegisterOrgCommands(Workspace& ws) {
  RegisterTree(ws);
  RegisterMemberExtras(ws);
  RegisterCadres(ws);
  RegisterRosterImport(ws);
}

}  // namespace zj

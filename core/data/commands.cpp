// Built-in commands (DESIGN.md "Commands"). Each validates its arguments fully before changing anything;
// Workspace::Apply also rolls back on any problem, so a half-applied command cannot happen.
#include <string>

#include "core/campaign/commands_campaign.h"
#include "core/rate/commands_catalogue.h"
#include "core/org/commands_org.h"
#include "core/rate/commands_rate.h"
#include "core/data/workspace.h"

namespace zj {
namespace {

Problem Bad(const std::string& path, const std::string& zh, const std::string& en) { return {path, zh, en}; }

std::optional<std::string> Str(const nlohmann::json& a, const char* key) {
  auto f = a.find(key);
  if (f == a.end() || !f->is_string()) return std::nullopt;
  return f->get<std::string>();
}

// Trims ASCII and full-width (U+3000) spaces at both ends.
std::string Trim(std::string s) {
  auto strip_front = [&] {
    if (!s.empty() && (s[0] == ' ' || s[0] == '\t')) { s.erase(0, 1); return true; }
    if (s.compare(0, 3, "\xE3\x80\x80") == 0) { s.erase(0, 3); return true; }
    return false;
  };
  auto strip_back = [&] {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t')) { s.pop_back(); return true; }
    if (s.size() >= 3 && s.compare(s.size() - 3, 3, "\xE3\x80\x80") == 0) { s.resize(s.size() - 3); return true; }
    return false;
  };
  while (strip_front()) {}
  while (strip_back()) {}
  return s;
}

/// Applies the editable fields present in `a` to `m`; returns a problem for a bad value.
std::optional<Problem> ApplyMemberFields(const Dataset& d, Member& m, const nlohmann::json& a) {
  if (a.contains("name")) {
    auto v = Str(a, "name");
    if (!v || Trim(*v).empty()) return Bad("/name", "姓名不能为空", "the name must not be empty");
    m.name = Trim(*v);
  }
  if (a.contains("branch_id")) {
    auto v = Str(a, "branch_id");
    if (!v || FindBranch(d.org, *v) < 0) return Bad("/branch_id", "所选党支部不存在", "no such branch");
    m.branch_id = *v;
  }
  for (const char* key : {"sex", "ethnicity", "education", "phone"}) {
    if (!a.contains(key)) continue;
    auto v = Str(a, key);
    if (!v) return Bad(std::string("/") + key, std::string("字段应为文字：") + key, std::string("not text: ") + key);
    std::string t = Trim(*v);
    if (std::string(key) == "sex") m.sex = t;
    else if (std::string(key) == "ethnicity") m.ethnicity = t;
    else if (std::string(key) == "education") m.education = t;
    else m.phone = t;
  }
  for (const char* key : {"birth_date", "join_date"}) {
    if (!a.contains(key)) continue;
    std::optional<Date> date;
    if (!a[key].is_null()) {
      auto v = Str(a, key);
      date = v ? Date::Parse(*v) : std::nullopt;
      if (!date) return Bad(std::string("/") + key, "日期格式应为 YYYY-MM-DD", "dates are YYYY-MM-DD");
    }
    (std::string(key) == "birth_date" ? m.birth_date : m.join_date) = date;
  }
  if (a.contains("representative")) {
    if (!a["representative"].is_boolean()) return Bad("/representative", "应为是/否", "expected true/false");
    m.representative = a["representative"].get<bool>();
  }
  if (a.contains("reserve_cadre")) {
    if (!a["reserve_cadre"].is_boolean()) return Bad("/reserve_cadre", "应为是/否", "expected true/false");
    m.reserve_cadre = a["reserve_cadre"].get<bool>();
  }
  return std::nullopt;
}

}  // namespace

void RegisterBuiltinCommands(Workspace& ws) {
  RegisterCampaignCommands(ws);  // 学 看 谈 (commands_campaign.cpp)
  RegisterOrgCommands(ws);   // 组织 (commands_org.cpp)
  RegisterRateCommands(ws);  // 评 (commands_rate.cpp)
  RegisterCatalogueCommands(ws);  // 评: 积分项目 and 考核细则 (commands_catalogue.cpp)
  // member.add {name, branch_id, ...fields} -> created_id
  ws.Register("member.add", [](Dataset& d, const nlohmann::json& a, CommandContext& ctx) -> std::optional<Problem> {
    Member m;
    if (!a.contains("name")) return Bad("/name", "姓名不能为空", "the name must not be empty");
    if (!a.contains("branch_id")) return Bad("/branch_id", "请选择党支部", "choose a branch");
    if (auto p = ApplyMemberFields(d, m, a)) return p;
    m.meta = NewMeta(ctx);
    d.org.members.push_back(std::move(m));
    return std::nullopt;
  });
  // member.update {id, ...fields}
  ws.Register("member.update", [](Dataset& d, const nlohmann::json& a, CommandContext& ctx) -> std::optional<Problem> {
    auto id = Str(a, "id");
    int i = id ? FindMember(d.org, *id) : -1;
    if (i < 0) return Bad("/id", "找不到该党员", "no such member");
    Member& m = d.org.members[i];
    if (auto p = ApplyMemberFields(d, m, a)) return p;
    Touch(m.meta, ctx);
    return std::nullopt;
  });
  // member.remove {id}
  ws.Register("member.remove", [](Dataset& d, const nlohmann::json& a, CommandContext&) -> std::optional<Problem> {
    auto id = Str(a, "id");
    int i = id ? FindMember(d.org, *id) : -1;
    if (i < 0) return Bad("/id", "找不到该党员", "no such member");
    d.org.members.erase(d.org.members.begin() + i);
    return std::nullopt;
  });
  // activity.set_status {id, done: bool, date?: "YYYY-MM-DD"}
  ws.Register("activity.set_status", [](Dataset& d, const nlohmann::json& a, CommandContext& ctx) -> std::optional<Problem> {
    auto id = Str(a, "id");
    if (!id || !a.contains("done") || !a["done"].is_boolean())
      return Bad("", "参数不完整", "missing arguments");
    for (Activity& act : d.campaign.activities) {
      if (act.meta.id != *id) continue;
      const bool done = a["done"].get<bool>();
      act.status = done ? ActivityStatus::Done : ActivityStatus::Planned;
      act.done_on.reset();
      if (done) {
        auto ds = Str(a, "date");
        auto date = ds ? Date::Parse(*ds) : std::nullopt;
        if (ds && !date) return Bad("/date", "日期格式应为 YYYY-MM-DD", "dates are YYYY-MM-DD");
        act.done_on = date;
      }
      Touch(act.meta, ctx);
      return std::nullopt;
    }
    return Bad("/id", "找不到该活动", "no such activity");
  });
}

}  // namespace zj

// Built-in commands (docs/architecture.md "Commands"). Each validates its arguments fully before changing anything;
// Workspace::Apply also rolls back on any problem, so a half-applied command cannot happen.
#include <string>

#include "core/campaign/commands_campaign.h"
#include "core/rate/commands_catalogue.h"
#include "core/org/commands_org.h"
#include "core/rate/commands_rate.h"
#include "core/data/workspace.h"
#include "core/data/command_table.h"
#include "core/exchange/merge.h"

namespace zj {
namespace {

Problem Bad(const std::string& path, const std::string& zh, const std::string& en) { return {path, zh, en}; }

std::optional<std::string> Str(const nlohmann::json& a, const char* key) {
  auto f = a.find(key);
  if (f == a.end() || !f->is_string()) return std::nullopt;
  return f->get<std::string>();
}

}  // namespace

void RegisterBuiltinCommands(Workspace& ws) {
  RegisterCampaignCommands(ws);  // 学 看 谈 (commands_campaign.cpp)
  RegisterOrgCommands(ws);   // 组织 (commands_org.cpp)
  RegisterRateCommands(ws);  // 评 (commands_rate.cpp)
  RegisterCatalogueCommands(ws);  // 评: 积分项目 and 考核细则 (commands_catalogue.cpp)
  RegisterExchangeCommands(ws);   // bundle.import (core/exchange/merge.cpp)
#define ZJ_DEFINE(C) Define<C>(ws);
  ZJ_COMMANDS(ZJ_DEFINE)  // the typed commands (core/data/command_table.h)
#undef ZJ_DEFINE
  // activity.set_status {id, done: bool, date?: "YYYY-MM-DD"}
  RegisterWhole(ws, "activity.set_status", [](Dataset& d, const nlohmann::json& a, CommandContext& ctx) -> std::optional<Problem> {
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

// Commands of the 评 screen (notice 四(四); DOMAIN.md "评 Rate"): point entries, branch assessments
// (rubric scores and year-end target score), weights, and publishing a year's branch stars (动态管理).
//
//   points.record {member_id, item_id, date, points?, note?, recorded_by?}        -> created_id
//   points.record_many {member_ids: [...], item_id, date, points?, note?, recorded_by?}  (one undo step)
//   points.remove {id}
//   assessment.set {branch_id, year, scores?: {rubric item id: points}, target_score?: points|null,
//                   assessed_by?, note?}   (creates or updates the branch's assessment of that year)
//   branch_rating.weights {rubric, target}  (relative integer weights 0..100, not both 0)
//   branch_rating.publish {year, published_on}  (rates the year and keeps it as history)
//
// Points are JSON numbers on the 0.1 grid (89.5) or strings ("89.5"). An entry's points default to the
// item's; their sign must match the item's (a deduction stays negative) and their size must not exceed the
// item's yearly cap (one entry can fill the cap, e.g. a quarter's 三会一课, never more).
#include <algorithm>
#include <cstdlib>
#include <string>

#include "core/data/command_args.h"
#include "core/data/workspace.h"

namespace zj {
namespace {
using args::Bad;
using args::Str;
using args::Text;
using json = nlohmann::json;

int FindItem(const PointCatalogue& c, const std::string& id) { return IndexOfId(c.items, id); }

/// Fills everything of an entry but member and meta; a problem for a bad argument.
std::optional<Problem> EntryFields(const Dataset& d, const json& a, PointEntry& e) {
  auto item = Str(a, "item_id");
  const int ii = item ? FindItem(d.points.catalogue, *item) : -1;
  if (ii < 0) return Bad("/item_id", "请选择积分项目", "choose a point item");
  const PointItem& it = d.points.catalogue.items[static_cast<size_t>(ii)];
  e.item_id = it.meta.id;
  std::optional<Problem> problem;
  auto date = args::DateArg(a, "date", &problem);
  if (!date) return problem;
  e.date = *date;
  e.points = it.points;
  if (a.contains("points")) {
    auto p = args::PointsArg(a, "points");
    if (!p) return Bad("/points", "分值应为数字，最多一位小数（如 2 或 0.5）", "points are a number with at most one decimal (2, 0.5)");
    e.points = *p;
  }
  if (e.points == 0) return Bad("/points", "分值不能为 0", "points must not be 0");
  if (it.points != 0 && ((it.points > 0) != (e.points > 0)))
    return Bad("/points", it.points > 0 ? "该项目为加分项，分值应为正数" : "该项目为扣分项，分值应为负数",
               it.points > 0 ? "this item adds points: use a positive number" : "this item deducts: use a negative number");
  if (it.yearly_cap && std::abs(e.points) > *it.yearly_cap)
    return Bad("/points", "单次分值超过该项目的年度上限 " + FormatPoints(*it.yearly_cap) + " 分",
               "points exceed the item's yearly cap of " + FormatPoints(*it.yearly_cap));
  if (auto p = Text(a, "note", e.note, false, "说明", "the note")) return p;
  if (auto p = Text(a, "recorded_by", e.recorded_by, false, "记录人", "recorded by")) return p;
  return std::nullopt;
}

std::optional<Problem> MemberRef(const Dataset& d, const std::string& id, const std::string& path) {
  if (FindMember(d.org, id) < 0) return Bad(path, "找不到该党员", "no such member");
  return std::nullopt;
}

}  // namespace

void RegisterRateCommands(Workspace& ws) {
  RegisterWhole(ws, "points.record", [](Dataset& d, const json& a, CommandContext& ctx) -> std::optional<Problem> {
    PointEntry e;
    auto mid = Str(a, "member_id");
    if (!mid) return Bad("/member_id", "请选择党员", "choose a member");
    if (auto p = MemberRef(d, *mid, "/member_id")) return p;
    e.member_id = *mid;
    if (auto p = EntryFields(d, a, e)) return p;
    e.meta = NewMeta(ctx);
    d.points.entries.push_back(std::move(e));
    return std::nullopt;
  });
  RegisterWhole(ws, "points.record_many", [](Dataset& d, const json& a, CommandContext& ctx) -> std::optional<Problem> {
    std::optional<Problem> problem;
    auto ids = args::Strings(a, "member_ids", &problem);
    if (problem) return problem;
    if (!ids || ids->empty()) return Bad("/member_ids", "请至少选择一名党员", "choose at least one member");
    PointEntry proto;
    if (auto p = EntryFields(d, a, proto)) return p;
    for (size_t k = 0; k < ids->size(); ++k)
      if (auto p = MemberRef(d, (*ids)[k], "/member_ids/" + std::to_string(k))) return p;
    for (const std::string& id : *ids) {
      PointEntry e = proto;
      e.member_id = id;
      e.meta = NewMeta(ctx);
      d.points.entries.push_back(std::move(e));
    }
    ctx.created_id.clear();
    return std::nullopt;
  });
  RegisterWhole(ws, "points.remove", [](Dataset& d, const json& a, CommandContext&) -> std::optional<Problem> {
    auto id = Str(a, "id");
    const int i = id ? IndexOfId(d.points.entries, *id) : -1;
    if (i < 0) return Bad("/id", "找不到该积分记录", "no such point entry");
    d.points.entries.erase(d.points.entries.begin() + i);
    return std::nullopt;
  });

  RegisterWhole(ws, "assessment.set", [](Dataset& d, const json& a, CommandContext& ctx) -> std::optional<Problem> {
    auto bid = Str(a, "branch_id");
    if (!bid || FindBranch(d.org, *bid) < 0) return Bad("/branch_id", "找不到该党支部", "no such branch");
    auto year = args::IntArg(a, "year");
    if (!year || *year < 1900 || *year > 2199) return Bad("/year", "年度应为 1900 到 2199 之间的年份", "the year must be 1900..2199");
    BranchAssessment next;
    auto& as = d.branch_rating.assessments;
    auto f = std::find_if(as.begin(), as.end(), [&](const BranchAssessment& x) { return x.branch_id == *bid && x.year == *year; });
    if (f != as.end()) next = *f;
    next.branch_id = *bid;
    next.year = *year;
    if (a.contains("scores")) {
      const json& s = a["scores"];
      if (!s.is_object()) return Bad("/scores", "考核得分应为 {项目: 分值}", "scores are {item id: points}");
      for (auto it = s.begin(); it != s.end(); ++it) {
        const RubricItem* ri = nullptr;
        for (const RubricItem& r : d.branch_rating.rubric.items)
          if (r.meta.id == it.key()) ri = &r;
        if (!ri) return Bad("/scores/" + it.key(), "考核细则中没有该项目", "no such rubric item");
        std::optional<Tenths> v;
        if (it->is_number()) v = TenthsFromDouble(it->get<double>());
        else if (it->is_string()) v = ParsePoints(it->get<std::string>());
        if (!v) return Bad("/scores/" + it.key(), ri->code + " 得分应为数字，最多一位小数", ri->code + ": a number with at most one decimal");
        if (*v < 0 || *v > ri->max_points)
          return Bad("/scores/" + it.key(), ri->code + " 得分应在 0 到 " + FormatPoints(ri->max_points) + " 之间",
                     ri->code + ": points must be 0.." + FormatPoints(ri->max_points));
        auto sc = std::find_if(next.scores.begin(), next.scores.end(), [&](const RubricScore& x) { return x.item_id == it.key(); });
        if (sc != next.scores.end()) sc->score = *v;
        else next.scores.push_back(RubricScore{it.key(), *v});
      }
    }
    if (a.contains("target_score")) {
      if (a["target_score"].is_null()) {
        next.target_score.reset();
      } else {
        auto v = args::PointsArg(a, "target_score");
        if (!v || *v < 0 || *v > 1000)
          return Bad("/target_score", "年终目标考核分数应在 0 到 100 之间，最多一位小数", "the target score is 0..100 with at most one decimal");
        next.target_score = *v;
      }
    }
    if (auto p = Text(a, "assessed_by", next.assessed_by, false, "考核人", "assessed by")) return p;
    if (auto p = Text(a, "note", next.note, false, "备注", "the note")) return p;
    if (f != as.end()) {
      Touch(next.meta, ctx);
      *f = std::move(next);
    } else {
      next.meta = NewMeta(ctx);
      as.push_back(std::move(next));
    }
    return std::nullopt;
  });
  RegisterWhole(ws, "branch_rating.weights", [](Dataset& d, const json& a, CommandContext&) -> std::optional<Problem> {
    auto r = args::IntArg(a, "rubric");
    auto t = args::IntArg(a, "target");
    if (!r || !t || *r < 0 || *r > 100 || *t < 0 || *t > 100 || *r + *t == 0)
      return Bad("/rubric", "权重应为 0 到 100 的整数，且不能都为 0", "weights are integers 0..100, not both 0");
    d.branch_rating.weights = BranchWeights{*r, *t, false};
    return std::nullopt;
  });
  RegisterWhole(ws, "branch_rating.publish", [](Dataset& d, const json& a, CommandContext& ctx) -> std::optional<Problem> {
    auto year = args::IntArg(a, "year");
    if (!year || *year < 1900 || *year > 2199) return Bad("/year", "年度应为 1900 到 2199 之间的年份", "the year must be 1900..2199");
    std::optional<Problem> problem;
    auto on = args::DateArg(a, "published_on", &problem);
    if (!on) return problem;
    BranchRatingResult r = RateBranches(d.org, d.branch_rating, *year);
    if (!r.problems_zh.empty()) return Bad("", "评星规则有误：" + r.problems_zh.front(), "the rating rules have a problem");
    if (r.ranked.empty()) return Bad("/year", "该年度没有可评定的党支部（缺少考核记录或目标考核分数）", "no branch can be rated that year");
    PublishBranchRatings(d.org, r, d.branch_rating, *on, ctx.ids, ctx.now, ctx.device);
    return std::nullopt;
  });
}

}  // namespace zj

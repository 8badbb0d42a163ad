// Commands of the 评 screen (core/rate/commands_rate.h lists them with their arguments and refusals). Each
// handler checks everything before it changes anything, then changes only the records it names through the Tx
// (docs/architecture.md "How a change travels"): recording points adds entries, never copies the others.
#include "core/rate/commands_rate.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <unordered_set>

#include "core/base/encoding.h"

namespace zj {
namespace {
using json = nlohmann::json;

Problem Bad(const std::string& path, const std::string& zh, const std::string& en) { return {path, zh, en}; }
size_t At(int i) { return static_cast<size_t>(i); }

/// Fills everything of an entry but member and meta; a problem for a bad argument.
std::optional<Problem> ApplyEntryFields(const Dataset& d, const EntryFields& f, PointEntry& e) {
  const int ii = f.item_id ? IndexOfId(d.points.catalogue.items, *f.item_id) : -1;
  if (ii < 0) return Bad("/item_id", "请选择积分项目", "choose a point item");
  const PointItem& it = d.points.catalogue.items[At(ii)];
  e.item_id = it.meta.id;
  e.date = f.date;
  e.points = f.points ? f.points->tenths : it.points;
  if (e.points == 0) return Bad("/points", "分值不能为 0", "points must not be 0");
  if (it.points != 0 && ((it.points > 0) != (e.points > 0)))
    return Bad("/points", it.points > 0 ? "该项目为加分项，分值应为正数" : "该项目为扣分项，分值应为负数",
               it.points > 0 ? "this item adds points: use a positive number" : "this item deducts: use a negative number");
  if (it.yearly_cap && std::abs(e.points) > *it.yearly_cap)
    return Bad("/points", "单次分值超过该项目的年度上限 " + FormatPoints(*it.yearly_cap) + " 分",
               "points exceed the item's yearly cap of " + FormatPoints(*it.yearly_cap));
  if (f.note) e.note = TrimSpaces(*f.note);
  if (f.recorded_by) e.recorded_by = TrimSpaces(*f.recorded_by);
  return std::nullopt;
}

}  // namespace

std::optional<Problem> Handle(const PointsRecord& c, Tx& tx) {
  if (!c.member_id) return Bad("/member_id", "请选择党员", "choose a member");
  if (FindMember(tx.data().org, *c.member_id) < 0) return Bad("/member_id", "找不到该党员", "no such member");
  PointEntry e;
  e.member_id = *c.member_id;
  if (auto p = ApplyEntryFields(tx.data(), c, e)) return p;
  tx.created_id = tx.Add(std::move(e)).meta.id;
  return std::nullopt;
}

std::optional<Problem> Handle(const PointsRecordMany& c, Tx& tx) {
  if (!c.member_ids || c.member_ids->empty())
    return Bad("/member_ids", "请至少选择一名党员", "choose at least one member");
  PointEntry proto;
  if (auto p = ApplyEntryFields(tx.data(), c, proto)) return p;
  std::unordered_set<std::string> members;  // one pass over the roster, not one per id
  members.reserve(tx.data().org.members.size() * 2);
  for (const Member& m : tx.data().org.members) members.insert(m.meta.id);
  for (size_t k = 0; k < c.member_ids->size(); ++k)
    if (!members.count((*c.member_ids)[k]))
      return Bad("/member_ids/" + std::to_string(k), "找不到该党员", "no such member");
  for (const std::string& id : *c.member_ids) {
    PointEntry e = proto;
    e.member_id = id;
    tx.Add(std::move(e));
  }
  return std::nullopt;
}

std::optional<Problem> Handle(const PointsRemove& c, Tx& tx) {
  const int i = IndexOfId(tx.data().points.entries, c.id);
  if (i < 0) return Bad("/id", "找不到该积分记录", "no such point entry");
  tx.Remove<PointEntry>(At(i));
  return std::nullopt;
}

std::optional<Problem> Handle(const AssessmentSet& c, Tx& tx) {
  const Dataset& d = tx.data();
  if (!c.branch_id || FindBranch(d.org, *c.branch_id) < 0) return Bad("/branch_id", "找不到该党支部", "no such branch");
  if (!c.year || *c.year < 1900 || *c.year > 2199)
    return Bad("/year", "年度应为 1900 到 2199 之间的年份", "the year must be 1900..2199");
  const Id& bid = *c.branch_id;
  const int year = *c.year;
  BranchAssessment next;
  const auto& as = d.branch_rating.assessments;
  int found = -1;
  for (size_t k = 0; k < as.size() && found < 0; ++k)
    if (as[k].branch_id == bid && as[k].year == year) found = static_cast<int>(k);
  if (found >= 0) next = as[At(found)];
  next.branch_id = bid;
  next.year = year;
  if (c.scores) {
    const json& s = *c.scores;
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
  if (c.target_score) {
    if (!*c.target_score) {
      next.target_score.reset();
    } else {
      const Tenths v = (*c.target_score)->tenths;
      if (v < 0 || v > 1000)
        return Bad("/target_score", "年终目标考核分数应在 0 到 100 之间，最多一位小数", "the target score is 0..100 with at most one decimal");
      next.target_score = v;
    }
  }
  if (c.assessed_by) next.assessed_by = TrimSpaces(*c.assessed_by);
  if (c.note) next.note = TrimSpaces(*c.note);
  if (found >= 0) {
    tx.Edit<BranchAssessment>(At(found)) = std::move(next);
  } else {
    tx.created_id = tx.Add(std::move(next)).meta.id;
  }
  return std::nullopt;
}

std::optional<Problem> Handle(const BranchRatingWeights& c, Tx& tx) {
  if (!c.rubric || !c.target || *c.rubric < 0 || *c.rubric > 100 || *c.target < 0 || *c.target > 100 ||
      *c.rubric + *c.target == 0)
    return Bad("/rubric", "权重应为 0 到 100 的整数，且不能都为 0", "weights are integers 0..100, not both 0");
  tx.EditSetting(Setting::BranchWeights).branch_rating.weights = BranchWeights{*c.rubric, *c.target, false};
  return std::nullopt;
}

std::optional<Problem> Handle(const BranchRatingPublish& c, Tx& tx) {
  if (!c.year || *c.year < 1900 || *c.year > 2199)
    return Bad("/year", "年度应为 1900 到 2199 之间的年份", "the year must be 1900..2199");
  const Dataset& d = tx.data();
  BranchRatingResult r = RateBranches(d.org, d.branch_rating, *c.year);
  if (!r.problems_zh.empty()) return Bad("", "评星规则有误：" + r.problems_zh.front(), "the rating rules have a problem");
  if (r.ranked.empty())
    return Bad("/year", "该年度没有可评定的党支部（缺少考核记录或目标考核分数）", "no branch can be rated that year");
  // PublishBranchRatings changes only the book's history (one record per rated branch): it works on that
  // collection, taken from the Tx and put back.
  std::vector<BranchStarRecord>& history = tx.EditAll<BranchStarRecord>();
  BranchRatingBook book;
  book.history = std::move(history);
  PublishBranchRatings(d.org, r, book, c.published_on, tx.ids(), tx.now(), tx.device());
  history = std::move(book.history);
  return std::nullopt;
}

}  // namespace zj

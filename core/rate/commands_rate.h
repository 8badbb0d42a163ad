// Zhengjian core: commands of the 评 screen (notice 四(四); docs/domain.md "The four strands"): point entries, branch assessments
// (rubric scores and the year-end target score), weights, and publishing a year's branch stars (动态管理). Typed
// commands (core/data/command.h, docs/recipes.md "Add a command").
//
// Points are JSON numbers on the 0.1 grid (89.5) or strings ("89.5"). An entry's points default to the item's; their
// sign must match the item's (a deduction stays negative) and their size must not exceed the item's yearly cap (one
// entry can fill the cap, e.g. a quarter's 三会一课, never more).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/data/command.h"

namespace zj {

/// The message for points that are not a number on the 0.1 grid (as the 评 screen shows it).
inline Say PointsSay() {
  return Say{"分值应为数字，最多一位小数（如 2 或 0.5）", "points are a number with at most one decimal (2, 0.5)"};
}

/// What a point entry says besides its member (points.record and points.record_many).
struct EntryFields {
  std::optional<std::string> item_id;  ///< 积分项目
  Date date;                           ///< the day it counts for
  std::optional<PointsArg> points;     ///< default: the item's
  std::optional<std::string> note, recorded_by;
  template <class V>
  void Fields(V& v) {
    v.Opt("item_id", item_id);
    v.Req("date", date, Say{"日期格式应为 YYYY-MM-DD", "dates are YYYY-MM-DD"});
    v.Opt("points", points, PointsSay());
    v.Opt("note", note);
    v.Opt("recorded_by", recorded_by);
  }
};

/// points.record {member_id, item_id, date, points?, note?, recorded_by?} -> created_id. Refused: no such member or
/// item, points of 0, of the wrong sign or above the item's yearly cap.
struct PointsRecord : EntryFields {
  static constexpr const char* kName = "points.record";
  static constexpr CommandKind kKind = CommandKind::Adds;
  std::optional<std::string> member_id;
  template <class V>
  void Fields(V& v) {
    v.Opt("member_id", member_id);
    EntryFields::Fields(v);
  }
};
/// points.record_many {member_ids: [...], item_id, date, points?, note?, recorded_by?}: one entry per member, one
/// undo step. Refused as points.record, and for an empty list or any unknown member (path /member_ids/k).
struct PointsRecordMany : EntryFields {
  static constexpr const char* kName = "points.record_many";
  static constexpr CommandKind kKind = CommandKind::Adds;
  std::optional<std::vector<std::string>> member_ids;
  template <class V>
  void Fields(V& v) {
    v.Opt("member_ids", member_ids);
    EntryFields::Fields(v);
  }
};
/// points.remove {id}.
struct PointsRemove {
  static constexpr const char* kName = "points.remove";
  static constexpr CommandKind kKind = CommandKind::Removes;
  Id id;
  template <class V>
  void Fields(V& v) {
    v.Req("id", id);
  }
};

/// assessment.set {branch_id, year, scores?: {rubric item id: points}, target_score?: points|null, assessed_by?,
/// note?}: creates or updates the branch's assessment of that year (scores given are set, others kept). Refused: no
/// such branch, a year outside 1900..2199, an unknown rubric item, a score outside 0..the item's full marks, a
/// target score outside 0..100.
struct AssessmentSet {
  static constexpr const char* kName = "assessment.set";
  static constexpr CommandKind kKind = CommandKind::Edits;
  std::optional<std::string> branch_id;
  std::optional<int> year;
  std::optional<nlohmann::json> scores;
  Maybe<PointsArg> target_score;
  std::optional<std::string> assessed_by, note;
  template <class V>
  void Fields(V& v) {
    v.Opt("branch_id", branch_id);
    v.Opt("year", year, Say{"年度应为 1900 到 2199 之间的年份", "the year must be 1900..2199"});
    v.Opt("scores", scores);
    v.Opt("target_score", target_score,
          Say{"年终目标考核分数应在 0 到 100 之间，最多一位小数", "the target score is 0..100 with at most one decimal"});
    v.Opt("assessed_by", assessed_by);
    v.Opt("note", note);
  }
};
/// branch_rating.weights {rubric, target}: relative integer weights 0..100, not both 0.
struct BranchRatingWeights {
  static constexpr const char* kName = "branch_rating.weights";
  static constexpr CommandKind kKind = CommandKind::Edits;
  std::optional<int> rubric, target;
  template <class V>
  void Fields(V& v) {
    const Say say{"权重应为 0 到 100 的整数，且不能都为 0", "weights are integers 0..100, not both 0"};
    v.Opt("rubric", rubric, say);
    v.Opt("target", target, say);
  }
};
/// branch_rating.publish {year, published_on}: rates the year's branches (RateBranches) and keeps the result as
/// history (PublishBranchRatings). Refused: a bad year, rules with a problem, no branch that can be rated.
struct BranchRatingPublish {
  static constexpr const char* kName = "branch_rating.publish";
  static constexpr CommandKind kKind = CommandKind::Edits;
  std::optional<int> year;
  Date published_on;
  template <class V>
  void Fields(V& v) {
    v.Opt("year", year, Say{"年度应为 1900 到 2199 之间的年份", "the year must be 1900..2199"});
    v.Req("published_on", published_on, Say{"日期格式应为 YYYY-MM-DD", "dates are YYYY-MM-DD"});
  }
};

std::optional<Problem> Handle(const PointsRecord& c, Tx& tx);
std::optional<Problem> Handle(const PointsRecordMany& c, Tx& tx);
std::optional<Problem> Handle(const PointsRemove& c, Tx& tx);
std::optional<Problem> Handle(const AssessmentSet& c, Tx& tx);
std::optional<Problem> Handle(const BranchRatingWeights& c, Tx& tx);
std::optional<Problem> Handle(const BranchRatingPublish& c, Tx& tx);

}  // namespace zj

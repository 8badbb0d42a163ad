// Zhengjian core: commands that edit the points catalogue (积分项目表) and the branch assessment rubric
// (积分制管理考核细则). The town's handbook (《渔洋镇党员积分制管理手册》) is not at hand: both tables start as
// examples (示例, core/rate/points.h, core/rate/branch_rating.h) and the town edits them here. docs/domain.md "The four strands";
// notice 四(四). Typed commands (core/data/command.h, docs/recipes.md "Add a command").
//
// Points are JSON numbers on the 0.1 grid (2, 0.5) or strings ParsePoints reads ("+2", "-0.5").
// Refused, with a Chinese and an English message:
//   - an empty name or code (when none is given one is made: B/R/D and the next free two digits, K and
//     the next number), a code longer than 16 characters, a code another item of the same table has;
//   - points of 0 or off the 0.1 grid; the sign against the category (基础积分 and 奖励积分 add, 扣分
//     deducts: a deduction is written negative, "-5");
//   - a yearly cap that is not positive (a magnitude, also for deductions) or smaller than |points|;
//   - rubric full marks (满分) not above 0 or above 1000 points;
//   - on update of an item that entries use: a sign change (category between 扣分 and the others), or a
//     cap below an entry's |points| (the entries would break the rule points.record enforces), with the
//     count; on update of a rubric item: full marks below a score already given, with the count;
//   - removing an item that point entries (catalogue) or assessment scores (rubric) use, with the count.
// Any accepted command clears the table's example flag (示例): the town has started its own.
#pragma once
#include <optional>
#include <string>

#include "core/data/command.h"

namespace zj {

/// Fields of a point item (absent = left as it is).
struct PointItemFields {
  std::optional<std::string> category;  ///< basic / merit / deduction (基础积分 / 奖励积分 / 扣分)
  std::optional<std::string> name_zh;   ///< at most 100 characters
  std::optional<std::string> code;      ///< at most 16 characters, unique in the catalogue (letter case ignored)
  std::optional<PointsArg> points;      ///< per entry; negative for a deduction
  Maybe<PointsArg> yearly_cap;          ///< 年度上限, a magnitude; null = no cap
  std::optional<bool> evidence_required;  ///< 需佐证材料
  template <class V>
  void Fields(V& v) {
    v.Opt("category", category);
    v.Opt("name_zh", name_zh);
    v.Opt("code", code);
    v.Opt("points", points,
          Say{"分值应为数字，最多一位小数（如 2 或 0.5）", "points must be a number with at most one decimal (2, 0.5)"});
    v.Opt("yearly_cap", yearly_cap,
          Say{"年度上限应为数字，最多一位小数（如 2 或 0.5）",
              "the yearly cap must be a number with at most one decimal (2, 0.5)"});
    v.Opt("evidence_required", evidence_required,
          Say{"“需佐证材料”应为是或否", "evidence_required is true or false"});
  }
};
/// catalogue.item.add {category, name_zh, points, yearly_cap?, code?, evidence_required?} -> created_id.
struct CatalogueItemAdd : PointItemFields {
  static constexpr const char* kName = "catalogue.item.add";
  static constexpr CommandKind kKind = CommandKind::Adds;
};
/// catalogue.item.update {id, and any of the fields}.
struct CatalogueItemUpdate : PointItemFields {
  static constexpr const char* kName = "catalogue.item.update";
  static constexpr CommandKind kKind = CommandKind::Edits;
  Id id;
  template <class V>
  void Fields(V& v) {
    v.Req("id", id);
    PointItemFields::Fields(v);
  }
};
/// catalogue.item.remove {id}. Refused while point entries use the item.
struct CatalogueItemRemove {
  static constexpr const char* kName = "catalogue.item.remove";
  static constexpr CommandKind kKind = CommandKind::Removes;
  Id id;
  template <class V>
  void Fields(V& v) {
    v.Req("id", id);
  }
};

/// Fields of a rubric item (absent = left as it is).
struct RubricItemFields {
  std::optional<std::string> name_zh, code;
  std::optional<PointsArg> max_points;  ///< 满分, above 0, at most 1000
  template <class V>
  void Fields(V& v) {
    v.Opt("name_zh", name_zh);
    v.Opt("code", code);
    v.Opt("max_points", max_points,
          Say{"满分应为数字，最多一位小数（如 2 或 0.5）", "full marks must be a number with at most one decimal (2, 0.5)"});
  }
};
/// rubric.item.add {name_zh, max_points, code?} -> created_id.
struct RubricItemAdd : RubricItemFields {
  static constexpr const char* kName = "rubric.item.add";
  static constexpr CommandKind kKind = CommandKind::Adds;
};
/// rubric.item.update {id, and any of: name_zh, max_points, code}.
struct RubricItemUpdate : RubricItemFields {
  static constexpr const char* kName = "rubric.item.update";
  static constexpr CommandKind kKind = CommandKind::Edits;
  Id id;
  template <class V>
  void Fields(V& v) {
    v.Req("id", id);
    RubricItemFields::Fields(v);
  }
};
/// rubric.item.remove {id}. Refused while assessment scores use the item.
struct RubricItemRemove {
  static constexpr const char* kName = "rubric.item.remove";
  static constexpr CommandKind kKind = CommandKind::Removes;
  Id id;
  template <class V>
  void Fields(V& v) {
    v.Req("id", id);
  }
};

std::optional<Problem> Handle(const CatalogueItemAdd& c, Tx& tx);
std::optional<Problem> Handle(const CatalogueItemUpdate& c, Tx& tx);
std::optional<Problem> Handle(const CatalogueItemRemove& c, Tx& tx);
std::optional<Problem> Handle(const RubricItemAdd& c, Tx& tx);
std::optional<Problem> Handle(const RubricItemUpdate& c, Tx& tx);
std::optional<Problem> Handle(const RubricItemRemove& c, Tx& tx);

}  // namespace zj

// Commands that edit the points catalogue and the branch assessment rubric (core/rate/commands_catalogue.h lists
// them with their arguments and refusals). Each handler checks everything before it changes anything, then changes
// the one item through the Tx and the table's header (示例 flag, name) as a setting.
#include "core/rate/commands_catalogue.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/base/encoding.h"

namespace zj {
namespace {

Problem Bad(const std::string& path, const std::string& zh, const std::string& en) { return {path, zh, en}; }
size_t At(int i) { return static_cast<size_t>(i); }

constexpr size_t kMaxCodeChars = 16;
constexpr size_t kMaxNameChars = 100;
constexpr Tenths kMaxRubricPoints = 1000 * kTenthsPerPoint;

/// The example catalogue's name (core/rate/points.cpp) and what it becomes once the town edits the table.
constexpr const char* kExampleCatalogueName = "党员积分制管理手册(示例,非本镇手册)";
constexpr const char* kOwnCatalogueName = "党员积分制管理手册";

/// Reads a name (required on add, optional on update) into `out`.
std::optional<Problem> NameArg(const std::optional<std::string>& v, std::string& out, bool required) {
  if (required && !v) return Bad("/name_zh", "名称不能为空", "the name must not be empty");
  if (!v) return std::nullopt;
  std::string t = TrimSpaces(*v);
  if (t.empty()) return Bad("/name_zh", "名称不能为空", "the name must not be empty");
  if (CodePointCount(t) > kMaxNameChars)
    return Bad("/name_zh", "名称不能超过 100 个字", "the name must not exceed 100 characters");
  out = std::move(t);
  return std::nullopt;
}

/// Reads a code into `out` if given; refuses an empty, over-long or duplicate one (`self` = the item's own id,
/// skipped in the duplicate check).
template <typename Item>
std::optional<Problem> CodeArg(const std::optional<std::string>& v, const std::vector<Item>& items, const Id& self,
                               std::string& out) {
  if (!v) return std::nullopt;
  std::string code = TrimSpaces(*v);
  if (code.empty()) return Bad("/code", "编号不能为空", "the code must not be empty");
  if (CodePointCount(code) > kMaxCodeChars) return Bad("/code", "编号不能超过 16 个字符", "the code must not exceed 16 characters");
  // Codes are compared without letter case: "b01" beside "B01" would be read as the same code on paper.
  auto upper = [](std::string s) {
    for (char& c : s)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
  };
  for (const Item& it : items)
    if (it.meta.id != self && upper(it.code) == upper(code))
      return Bad("/code", "编号 " + code + " 已被“" + it.name_zh + "”使用", "the code " + code + " is already used by another item");
  out = std::move(code);
  return std::nullopt;
}

/// A fresh code: `prefix` and the lowest number no item of `items` has, as the examples write them:
/// two digits for point items ("R05"), plain for rubric items ("K7").
template <typename Item>
std::string NextCode(const std::vector<Item>& items, char prefix, bool two_digits) {
  for (int n = 1;; ++n) {
    char buf[16];
    std::snprintf(buf, sizeof buf, two_digits ? "%c%02d" : "%c%d", prefix, n);
    if (std::none_of(items.begin(), items.end(), [&](const Item& it) { return it.code == buf; })) return buf;
  }
}

char CategoryPrefix(PointCategory c) { return c == PointCategory::Basic ? 'B' : c == PointCategory::Merit ? 'R' : 'D'; }

/// Reads the fields of a point item given in `f` over `it` and checks the whole item.
std::optional<Problem> ItemFields(const PointItemFields& f, const PointCatalogue& cat, PointItem& it, bool adding) {
  if (adding && !f.category)
    return Bad("/category", "请选择类别（基础积分、奖励积分或扣分）", "choose a category (basic, merit or deduction)");
  if (f.category) {
    auto c = PointCategoryFromCode(*f.category);
    if (!c) return Bad("/category", "类别应为基础积分、奖励积分或扣分", "the category is basic, merit or deduction");
    it.category = *c;
  }
  if (auto p = NameArg(f.name_zh, it.name_zh, adding)) return p;
  if (auto p = CodeArg(f.code, cat.items, it.meta.id, it.code)) return p;
  if (adding && !f.points) return Bad("/points", "请填写每次分值", "enter the points per entry");
  if (f.points) it.points = f.points->tenths;
  if (f.yearly_cap) {
    if (!*f.yearly_cap) it.yearly_cap.reset();
    else it.yearly_cap = (*f.yearly_cap)->tenths;
  }
  if (f.evidence_required) it.evidence_required = *f.evidence_required;
  // The item as a whole.
  if (it.points == 0) return Bad("/points", "分值不能为 0", "points must not be 0");
  if (it.category == PointCategory::Deduction && it.points > 0)
    return Bad("/points", "扣分项目的分值应为负数（如 -5）", "a deduction's points are negative (e.g. -5)");
  if (it.category != PointCategory::Deduction && it.points < 0)
    return Bad("/points", std::string(PointCategoryLabelZh(it.category)) + "项目的分值应为正数；扣分请选择“扣分”类别",
               "basic and merit items add points; choose the deduction category to deduct");
  if (it.yearly_cap && *it.yearly_cap <= 0)
    return Bad("/yearly_cap", "年度上限应为正数（扣分项目也写正数），不设上限请留空",
               "the yearly cap must be positive (also for deductions); leave it empty for no cap");
  if (it.yearly_cap && *it.yearly_cap < std::abs(it.points))
    return Bad("/yearly_cap", "年度上限 " + FormatPoints(*it.yearly_cap) + " 分小于每次分值 " + FormatPoints(std::abs(it.points)) + " 分",
               "the yearly cap " + FormatPoints(*it.yearly_cap) + " is below the points per entry " + FormatPoints(std::abs(it.points)));
  if (it.code.empty()) it.code = NextCode(cat.items, CategoryPrefix(it.category), true);
  return std::nullopt;
}

/// The catalogue is the town's own from its first edit on (its header is a setting; unchanged = no change).
void MarkCatalogueEdited(Tx& tx) {
  const PointCatalogue& c = tx.data().points.catalogue;
  if (!c.example && c.name != kExampleCatalogueName && !c.name.empty()) return;
  PointCatalogue& e = tx.EditSetting(Setting::Catalogue).points.catalogue;
  e.example = false;
  if (e.name == kExampleCatalogueName || e.name.empty()) e.name = kOwnCatalogueName;
}

void MarkRubricEdited(Tx& tx) {
  if (tx.data().branch_rating.rubric.example) tx.EditSetting(Setting::RubricExample).branch_rating.rubric.example = false;
}

/// Reads the fields of a rubric item given in `f` over `it` and checks the whole item.
std::optional<Problem> RubricFields(const RubricItemFields& f, const BranchRubric& rubric, RubricItem& it, bool adding) {
  if (auto p = NameArg(f.name_zh, it.name_zh, adding)) return p;
  if (auto p = CodeArg(f.code, rubric.items, it.meta.id, it.code)) return p;
  if (adding && !f.max_points) return Bad("/max_points", "请填写满分", "enter the full marks");
  if (f.max_points) it.max_points = f.max_points->tenths;
  if (it.max_points <= 0) return Bad("/max_points", "满分应大于 0", "full marks must be above 0");
  if (it.max_points > kMaxRubricPoints) return Bad("/max_points", "满分不能超过 1000 分", "full marks must not exceed 1000");
  if (it.code.empty()) it.code = NextCode(rubric.items, 'K', false);
  return std::nullopt;
}

}  // namespace

// ---- Points catalogue (积分项目) ----

std::optional<Problem> Handle(const CatalogueItemAdd& c, Tx& tx) {
  PointItem it;
  if (auto p = ItemFields(c, tx.data().points.catalogue, it, true)) return p;
  tx.created_id = tx.Add(std::move(it)).meta.id;
  MarkCatalogueEdited(tx);
  return std::nullopt;
}

std::optional<Problem> Handle(const CatalogueItemUpdate& c, Tx& tx) {
  const Dataset& d = tx.data();
  const int i = IndexOfId(d.points.catalogue.items, c.id);
  if (i < 0) return Bad("/id", "找不到该积分项目", "no such point item");
  PointItem next = d.points.catalogue.items[At(i)];
  if (auto p = ItemFields(c, d.points.catalogue, next, false)) return p;
  // Entries already recorded with the item must keep satisfying points.record's rules.
  int sign_breaks = 0, cap_breaks = 0;
  for (const PointEntry& e : d.points.entries) {
    if (e.item_id != next.meta.id) continue;
    if ((e.points > 0) != (next.points > 0)) ++sign_breaks;
    if (next.yearly_cap && std::abs(e.points) > *next.yearly_cap) ++cap_breaks;
  }
  if (sign_breaks)
    return Bad("/category", "已有 " + std::to_string(sign_breaks) + " 条积分记录按原加减方向记分，不能改为" +
                                (next.points > 0 ? "加分" : "扣分") + "；请新增一个项目",
               std::to_string(sign_breaks) + " point entries were recorded with the other sign; add a new item instead");
  if (cap_breaks)
    return Bad("/yearly_cap", "已有 " + std::to_string(cap_breaks) + " 条积分记录的单次分值超过年度上限 " +
                                  FormatPoints(*next.yearly_cap) + " 分",
               std::to_string(cap_breaks) + " point entries exceed the yearly cap of " + FormatPoints(*next.yearly_cap));
  tx.Edit<PointItem>(At(i)) = std::move(next);
  MarkCatalogueEdited(tx);
  return std::nullopt;
}

std::optional<Problem> Handle(const CatalogueItemRemove& c, Tx& tx) {
  const Dataset& d = tx.data();
  const int i = IndexOfId(d.points.catalogue.items, c.id);
  if (i < 0) return Bad("/id", "找不到该积分项目", "no such point item");
  const auto used = std::count_if(d.points.entries.begin(), d.points.entries.end(),
                                  [&](const PointEntry& e) { return e.item_id == c.id; });
  if (used > 0)
    return Bad("/id", "该积分项目已有 " + std::to_string(used) + " 条积分记录使用，不能删除",
               std::to_string(used) + " point entries use this item; it cannot be removed");
  tx.Remove<PointItem>(At(i));
  MarkCatalogueEdited(tx);
  return std::nullopt;
}

// ---- Branch assessment rubric (考核细则) ----

std::optional<Problem> Handle(const RubricItemAdd& c, Tx& tx) {
  RubricItem it;
  if (auto p = RubricFields(c, tx.data().branch_rating.rubric, it, true)) return p;
  tx.created_id = tx.Add(std::move(it)).meta.id;
  MarkRubricEdited(tx);
  return std::nullopt;
}

std::optional<Problem> Handle(const RubricItemUpdate& c, Tx& tx) {
  const Dataset& d = tx.data();
  const int i = IndexOfId(d.branch_rating.rubric.items, c.id);
  if (i < 0) return Bad("/id", "找不到该考核项目", "no such rubric item");
  RubricItem next = d.branch_rating.rubric.items[At(i)];
  if (auto p = RubricFields(c, d.branch_rating.rubric, next, false)) return p;
  int above = 0;
  for (const BranchAssessment& as : d.branch_rating.assessments)
    for (const RubricScore& s : as.scores)
      if (s.item_id == next.meta.id && s.score > next.max_points) ++above;
  if (above)
    return Bad("/max_points", "已有 " + std::to_string(above) + " 个考核得分高于新的满分 " + FormatPoints(next.max_points) + " 分",
               std::to_string(above) + " assessment scores are above the new full marks of " + FormatPoints(next.max_points));
  tx.Edit<RubricItem>(At(i)) = std::move(next);
  MarkRubricEdited(tx);
  return std::nullopt;
}

std::optional<Problem> Handle(const RubricItemRemove& c, Tx& tx) {
  const Dataset& d = tx.data();
  const int i = IndexOfId(d.branch_rating.rubric.items, c.id);
  if (i < 0) return Bad("/id", "找不到该考核项目", "no such rubric item");
  int used = 0;
  for (const BranchAssessment& as : d.branch_rating.assessments)
    for (const RubricScore& s : as.scores)
      if (s.item_id == c.id) ++used;
  if (used > 0)
    return Bad("/id", "该考核项目已有 " + std::to_string(used) + " 个考核得分使用，不能删除",
               std::to_string(used) + " assessment scores use this rubric item; it cannot be removed");
  tx.Remove<RubricItem>(At(i));
  MarkRubricEdited(tx);
  return std::nullopt;
}

}  // namespace zj

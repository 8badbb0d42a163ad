// Commands that edit the points catalogue (积分项目表) and the branch assessment rubric (积分制管理考核细则).
// The town's handbook (《渔洋镇党员积分制管理手册》) is not at hand: both tables start as examples (示例,
// core/rate/points.h, core/rate/branch_rating.h) and the town edits them here. DOMAIN.md "评 Rate"; notice 四(四).
//
//   catalogue.item.add {category: "basic"|"merit"|"deduction", name_zh, points, yearly_cap?: points|null,
//                       code?, evidence_required?: bool}                                    -> created_id
//   catalogue.item.update {id, and any of: category, name_zh, points, yearly_cap (null = no cap), code,
//                          evidence_required}
//   catalogue.item.remove {id}
//   rubric.item.add {name_zh, max_points, code?}                                          -> created_id
//   rubric.item.update {id, and any of: name_zh, max_points, code}
//   rubric.item.remove {id}
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
#include <algorithm>
#include <cstdio>
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

constexpr size_t kMaxCodeChars = 16;
constexpr size_t kMaxNameChars = 100;
constexpr Tenths kMaxRubricPoints = 1000 * kTenthsPerPoint;

/// The example catalogue's name (core/rate/points.cpp) and what it becomes once the town edits the table.
constexpr const char* kExampleCatalogueName = "党员积分制管理手册(示例,非本镇手册)";
constexpr const char* kOwnCatalogueName = "党员积分制管理手册";

/// Reads a name (required on add, optional on update) into `out`.
std::optional<Problem> NameArg(const json& a, std::string& out, bool required) {
  if (required && !a.contains("name_zh")) return Bad("/name_zh", "名称不能为空", "the name must not be empty");
  if (auto p = Text(a, "name_zh", out, true, "名称", "the name")) return p;
  if (CodePointCount(out) > kMaxNameChars)
    return Bad("/name_zh", "名称不能超过 100 个字", "the name must not exceed 100 characters");
  return std::nullopt;
}

/// Reads a code into `out` if present; refuses an empty, over-long or duplicate one (`self` = the item's
/// own id, skipped in the duplicate check).
template <typename Item>
std::optional<Problem> CodeArg(const json& a, const std::vector<Item>& items, const Id& self, std::string& out) {
  if (!a.contains("code")) return std::nullopt;
  std::string code;
  if (auto p = Text(a, "code", code, true, "编号", "the code")) return p;
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

/// Points at `key` on the 0.1 grid; a problem naming `what` when malformed.
std::optional<Problem> PointsField(const json& a, const char* key, Tenths& out, const char* what_zh, const char* what_en) {
  auto p = args::PointsArg(a, key);
  if (!p)
    return Bad(std::string("/") + key, std::string(what_zh) + "应为数字，最多一位小数（如 2 或 0.5）",
               std::string(what_en) + " must be a number with at most one decimal (2, 0.5)");
  out = *p;
  return std::nullopt;
}

/// Reads the fields of a point item present in `a` over `it` and checks the whole item.
std::optional<Problem> ItemFields(const json& a, const PointCatalogue& cat, PointItem& it, bool adding) {
  if (adding && !a.contains("category"))
    return Bad("/category", "请选择类别（基础积分、奖励积分或扣分）", "choose a category (basic, merit or deduction)");
  if (a.contains("category")) {
    auto code = Str(a, "category");
    auto c = code ? PointCategoryFromCode(*code) : std::nullopt;
    if (!c) return Bad("/category", "类别应为基础积分、奖励积分或扣分", "the category is basic, merit or deduction");
    it.category = *c;
  }
  if (auto p = NameArg(a, it.name_zh, adding)) return p;
  if (auto p = CodeArg(a, cat.items, it.meta.id, it.code)) return p;
  if (adding && !a.contains("points")) return Bad("/points", "请填写每次分值", "enter the points per entry");
  if (a.contains("points"))
    if (auto p = PointsField(a, "points", it.points, "分值", "points")) return p;
  if (a.contains("yearly_cap")) {
    if (a["yearly_cap"].is_null()) {
      it.yearly_cap.reset();
    } else {
      Tenths cap = 0;
      if (auto p = PointsField(a, "yearly_cap", cap, "年度上限", "the yearly cap")) return p;
      it.yearly_cap = cap;
    }
  }
  if (a.contains("evidence_required")) {
    if (!a["evidence_required"].is_boolean()) return Bad("/evidence_required", "“需佐证材料”应为是或否", "evidence_required is true or false");
    it.evidence_required = a["evidence_required"].get<bool>();
  }
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

/// The catalogue is the town's own from its first edit on.
void MarkCatalogueEdited(PointCatalogue& c) {
  c.example = false;
  if (c.name == kExampleCatalogueName || c.name.empty()) c.name = kOwnCatalogueName;
}

/// Reads the fields of a rubric item present in `a` over `it` and checks the whole item.
std::optional<Problem> RubricFields(const json& a, const BranchRubric& rubric, RubricItem& it, bool adding) {
  if (auto p = NameArg(a, it.name_zh, adding)) return p;
  if (auto p = CodeArg(a, rubric.items, it.meta.id, it.code)) return p;
  if (adding && !a.contains("max_points")) return Bad("/max_points", "请填写满分", "enter the full marks");
  if (a.contains("max_points"))
    if (auto p = PointsField(a, "max_points", it.max_points, "满分", "full marks")) return p;
  if (it.max_points <= 0) return Bad("/max_points", "满分应大于 0", "full marks must be above 0");
  if (it.max_points > kMaxRubricPoints) return Bad("/max_points", "满分不能超过 1000 分", "full marks must not exceed 1000");
  if (it.code.empty()) it.code = NextCode(rubric.items, 'K', false);
  return std::nullopt;
}

std::optional<Problem> FindArg(const json& a, int index, const char* zh, const char* en) {
  if (index < 0) return Bad("/id", zh, en);
  return std::nullopt;
}

}  // namespace

void RegisterCatalogueCommands(Workspace& ws) {
  // ---- Points catalogue (积分项目) ----
  RegisterWhole(ws, "catalogue.item.add", [](Dataset& d, const json& a, CommandContext& ctx) -> std::optional<Problem> {
    PointCatalogue& cat = d.points.catalogue;
    PointItem it;
    if (auto p = ItemFields(a, cat, it, true)) return p;
    it.meta = NewMeta(ctx);
    cat.items.push_back(std::move(it));
    MarkCatalogueEdited(cat);
    return std::nullopt;
  });
  RegisterWhole(ws, "catalogue.item.update", [](Dataset& d, const json& a, CommandContext& ctx) -> std::optional<Problem> {
    PointCatalogue& cat = d.points.catalogue;
    auto id = Str(a, "id");
    const int i = id ? IndexOfId(cat.items, *id) : -1;
    if (auto p = FindArg(a, i, "找不到该积分项目", "no such point item")) return p;
    PointItem next = cat.items[static_cast<size_t>(i)];
    if (auto p = ItemFields(a, cat, next, false)) return p;
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
    Touch(next.meta, ctx);
    cat.items[static_cast<size_t>(i)] = std::move(next);
    MarkCatalogueEdited(cat);
    return std::nullopt;
  });
  RegisterWhole(ws, "catalogue.item.remove", [](Dataset& d, const json& a, CommandContext&) -> std::optional<Problem> {
    PointCatalogue& cat = d.points.catalogue;
    auto id = Str(a, "id");
    const int i = id ? IndexOfId(cat.items, *id) : -1;
    if (auto p = FindArg(a, i, "找不到该积分项目", "no such point item")) return p;
    const auto used = std::count_if(d.points.entries.begin(), d.points.entries.end(),
                                    [&](const PointEntry& e) { return e.item_id == *id; });
    if (used > 0)
      return Bad("/id", "该积分项目已有 " + std::to_string(used) + " 条积分记录使用，不能删除",
                 std::to_string(used) + " point entries use this item; it cannot be removed");
    cat.items.erase(cat.items.begin() + i);
    MarkCatalogueEdited(cat);
    return std::nullopt;
  });

  // ---- Branch assessment rubric (考核细则) ----
  RegisterWhole(ws, "rubric.item.add", [](Dataset& d, const json& a, CommandContext& ctx) -> std::optional<Problem> {
    BranchRubric& rubric = d.branch_rating.rubric;
    RubricItem it;
    if (auto p = RubricFields(a, rubric, it, true)) return p;
    it.meta = NewMeta(ctx);
    rubric.items.push_back(std::move(it));
    rubric.example = false;
    return std::nullopt;
  });
  RegisterWhole(ws, "rubric.item.update", [](Dataset& d, const json& a, CommandContext& ctx) -> std::optional<Problem> {
    BranchRubric& rubric = d.branch_rating.rubric;
    auto id = Str(a, "id");
    const int i = id ? IndexOfId(rubric.items, *id) : -1;
    if (auto p = FindArg(a, i, "找不到该考核项目", "no such rubric item")) return p;
    RubricItem next = rubric.items[static_cast<size_t>(i)];
    if (auto p = RubricFields(a, rubric, next, false)) return p;
    int above = 0;
    for (const BranchAssessment& as : d.branch_rating.assessments)
      for (const RubricScore& s : as.scores)
        if (s.item_id == next.meta.id && s.score > next.max_points) ++above;
    if (above)
      return Bad("/max_points", "已有 " + std::to_string(above) + " 个考核得分高于新的满分 " + FormatPoints(next.max_points) + " 分",
                 std::to_string(above) + " assessment scores are above the new full marks of " + FormatPoints(next.max_points));
    Touch(next.meta, ctx);
    rubric.items[static_cast<size_t>(i)] = std::move(next);
    rubric.example = false;
    return std::nullopt;
  });
  RegisterWhole(ws, "rubric.item.remove", [](Dataset& d, const json& a, CommandContext&) -> std::optional<Problem> {
    BranchRubric& rubric = d.branch_rating.rubric;
    auto id = Str(a, "id");
    const int i = id ? IndexOfId(rubric.items, *id) : -1;
    if (auto p = FindArg(a, i, "找不到该考核项目", "no such rubric item")) return p;
    int used = 0;
    for (const BranchAssessment& as : d.branch_rating.assessments)
      for (const RubricScore& s : as.scores)
        if (s.item_id == *id) ++used;
    if (used > 0)
      return Bad("/id", "该考核项目已有 " + std::to_string(used) + " 个考核得分使用，不能删除",
                 std::to_string(used) + " assessment scores use this rubric item; it cannot be removed");
    rubric.items.erase(rubric.items.begin() + i);
    rubric.example = false;
    return std::nullopt;
  });
}

}  // namespace zj

// Zhengjian core: points (积分) — the catalogue of point items, point entries, yearly totals.
// Notice 四(四)二 "党员评星 ... 根据党员个人年度总积分"; docs/domain.md "The four strands". The town's handbook
// (《渔洋镇党员积分制管理手册》) is not at hand, so the catalogue is data; the default is an EXAMPLE (示例).
//
// Scores are exact: integer tenths of a point (Tenths). 89.5 points = 895. Never floats at a boundary.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/org/org.h"
#include "core/base/types.h"

namespace zj {

/// Points in tenths of a point (积分, 0.1 分): 895 = 89.5 points. Half points are 5 tenths.
using Tenths = int32_t;
constexpr Tenths kTenthsPerPoint = 10;

/// "89.5", "90", "-5", "0.5": shortest exact decimal form of a Tenths value.
std::string FormatPoints(Tenths t);
/// Parses "89.5", "90", "+2", "-0.5", "１.５" (full-width digits), surrounding spaces allowed.
/// nullopt for anything else, or for finer precision than 0.1 ("0.25"), or beyond ±100,000 points.
std::optional<Tenths> ParsePoints(std::string_view text);
/// Exact Tenths of a JSON/double value when it lies on the 0.1 grid (|x*10 - round| < 1e-6), else nullopt.
std::optional<Tenths> TenthsFromDouble(double x);

/// Category of a point item (积分项目类别).
enum class PointCategory {
  Basic,      ///< 基础积分: organization life, dues, study
  Merit,      ///< 奖励积分: volunteering, leading by example, honours
  Deduction,  ///< 扣分: absences, breaches
};
const char* PointCategoryCode(PointCategory c);  ///< "basic" / "merit" / "deduction"
std::optional<PointCategory> PointCategoryFromCode(std::string_view code);
const char* PointCategoryLabelZh(PointCategory c);  ///< 基础积分 / 奖励积分 / 扣分

/// One point item (积分项目) of the catalogue.
struct PointItem {
  RecordMeta meta;
  std::string code;             ///< short code shown in ledgers, e.g. "B01"
  PointCategory category = PointCategory::Basic;
  std::string name_zh;          ///< e.g. "参加"三会一课""
  Tenths points = 0;            ///< default points per occurrence; negative for deductions
  /// Per-year cap (每年上限) on the item's sum for one member, as a magnitude: a merit item never adds
  /// more than +cap in a year, a deduction never takes more than -cap. nullopt = no cap.
  std::optional<Tenths> yearly_cap;
  bool evidence_required = false;  ///< 需佐证材料: an entry without evidence is flagged (still counted)
};

/// The catalogue (积分项目表).
struct PointCatalogue {
  bool example = false;      ///< true for the built-in example (示例), not the town's handbook
  std::string name;          ///< e.g. "党员积分制管理手册(示例)"
  Tenths base_points = 0;    ///< 基础分 every rated member starts the year with (0 in the example)
  std::vector<PointItem> items;
};

/// One point entry (积分记录): a member earned or lost points for an item on a date.
struct PointEntry {
  RecordMeta meta;
  Id member_id;
  Id item_id;
  Date date;                  ///< when it happened; the entry counts for date.Year()
  Tenths points = 0;          ///< as recorded (normally the item's points; may differ, e.g. a double session)
  std::string note;           ///< 说明
  std::string recorded_by;    ///< 记录人 (name as typed, e.g. the branch secretary)
  std::vector<Id> evidence_ids;  ///< 佐证材料 (evidence records); empty = none
};

/// The points data of a dataset.
struct PointsBook {
  PointCatalogue catalogue;
  std::vector<PointEntry> entries;
};

/// An example catalogue (示例, example = true) with plausible items of a township handbook: basic items
/// (三会一课 +2 cap 30, 党费 +1 cap 12, 主题党日 +2 cap 24, 党校学习 +2 cap 10 evidence, 学习心得 +1.5 cap 6
/// evidence, 集中学习半天 +0.5 cap 6), merit items (志愿服务 +1 cap 10, 带头致富 +5 cap 10, 表彰 +5 cap 10,
/// 建言献策 +2 cap 6) and deductions (缺席组织生活 -5 cap 20, 未按时交党费 -2 cap 12, 造成不良影响 -10 cap 30).
/// Item ids come from `ids`; `now`/`device` fill every RecordMeta.
PointCatalogue ExamplePointCatalogue(IdGenerator& ids, TimestampMs now, const std::string& device);

/// One member's yearly total.
struct MemberYearTotal {
  Tenths total = 0;           ///< base points + sum over items of the capped item sums
  Tenths uncapped = 0;        ///< base points + plain sum of the entries
  int entries = 0;            ///< entries counted
  int missing_evidence = 0;   ///< entries of evidence-required items without evidence_ids
};

/// Yearly totals (年度总积分) of every member.
struct YearTotals {
  int year = 0;
  std::vector<MemberYearTotal> members;  ///< aligned with org.members (same index)
  int orphan_entries = 0;  ///< entries of the year whose member or item id is unknown (not counted)
};

/// A compact, column-wise copy of the entries with member and item resolved to indices: what the rating
/// passes read. Building it touches every record (ids are heap strings: ~250 bytes and three allocations
/// per entry); reading it is ~15 bytes per entry. Build it once after loading or importing and rebuild when
/// entries, members or items change (a derived cache, never saved).
struct PointsIndex {
  size_t entry_count = 0, member_count = 0, item_count = 0;  ///< sizes it was built for
  std::vector<int32_t> member;       ///< per entry: index in org.members, -1 unknown
  std::vector<int16_t> item;         ///< per entry: index in catalogue.items, -1 unknown
  std::vector<int32_t> day;          ///< per entry: Date::days
  std::vector<Tenths> points;        ///< per entry
  std::vector<uint8_t> no_evidence;  ///< per entry: 1 when evidence_ids is empty
  /// True when built for collections of these sizes (a cheap guard, not a content check).
  bool Fits(const Organization& org, const PointsBook& book) const {
    return entry_count == book.entries.size() && member_count == org.members.size() &&
           item_count == book.catalogue.items.size();
  }
};
/// Builds the index (linear; look-ups through a flat id hash).
PointsIndex BuildPointsIndex(const Organization& org, const PointsBook& book);

/// Totals for calendar `year`: entries dated in the year, summed per member and item, each item sum
/// clamped to its yearly cap, plus the catalogue's base points. `index` must fit org and book (else the
/// result is computed through a fresh index). County scale (100,000 members, 1,000,000 entries): a few ms.
YearTotals ComputeYearTotals(const Organization& org, const PointsBook& book, const PointsIndex& index, int year);
/// Same, building the index first (most of the cost at county scale: see bench/bench_rating.cpp).
YearTotals ComputeYearTotals(const Organization& org, const PointsBook& book, int year);

/// What one more entry of `points` (tenths) on `item` would add to the yearly total (年度总积分) of each member
/// in `member_ids`, given their entries of `year` already in `book`: the item's yearly cap (每年上限) may cut
/// it. One value per id, in order: `points` when the cap is not reached, less when it is reached on the way,
/// 0 when the member's sum for the item is already at the cap. Unknown ids get `points` clamped by the cap.
std::vector<Tenths> CountedPart(const PointsBook& book, const PointItem& item, const std::vector<Id>& member_ids,
                                int year, Tenths points);

/// One line of a member's ledger for a year (积分明细): an item with its entries' sum and capped sum.
struct ItemSum {
  Id item_id;
  int count = 0;
  Tenths sum = 0;      ///< plain sum of the entries
  Tenths counted = 0;  ///< after the yearly cap
};
/// Per-item sums of one member for `year`, in catalogue order, items without entries left out.
std::vector<ItemSum> MemberItemSums(const PointsBook& book, const Id& member_id, int year);

}  // namespace zj

// Zhengjian core: the dataset's record collections as one table — what the change tracking (tx.h), the journal
// (journal.h), the document reader and writer (dataset.h), bundles and merges (core/exchange) walk, instead of each
// naming every collection again. docs/architecture.md "Records and revisions".
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/json_read.h"
#include "core/data/dataset.h"

namespace zj {

/// The record collections of a dataset, in document order.
enum class Coll : uint8_t {
  Areas,            ///< /org/areas 片区
  GeneralBranches,  ///< /org/general_branches 党总支
  Branches,         ///< /org/branches 党支部
  Members,          ///< /org/members 党员
  Cadres,           ///< /org/cadres 干部
  PointItems,       ///< /points/catalogue/items 积分项目
  PointEntries,     ///< /points/entries 积分记录
  Exemptions,       ///< /member_stars/exemptions 不参评
  RubricItems,      ///< /branch_rating/rubric/items 考核细则
  Assessments,      ///< /branch_rating/assessments 支部考核
  BranchHistory,    ///< /branch_rating/history 支部星级
  Activities,       ///< /campaign/activities 活动安排
  Lectures,         ///< /campaign/lectures 讲习
  OnsiteMeetings,   ///< /campaign/onsite_meetings 现场会
  Talks,            ///< /campaign/talks 谈心谈话
  Tombstones,       ///< /tombstones 删除记录
  ImportLog,        ///< /import_log 导入记录
  Count_
};
constexpr int kCollCount = static_cast<int>(Coll::Count_);

/// A copy of one record of some collection (type-erased; undo images, merge plans). Immutable once made.
using RecordImage = std::shared_ptr<const void>;

/// What the generic code needs to know of one collection. All functions take indices that must be in range.
struct CollectionInfo {
  Coll coll;
  const char* pointer;  ///< JSON pointer in the dataset document, e.g. "/org/members"
  const char* zh;       ///< 党员
  const char* en;       ///< members
  /// Carried in liaison bundles (records a device can make or change in the field); the tombstones and the
  /// import log are the office's bookkeeping, never bundled as records.
  bool bundled;
  size_t (*size)(const Dataset& d);
  const RecordMeta& (*meta)(const Dataset& d, size_t i);
  RecordMeta& (*meta_mut)(Dataset& d, size_t i);
  nlohmann::json (*to_json)(const Dataset& d, size_t i);
  RecordImage (*copy)(const Dataset& d, size_t i);
  void (*assign)(Dataset& d, size_t i, const RecordImage& rec);
  void (*insert)(Dataset& d, size_t i, const RecordImage& rec);
  void (*erase)(Dataset& d, size_t i);
  const RecordMeta& (*image_meta)(const RecordImage& rec);
  /// A copy of `rec` with metadata `m` (for stamping a revision on an image).
  RecordImage (*with_meta)(const RecordImage& rec, const RecordMeta& m);
  nlohmann::json (*image_json)(const RecordImage& rec);
  /// Reads one record (core/data/records.h FromJson); nullptr when it cannot be kept (problems added).
  RecordImage (*read)(JsonReader& r, const nlohmann::json& j, const std::string& path, const Dataset& context);
  /// Replaces the whole collection by `records` (used by the document reader).
  void (*set_all)(Dataset& d, std::vector<RecordImage> records);
};

/// The table row of `c`.
const CollectionInfo& Info(Coll c);
/// The collection whose JSON pointer is `pointer` ("/org/members"), or nullptr.
const CollectionInfo* InfoByPointer(std::string_view pointer);

/// Index of the record `id` in collection `c`, or -1. Tries `hint` first (O(1) when right), then searches.
int FindIndex(const Dataset& d, Coll c, const Id& id, int hint = -1);

/// The collection of a record type (CollOf<Member>::kColl == Coll::Members) and its vector in a dataset.
template <class R>
struct CollOf;

#define ZJ_COLL_OF(Type, CollName, Expr)                        \
  template <>                                                   \
  struct CollOf<Type> {                                         \
    static constexpr Coll kColl = Coll::CollName;               \
    static std::vector<Type>& Vec(Dataset& d) { return Expr; }  \
    static const std::vector<Type>& Vec(const Dataset& d) { return Expr; } \
  };
ZJ_COLL_OF(Area, Areas, d.org.areas)
ZJ_COLL_OF(GeneralBranch, GeneralBranches, d.org.general_branches)
ZJ_COLL_OF(Branch, Branches, d.org.branches)
ZJ_COLL_OF(Member, Members, d.org.members)
ZJ_COLL_OF(Cadre, Cadres, d.org.cadres)
ZJ_COLL_OF(PointItem, PointItems, d.points.catalogue.items)
ZJ_COLL_OF(PointEntry, PointEntries, d.points.entries)
ZJ_COLL_OF(StarExemption, Exemptions, d.member_stars.exemptions)
ZJ_COLL_OF(RubricItem, RubricItems, d.branch_rating.rubric.items)
ZJ_COLL_OF(BranchAssessment, Assessments, d.branch_rating.assessments)
ZJ_COLL_OF(BranchStarRecord, BranchHistory, d.branch_rating.history)
ZJ_COLL_OF(Activity, Activities, d.campaign.activities)
ZJ_COLL_OF(Lecture, Lectures, d.campaign.lectures)
ZJ_COLL_OF(OnsiteMeeting, OnsiteMeetings, d.campaign.onsite_meetings)
ZJ_COLL_OF(Talk, Talks, d.campaign.talks)
ZJ_COLL_OF(Tombstone, Tombstones, d.tombstones)
ZJ_COLL_OF(ImportLogEntry, ImportLog, d.import_log)
#undef ZJ_COLL_OF

/// The typed record behind an image of collection CollOf<R>::kColl.
template <class R>
const R& ImageAs(const RecordImage& rec) {
  return *static_cast<const R*>(rec.get());
}

/// Calls fn(const CollectionInfo&) for every collection in document order.
template <class F>
void ForEachCollection(F fn) {
  for (int c = 0; c < kCollCount; ++c) fn(Info(static_cast<Coll>(c)));
}

}  // namespace zj

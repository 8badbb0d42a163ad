#include "core/data/collections.h"

#include <cstring>

#include "core/data/records.h"

namespace zj {
namespace {

template <class R>
struct Ops {
  using V = CollOf<R>;
  static size_t Size(const Dataset& d) { return V::Vec(d).size(); }
  static const RecordMeta& MetaAt(const Dataset& d, size_t i) { return V::Vec(d)[i].meta; }
  static RecordMeta& MetaMut(Dataset& d, size_t i) { return V::Vec(d)[i].meta; }
  static nlohmann::json Json(const Dataset& d, size_t i) { return ToJson(V::Vec(d)[i]); }
  static RecordImage Copy(const Dataset& d, size_t i) { return std::make_shared<const R>(V::Vec(d)[i]); }
  static void Assign(Dataset& d, size_t i, const RecordImage& rec) { V::Vec(d)[i] = ImageAs<R>(rec); }
  static void Insert(Dataset& d, size_t i, const RecordImage& rec) {
    auto& v = V::Vec(d);
    v.insert(v.begin() + static_cast<std::ptrdiff_t>(std::min(i, v.size())), ImageAs<R>(rec));
  }
  static void Erase(Dataset& d, size_t i) {
    auto& v = V::Vec(d);
    v.erase(v.begin() + static_cast<std::ptrdiff_t>(i));
  }
  static const RecordMeta& ImageMeta(const RecordImage& rec) { return ImageAs<R>(rec).meta; }
  static RecordImage WithMeta(const RecordImage& rec, const RecordMeta& m) {
    auto copy = std::make_shared<R>(ImageAs<R>(rec));
    copy->meta = m;
    return copy;
  }
  static nlohmann::json ImageJson(const RecordImage& rec) { return ToJson(ImageAs<R>(rec)); }
  static RecordImage Read(JsonReader& r, const nlohmann::json& j, const std::string& path, const Dataset& context) {
    auto out = std::make_shared<R>();
    if (!FromJson(r, j, path, context, *out)) return nullptr;
    return out;
  }
  static void SetAll(Dataset& d, std::vector<RecordImage> records) {
    auto& v = V::Vec(d);
    v.clear();
    v.reserve(records.size());
    for (auto& rec : records) v.push_back(ImageAs<R>(rec));
  }
  static CollectionInfo Row(const char* pointer, const char* zh, const char* en, bool bundled) {
    return CollectionInfo{V::kColl, pointer, zh, en, bundled, Size, MetaAt, MetaMut, Json, Copy, Assign, Insert,
                          Erase, ImageMeta, WithMeta, ImageJson, Read, SetAll};
  }
};

const CollectionInfo* Table() {
  static const CollectionInfo t[kCollCount] = {
      Ops<Area>::Row("/org/areas", "片区", "areas", true),
      Ops<GeneralBranch>::Row("/org/general_branches", "党总支", "general branches", true),
      Ops<Branch>::Row("/org/branches", "党支部", "branches", true),
      Ops<Member>::Row("/org/members", "党员", "members", true),
      Ops<Cadre>::Row("/org/cadres", "干部", "cadres", true),
      Ops<PointItem>::Row("/points/catalogue/items", "积分项目", "point items", true),
      Ops<PointEntry>::Row("/points/entries", "积分记录", "point entries", true),
      Ops<StarExemption>::Row("/member_stars/exemptions", "不参评", "exemptions", true),
      Ops<RubricItem>::Row("/branch_rating/rubric/items", "考核细则", "rubric items", true),
      Ops<BranchAssessment>::Row("/branch_rating/assessments", "支部考核", "assessments", true),
      Ops<BranchStarRecord>::Row("/branch_rating/history", "支部星级", "branch ratings", true),
      Ops<Activity>::Row("/campaign/activities", "活动安排", "activities", true),
      Ops<Lecture>::Row("/campaign/lectures", "讲习", "lectures", true),
      Ops<OnsiteMeeting>::Row("/campaign/onsite_meetings", "现场会", "on-site meetings", true),
      Ops<Talk>::Row("/campaign/talks", "谈心谈话", "talks", true),
      Ops<Tombstone>::Row("/tombstones", "删除记录", "deletions", false),
      Ops<ImportLogEntry>::Row("/import_log", "导入记录", "import log", false),
  };
  return t;
}

}  // namespace

const CollectionInfo& Info(Coll c) { return Table()[static_cast<int>(c)]; }

const CollectionInfo* InfoByPointer(std::string_view pointer) {
  for (int c = 0; c < kCollCount; ++c)
    if (pointer == Table()[c].pointer) return &Table()[c];
  return nullptr;
}

int FindIndex(const Dataset& d, Coll c, const Id& id, int hint) {
  const CollectionInfo& info = Info(c);
  const size_t n = info.size(d);
  if (hint >= 0 && static_cast<size_t>(hint) < n && info.meta(d, static_cast<size_t>(hint)).id == id) return hint;
  for (size_t i = 0; i < n; ++i)
    if (info.meta(d, i).id == id) return static_cast<int>(i);
  return -1;
}

}  // namespace zj

// Reading the dataset document (LoadDataset), its cross-record checks, and a new town's dataset. Writing is in
// snapshot.cpp (SaveDataset), the version-1 migration in dataset_migrate.cpp, record codecs in records.cpp.
//
// [SECTION] Cross-record checks (duplicates, references)
// [SECTION] Revisions for records that have none
// [SECTION] LoadDataset, NewDataset
#include "core/data/dataset.h"

#include <algorithm>
#include <unordered_map>

#include "core/base/id_index.h"
#include "core/data/collections.h"
#include "core/data/dataset_migrate.h"
#include "core/data/entries_table.h"
#include "core/data/records.h"
#include "core/data/settings.h"
#include "core/org/idnumber.h"

namespace zj {
using nlohmann::json;

//-----------------------------------------------------------------------------
// [SECTION] Cross-record checks
//-----------------------------------------------------------------------------
namespace {

template <typename T>
IdIndex IndexOf(const std::vector<T>& v) {
  return IdIndex(v.size(), [&](size_t i) -> const std::string& { return v[i].meta.id; });
}

void CheckDataset(JsonReader& r, const Dataset& d) {
  // Duplicate ids within a collection.
  ForEachCollection([&](const CollectionInfo& info) {
    const size_t n = info.size(d);
    std::unordered_map<std::string, size_t> seen;
    seen.reserve(n * 2);
    for (size_t i = 0; i < n; ++i) {
      auto [it, fresh] = seen.emplace(info.meta(d, i).id, i);
      if (!fresh)
        r.Bad(std::string(info.pointer) + "/" + std::to_string(i) + "/id",
              "编号重复(与" + std::string(info.pointer) + "/" + std::to_string(it->second) + "相同)",
              "duplicate id (same as " + std::string(info.pointer) + "/" + std::to_string(it->second) + ")");
    }
  });
  const Organization& o = d.org;
  const IdIndex areas = IndexOf(o.areas), gbs = IndexOf(o.general_branches), branches = IndexOf(o.branches),
                members = IndexOf(o.members), cadres = IndexOf(o.cadres), items = IndexOf(d.points.catalogue.items),
                rubric = IndexOf(d.branch_rating.rubric.items);
  auto ref = [&](const IdIndex& idx, const Id& id, const std::string& path, const char* what_zh, const char* what_en) {
    if (!id.empty() && idx.Find(id) < 0)
      r.Bad(path, std::string("引用的") + what_zh + "不存在：" + id,
            std::string("refers to a ") + what_en + " that does not exist: " + id);
  };
  for (size_t i = 0; i < o.areas.size(); ++i)
    ref(cadres, o.areas[i].chief_cadre_id, "/org/areas/" + std::to_string(i) + "/chief_cadre_id", "干部", "cadre");
  for (size_t i = 0; i < o.general_branches.size(); ++i) {
    const std::string p = "/org/general_branches/" + std::to_string(i);
    ref(areas, o.general_branches[i].area_id, p + "/area_id", "片区", "area");
    ref(cadres, o.general_branches[i].secretary_cadre_id, p + "/secretary_cadre_id", "干部", "cadre");
  }
  for (size_t i = 0; i < o.branches.size(); ++i)
    ref(gbs, o.branches[i].general_branch_id, "/org/branches/" + std::to_string(i) + "/general_branch_id", "党总支",
        "general branch");
  std::unordered_map<std::string, size_t> hashes;
  for (size_t i = 0; i < o.members.size(); ++i) {
    const std::string p = "/org/members/" + std::to_string(i);
    ref(branches, o.members[i].branch_id, p + "/branch_id", "党支部", "branch");
    if (!o.members[i].id_hash.empty()) {
      auto [it, fresh] = hashes.emplace(o.members[i].id_hash, i);
      if (!fresh)
        r.Bad(p + "/id_hash", "同一公民身份号码出现两次（与/org/members/" + std::to_string(it->second) + "是同一人）",
              "the same ID number appears twice (same person as /org/members/" + std::to_string(it->second) + ")");
    }
  }
  if (!hashes.empty() && d.id_salt.empty())
    r.Bad("/id_salt", "有身份号码摘要却缺少盐值，无法识别重复人员",
          "ID hashes present but no salt: duplicates cannot be recognized");
  for (size_t i = 0; i < o.cadres.size(); ++i) {
    const std::string p = "/org/cadres/" + std::to_string(i);
    for (size_t k = 0; k < o.cadres[i].linked_branch_ids.size(); ++k)
      ref(branches, o.cadres[i].linked_branch_ids[k], p + "/linked_branch_ids/" + std::to_string(k), "党支部", "branch");
    ref(areas, o.cadres[i].area_id, p + "/area_id", "片区", "area");
  }
  for (size_t i = 0; i < d.points.entries.size(); ++i) {
    const PointEntry& e = d.points.entries[i];
    if (members.Find(e.member_id) >= 0 && items.Find(e.item_id) >= 0) continue;
    const std::string p = "/points/entries/" + std::to_string(i);
    ref(members, e.member_id, p + "/member_id", "党员", "member");
    ref(items, e.item_id, p + "/item_id", "积分项目", "point item");
  }
  for (size_t i = 0; i < d.member_stars.exemptions.size(); ++i)
    ref(members, d.member_stars.exemptions[i].member_id,
        "/member_stars/exemptions/" + std::to_string(i) + "/member_id", "党员", "member");
  for (size_t i = 0; i < d.branch_rating.assessments.size(); ++i) {
    const BranchAssessment& a = d.branch_rating.assessments[i];
    const std::string p = "/branch_rating/assessments/" + std::to_string(i);
    ref(branches, a.branch_id, p + "/branch_id", "党支部", "branch");
    for (size_t k = 0; k < a.scores.size(); ++k) {
      const int it = rubric.Find(a.scores[k].item_id);
      const std::string sp = p + "/scores/" + std::to_string(k);
      if (it < 0) ref(rubric, a.scores[k].item_id, sp + "/item_id", "考核细则项目", "rubric item");
      else if (a.scores[k].score > d.branch_rating.rubric.items[static_cast<size_t>(it)].max_points)
        r.Bad(sp + "/score", "得分超过该项满分", "the score is above the item's full marks");
    }
  }
  for (size_t i = 0; i < d.branch_rating.history.size(); ++i)
    ref(branches, d.branch_rating.history[i].branch_id,
        "/branch_rating/history/" + std::to_string(i) + "/branch_id", "党支部", "branch");
}

}  // namespace

Problems CheckReferences(const Dataset& d) {
  Problems out;
  JsonReader r(out);
  CheckDataset(r, d);
  return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Revisions for records that have none
//-----------------------------------------------------------------------------

int AssignMissingRevisions(Dataset& d) {
  int n = 0;
  ForEachCollection([&](const CollectionInfo& info) {
    const size_t size = info.size(d);
    for (size_t i = 0; i < size; ++i) {
      RecordMeta& m = info.meta_mut(d, i);
      if (!m.rev.empty()) continue;
      m.rev = ContentRevision(info.to_json(d, i));
      ++n;
    }
  });
  return n;
}

void RecomputeFirstRevisions(Dataset& d) {
  ForEachCollection([&](const CollectionInfo& info) {
    const size_t size = info.size(d);
    for (size_t i = 0; i < size; ++i) {
      RecordMeta& m = info.meta_mut(d, i);
      m.rev = Rev{};
      m.revs.clear();
    }
  });
  AssignMissingRevisions(d);
}

//-----------------------------------------------------------------------------
// [SECTION] LoadDataset, NewDataset
//-----------------------------------------------------------------------------

namespace {

// Parts of the document that must be there (their absence is reported once, with the part's path).
struct RequiredPart {
  const char* pointer;
  const char* zh;
  const char* en;
};
const RequiredPart kRequiredParts[] = {
    {"/org", "缺少组织（org）", "missing org"},
    {"/points", "缺少积分（points）", "missing points"},
    {"/member_stars", "缺少党员评星（member_stars）", "missing member_stars"},
    {"/branch_rating", "缺少支部评星（branch_rating）", "missing branch_rating"},
    {"/campaign", "缺少活动安排（campaign）", "missing campaign"},
    {"/org/town_name", "缺少镇名（town_name）", "missing town_name"},
};

const json* At(const json& doc, const char* pointer) {
  try {
    const json::json_pointer p(pointer);
    if (!doc.contains(p)) return nullptr;
    const json& v = doc.at(p);
    return v.is_null() ? nullptr : &v;
  } catch (const std::exception&) {
    return nullptr;  // a part on the way is not an object
  }
}

}  // namespace

LoadResult LoadDataset(std::string_view text) {
  LoadResult out;
  JsonReader r{out.problems};
  auto refuse = [&](const std::string& path, std::string zh, std::string en) {
    out.refused = true;
    out.ok = false;
    r.Bad(path, std::move(zh), std::move(en));
    return out;
  };
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
    return refuse("", "文档为空，拒绝读取（可能是保存时中断留下的空文件）",
                  "the document is empty; refused (a crash can leave an empty file)");
  json j = json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded()) return refuse("", "不是有效的JSON文档", "not a valid JSON document");
  if (!j.is_object()) return refuse("", "文档应为JSON对象", "the document must be a JSON object");
  auto sv = j.find("schema_version");
  if (sv == j.end())
    return refuse("/schema_version", "缺少schema_version，无法判断数据版本", "missing schema_version; the data version is unknown");
  if (!sv->is_number_integer())
    return refuse("/schema_version", "schema_version应为整数", "schema_version must be an integer");
  const int64_t version = sv->is_number_unsigned() && sv->get<uint64_t>() > INT32_MAX ? INT32_MAX : sv->get<int64_t>();
  out.source_version = static_cast<int>(std::clamp<int64_t>(version, INT32_MIN, INT32_MAX));
  if (version > kSchemaVersion)
    return refuse("/schema_version",
                  "数据版本" + std::to_string(version) + "由更新版本的整建生成，本版本只认识到版本" +
                      std::to_string(kSchemaVersion) + "，为免丢失数据拒绝读取。请升级后再打开。",
                  "schema version " + std::to_string(version) + " was written by a newer Zhengjian; this one knows up to " +
                      std::to_string(kSchemaVersion) + " and refuses it rather than lose data. Update the app.");
  if (version < 1)
    return refuse("/schema_version", "无效的数据版本：" + std::to_string(version),
                  "invalid schema version: " + std::to_string(version));
  if (version == 1) j = MigrateV1ToV2(j, text, r);

  Dataset& d = out.dataset;
  d.schema_version = kSchemaVersion;
  d.campaign.talk_topics = NoticeTalkTopics();
  for (const RequiredPart& part : kRequiredParts)
    if (!At(j, part.pointer)) r.Bad(part.pointer, part.zh, part.en);
  if (const json* dev = At(j, "/device_id")) r.StrValue(*dev, "/device_id", d.device_id);
  // A campaign object of a newer version is refused on its own: its parts are left empty, the rest loads.
  bool campaign_readable = true;
  if (const json* cv = At(j, "/campaign/campaign_version")) {
    int v = kCampaignVersion;
    if (r.IntValue(*cv, "/campaign/campaign_version", v, 1, 1 << 30) && v > kCampaignVersion) {
      campaign_readable = false;
      r.Bad("/campaign/campaign_version",
            "活动数据版本 " + std::to_string(v) + " 比本程序支持的 " + std::to_string(kCampaignVersion) + " 新，请升级程序",
            "campaign version " + std::to_string(v) + " is newer than this program's " +
                std::to_string(kCampaignVersion) + "; please update");
    }
  }
  auto in_campaign = [](const char* pointer) { return std::string(pointer).rfind("/campaign", 0) == 0; };
  // Settings first: records are read in their context (a talk's record against the dataset's topic lists).
  for (int s = 0; s < kSettingCount; ++s) {
    const SettingInfo& info = Info(static_cast<Setting>(s));
    if (!campaign_readable && in_campaign(info.pointer) && info.setting != Setting::CampaignInfo) continue;
    if (const json* v = At(j, info.pointer)) info.set(r, *v, info.pointer, d);
  }
  ForEachCollection([&](const CollectionInfo& info) {
    if (!campaign_readable && in_campaign(info.pointer)) return;
    const json* v = At(j, info.pointer);
    if (!v) return;
    if (info.coll == Coll::PointEntries && v->is_object()) {
      d.points.entries = ReadEntriesTable(r, *v, info.pointer);
      return;
    }
    if (!v->is_array()) {
      r.TypeErr(*v, info.pointer, "数组", "an array");
      return;
    }
    std::vector<RecordImage> records;
    records.reserve(v->size());
    for (size_t i = 0; i < v->size(); ++i)
      if (RecordImage rec = info.read(r, (*v)[i], std::string(info.pointer) + "/" + std::to_string(i), d))
        records.push_back(std::move(rec));
    info.set_all(d, std::move(records));
  });
  CheckSealedTalks(d.campaign, "/campaign", out.problems);
  CheckDataset(r, d);
  AssignMissingRevisions(d);
  out.ok = out.problems.empty();
  return out;
}

Dataset NewDataset(const std::string& town_name, int year, IdGenerator& ids, TimestampMs now, const std::string& device) {
  Dataset d;
  d.device_id = device;
  d.id_salt = NewSalt(ids);
  d.org.town_name = town_name;
  d.org.focus_rule.ranking_year = year - 1;
  d.points.catalogue = ExamplePointCatalogue(ids, now, device);
  d.branch_rating.rubric = ExampleBranchRubric(ids, now, device);
  d.campaign = DefaultCampaign(year, ids, now, device);
  AssignMissingRevisions(d);
  return d;
}

}  // namespace zj

// Merging liaison bundles and diffing datasets. See merge.h.
#include "core/exchange/merge.h"

#include <map>

namespace zj {
using nlohmann::json;

namespace {
/// The text at `key` of a JSON object; "" when the key is missing, holds no text, or `j` is no object. A bundle
/// or a restored backup can hold anything there, and nlohmann's value() throws on a wrong type.
std::string StrOf(const json& j, const char* key) {
  if (!j.is_object()) return {};
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
std::string LabelOf(const json& r) { return RecordLabel(r); }
TimestampMs UpdatedOf(const json& r) {
  auto t = ParseTimestamp(StrOf(r, "updated"));
  return t ? *t : 0;
}
Problem Refuse(std::string zh, std::string en, std::string path = "") {
  return Problem{std::move(path), "材料包无法导入：" + zh, "bundle refused: " + en};
}
}  // namespace

MergePlan PlanBundleImport(const Dataset& office, const Bundle& b, TimestampMs now) {
  MergePlan plan;
  if (b.id_salt != office.id_salt) {
    plan.problem = Refuse("它属于另一份数据(" + (b.town.empty() ? std::string("未知") : b.town) +
                              ")。请先导入组织办下发的备份,再让联络员在那份数据上记录。",
                          "it belongs to another dataset (" + b.town + "). Import the office's backup first.",
                          "/id_salt");
    return plan;
  }
  for (const json& e : office.import_log) {
    if (e.is_object() && StrOf(e, "bundle_sha256") == b.sha256 && !b.sha256.empty()) {
      plan.already_imported = true;
      break;
    }
  }
  json doc = json::parse(SaveDataset(office));
  json conflict_log = json::array();
  for (const BundleRecord& br : b.records) {
    MergeItem item;
    item.collection = br.collection;
    item.id = StrOf(br.record, "id");
    item.label = LabelOf(br.record);
    json* coll = nullptr;
    try {
      json::json_pointer ptr(br.collection);
      if (doc.contains(ptr) && doc.at(ptr).is_array()) coll = &doc.at(ptr);
    } catch (const std::exception&) {
      coll = nullptr;
    }
    if (!coll) {
      plan.problem = Refuse("记录所属的集合“" + br.collection + "”在本数据中不存在(可能来自更新版本的整建)",
                            "collection " + br.collection + " does not exist in this dataset", br.collection);
      plan.items.clear();
      return plan;
    }
    json* local = nullptr;
    for (json& r : *coll)
      if (r.is_object() && StrOf(r, "id") == item.id) local = &r;
    if (plan.already_imported) {
      item.outcome = MergeOutcome::Present;
    } else if (!local) {
      // Deleted by the office since? Then the newer of the deletion and the incoming record wins.
      json* tomb = nullptr;
      if (doc.contains("tombstones") && doc["tombstones"].is_array())
        for (json& t : doc["tombstones"])
          if (StrOf(t, "collection") == item.collection && StrOf(t, "id") == item.id) tomb = &t;
      if (!tomb) {
        item.outcome = MergeOutcome::New;
        coll->push_back(br.record);
      } else {
        item.outcome = MergeOutcome::Conflict;
        const auto td = ParseTimestamp(StrOf(*tomb, "deleted"));
        const TimestampMs ru = UpdatedOf(br.record);
        item.incoming_kept = !td || ru > *td ||
                             (ru == *td && StrOf(br.record, "device") > StrOf(*tomb, "device"));
        json other = item.incoming_kept ? *tomb : br.record;
        if (item.incoming_kept) {
          coll->push_back(br.record);
          auto& ts = doc["tombstones"];
          ts.erase(ts.begin() + (tomb - &ts[0]));
        }
        conflict_log.push_back({{"collection", item.collection},
                                {"id", item.id},
                                {"kept", item.incoming_kept ? "incoming" : "local"},
                                {"other", std::move(other)}});
      }
    } else if (*local == br.record) {
      item.outcome = MergeOutcome::Present;
    } else {
      const TimestampMs lu = UpdatedOf(*local), ru = UpdatedOf(br.record);
      const std::string ld = StrOf(*local, "device");
      const bool liaison_copy = ld == b.device || (b.from && lu <= *b.from);
      if (lu < ru && liaison_copy) {
        item.outcome = MergeOutcome::Changed;
        *local = br.record;
      } else {
        item.outcome = MergeOutcome::Conflict;
        const std::string rd = StrOf(br.record, "device");
        item.incoming_kept = ru > lu || (ru == lu && rd > ld);
        json other = item.incoming_kept ? *local : br.record;
        if (item.incoming_kept) *local = br.record;
        conflict_log.push_back({{"collection", item.collection},
                                {"id", item.id},
                                {"kept", item.incoming_kept ? "incoming" : "local"},
                                {"other", std::move(other)}});
      }
    }
    switch (item.outcome) {
      case MergeOutcome::New: ++plan.added; break;
      case MergeOutcome::Changed: ++plan.changed; break;
      case MergeOutcome::Conflict: ++plan.conflicts; break;
      default: ++plan.present; break;
    }
    plan.items.push_back(std::move(item));
  }
  // The liaison's deletions.
  for (const json& t : b.deletions) {
    MergeItem item;
    item.deletion = true;
    item.collection = StrOf(t, "collection");
    item.id = StrOf(t, "id");
    item.label = StrOf(t, "label");
    if (item.label.empty()) item.label = item.id;
    json* coll = nullptr;
    try {
      json::json_pointer ptr(item.collection);
      if (doc.contains(ptr) && doc.at(ptr).is_array()) coll = &doc.at(ptr);
    } catch (const std::exception&) {
      coll = nullptr;
    }
    json::array_t::iterator local;
    bool found = false;
    if (coll)
      for (auto it = coll->get_ref<json::array_t&>().begin(); it != coll->get_ref<json::array_t&>().end(); ++it)
        if (it->is_object() && StrOf(*it, "id") == item.id) {
          local = it;
          found = true;
        }
    auto bury = [&](const json& record) {
      if (item.label == item.id) item.label = LabelOf(record);
      coll->get_ref<json::array_t&>().erase(local);
      if (!doc.contains("tombstones") || !doc["tombstones"].is_array()) doc["tombstones"] = json::array();
      doc["tombstones"].push_back(t);
    };
    if (plan.already_imported || !found) {
      item.outcome = MergeOutcome::Present;
    } else {
      const TimestampMs lu = UpdatedOf(*local);
      const auto tdp = ParseTimestamp(StrOf(t, "deleted"));
      const TimestampMs td = tdp ? *tdp : 0;
      const std::string ld = StrOf(*local, "device");
      const bool liaison_copy = ld == b.device || (b.from && lu <= *b.from);
      if (liaison_copy && lu <= td) {
        item.outcome = MergeOutcome::Deleted;
        bury(*local);
      } else {
        item.outcome = MergeOutcome::Conflict;
        item.incoming_kept = td > lu || (td == lu && StrOf(t, "device") > ld);
        json other = item.incoming_kept ? *local : t;
        if (item.incoming_kept) bury(*local);
        else if (item.label == item.id) item.label = LabelOf(*local);
        conflict_log.push_back({{"collection", item.collection},
                                {"id", item.id},
                                {"kept", item.incoming_kept ? "incoming" : "local"},
                                {"deletion", true},
                                {"other", std::move(other)}});
      }
    }
    switch (item.outcome) {
      case MergeOutcome::Deleted: ++plan.deleted; break;
      case MergeOutcome::Conflict: ++plan.conflicts; break;
      default: ++plan.present; break;
    }
    plan.items.push_back(std::move(item));
  }
  if (!plan.HasChanges()) {
    plan.ok = true;
    plan.merged = office;
    return plan;
  }
  if (b.talk_lock.is_object() && doc.contains("campaign") && doc["campaign"].is_object()) {
    json& campaign = doc["campaign"];
    if (!campaign.contains("talk_lock") || campaign["talk_lock"].is_null()) {
      campaign["talk_lock"] = b.talk_lock;
      plan.lock_adopted = true;
    } else if (StrOf(campaign["talk_lock"], "salt") != StrOf(b.talk_lock, "salt")) {
      plan.lock_differs = true;
    }
  }
  LoadResult lr = LoadDataset(doc.dump());
  if (!lr.ok) {
    const Problem& p = lr.problems.empty() ? Problem{} : lr.problems.front();
    plan.problem = Refuse("合并后的数据有" + std::to_string(lr.problems.size()) + "处问题,例如 " + p.path + ": " +
                              p.message_zh,
                          "the merged data would have " + std::to_string(lr.problems.size()) + " problems, e.g. " +
                              p.path + ": " + p.message_en,
                          p.path);
    plan.items.clear();
    plan.added = plan.changed = plan.conflicts = plan.present = plan.deleted = 0;
    return plan;
  }
  plan.merged = std::move(lr.dataset);
  plan.merged.import_log = office.import_log;
  plan.merged.import_log.push_back({{"bundle_sha256", b.sha256},
                                    {"device", b.device},
                                    {"from", b.from ? json(FormatTimestamp(*b.from)) : json(nullptr)},
                                    {"to", FormatTimestamp(b.to)},
                                    {"imported_at", FormatTimestamp(now)},
                                    {"added", plan.added},
                                    {"changed", plan.changed},
                                    {"deleted", plan.deleted},
                                    {"conflicts", plan.conflicts},
                                    {"present", plan.present},
                                    {"conflict_log", std::move(conflict_log)}});
  plan.ok = true;
  return plan;
}

DatasetDiff DiffDatasets(const Dataset& current, const Dataset& incoming) {
  DatasetDiff diff;
  diff.town_current = current.org.town_name;
  diff.town_incoming = incoming.org.town_name;
  const json a = json::parse(SaveDataset(current));
  const json b = json::parse(SaveDataset(incoming));
  std::map<std::string, bool> colls;
  for (const auto& c : RecordCollections(a)) colls[c] = true;
  for (const auto& c : RecordCollections(b)) colls[c] = true;
  for (const auto& [c, unused] : colls) {
    json::json_pointer ptr(c);
    std::map<std::string, const json*> left, right;
    std::vector<std::string> order;
    if (a.contains(ptr) && a.at(ptr).is_array())
      for (const json& r : a.at(ptr)) left[StrOf(r, "id")] = &r;
    if (b.contains(ptr) && b.at(ptr).is_array())
      for (const json& r : b.at(ptr)) {
        const std::string id = StrOf(r, "id");
        right[id] = &r;
        auto l = left.find(id);
        if (l == left.end()) {
          ++diff.added;
          diff.items.push_back({MergeOutcome::New, c, id, LabelOf(r), true});
        } else if (*l->second == r) {
          ++diff.same;
        } else {
          ++diff.changed;
          diff.items.push_back({MergeOutcome::Changed, c, id, LabelOf(r), true});
        }
      }
    for (const auto& [id, r] : left)
      if (!right.count(id)) {
        ++diff.removed;
        diff.items.push_back({MergeOutcome::Removed, c, id, LabelOf(*r), false});
      }
  }
  return diff;
}

}  // namespace zj

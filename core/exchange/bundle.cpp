// Liaison bundles (痕迹材料包): making, writing, reading and verifying. See bundle.h.
#include "core/exchange/bundle.h"

#include <cstdint>
#include <set>

#include "core/data/collections.h"
#include "core/data/records.h"
#include "core/org/idnumber.h"

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
bool IsRecord(const json& r) {
  if (!r.is_object()) return false;
  auto id = r.find("id");
  auto up = r.find("updated");
  return id != r.end() && id->is_string() && up != r.end() && up->is_string();
}
Problem Refuse(const std::string& path, std::string zh, std::string en) {
  return Problem{path, "材料包无法导入：" + zh, "bundle refused: " + en};
}
}  // namespace

Bundle MakeBundle(const Dataset& d, const std::string& device, std::optional<TimestampMs> since, TimestampMs now) {
  Bundle b;
  b.town = d.org.town_name;
  b.id_salt = d.id_salt;
  b.device = device;
  b.from = since;
  b.to = now;
  bool sealed = false;
  ForEachCollection([&](const CollectionInfo& info) {
    if (!info.bundled) return;
    const size_t n = info.size(d);
    for (size_t i = 0; i < n; ++i) {
      const RecordMeta& m = info.meta(d, i);
      if (m.device != device || (since && m.updated <= *since)) continue;
      b.records.push_back({info.pointer, info.to_json(d, i)});
      if (info.coll == Coll::Talks && d.campaign.talks[i].sealed) sealed = true;
    }
  });
  if (sealed && d.campaign.talk_lock) b.talk_lock = TalkLockToJson(d.campaign.talk_lock);
  for (const Tombstone& t : d.tombstones) {
    if (t.meta.device != device || (since && t.meta.updated <= *since)) continue;
    b.deletions.push_back(ToJson(t));
  }
  return b;
}

namespace {
json Content(const Bundle& b) {
  json recs = json::array();
  for (const BundleRecord& r : b.records) recs.push_back({{"collection", r.collection}, {"record", r.record}});
  json j{{"format", "zhengjian-bundle"},
              {"format_version", b.format_version},
              {"town", b.town},
              {"id_salt", b.id_salt},
              {"device", b.device},
              {"from", b.from ? json(FormatTimestamp(*b.from)) : json(nullptr)},
              {"to", FormatTimestamp(b.to)},
              {"record_count", b.records.size()},
              {"records", std::move(recs)}};
  // Optional parts appear only when present, so a version 1 bundle's checksum still verifies.
  if (!b.deletions.empty()) {
    j["deletion_count"] = b.deletions.size();
    j["deletions"] = b.deletions;
  }
  if (b.talk_lock.is_object()) j["talk_lock"] = b.talk_lock;
  if (!b.evidence.empty()) {
    j["evidence_count"] = b.evidence.size();
    j["evidence"] = b.evidence;
  }
  return j;
}
std::string Checksum(const json& content) {
  return Sha256Hex(content.dump(-1, ' ', false, json::error_handler_t::replace));
}
}  // namespace

std::string BundleToJson(Bundle& b) {
  json j = Content(b);
  b.sha256 = Checksum(j);
  j["sha256"] = b.sha256;
  return j.dump(1, ' ', false, json::error_handler_t::replace);
}

std::string AttachBundleEvidence(std::string_view bundle_text, const json& evidence) {
  BundleReadResult r = ReadBundle(bundle_text);
  if (!r.ok || !evidence.is_array()) return "";
  for (const json& e : evidence)
    if (!e.is_object() || !e.contains("id") || !e["id"].is_string()) return "";
  r.bundle.evidence = evidence;
  r.bundle.format_version = kBundleFormatVersion;
  return BundleToJson(r.bundle);
}

BundleReadResult ReadBundle(std::string_view text) {
  BundleReadResult out;
  auto fail = [&](Problem p) {
    out.ok = false;
    out.problem = std::move(p);
    return out;
  };
  json j = json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return fail(Refuse("", "不是有效的材料包文件(JSON)", "not a valid bundle file (JSON)"));
  if (StrOf(j, "format") != "zhengjian-bundle")
    return fail(Refuse("/format", "不是整建的痕迹材料包(可能是备份文件,请用“导入备份”)",
                       "not a Zhengjian liaison bundle (a backup file? use Import backup)"));
  auto fv = j.find("format_version");
  if (fv == j.end() || !fv->is_number_integer() || fv->get<int64_t>() < 1)
    return fail(Refuse("/format_version", "缺少或无效的格式版本", "missing or invalid format_version"));
  if (fv->get<int64_t>() > kBundleFormatVersion)
    return fail(Refuse("/format_version", "材料包由更新版本的整建生成,请先升级", "made by a newer Zhengjian; update the app"));
  auto str = [&](const char* k) -> const json* {
    auto it = j.find(k);
    return it != j.end() && it->is_string() ? &*it : nullptr;
  };
  const json* device = str("device");
  const json* to = str("to");
  const json* salt = str("id_salt");
  const json* sha = str("sha256");
  if (!device || device->get<std::string>().empty())
    return fail(Refuse("/device", "缺少设备编号", "missing device id"));
  if (!salt) return fail(Refuse("/id_salt", "缺少数据标识(id_salt)", "missing id_salt"));
  if (!sha) return fail(Refuse("/sha256", "缺少SHA-256校验和", "missing sha256 checksum"));
  if (!to || !ParseTimestamp(to->get<std::string>()))
    return fail(Refuse("/to", "缺少或无效的交接时间", "missing or invalid hand-off time (to)"));
  Bundle& b = out.bundle;
  b.format_version = static_cast<int>(fv->get<int64_t>());
  b.town = StrOf(j, "town");
  b.id_salt = salt->get<std::string>();
  b.device = device->get<std::string>();
  b.to = *ParseTimestamp(to->get<std::string>());
  if (auto f = j.find("from"); f != j.end() && !f->is_null()) {
    auto t = f->is_string() ? ParseTimestamp(f->get<std::string>()) : std::nullopt;
    if (!t) return fail(Refuse("/from", "无效的起始时间", "invalid start time (from)"));
    b.from = t;
  }
  if (auto lock = j.find("talk_lock"); lock != j.end()) {
    if (!lock->is_object() || !lock->contains("salt") || !lock->contains("check"))
      return fail(Refuse("/talk_lock", "谈话记录口令锁参数无效", "invalid talk lock parameters"));
    b.talk_lock = *lock;
  }
  auto recs = j.find("records");
  if (recs == j.end() || !recs->is_array()) return fail(Refuse("/records", "缺少记录列表", "missing records"));
  for (size_t i = 0; i < recs->size(); ++i) {
    const json& e = (*recs)[i];
    const std::string path = "/records/" + std::to_string(i);
    if (!e.is_object() || !e.contains("collection") || !e["collection"].is_string() ||
        e["collection"].get<std::string>().size() < 2 || e["collection"].get<std::string>()[0] != '/')
      return fail(Refuse(path + "/collection", "第" + std::to_string(i + 1) + "条记录缺少所属集合",
                         "record " + std::to_string(i + 1) + " has no collection"));
    if (!e.contains("record") || !IsRecord(e["record"]) ||
        !ParseTimestamp(e["record"]["updated"].get<std::string>()))
      return fail(Refuse(path + "/record", "第" + std::to_string(i + 1) + "条记录缺少编号或修改时间",
                         "record " + std::to_string(i + 1) + " lacks id or updated time"));
    b.records.push_back({e["collection"].get<std::string>(), e["record"]});
  }
  if (auto dels = j.find("deletions"); dels != j.end()) {
    if (!dels->is_array()) return fail(Refuse("/deletions", "删除记录列表无效", "invalid deletions"));
    for (size_t i = 0; i < dels->size(); ++i) {
      const json& t = (*dels)[i];
      const char* when = t.is_object() && t.contains("updated") ? "updated" : "deleted";  // format 1-2: "deleted"
      if (!t.is_object() || !t.contains("collection") || !t["collection"].is_string() ||
          t["collection"].get<std::string>().size() < 2 || t["collection"].get<std::string>()[0] != '/' ||
          !t.contains("id") || !t["id"].is_string() || !t.contains(when) || !t[when].is_string() ||
          !ParseTimestamp(t[when].get<std::string>()))
        return fail(Refuse("/deletions/" + std::to_string(i), "第" + std::to_string(i + 1) + "条删除记录缺少集合、编号或删除时间",
                           "deletion " + std::to_string(i + 1) + " lacks collection, id or deleted time"));
      b.deletions.push_back(t);
    }
  }
  {
    auto dc = j.find("deletion_count");
    const size_t declared = dc == j.end() ? 0 : dc->is_number_unsigned() ? dc->get<size_t>() : SIZE_MAX;
    if (declared != b.deletions.size())
      return fail(Refuse("/deletion_count", "删除记录数与声明的不符(文件不完整或被改动)",
                         "deletion count differs from the one declared (incomplete or changed file)"));
  }
  if (auto ev = j.find("evidence"); ev != j.end()) {
    if (!ev->is_array()) return fail(Refuse("/evidence", "痕迹材料列表无效", "invalid evidence list"));
    for (size_t i = 0; i < ev->size(); ++i) {
      const json& e = (*ev)[i];
      const std::string kind = StrOf(e, "kind");
      const bool photo_ok = kind != "photo" || (e.contains("photo") && e["photo"].is_string() && !e["photo"].get<std::string>().empty());
      if (!e.is_object() || !e.contains("id") || !e["id"].is_string() || e["id"].get<std::string>().empty() ||
          (kind != "photo" && kind != "text") || !photo_ok)
        return fail(Refuse("/evidence/" + std::to_string(i), "第" + std::to_string(i + 1) + "项痕迹材料缺少编号、类型或照片",
                           "evidence " + std::to_string(i + 1) + " lacks id, kind or photo"));
    }
    b.evidence = *ev;
  }
  {
    auto ec = j.find("evidence_count");
    const size_t declared = ec == j.end() ? 0 : ec->is_number_unsigned() ? ec->get<size_t>() : SIZE_MAX;
    if (declared != b.evidence.size())
      return fail(Refuse("/evidence_count", "痕迹材料数与声明的不符(文件不完整或被改动)",
                         "evidence count differs from the one declared (incomplete or changed file)"));
  }
  auto count = j.find("record_count");
  if (count == j.end() || !count->is_number_unsigned() || count->get<uint64_t>() != b.records.size())
    return fail(Refuse("/record_count", "记录数与声明的不符(文件不完整或被改动)",
                       "record count differs from the one declared (incomplete or changed file)"));
  b.sha256 = Checksum(Content(b));
  if (b.sha256 != sha->get<std::string>())
    return fail(Refuse("/sha256", "SHA-256校验和不符:材料包在传递中被改动或损坏,请让联络员重新导出",
                       "SHA-256 checksum mismatch: the bundle was changed or damaged on the way; ask for a new export"));
  out.ok = true;
  return out;
}

}  // namespace zj

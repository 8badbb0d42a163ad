// Liaison bundles (痕迹材料包): making, writing, reading and verifying. See bundle.h.
#include "core/exchange/bundle.h"

#include <cstdint>
#include <set>

#include "core/org/idnumber.h"

namespace zj {
using nlohmann::json;

namespace {
std::string EscapePointerToken(const std::string& k) {
  std::string out;
  for (char c : k) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}
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
bool IsCollection(const json& a) {
  if (!a.is_array() || a.empty()) return false;
  for (const json& r : a)
    if (!IsRecord(r)) return false;
  return true;
}
void Walk(const json& j, const std::string& path, std::vector<std::string>& out) {
  if (j.is_object()) {
    if (IsRecord(j)) return;  // a record is a unit
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (path.empty() && (it.key() == "import_log" || it.key() == "tombstones")) continue;
      Walk(it.value(), path + "/" + EscapePointerToken(it.key()), out);
    }
  } else if (IsCollection(j)) {
    out.push_back(path);
  }
}
Problem Refuse(const std::string& path, std::string zh, std::string en) {
  return Problem{path, "材料包无法导入：" + zh, "bundle refused: " + en};
}
}  // namespace

std::vector<std::string> RecordCollections(const json& doc) {
  std::vector<std::string> out;
  Walk(doc, "", out);
  return out;
}

std::string RecordLabel(const json& r) {
  for (const char* k : {"name", "theme_zh", "title", "title_zh", "venue", "text"}) {
    auto it = r.find(k);
    if (it != r.end() && it->is_string() && !it->get<std::string>().empty()) return it->get<std::string>();
  }
  return r.value("id", std::string());
}

void NoteRemovedRecords(const Dataset& before, Dataset& after, const std::string& device, TimestampMs now) {
  const json a = json::parse(SaveDataset(before));
  const json b = json::parse(SaveDataset(after));
  std::set<std::string> kept;
  for (const std::string& c : RecordCollections(b))
    for (const json& r : b.at(json::json_pointer(c))) kept.insert(r.value("id", std::string()));
  for (const std::string& c : RecordCollections(a))
    for (const json& r : a.at(json::json_pointer(c))) {
      const std::string id = r.value("id", std::string());
      if (kept.count(id)) continue;
      after.tombstones.push_back({{"collection", c},
                                  {"id", id},
                                  {"label", RecordLabel(r)},
                                  {"deleted", FormatTimestamp(now)},
                                  {"device", device}});
    }
}

Bundle MakeBundle(const Dataset& d, const std::string& device, std::optional<TimestampMs> since, TimestampMs now) {
  Bundle b;
  b.town = d.org.town_name;
  b.id_salt = d.id_salt;
  b.device = device;
  b.from = since;
  b.to = now;
  const json doc = json::parse(SaveDataset(d));
  for (const std::string& c : RecordCollections(doc)) {
    for (const json& r : doc.at(json::json_pointer(c))) {
      if (r.value("device", std::string()) != device) continue;
      auto up = ParseTimestamp(r.at("updated").get<std::string>());
      if (!up) continue;
      if (since && *up <= *since) continue;
      b.records.push_back({c, r});
      if (c == "/campaign/talks" && r.contains("sealed") && !r["sealed"].is_null() && doc.contains("campaign") &&
          doc["campaign"].contains("talk_lock"))
        b.talk_lock = doc["campaign"]["talk_lock"];
    }
  }
  for (const json& t : d.tombstones) {
    if (!t.is_object() || StrOf(t, "device") != device) continue;
    auto del = ParseTimestamp(StrOf(t, "deleted"));
    if (!del || (since && *del <= *since)) continue;
    b.deletions.push_back(t);
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
      if (!t.is_object() || !t.contains("collection") || !t["collection"].is_string() ||
          t["collection"].get<std::string>().size() < 2 || t["collection"].get<std::string>()[0] != '/' ||
          !t.contains("id") || !t["id"].is_string() || !t.contains("deleted") || !t["deleted"].is_string() ||
          !ParseTimestamp(t["deleted"].get<std::string>()))
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

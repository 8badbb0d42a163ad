// Liaison bundles (痕迹材料包): making, writing, reading and verifying. See bundle.h.
#include "core/bundle.h"

#include "core/idnumber.h"

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
      if (path.empty() && it.key() == "import_log") continue;
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
    }
  }
  return b;
}

namespace {
json Content(const Bundle& b) {
  json recs = json::array();
  for (const BundleRecord& r : b.records) recs.push_back({{"collection", r.collection}, {"record", r.record}});
  return json{{"format", "zhengjian-bundle"},
              {"format_version", kBundleFormatVersion},
              {"town", b.town},
              {"id_salt", b.id_salt},
              {"device", b.device},
              {"from", b.from ? json(FormatTimestamp(*b.from)) : json(nullptr)},
              {"to", FormatTimestamp(b.to)},
              {"record_count", b.records.size()},
              {"records", std::move(recs)}};
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
  if (j.value("format", std::string()) != "zhengjian-bundle")
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
  b.town = j.value("town", std::string());
  b.id_salt = salt->get<std::string>();
  b.device = device->get<std::string>();
  b.to = *ParseTimestamp(to->get<std::string>());
  if (auto f = j.find("from"); f != j.end() && !f->is_null()) {
    auto t = f->is_string() ? ParseTimestamp(f->get<std::string>()) : std::nullopt;
    if (!t) return fail(Refuse("/from", "无效的起始时间", "invalid start time (from)"));
    b.from = t;
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

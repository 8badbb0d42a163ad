// Migration of dataset documents of schema version 1 (the first release) to version 2. See dataset.h.
//
// [SECTION] Migration v1 -> v2
//
// Version 1 (the first release) kept everything flat at the top level and wrote Chinese labels:
//   { "schema_version": 1, "saved_at": ISO time, "device": str, "town": str, "year": int, "id_salt": str,
//     "areas": [{id, name, chief_cadre_id}], "general_branches": [{id, name, area_id, secretary_cadre_id}],
//     "branches": [{id, name, type: "村"|"社区"|"镇直", general_branch_id, rank_last_year}],
//     "cadres": [{id, name, title, roles: ["镇党委书记", "驻村干部", ...], villages: [branch ids]}],
//     "members": [{id, name, sex, nation, birth, joined, probationary: bool, branch_id, education, phone,
//                  duties: "书记、村委主任", rep: bool, reserve: bool, id_hash, id_masked}],
//     "point_items": [{id, code, category: "基础"|"奖励"|"扣分", name, points, cap, evidence}],
//     "point_entries": [{id, member_id, item_id, date, points, note, by}],
//     "exempt": [{member_id, reason, approved}] }         (exemptions of "year"; no ids)
// Records had no created/updated/device: they get "saved_at" and "device". No rubric, assessments or
// campaign: the example rubric and the notice's campaign of "year" are added (ids from a generator seeded
// by the document's text, so migrating the same file twice gives the same ids).
#include "core/data/dataset_migrate.h"

#include "core/data/records.h"

namespace zj {
using nlohmann::json;

namespace {

// The value-returning reads the version-1 migration was written with, on top of JsonReader.
struct V1Reader {
  JsonReader& r;
  std::string Str(const json& o, const char* key, const std::string& base) {
    std::string s;
    r.Str(o, key, base, s);
    return s;
  }
  int Int(const json& o, const char* key, const std::string& base, int def, bool required) {
    int x = def;
    r.Int(o, key, base, x, -1000000000, 1000000000, required);
    return x;
  }
  void Add(const std::string& path, const std::string& zh, const std::string& en) { r.Bad(path, zh, en); }
  void WrongType(const std::string& path, const char* zh, const char* en) {
    r.Bad(path, std::string("类型错误：应为") + zh, std::string("wrong type: expected ") + en);
  }
};

json ThresholdsJson(const StarThresholds& t) {
  return json{{"three", PointsJson(t.three)}, {"two", PointsJson(t.two)}, {"one", PointsJson(t.one)}};
}

uint64_t Fnv(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

}  // namespace

json MigrateV1ToV2(const json& v1, std::string_view text, JsonReader& jr) {
  V1Reader r{jr};
  const std::string saved_at_text = r.Str(v1, "saved_at", "");
  TimestampMs saved_at = 0;
  if (auto t = ParseTimestamp(saved_at_text)) saved_at = *t;
  else r.Add("/saved_at", "缺少或无效的保存时间,记录时间按1970-01-01处理", "missing or invalid saved_at; record times set to 1970-01-01");
  const std::string device = r.Str(v1, "device", "");
  const int year = r.Int(v1, "year", "", 2018, true);
  IdGenerator ids(Fnv(text));
  const std::string stamp = FormatTimestamp(saved_at);
  auto meta = [&](const json& e) {
    json m = json::object();
    m["id"] = e.is_object() && e.contains("id") ? e["id"] : json(nullptr);
    m["created"] = stamp;
    m["updated"] = stamp;
    m["device"] = device;
    return m;
  };
  auto arr = [&](const char* key) -> const json& {
    static const json kEmpty = json::array();
    auto it = v1.find(key);
    if (it == v1.end() || it->is_null()) return kEmpty;
    if (!it->is_array()) { r.WrongType(std::string("/") + key, "数组", "an array"); return kEmpty; }
    return *it;
  };
  auto copy = [](json& to, const json& from, const char* from_key, const char* to_key) {
    if (from.is_object() && from.contains(from_key)) to[to_key] = from[from_key];
  };

  json v2;
  v2["schema_version"] = 2;
  v2["demo"] = false;
  v2["device_id"] = device;
  v2["id_salt"] = v1.contains("id_salt") ? v1["id_salt"] : json("");
  json org;
  org["town_name"] = v1.contains("town") ? v1["town"] : json(nullptr);
  org["areas"] = json::array();
  for (const json& e : arr("areas")) {
    json x = meta(e);
    copy(x, e, "name", "name");
    copy(x, e, "chief_cadre_id", "chief_cadre_id");
    org["areas"].push_back(x);
  }
  org["general_branches"] = json::array();
  for (const json& e : arr("general_branches")) {
    json x = meta(e);
    copy(x, e, "name", "name");
    copy(x, e, "area_id", "area_id");
    copy(x, e, "secretary_cadre_id", "secretary_cadre_id");
    org["general_branches"].push_back(x);
  }
  org["branches"] = json::array();
  const json& v1b = arr("branches");
  for (size_t i = 0; i < v1b.size(); ++i) {
    const json& e = v1b[i];
    json x = meta(e);
    copy(x, e, "name", "name");
    const std::string type = e.is_object() && e.contains("type") && e["type"].is_string() ? e["type"].get<std::string>() : "";
    if (type == "村") x["kind"] = "village";
    else if (type == "社区") x["kind"] = "community";
    else if (type == "镇直") x["kind"] = "town_unit";
    else {
      r.Add("/branches/" + std::to_string(i) + "/type", "未知的支部类型: " + type + "(应为村/社区/镇直),按村处理",
            "unknown branch type: " + type + " (村/社区/镇直); read as village");
      x["kind"] = "village";
    }
    copy(x, e, "general_branch_id", "general_branch_id");
    copy(x, e, "rank_last_year", "last_year_target_rank");
    org["branches"].push_back(x);
  }
  org["members"] = json::array();
  const json& v1m = arr("members");
  for (size_t i = 0; i < v1m.size(); ++i) {
    const json& e = v1m[i];
    json x = meta(e);
    for (auto [from, to] : {std::pair{"name", "name"}, {"sex", "sex"}, {"nation", "ethnicity"}, {"birth", "birth_date"},
                            {"joined", "join_date"}, {"branch_id", "branch_id"}, {"education", "education"},
                            {"phone", "phone"}, {"rep", "representative"}, {"reserve", "reserve_cadre"},
                            {"id_hash", "id_hash"}, {"id_masked", "id_masked"}})
      copy(x, e, from, to);
    if (e.is_object() && e.contains("probationary")) {
      if (e["probationary"].is_boolean()) x["status"] = e["probationary"].get<bool>() ? "probationary" : "full";
      else r.WrongType("/members/" + std::to_string(i) + "/probationary", "true/false", "a boolean");
    }
    json posts = json::array();
    std::string other;
    if (e.is_object() && e.contains("duties") && e["duties"].is_string()) {
      const std::string duties = e["duties"].get<std::string>();
      size_t start = 0;
      while (start <= duties.size()) {
        size_t end = duties.find("、", start);
        const std::string part = duties.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!part.empty()) {
          if (auto p = PostFromLabelZh(part)) posts.push_back(PostCode(*p));
          else other += (other.empty() ? "" : "、") + part;
        }
        if (end == std::string::npos) break;
        start = end + std::string("、").size();
      }
    }
    x["posts"] = posts;
    x["other_posts"] = other;
    org["members"].push_back(x);
  }
  org["cadres"] = json::array();
  const json& v1c = arr("cadres");
  for (size_t i = 0; i < v1c.size(); ++i) {
    const json& e = v1c[i];
    json x = meta(e);
    copy(x, e, "name", "name");
    copy(x, e, "title", "title");
    copy(x, e, "villages", "linked_branch_ids");
    json roles = json::array();
    if (e.is_object() && e.contains("roles") && e["roles"].is_array()) {
      for (size_t k = 0; k < e["roles"].size(); ++k) {
        const json& role = e["roles"][k];
        bool found = false;
        for (int c = 0; c <= static_cast<int>(CadreRole::GeneralBranchSecretary) && role.is_string(); ++c)
          if (role.get<std::string>() == CadreRoleLabelZh(static_cast<CadreRole>(c))) {
            roles.push_back(CadreRoleCode(static_cast<CadreRole>(c)));
            found = true;
          }
        if (!found)
          r.Add("/cadres/" + std::to_string(i) + "/roles/" + std::to_string(k), "未知的干部角色: " + role.dump(),
                "unknown cadre role: " + role.dump());
      }
    }
    x["roles"] = roles;
    org["cadres"].push_back(x);
  }
  v2["org"] = org;

  json items = json::array();
  const json& v1i = arr("point_items");
  for (size_t i = 0; i < v1i.size(); ++i) {
    const json& e = v1i[i];
    json x = meta(e);
    copy(x, e, "code", "code");
    copy(x, e, "name", "name_zh");
    copy(x, e, "points", "points");
    copy(x, e, "cap", "yearly_cap");
    copy(x, e, "evidence", "evidence_required");
    const std::string c = e.is_object() && e.contains("category") && e["category"].is_string() ? e["category"].get<std::string>() : "";
    if (c == "基础") x["category"] = "basic";
    else if (c == "奖励") x["category"] = "merit";
    else if (c == "扣分") x["category"] = "deduction";
    else {
      r.Add("/point_items/" + std::to_string(i) + "/category", "未知的积分类别: " + c + "(应为基础/奖励/扣分)",
            "unknown point category: " + c + " (基础/奖励/扣分)");
      x["category"] = "basic";
    }
    items.push_back(x);
  }
  json entries = json::array();
  for (const json& e : arr("point_entries")) {
    json x = meta(e);
    for (auto [from, to] : {std::pair{"member_id", "member_id"}, {"item_id", "item_id"}, {"date", "date"},
                            {"points", "points"}, {"note", "note"}, {"by", "recorded_by"}})
      copy(x, e, from, to);
    entries.push_back(x);
  }
  v2["points"] = json{{"catalogue", {{"example", false}, {"name", "积分项目(由第1版数据迁移)"}, {"base_points", 0}, {"items", items}}},
                      {"entries", entries}};

  json exemptions = json::array();
  for (const json& e : arr("exempt")) {
    json x = meta(e);
    x["id"] = ids.Next();
    copy(x, e, "member_id", "member_id");
    copy(x, e, "reason", "reason");
    copy(x, e, "approved", "approved_on");
    x["year"] = year;
    exemptions.push_back(x);
  }
  v2["member_stars"] = json{{"thresholds", ThresholdsJson(StarThresholds{})}, {"exemptions", exemptions}};
  BranchRatingBook br;
  br.rubric = ExampleBranchRubric(ids, saved_at, device);
  json rubric_items = json::array();
  for (const RubricItem& it : br.rubric.items) rubric_items.push_back(ToJson(it));
  v2["branch_rating"] = json{{"thresholds", ThresholdsJson(br.thresholds)},
                             {"rubric", {{"example", br.rubric.example}, {"items", rubric_items}}},
                             {"weights", {{"rubric", br.weights.rubric}, {"target", br.weights.target}, {"example", br.weights.example}}},
                             {"assessments", json::array()},
                             {"history", json::array()}};
  v2["campaign"] = CampaignToJson(DefaultCampaign(year, ids, saved_at, device));
  return v2;
}


}  // namespace zj

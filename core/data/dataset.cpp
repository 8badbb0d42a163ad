// [SECTION] Writing (SaveDataset)
// [SECTION] Reading helpers (paths and problems)
// [SECTION] Reading records
// [SECTION] Cross-record checks (duplicates, references)
// [SECTION] Migration v1 -> v2
// [SECTION] LoadDataset, NewDataset
#include "core/data/dataset.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "core/base/id_index.h"
#include "core/org/idnumber.h"

namespace zj {
using nlohmann::json;

//-----------------------------------------------------------------------------
// [SECTION] Writing
//-----------------------------------------------------------------------------
namespace {

json PointsJson(Tenths t) {
  if (t % 10 == 0) return json(static_cast<int64_t>(t / 10));
  return json(static_cast<double>(t) / 10.0);
}
json OptDateJson(const std::optional<Date>& d) { return d ? json(d->ToString()) : json(nullptr); }

json Rec(const RecordMeta& m) {
  return json{{"id", m.id}, {"created", FormatTimestamp(m.created)}, {"updated", FormatTimestamp(m.updated)},
              {"device", m.device}};
}

json ThresholdsJson(const StarThresholds& t) {
  return json{{"three", PointsJson(t.three)}, {"two", PointsJson(t.two)}, {"one", PointsJson(t.one)}};
}

json OrgJson(const Organization& o) {
  json j;
  j["town_name"] = o.town_name;
  j["focus_rule"] = json{{"mode", o.focus_rule.mode == FocusRule::Mode::BottomCount ? "bottom_count" : "bottom_percent"},
                         {"count", o.focus_rule.count},
                         {"percent", o.focus_rule.percent},
                         {"ranking_year", o.focus_rule.ranking_year}};
  json areas = json::array();
  for (const Area& a : o.areas) {
    json r = Rec(a.meta);
    r["name"] = a.name;
    r["chief_cadre_id"] = a.chief_cadre_id;
    areas.push_back(std::move(r));
  }
  j["areas"] = std::move(areas);
  json gbs = json::array();
  for (const GeneralBranch& g : o.general_branches) {
    json r = Rec(g.meta);
    r["name"] = g.name;
    r["area_id"] = g.area_id;
    r["secretary_cadre_id"] = g.secretary_cadre_id;
    gbs.push_back(std::move(r));
  }
  j["general_branches"] = std::move(gbs);
  json brs = json::array();
  for (const Branch& b : o.branches) {
    json r = Rec(b.meta);
    r["name"] = b.name;
    r["kind"] = BranchKindCode(b.kind);
    r["general_branch_id"] = b.general_branch_id;
    r["last_year_target_rank"] = b.last_year_target_rank ? json(*b.last_year_target_rank) : json(nullptr);
    r["focus_object"] = b.focus_object;
    brs.push_back(std::move(r));
  }
  j["branches"] = std::move(brs);
  json ms = json::array();
  for (const Member& m : o.members) {
    json r = Rec(m.meta);
    r["name"] = m.name;
    r["sex"] = m.sex;
    r["ethnicity"] = m.ethnicity;
    r["birth_date"] = OptDateJson(m.birth_date);
    r["join_date"] = OptDateJson(m.join_date);
    r["status"] = MemberStatusCode(m.status);
    r["education"] = m.education;
    r["phone"] = m.phone;
    r["branch_id"] = m.branch_id;
    json posts = json::array();
    for (Post p : m.posts) posts.push_back(PostCode(p));
    r["posts"] = std::move(posts);
    r["other_posts"] = m.other_posts;
    r["representative"] = m.representative;
    r["reserve_cadre"] = m.reserve_cadre;
    r["id_hash"] = m.id_hash;
    r["id_masked"] = m.id_masked;
    ms.push_back(std::move(r));
  }
  j["members"] = std::move(ms);
  json cs = json::array();
  for (const Cadre& c : o.cadres) {
    json r = Rec(c.meta);
    r["name"] = c.name;
    r["title"] = c.title;
    json roles = json::array();
    for (CadreRole x : c.roles) roles.push_back(CadreRoleCode(x));
    r["roles"] = std::move(roles);
    r["linked_branch_ids"] = c.linked_branch_ids;
    json teams = json::array();
    for (LectureTeam t : c.lecture_teams) teams.push_back(LectureTeamCode(t));
    r["lecture_teams"] = std::move(teams);
    r["area_id"] = c.area_id;
    cs.push_back(std::move(r));
  }
  j["cadres"] = std::move(cs);
  return j;
}

json PointsBookJson(const PointsBook& b) {
  json items = json::array();
  for (const PointItem& it : b.catalogue.items) {
    json r = Rec(it.meta);
    r["code"] = it.code;
    r["category"] = PointCategoryCode(it.category);
    r["name_zh"] = it.name_zh;
    r["points"] = PointsJson(it.points);
    r["yearly_cap"] = it.yearly_cap ? PointsJson(*it.yearly_cap) : json(nullptr);
    r["evidence_required"] = it.evidence_required;
    items.push_back(std::move(r));
  }
  json entries = json::array();
  for (const PointEntry& e : b.entries) {
    json r = Rec(e.meta);
    r["member_id"] = e.member_id;
    r["item_id"] = e.item_id;
    r["date"] = e.date.ToString();
    r["points"] = PointsJson(e.points);
    r["note"] = e.note;
    r["recorded_by"] = e.recorded_by;
    r["evidence_ids"] = e.evidence_ids;
    entries.push_back(std::move(r));
  }
  return json{{"catalogue",
               {{"example", b.catalogue.example},
                {"name", b.catalogue.name},
                {"base_points", PointsJson(b.catalogue.base_points)},
                {"items", std::move(items)}}},
              {"entries", std::move(entries)}};
}

json MemberStarsJson(const MemberStarBook& s) {
  json ex = json::array();
  for (const StarExemption& e : s.exemptions) {
    json r = Rec(e.meta);
    r["member_id"] = e.member_id;
    r["year"] = e.year;
    r["reason"] = e.reason;
    r["approved_on"] = e.approved_on.ToString();
    r["approved_by"] = e.approved_by;
    ex.push_back(std::move(r));
  }
  return json{{"thresholds", ThresholdsJson(s.thresholds)}, {"exemptions", std::move(ex)}};
}

json BranchRatingJson(const BranchRatingBook& b) {
  json items = json::array();
  for (const RubricItem& it : b.rubric.items) {
    json r = Rec(it.meta);
    r["code"] = it.code;
    r["name_zh"] = it.name_zh;
    r["max_points"] = PointsJson(it.max_points);
    items.push_back(std::move(r));
  }
  json as = json::array();
  for (const BranchAssessment& a : b.assessments) {
    json r = Rec(a.meta);
    r["branch_id"] = a.branch_id;
    r["year"] = a.year;
    json scores = json::array();
    for (const RubricScore& s : a.scores) scores.push_back(json{{"item_id", s.item_id}, {"score", PointsJson(s.score)}});
    r["scores"] = std::move(scores);
    r["target_score"] = a.target_score ? PointsJson(*a.target_score) : json(nullptr);
    r["assessed_by"] = a.assessed_by;
    r["note"] = a.note;
    as.push_back(std::move(r));
  }
  json hs = json::array();
  for (const BranchStarRecord& h : b.history) {
    json r = Rec(h.meta);
    r["branch_id"] = h.branch_id;
    r["year"] = h.year;
    r["score"] = PointsJson(h.score);
    r["stars"] = h.stars;
    r["rank"] = h.rank;
    r["published_on"] = OptDateJson(h.published_on);
    hs.push_back(std::move(r));
  }
  return json{{"thresholds", ThresholdsJson(b.thresholds)},
              {"rubric", {{"example", b.rubric.example}, {"items", std::move(items)}}},
              {"weights", {{"rubric", b.weights.rubric}, {"target", b.weights.target}, {"example", b.weights.example}}},
              {"assessments", std::move(as)},
              {"history", std::move(hs)}};
}

}  // namespace

std::string SaveDataset(const Dataset& d) {
  json j;
  j["schema_version"] = kSchemaVersion;
  j["demo"] = d.demo;
  j["device_id"] = d.device_id;
  j["id_salt"] = d.id_salt;
  j["org"] = OrgJson(d.org);
  j["points"] = PointsBookJson(d.points);
  j["member_stars"] = MemberStarsJson(d.member_stars);
  j["branch_rating"] = BranchRatingJson(d.branch_rating);
  j["campaign"] = CampaignToJson(d.campaign);
  if (!d.import_log.empty()) j["import_log"] = d.import_log;  // issue 7: bundle imports (core/exchange/merge.h)
  if (!d.tombstones.empty()) j["tombstones"] = d.tombstones;  // issue 7: deletions for bundles (core/exchange/bundle.h)
  // Invalid UTF-8 would make nlohmann throw (or abort without exceptions): replace it instead.
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

//-----------------------------------------------------------------------------
// [SECTION] Reading helpers
//-----------------------------------------------------------------------------
namespace {

struct Reader {
  Problems& problems;

  void Add(const std::string& path, std::string zh, std::string en) {
    problems.push_back(Problem{path, std::move(zh), std::move(en)});
  }
  static std::string P(const std::string& base, const char* key) { return base + "/" + key; }
  static std::string P(const std::string& base, size_t i) { return base + "/" + std::to_string(i); }

  const json* Field(const json& o, const char* key) const {
    if (!o.is_object()) return nullptr;
    auto it = o.find(key);
    return it == o.end() ? nullptr : &*it;
  }
  void Missing(const std::string& path) { Add(path, "缺少字段", "missing field"); }
  void WrongType(const std::string& path, const char* zh, const char* en) {
    Add(path, std::string("类型错误,应为") + zh, std::string("wrong type, expected ") + en);
  }

  std::string Str(const json& o, const char* key, const std::string& base, bool required = false) {
    const json* v = Field(o, key);
    if (!v || v->is_null()) {
      if (required) Missing(P(base, key));
      return {};
    }
    if (!v->is_string()) { WrongType(P(base, key), "字符串", "a string"); return {}; }
    return v->get_ref<const std::string&>();
  }
  std::string ReqStr(const json& o, const char* key, const std::string& base) {
    std::string s = Str(o, key, base, true);
    const json* v = Field(o, key);
    if (v && v->is_string() && s.empty()) Add(P(base, key), "不能为空", "must not be empty");
    return s;
  }
  bool Bool(const json& o, const char* key, const std::string& base, bool def = false) {
    const json* v = Field(o, key);
    if (!v || v->is_null()) return def;
    if (!v->is_boolean()) { WrongType(P(base, key), "true/false", "a boolean"); return def; }
    return v->get<bool>();
  }
  std::optional<int> OptInt(const json& o, const char* key, const std::string& base, bool required = false) {
    const json* v = Field(o, key);
    if (!v || v->is_null()) {
      if (required) Missing(P(base, key));
      return std::nullopt;
    }
    if (!v->is_number_integer()) { WrongType(P(base, key), "整数", "an integer"); return std::nullopt; }
    const int64_t x = v->get<int64_t>();
    if (x < -1000000000 || x > 1000000000) { Add(P(base, key), "数值超出范围", "number out of range"); return std::nullopt; }
    return static_cast<int>(x);
  }
  int Int(const json& o, const char* key, const std::string& base, int def, bool required = false) {
    return OptInt(o, key, base, required).value_or(def);
  }
  std::optional<Date> OptDate(const json& o, const char* key, const std::string& base, bool required = false) {
    const json* v = Field(o, key);
    if (!v || v->is_null() || (v->is_string() && v->get_ref<const std::string&>().empty() && !required)) {
      if (required) Missing(P(base, key));
      return std::nullopt;
    }
    if (!v->is_string()) { WrongType(P(base, key), "日期字符串YYYY-MM-DD", "a date string YYYY-MM-DD"); return std::nullopt; }
    auto d = Date::Parse(v->get_ref<const std::string&>());
    if (!d) Add(P(base, key), "日期无效,应为YYYY-MM-DD: " + v->get<std::string>(), "invalid date, expected YYYY-MM-DD: " + v->get<std::string>());
    return d;
  }
  std::optional<Tenths> OptPoints(const json& o, const char* key, const std::string& base, bool required = false) {
    const json* v = Field(o, key);
    if (!v || v->is_null()) {
      if (required) Missing(P(base, key));
      return std::nullopt;
    }
    if (!v->is_number()) { WrongType(P(base, key), "数字", "a number"); return std::nullopt; }
    auto t = TenthsFromDouble(v->get<double>());
    if (!t) Add(P(base, key), "分值无效:最多一位小数(如89.5)", "invalid points: at most one decimal (e.g. 89.5)");
    return t;
  }
  std::optional<TimestampMs> Time(const json& o, const char* key, const std::string& base) {
    const json* v = Field(o, key);
    if (!v || v->is_null()) { Missing(P(base, key)); return std::nullopt; }
    if (!v->is_string()) { WrongType(P(base, key), "时间字符串", "a timestamp string"); return std::nullopt; }
    auto t = ParseTimestamp(v->get_ref<const std::string&>());
    if (!t) Add(P(base, key), "时间无效,应为ISO 8601格式(如2018-03-23T01:02:03.004Z)", "invalid time, expected ISO 8601 (e.g. 2018-03-23T01:02:03.004Z)");
    return t;
  }
  /// Reads id/created/updated/device. False (record to be skipped) when the id is missing or not a string.
  bool Meta(const json& o, const std::string& base, RecordMeta& m) {
    const json* v = Field(o, "id");
    if (!v || !v->is_string() || v->get_ref<const std::string&>().empty()) {
      Add(P(base, "id"), "缺少记录编号,该记录未读入", "missing record id; the record was skipped");
      return false;
    }
    m.id = v->get<std::string>();
    auto c = Time(o, "created", base);
    auto u = Time(o, "updated", base);
    m.created = c.value_or(0);
    m.updated = u.value_or(m.created);
    m.device = Str(o, "device", base);
    return true;
  }
  /// Calls each(elem, path) for every element of the array o[key] that is an object.
  template <typename F>
  void Array(const json& o, const char* key, const std::string& base, F each, bool required = true) {
    const json* v = Field(o, key);
    const std::string path = P(base, key);
    if (!v || v->is_null()) {
      if (required) Missing(path);
      return;
    }
    if (!v->is_array()) { WrongType(path, "数组", "an array"); return; }
    for (size_t i = 0; i < v->size(); ++i) {
      const json& e = (*v)[i];
      if (!e.is_object()) { WrongType(P(path, i), "对象", "an object"); continue; }
      each(e, P(path, i));
    }
  }
  /// Array of strings o[key].
  std::vector<std::string> Strings(const json& o, const char* key, const std::string& base) {
    std::vector<std::string> out;
    const json* v = Field(o, key);
    if (!v || v->is_null()) return out;
    if (!v->is_array()) { WrongType(P(base, key), "字符串数组", "an array of strings"); return out; }
    for (size_t i = 0; i < v->size(); ++i) {
      if (!(*v)[i].is_string()) { WrongType(P(P(base, key), i), "字符串", "a string"); continue; }
      out.push_back((*v)[i].get<std::string>());
    }
    return out;
  }
  const json& Object(const json& o, const char* key, const std::string& base) {
    static const json kEmpty = json::object();
    const json* v = Field(o, key);
    if (!v) { Missing(P(base, key)); return kEmpty; }
    if (!v->is_object()) { WrongType(P(base, key), "对象", "an object"); return kEmpty; }
    return *v;
  }
  template <typename E, typename FromCode>
  std::optional<E> Code(const std::string& value, const std::string& path, FromCode from) {
    auto e = from(value);
    if (!e) Add(path, "未知取值: " + value, "unknown value: " + value);
    return e;
  }
};

//-----------------------------------------------------------------------------
// [SECTION] Reading records
//-----------------------------------------------------------------------------

StarThresholds ReadThresholds(Reader& r, const json& o, const std::string& base) {
  StarThresholds t;
  const json& j = r.Object(o, "thresholds", base);
  const std::string p = base + "/thresholds";
  if (!j.is_object() || j.empty()) return t;
  t.three = r.OptPoints(j, "three", p, true).value_or(t.three);
  t.two = r.OptPoints(j, "two", p, true).value_or(t.two);
  t.one = r.OptPoints(j, "one", p, true).value_or(t.one);
  if (!ValidThresholds(t)) {
    r.Add(p, "星级分数线无效:应为三星>二星>一星>=0,已改用通知规定的90/80/60",
          "invalid thresholds: need three > two > one >= 0; the notice's 90/80/60 are used");
    t = StarThresholds{};
  }
  return t;
}

Organization ReadOrg(Reader& r, const json& o, const std::string& base) {
  Organization org;
  org.town_name = r.Str(o, "town_name", base, true);
  if (const json* f = r.Field(o, "focus_rule"); f && f->is_object()) {
    const std::string p = base + "/focus_rule";
    const std::string mode = r.Str(*f, "mode", p);
    if (mode == "bottom_percent") org.focus_rule.mode = FocusRule::Mode::BottomPercent;
    else if (mode == "bottom_count" || mode.empty()) org.focus_rule.mode = FocusRule::Mode::BottomCount;
    else r.Add(p + "/mode", "未知取值: " + mode, "unknown value: " + mode);
    org.focus_rule.count = r.Int(*f, "count", p, org.focus_rule.count);
    org.focus_rule.percent = r.Int(*f, "percent", p, org.focus_rule.percent);
    org.focus_rule.ranking_year = r.Int(*f, "ranking_year", p, org.focus_rule.ranking_year);
    if (org.focus_rule.count < 0) r.Add(p + "/count", "不能为负数", "must not be negative");
    if (org.focus_rule.percent < 0 || org.focus_rule.percent > 100)
      r.Add(p + "/percent", "应在0到100之间", "must be between 0 and 100");
  }
  r.Array(o, "areas", base, [&](const json& e, const std::string& p) {
    Area a;
    if (!r.Meta(e, p, a.meta)) return;
    a.name = r.ReqStr(e, "name", p);
    a.chief_cadre_id = r.Str(e, "chief_cadre_id", p);
    org.areas.push_back(std::move(a));
  });
  r.Array(o, "general_branches", base, [&](const json& e, const std::string& p) {
    GeneralBranch g;
    if (!r.Meta(e, p, g.meta)) return;
    g.name = r.ReqStr(e, "name", p);
    g.area_id = r.Str(e, "area_id", p);
    g.secretary_cadre_id = r.Str(e, "secretary_cadre_id", p);
    org.general_branches.push_back(std::move(g));
  });
  r.Array(o, "branches", base, [&](const json& e, const std::string& p) {
    Branch b;
    if (!r.Meta(e, p, b.meta)) return;
    b.name = r.ReqStr(e, "name", p);
    const std::string kind = r.Str(e, "kind", p, true);
    if (!kind.empty()) b.kind = r.Code<BranchKind>(kind, p + "/kind", BranchKindFromCode).value_or(BranchKind::Village);
    b.general_branch_id = r.Str(e, "general_branch_id", p);
    b.last_year_target_rank = r.OptInt(e, "last_year_target_rank", p);
    if (b.last_year_target_rank && *b.last_year_target_rank < 1) {
      r.Add(p + "/last_year_target_rank", "排名应从1开始", "a rank starts at 1");
      b.last_year_target_rank.reset();
    }
    b.focus_object = r.Bool(e, "focus_object", p);
    org.branches.push_back(std::move(b));
  });
  r.Array(o, "members", base, [&](const json& e, const std::string& p) {
    Member m;
    if (!r.Meta(e, p, m.meta)) return;
    m.name = r.ReqStr(e, "name", p);
    m.sex = r.Str(e, "sex", p);
    if (!m.sex.empty() && m.sex != "男" && m.sex != "女") r.Add(p + "/sex", "性别应为\"男\"或\"女\"", "sex must be 男 or 女");
    m.ethnicity = r.Str(e, "ethnicity", p);
    m.birth_date = r.OptDate(e, "birth_date", p);
    m.join_date = r.OptDate(e, "join_date", p);
    if (m.birth_date && m.join_date && *m.join_date < *m.birth_date)
      r.Add(p + "/join_date", "入党日期早于出生日期", "join date is before the birth date");
    const std::string st = r.Str(e, "status", p);
    if (!st.empty()) m.status = r.Code<MemberStatus>(st, p + "/status", MemberStatusFromCode).value_or(MemberStatus::Full);
    m.education = r.Str(e, "education", p);
    m.phone = r.Str(e, "phone", p);
    m.branch_id = r.ReqStr(e, "branch_id", p);
    const auto posts = r.Strings(e, "posts", p);
    for (size_t i = 0; i < posts.size(); ++i)
      if (auto x = r.Code<Post>(posts[i], p + "/posts/" + std::to_string(i), PostFromCode)) m.posts.push_back(*x);
    m.other_posts = r.Str(e, "other_posts", p);
    m.representative = r.Bool(e, "representative", p);
    m.reserve_cadre = r.Bool(e, "reserve_cadre", p);
    m.id_hash = r.Str(e, "id_hash", p);
    m.id_masked = r.Str(e, "id_masked", p);
    if (!m.id_hash.empty() && (m.id_hash.size() != 64 || m.id_hash.find_first_not_of("0123456789abcdef") != std::string::npos))
      r.Add(p + "/id_hash", "身份号码摘要应为64位十六进制", "id_hash must be 64 lower-case hex characters");
    if (!m.id_masked.empty() && m.id_masked.find('*') == std::string::npos)
      r.Add(p + "/id_masked", "身份号码应以脱敏形式保存(含*),不得保存明文", "the ID number must be stored masked (with *), never in clear");
    org.members.push_back(std::move(m));
  });
  r.Array(o, "cadres", base, [&](const json& e, const std::string& p) {
    Cadre c;
    if (!r.Meta(e, p, c.meta)) return;
    c.name = r.ReqStr(e, "name", p);
    c.title = r.Str(e, "title", p);
    const auto roles = r.Strings(e, "roles", p);
    for (size_t i = 0; i < roles.size(); ++i)
      if (auto x = r.Code<CadreRole>(roles[i], p + "/roles/" + std::to_string(i), CadreRoleFromCode)) c.roles.push_back(*x);
    c.linked_branch_ids = r.Strings(e, "linked_branch_ids", p);
    const auto teams = r.Strings(e, "lecture_teams", p);
    for (size_t i = 0; i < teams.size(); ++i)
      if (auto x = r.Code<LectureTeam>(teams[i], p + "/lecture_teams/" + std::to_string(i), LectureTeamFromCode))
        c.lecture_teams.push_back(*x);
    c.area_id = r.Str(e, "area_id", p);
    org.cadres.push_back(std::move(c));
  });
  return org;
}

PointsBook ReadPoints(Reader& r, const json& o, const std::string& base) {
  PointsBook b;
  const json& cat = r.Object(o, "catalogue", base);
  const std::string cp = base + "/catalogue";
  b.catalogue.example = r.Bool(cat, "example", cp);
  b.catalogue.name = r.Str(cat, "name", cp);
  b.catalogue.base_points = r.OptPoints(cat, "base_points", cp).value_or(0);
  r.Array(cat, "items", cp, [&](const json& e, const std::string& p) {
    PointItem it;
    if (!r.Meta(e, p, it.meta)) return;
    it.code = r.Str(e, "code", p);
    const std::string c = r.Str(e, "category", p, true);
    if (!c.empty()) it.category = r.Code<PointCategory>(c, p + "/category", PointCategoryFromCode).value_or(PointCategory::Basic);
    it.name_zh = r.ReqStr(e, "name_zh", p);
    it.points = r.OptPoints(e, "points", p, true).value_or(0);
    it.yearly_cap = r.OptPoints(e, "yearly_cap", p);
    if (it.yearly_cap && *it.yearly_cap <= 0) {
      r.Add(p + "/yearly_cap", "年度上限应为正数(扣分项目也写正数)", "the yearly cap must be positive (also for deductions)");
      it.yearly_cap.reset();
    }
    it.evidence_required = r.Bool(e, "evidence_required", p);
    b.catalogue.items.push_back(std::move(it));
  });
  r.Array(o, "entries", base, [&](const json& e, const std::string& p) {
    PointEntry x;
    if (!r.Meta(e, p, x.meta)) return;
    x.member_id = r.ReqStr(e, "member_id", p);
    x.item_id = r.ReqStr(e, "item_id", p);
    auto d = r.OptDate(e, "date", p, true);
    x.points = r.OptPoints(e, "points", p, true).value_or(0);
    x.note = r.Str(e, "note", p);
    x.recorded_by = r.Str(e, "recorded_by", p);
    x.evidence_ids = r.Strings(e, "evidence_ids", p);
    if (!d) return;  // an entry without a valid date cannot be counted in any year: skipped (reported)
    x.date = *d;
    b.entries.push_back(std::move(x));
  });
  return b;
}

MemberStarBook ReadMemberStars(Reader& r, const json& o, const std::string& base) {
  MemberStarBook s;
  s.thresholds = ReadThresholds(r, o, base);
  r.Array(o, "exemptions", base, [&](const json& e, const std::string& p) {
    StarExemption x;
    if (!r.Meta(e, p, x.meta)) return;
    x.member_id = r.ReqStr(e, "member_id", p);
    x.year = r.Int(e, "year", p, 0, true);
    x.reason = r.ReqStr(e, "reason", p);
    x.approved_on = r.OptDate(e, "approved_on", p, true).value_or(Date{});
    x.approved_by = r.Str(e, "approved_by", p);
    s.exemptions.push_back(std::move(x));
  });
  return s;
}

BranchRatingBook ReadBranchRating(Reader& r, const json& o, const std::string& base) {
  BranchRatingBook b;
  b.thresholds = ReadThresholds(r, o, base);
  const json& rub = r.Object(o, "rubric", base);
  const std::string rp = base + "/rubric";
  b.rubric.example = r.Bool(rub, "example", rp);
  r.Array(rub, "items", rp, [&](const json& e, const std::string& p) {
    RubricItem it;
    if (!r.Meta(e, p, it.meta)) return;
    it.code = r.Str(e, "code", p);
    it.name_zh = r.ReqStr(e, "name_zh", p);
    it.max_points = r.OptPoints(e, "max_points", p, true).value_or(0);
    if (it.max_points <= 0) r.Add(p + "/max_points", "满分应为正数", "full marks must be positive");
    b.rubric.items.push_back(std::move(it));
  });
  const json& w = r.Object(o, "weights", base);
  const std::string wp = base + "/weights";
  b.weights.rubric = r.Int(w, "rubric", wp, b.weights.rubric, true);
  b.weights.target = r.Int(w, "target", wp, b.weights.target, true);
  b.weights.example = r.Bool(w, "example", wp, false);
  if (b.weights.rubric < 0 || b.weights.target < 0 || b.weights.rubric + b.weights.target <= 0) {
    r.Add(wp, "权重无效:不能为负且不能同时为0,已改用50/50", "invalid weights: not negative and not both 0; 50/50 is used");
    b.weights = BranchWeights{};
  }
  r.Array(o, "assessments", base, [&](const json& e, const std::string& p) {
    BranchAssessment a;
    if (!r.Meta(e, p, a.meta)) return;
    a.branch_id = r.ReqStr(e, "branch_id", p);
    a.year = r.Int(e, "year", p, 0, true);
    r.Array(e, "scores", p, [&](const json& s, const std::string& sp) {
      RubricScore x;
      x.item_id = r.ReqStr(s, "item_id", sp);
      x.score = r.OptPoints(s, "score", sp, true).value_or(0);
      if (x.score < 0) r.Add(sp + "/score", "得分不能为负", "a score must not be negative");
      a.scores.push_back(std::move(x));
    }, false);
    a.target_score = r.OptPoints(e, "target_score", p);
    if (a.target_score && (*a.target_score < 0 || *a.target_score > 1000))
      r.Add(p + "/target_score", "年终目标考核分数应在0到100之间", "the target score must be between 0 and 100");
    a.assessed_by = r.Str(e, "assessed_by", p);
    a.note = r.Str(e, "note", p);
    b.assessments.push_back(std::move(a));
  });
  r.Array(o, "history", base, [&](const json& e, const std::string& p) {
    BranchStarRecord h;
    if (!r.Meta(e, p, h.meta)) return;
    h.branch_id = r.ReqStr(e, "branch_id", p);
    h.year = r.Int(e, "year", p, 0, true);
    h.score = r.OptPoints(e, "score", p, true).value_or(0);
    h.stars = r.Int(e, "stars", p, 0, true);
    if (h.stars < 0 || h.stars > 3) r.Add(p + "/stars", "星级应为0到3", "stars must be 0..3");
    h.rank = r.Int(e, "rank", p, 0);
    h.published_on = r.OptDate(e, "published_on", p);
    b.history.push_back(std::move(h));
  });
  return b;
}

//-----------------------------------------------------------------------------
// [SECTION] Cross-record checks
//-----------------------------------------------------------------------------

template <typename T>
void CheckUniqueIds(Reader& r, const std::vector<T>& v, const std::string& base) {
  std::unordered_map<std::string, size_t> seen;
  seen.reserve(v.size() * 2);
  for (size_t i = 0; i < v.size(); ++i) {
    auto [it, fresh] = seen.emplace(v[i].meta.id, i);
    if (!fresh)
      r.Add(base + "/" + std::to_string(i) + "/id", "编号重复(与" + base + "/" + std::to_string(it->second) + "相同)",
            "duplicate id (same as " + base + "/" + std::to_string(it->second) + ")");
  }
}

template <typename T>
IdIndex IndexOf(const std::vector<T>& v) {
  return IdIndex(v.size(), [&](size_t i) -> const std::string& { return v[i].meta.id; });
}

void CheckDataset(Reader& r, const Dataset& d) {
  const Organization& o = d.org;
  CheckUniqueIds(r, o.areas, "/org/areas");
  CheckUniqueIds(r, o.general_branches, "/org/general_branches");
  CheckUniqueIds(r, o.branches, "/org/branches");
  CheckUniqueIds(r, o.members, "/org/members");
  CheckUniqueIds(r, o.cadres, "/org/cadres");
  CheckUniqueIds(r, d.points.catalogue.items, "/points/catalogue/items");
  CheckUniqueIds(r, d.points.entries, "/points/entries");
  CheckUniqueIds(r, d.member_stars.exemptions, "/member_stars/exemptions");
  CheckUniqueIds(r, d.branch_rating.rubric.items, "/branch_rating/rubric/items");
  CheckUniqueIds(r, d.branch_rating.assessments, "/branch_rating/assessments");
  CheckUniqueIds(r, d.branch_rating.history, "/branch_rating/history");

  const IdIndex areas = IndexOf(o.areas), gbs = IndexOf(o.general_branches), branches = IndexOf(o.branches),
                members = IndexOf(o.members), cadres = IndexOf(o.cadres), items = IndexOf(d.points.catalogue.items),
                rubric = IndexOf(d.branch_rating.rubric.items);
  auto ref = [&](const IdIndex& idx, const Id& id, const std::string& path, const char* what_zh, const char* what_en) {
    if (!id.empty() && idx.Find(id) < 0)
      r.Add(path, std::string("引用的") + what_zh + "不存在: " + id, std::string("refers to a ") + what_en + " that does not exist: " + id);
  };
  for (size_t i = 0; i < o.areas.size(); ++i)
    ref(cadres, o.areas[i].chief_cadre_id, "/org/areas/" + std::to_string(i) + "/chief_cadre_id", "干部", "cadre");
  for (size_t i = 0; i < o.general_branches.size(); ++i) {
    const std::string p = "/org/general_branches/" + std::to_string(i);
    ref(areas, o.general_branches[i].area_id, p + "/area_id", "片区", "area");
    ref(cadres, o.general_branches[i].secretary_cadre_id, p + "/secretary_cadre_id", "干部", "cadre");
  }
  for (size_t i = 0; i < o.branches.size(); ++i)
    ref(gbs, o.branches[i].general_branch_id, "/org/branches/" + std::to_string(i) + "/general_branch_id", "党总支", "general branch");
  std::unordered_map<std::string, size_t> hashes;
  for (size_t i = 0; i < o.members.size(); ++i) {
    const std::string p = "/org/members/" + std::to_string(i);
    ref(branches, o.members[i].branch_id, p + "/branch_id", "党支部", "branch");
    if (!o.members[i].id_hash.empty()) {
      auto [it, fresh] = hashes.emplace(o.members[i].id_hash, i);
      if (!fresh)
        r.Add(p + "/id_hash", "同一公民身份号码出现两次(与/org/members/" + std::to_string(it->second) + "是同一人)",
              "the same ID number appears twice (same person as /org/members/" + std::to_string(it->second) + ")");
    }
  }
  if (!hashes.empty() && d.id_salt.empty())
    r.Add("/id_salt", "有身份号码摘要却缺少盐值,无法识别重复人员", "ID hashes present but no salt: duplicates cannot be recognized");
  for (size_t i = 0; i < o.cadres.size(); ++i) {
    const std::string p = "/org/cadres/" + std::to_string(i);
    for (size_t k = 0; k < o.cadres[i].linked_branch_ids.size(); ++k)
      ref(branches, o.cadres[i].linked_branch_ids[k], p + "/linked_branch_ids/" + std::to_string(k), "党支部", "branch");
    ref(areas, o.cadres[i].area_id, p + "/area_id", "片区", "area");
  }
  for (size_t i = 0; i < d.points.entries.size(); ++i) {
    const std::string p = "/points/entries/" + std::to_string(i);
    ref(members, d.points.entries[i].member_id, p + "/member_id", "党员", "member");
    ref(items, d.points.entries[i].item_id, p + "/item_id", "积分项目", "point item");
  }
  for (size_t i = 0; i < d.member_stars.exemptions.size(); ++i)
    ref(members, d.member_stars.exemptions[i].member_id, "/member_stars/exemptions/" + std::to_string(i) + "/member_id", "党员", "member");
  for (size_t i = 0; i < d.branch_rating.assessments.size(); ++i) {
    const BranchAssessment& a = d.branch_rating.assessments[i];
    const std::string p = "/branch_rating/assessments/" + std::to_string(i);
    ref(branches, a.branch_id, p + "/branch_id", "党支部", "branch");
    for (size_t k = 0; k < a.scores.size(); ++k) {
      const int it = rubric.Find(a.scores[k].item_id);
      const std::string sp = p + "/scores/" + std::to_string(k);
      if (it < 0) ref(rubric, a.scores[k].item_id, sp + "/item_id", "考核细则项目", "rubric item");
      else if (a.scores[k].score > d.branch_rating.rubric.items[static_cast<size_t>(it)].max_points)
        r.Add(sp + "/score", "得分超过该项满分", "the score is above the item's full marks");
    }
  }
  for (size_t i = 0; i < d.branch_rating.history.size(); ++i)
    ref(branches, d.branch_rating.history[i].branch_id, "/branch_rating/history/" + std::to_string(i) + "/branch_id", "党支部", "branch");
}

//-----------------------------------------------------------------------------
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
//-----------------------------------------------------------------------------

uint64_t Fnv(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

json MigrateV1ToV2(const json& v1, std::string_view text, Reader& r) {
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
  v2["branch_rating"] = BranchRatingJson(br);
  v2["campaign"] = CampaignToJson(DefaultCampaign(year, ids, saved_at, device));
  return v2;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] LoadDataset, NewDataset
//-----------------------------------------------------------------------------

LoadResult LoadDataset(std::string_view text) {
  LoadResult out;
  Reader r{out.problems};
  auto refuse = [&](const std::string& path, std::string zh, std::string en) {
    out.refused = true;
    out.ok = false;
    r.Add(path, std::move(zh), std::move(en));
    return out;
  };
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
    return refuse("", "文档为空,拒绝读取(可能是保存时中断留下的空文件)", "the document is empty; refused (a crash can leave an empty file)");
  json j = json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded()) return refuse("", "不是有效的JSON文档", "not a valid JSON document");
  if (!j.is_object()) return refuse("", "文档应为JSON对象", "the document must be a JSON object");
  auto sv = j.find("schema_version");
  if (sv == j.end()) return refuse("/schema_version", "缺少schema_version,无法判断数据版本", "missing schema_version; the data version is unknown");
  if (!sv->is_number_integer())
    return refuse("/schema_version", "schema_version应为整数", "schema_version must be an integer");
  const int64_t version = sv->get<int64_t>();
  out.source_version = static_cast<int>(std::clamp<int64_t>(version, INT32_MIN, INT32_MAX));
  if (version > kSchemaVersion)
    return refuse("/schema_version",
                  "数据版本" + std::to_string(version) + "由更新版本的整建生成,本版本只认识到版本" + std::to_string(kSchemaVersion) +
                      ",为免丢失数据拒绝读取。请升级后再打开。",
                  "schema version " + std::to_string(version) + " was written by a newer Zhengjian; this one knows up to " +
                      std::to_string(kSchemaVersion) + " and refuses it rather than lose data. Update the app.");
  if (version < 1)
    return refuse("/schema_version", "无效的数据版本: " + std::to_string(version), "invalid schema version: " + std::to_string(version));
  if (version == 1) j = MigrateV1ToV2(j, text, r);

  Dataset& d = out.dataset;
  d.schema_version = kSchemaVersion;
  d.demo = r.Bool(j, "demo", "");
  d.device_id = r.Str(j, "device_id", "");
  d.id_salt = r.Str(j, "id_salt", "");
  d.org = ReadOrg(r, r.Object(j, "org", ""), "/org");
  d.points = ReadPoints(r, r.Object(j, "points", ""), "/points");
  d.member_stars = ReadMemberStars(r, r.Object(j, "member_stars", ""), "/member_stars");
  d.branch_rating = ReadBranchRating(r, r.Object(j, "branch_rating", ""), "/branch_rating");
  if (auto c = j.find("campaign"); c != j.end() && c->is_object()) d.campaign = CampaignFromJson(*c, "/campaign", out.problems);
  else r.Add("/campaign", "缺少活动安排(campaign)", "missing campaign");
  if (auto il = j.find("import_log"); il != j.end()) {  // issue 7: bundle imports (core/exchange/merge.h)
    if (il->is_array()) d.import_log = *il;
    else r.Add("/import_log", "导入记录(import_log)应为数组", "import_log must be an array");
  }
  if (auto ts = j.find("tombstones"); ts != j.end()) {  // issue 7: deletions for bundles (core/exchange/bundle.h)
    if (!ts->is_array()) {
      r.Add("/tombstones", "删除记录(tombstones)应为数组", "tombstones must be an array");
    } else {
      for (size_t i = 0; i < ts->size(); ++i) {
        const json& t = (*ts)[i];
        const bool good = t.is_object() && t.contains("collection") && t["collection"].is_string() && t.contains("id") &&
                          t["id"].is_string() && t.contains("deleted") && t["deleted"].is_string() &&
                          ParseTimestamp(t["deleted"].get<std::string>()).has_value();
        if (good) d.tombstones.push_back(t);
        else r.Add("/tombstones/" + std::to_string(i), "删除记录缺少集合、编号或删除时间", "tombstone lacks collection, id or deleted time");
      }
    }
  }
  CheckDataset(r, d);
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
  return d;
}

}  // namespace zj

// Record codecs of the organization (组织), points (积分), member stars (党员评星), branch rating (支部评星),
// tombstones and the import log. The campaign's records (学 看 谈) are in core/campaign/campaign_json.cpp.
//
// [SECTION] Organization
// [SECTION] Points and stars
// [SECTION] Branch rating
// [SECTION] Tombstones and import log
// [SECTION] Content and labels
#include "core/data/records.h"

#include "core/org/idnumber.h"

namespace zj {
using nlohmann::json;

namespace {
template <class E>
bool CodeValue(JsonReader& r, const std::string& value, const std::string& path,
               std::optional<E> (*from)(std::string_view), E& out) {
  if (auto e = from(value)) {
    out = *e;
    return true;
  }
  r.Bad(path, "未知取值: " + value, "unknown value: " + value);
  return false;
}
template <class E>
void CodeList(JsonReader& r, const json& o, const char* key, const std::string& p,
              std::optional<E> (*from)(std::string_view), std::vector<E>& out) {
  std::vector<std::string> codes;
  r.Strings(o, key, p, codes);
  out.clear();
  for (size_t i = 0; i < codes.size(); ++i) {
    E e;
    if (CodeValue(r, codes[i], p + "/" + key + "/" + std::to_string(i), from, e)) out.push_back(e);
  }
}
json Meta(const RecordMeta& m) {
  json j = json::object();
  PutMeta(j, m);
  return j;
}
}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Organization
//-----------------------------------------------------------------------------

json ToJson(const Area& a) {
  json r = Meta(a.meta);
  r["name"] = a.name;
  r["chief_cadre_id"] = a.chief_cadre_id;
  return r;
}
bool FromJson(JsonReader& r, const json& e, const std::string& p, const Dataset&, Area& a) {
  if (!r.Obj(e, p) || !r.Meta(e, p, a.meta)) return false;
  r.ReqStr(e, "name", p, a.name);
  r.Str(e, "chief_cadre_id", p, a.chief_cadre_id);
  return true;
}

json ToJson(const GeneralBranch& g) {
  json r = Meta(g.meta);
  r["name"] = g.name;
  r["area_id"] = g.area_id;
  r["secretary_cadre_id"] = g.secretary_cadre_id;
  return r;
}
bool FromJson(JsonReader& r, const json& e, const std::string& p, const Dataset&, GeneralBranch& g) {
  if (!r.Obj(e, p) || !r.Meta(e, p, g.meta)) return false;
  r.ReqStr(e, "name", p, g.name);
  r.Str(e, "area_id", p, g.area_id);
  r.Str(e, "secretary_cadre_id", p, g.secretary_cadre_id);
  return true;
}

json ToJson(const Branch& b) {
  json r = Meta(b.meta);
  r["name"] = b.name;
  r["kind"] = BranchKindCode(b.kind);
  r["general_branch_id"] = b.general_branch_id;
  r["last_year_target_rank"] = b.last_year_target_rank ? json(*b.last_year_target_rank) : json(nullptr);
  r["focus_object"] = b.focus_object;
  return r;
}
bool FromJson(JsonReader& r, const json& e, const std::string& p, const Dataset&, Branch& b) {
  if (!r.Obj(e, p) || !r.Meta(e, p, b.meta)) return false;
  r.ReqStr(e, "name", p, b.name);
  std::string kind;
  if (r.Str(e, "kind", p, kind, true)) CodeValue(r, kind, p + "/kind", BranchKindFromCode, b.kind);
  r.Str(e, "general_branch_id", p, b.general_branch_id);
  r.OptInt(e, "last_year_target_rank", p, b.last_year_target_rank, -1000000000, 1000000000);
  if (b.last_year_target_rank && *b.last_year_target_rank < 1) {
    r.Bad(p + "/last_year_target_rank", "排名应从1开始", "a rank starts at 1");
    b.last_year_target_rank.reset();
  }
  r.Bool(e, "focus_object", p, b.focus_object);
  return true;
}

json ToJson(const Member& m) {
  json r = Meta(m.meta);
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
  for (Post x : m.posts) posts.push_back(PostCode(x));
  r["posts"] = std::move(posts);
  r["other_posts"] = m.other_posts;
  r["representative"] = m.representative;
  r["reserve_cadre"] = m.reserve_cadre;
  r["id_hash"] = m.id_hash;
  r["id_masked"] = m.id_masked;
  return r;
}
bool FromJson(JsonReader& r, const json& e, const std::string& p, const Dataset&, Member& m) {
  if (!r.Obj(e, p) || !r.Meta(e, p, m.meta)) return false;
  r.ReqStr(e, "name", p, m.name);
  r.Str(e, "sex", p, m.sex);
  if (!m.sex.empty() && m.sex != "男" && m.sex != "女") r.Bad(p + "/sex", "性别应为“男”或“女”", "sex must be 男 or 女");
  r.Str(e, "ethnicity", p, m.ethnicity);
  r.OptDate(e, "birth_date", p, m.birth_date);
  r.OptDate(e, "join_date", p, m.join_date);
  if (m.birth_date && m.join_date && SurelyBefore(*m.join_date, *m.birth_date))
    r.Bad(p + "/join_date", "入党日期早于出生日期", "join date is before the birth date");
  std::string st;
  if (r.Str(e, "status", p, st) && !st.empty()) CodeValue(r, st, p + "/status", MemberStatusFromCode, m.status);
  r.Str(e, "education", p, m.education);
  r.Str(e, "phone", p, m.phone);
  r.ReqStr(e, "branch_id", p, m.branch_id);
  CodeList(r, e, "posts", p, PostFromCode, m.posts);
  r.Str(e, "other_posts", p, m.other_posts);
  r.Bool(e, "representative", p, m.representative);
  r.Bool(e, "reserve_cadre", p, m.reserve_cadre);
  r.Str(e, "id_hash", p, m.id_hash);
  r.Str(e, "id_masked", p, m.id_masked);
  if (!m.id_hash.empty() &&
      (m.id_hash.size() != 64 || m.id_hash.find_first_not_of("0123456789abcdef") != std::string::npos))
    r.Bad(p + "/id_hash", "身份号码摘要应为64位十六进制", "id_hash must be 64 lower-case hex characters");
  if (!m.id_masked.empty() && m.id_masked.find('*') == std::string::npos)
    r.Bad(p + "/id_masked", "身份号码应以脱敏形式保存（含*），不得保存明文",
          "the ID number must be stored masked (with *), never in clear");
  return true;
}

json ToJson(const Cadre& c) {
  json r = Meta(c.meta);
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
  return r;
}
bool FromJson(JsonReader& r, const json& e, const std::string& p, const Dataset&, Cadre& c) {
  if (!r.Obj(e, p) || !r.Meta(e, p, c.meta)) return false;
  r.ReqStr(e, "name", p, c.name);
  r.Str(e, "title", p, c.title);
  CodeList(r, e, "roles", p, CadreRoleFromCode, c.roles);
  r.Strings(e, "linked_branch_ids", p, c.linked_branch_ids);
  CodeList(r, e, "lecture_teams", p, LectureTeamFromCode, c.lecture_teams);
  r.Str(e, "area_id", p, c.area_id);
  return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Points and stars
//-----------------------------------------------------------------------------

json ToJson(const PointItem& it) {
  json r = Meta(it.meta);
  r["code"] = it.code;
  r["category"] = PointCategoryCode(it.category);
  r["name_zh"] = it.name_zh;
  r["points"] = PointsJson(it.points);
  r["yearly_cap"] = it.yearly_cap ? PointsJson(*it.yearly_cap) : json(nullptr);
  r["evidence_required"] = it.evidence_required;
  return r;
}
bool FromJson(JsonReader& r, const json& e, const std::string& p, const Dataset&, PointItem& it) {
  if (!r.Obj(e, p) || !r.Meta(e, p, it.meta)) return false;
  r.Str(e, "code", p, it.code);
  std::string c;
  if (r.Str(e, "category", p, c, true)) CodeValue(r, c, p + "/category", PointCategoryFromCode, it.category);
  r.ReqStr(e, "name_zh", p, it.name_zh);
  r.Points(e, "points", p, it.points, true);
  r.OptPoints(e, "yearly_cap", p, it.yearly_cap);
  if (it.yearly_cap && *it.yearly_cap <= 0) {
    r.Bad(p + "/yearly_cap", "年度上限应为正数（扣分项目也写正数）", "the yearly cap must be positive (also for deductions)");
    it.yearly_cap.reset();
  }
  r.Bool(e, "evidence_required", p, it.evidence_required);
  return true;
}

json ToJson(const PointEntry& x) {
  json r = Meta(x.meta);
  r["member_id"] = x.member_id;
  r["item_id"] = x.item_id;
  r["date"] = x.date.ToString();
  r["points"] = PointsJson(x.points);
  r["note"] = x.note;
  r["recorded_by"] = x.recorded_by;
  r["evidence_ids"] = x.evidence_ids;
  return r;
}
bool FromJson(JsonReader& r, const json& e, const std::string& p, const Dataset&, PointEntry& x) {
  if (!r.Obj(e, p) || !r.Meta(e, p, x.meta)) return false;
  r.ReqStr(e, "member_id", p, x.member_id);
  r.ReqStr(e, "item_id", p, x.item_id);
  const bool dated = r.DateF(e, "date", p, x.date, true);
  r.Points(e, "points", p, x.points, true);
  r.Str(e, "note", p, x.note);
  r.Str(e, "recorded_by", p, x.recorded_by);
  r.Strings(e, "evidence_ids", p, x.evidence_ids);
  return dated;  // an entry without a valid date cannot be counted in any year: skipped (reported)
}

json ToJson(const StarExemption& x) {
  json r = Meta(x.meta);
  r["member_id"] = x.member_id;
  r["year"] = x.year;
  r["reason"] = x.reason;
  r["approved_on"] = x.approved_on.ToString();
  r["approved_by"] = x.approved_by;
  return r;
}
bool FromJson(JsonReader& r, const json& e, const std::string& p, const Dataset&, StarExemption& x) {
  if (!r.Obj(e, p) || !r.Meta(e, p, x.meta)) return false;
  r.ReqStr(e, "member_id", p, x.member_id);
  r.Int(e, "year", p, x.year, 1900, 2199, true);
  r.ReqStr(e, "reason", p, x.reason);
  r.DateF(e, "approved_on", p, x.approved_on, true);
  r.Str(e, "approved_by", p, x.approved_by);
  return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Branch rating
//-----------------------------------------------------------------------------

json ToJson(const RubricItem& it) {
  json r = Meta(it.meta);
  r["code"] = it.code;
  r["name_zh"] = it.name_zh;
  r["max_points"] = PointsJson(it.max_points);
  return r;
}
bool FromJson(JsonReader& r, const json& e, const std::string& p, const Dataset&, RubricItem& it) {
  if (!r.Obj(e, p) || !r.Meta(e, p, it.meta)) return false;
  r.Str(e, "code", p, it.code);
  r.ReqStr(e, "name_zh", p, it.name_zh);
  r.Points(e, "max_points", p, it.max_points, true);
  if (it.max_points <= 0) r.Bad(p + "/max_points", "满分应为正数", "full marks must be positive");
  return true;
}

json ToJson(const BranchAssessment& a) {
  json r = Meta(a.meta);
  r["branch_id"] = a.branch_id;
  r["year"] = a.year;
  json scores = json::array();
  for (const RubricScore& s : a.scores) scores.push_back(json{{"item_id", s.item_id}, {"score", PointsJson(s.score)}});
  r["scores"] = std::move(scores);
  r["target_score"] = a.target_score ? PointsJson(*a.target_score) : json(nullptr);
  r["assessed_by"] = a.assessed_by;
  r["note"] = a.note;
  return r;
}
bool FromJson(JsonReader& r, const json& e, const std::string& p, const Dataset&, BranchAssessment& a) {
  if (!r.Obj(e, p) || !r.Meta(e, p, a.meta)) return false;
  r.ReqStr(e, "branch_id", p, a.branch_id);
  r.Int(e, "year", p, a.year, 1900, 2199, true);
  a.scores.clear();
  if (const json* scores = r.Arr(e, "scores", p)) {
    for (size_t i = 0; i < scores->size(); ++i) {
      const std::string sp = p + "/scores/" + std::to_string(i);
      const json& s = (*scores)[i];
      RubricScore x;
      if (!r.Obj(s, sp)) continue;
      r.ReqStr(s, "item_id", sp, x.item_id);
      r.Points(s, "score", sp, x.score, true);
      if (x.score < 0) r.Bad(sp + "/score", "得分不能为负", "a score must not be negative");
      a.scores.push_back(std::move(x));
    }
  }
  r.OptPoints(e, "target_score", p, a.target_score);
  if (a.target_score && (*a.target_score < 0 || *a.target_score > 1000))
    r.Bad(p + "/target_score", "年终目标考核分数应在0到100之间", "the target score must be between 0 and 100");
  r.Str(e, "assessed_by", p, a.assessed_by);
  r.Str(e, "note", p, a.note);
  return true;
}

json ToJson(const BranchStarRecord& h) {
  json r = Meta(h.meta);
  r["branch_id"] = h.branch_id;
  r["year"] = h.year;
  r["score"] = PointsJson(h.score);
  r["stars"] = h.stars;
  r["rank"] = h.rank;
  r["published_on"] = OptDateJson(h.published_on);
  return r;
}
bool FromJson(JsonReader& r, const json& e, const std::string& p, const Dataset&, BranchStarRecord& h) {
  if (!r.Obj(e, p) || !r.Meta(e, p, h.meta)) return false;
  r.ReqStr(e, "branch_id", p, h.branch_id);
  r.Int(e, "year", p, h.year, 1900, 2199, true);
  r.Points(e, "score", p, h.score, true);
  r.Int(e, "stars", p, h.stars, 0, 3, true);
  r.Int(e, "rank", p, h.rank, 0, 1000000);
  r.OptDate(e, "published_on", p, h.published_on);
  return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Tombstones and import log
//-----------------------------------------------------------------------------

json ToJson(const Tombstone& t) {
  json r = Meta(t.meta);
  r["collection"] = t.collection;
  r["label"] = t.label;
  return r;
}
bool FromJson(JsonReader& r, const json& e, const std::string& p, const Dataset&, Tombstone& t) {
  if (!r.Obj(e, p)) return false;
  // Schema 2 wrote {"collection", "id", "label", "deleted", "device"}: the deletion time is the record's updated.
  if (e.contains("deleted") && !e.contains("updated")) {
    json x = e;
    x["created"] = x["updated"] = x["deleted"];
    x.erase("deleted");
    return FromJson(r, x, p, Dataset{}, t);
  }
  if (!r.Meta(e, p, t.meta)) return false;
  const bool ok = r.ReqStr(e, "collection", p, t.collection);
  r.Str(e, "label", p, t.label);
  return ok;
}

json ToJson(const ImportLogEntry& e) {
  json r = Meta(e.meta);
  for (auto it = e.body.begin(); it != e.body.end(); ++it)
    if (!r.contains(it.key())) r[it.key()] = it.value();
  return r;
}
bool FromJson(JsonReader& r, const json& e, const std::string& p, const Dataset&, ImportLogEntry& x) {
  if (!r.Obj(e, p)) return false;
  if (!e.contains("id")) {  // schema 2: no record metadata; the bundle's checksum names the entry
    auto sha_it = e.find("bundle_sha256");
    const std::string sha = sha_it != e.end() && sha_it->is_string() ? sha_it->get<std::string>() : std::string();
    if (sha.size() < 16 || !IsHexId(sha.substr(0, 16))) {
      r.Bad(p + "/bundle_sha256", "导入记录缺少材料包校验和", "import log entry without the bundle's checksum");
      return false;
    }
    x.meta.id = sha.substr(0, 16);
    auto at = e.find("imported_at");
    auto t = at != e.end() && at->is_string() ? ParseTimestamp(at->get<std::string>()) : std::nullopt;
    x.meta.created = x.meta.updated = t.value_or(0);
    x.body = e;
    return true;
  }
  if (!r.Meta(e, p, x.meta)) return false;
  x.body = ContentOf(e);
  x.body.erase("id");
  return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Content and labels
//-----------------------------------------------------------------------------

json ContentOf(json j) {
  if (j.is_object())
    for (const char* k : {"created", "updated", "device", "rev", "revs"}) j.erase(k);
  return j;
}

Rev ContentRevision(const json& record) {
  const std::string hex = Sha256Hex(ContentOf(record).dump(-1, ' ', false, json::error_handler_t::replace));
  return Rev::Parse("1-" + hex.substr(0, 8)).value_or(Rev{1, 0});
}

std::string RecordLabel(const json& r) {
  for (const char* k : {"name", "theme_zh", "title", "title_zh", "venue", "label", "text"}) {
    auto it = r.find(k);
    if (it != r.end() && it->is_string() && !it->get_ref<const std::string&>().empty()) return it->get<std::string>();
  }
  auto id = r.is_object() ? r.find("id") : r.end();
  return r.is_object() && id != r.end() && id->is_string() ? id->get<std::string>() : std::string();
}

}  // namespace zj

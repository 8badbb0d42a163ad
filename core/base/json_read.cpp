#include "core/base/json_read.h"

#include <algorithm>

namespace zj {
using nlohmann::json;

const char* JsonTypeZh(const json& j) {
  switch (j.type()) {
    case json::value_t::null: return "空值";
    case json::value_t::object: return "对象";
    case json::value_t::array: return "数组";
    case json::value_t::string: return "文本";
    case json::value_t::boolean: return "真假值";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "整数";
    case json::value_t::number_float: return "小数";
    default: return "其他";
  }
}

bool IsHexId(std::string_view s) {
  if (s.size() != 16) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

const json* JsonReader::Get(const json& o, const std::string& key, const std::string& path, bool required) {
  const json* v = nullptr;
  if (o.is_object()) {
    auto it = o.find(key);
    if (it != o.end() && !it->is_null()) v = &*it;
  }
  if (!v && required) Bad(path + "/" + key, "缺少字段 “" + key + "”", "missing field \"" + key + "\"");
  return v;
}

bool JsonReader::TypeErr(const json& v, const std::string& path, const char* want_zh, const char* want_en) {
  Bad(path, std::string("类型错误：应为") + want_zh + "，实际为" + JsonTypeZh(v),
      std::string("wrong type: expected ") + want_en + ", found " + v.type_name());
  return false;
}

bool JsonReader::Obj(const json& v, const std::string& path) {
  return v.is_object() || TypeErr(v, path, "对象", "an object");
}

const json* JsonReader::Object(const json& o, const std::string& key, const std::string& path, bool required) {
  const json* v = Get(o, key, path, required);
  if (!v) return nullptr;
  if (!v->is_object()) {
    TypeErr(*v, path + "/" + key, "对象", "an object");
    return nullptr;
  }
  return v;
}

const json* JsonReader::Arr(const json& o, const std::string& key, const std::string& path, bool required) {
  const json* v = Get(o, key, path, required);
  if (!v) return nullptr;
  if (!v->is_array()) {
    TypeErr(*v, path + "/" + key, "数组", "an array");
    return nullptr;
  }
  return v;
}

bool JsonReader::Str(const json& o, const std::string& key, const std::string& path, std::string& out, bool required) {
  const json* v = Get(o, key, path, required);
  if (!v) return false;
  if (!v->is_string()) return TypeErr(*v, path + "/" + key, "文本", "a string");
  out = v->get_ref<const std::string&>();
  return true;
}

bool JsonReader::ReqStr(const json& o, const std::string& key, const std::string& path, std::string& out) {
  std::string s;
  if (!Str(o, key, path, s, true)) return false;
  if (s.empty()) {
    Bad(path + "/" + key, "不能为空", "must not be empty");
    return false;
  }
  out = std::move(s);
  return true;
}

bool JsonReader::StrValue(const json& v, const std::string& path, std::string& out) {
  if (!v.is_string()) return TypeErr(v, path, "文本", "a string");
  out = v.get_ref<const std::string&>();
  return true;
}

bool JsonReader::Int(const json& o, const std::string& key, const std::string& path, int& out, long long lo,
                     long long hi, bool required) {
  const json* v = Get(o, key, path, required);
  return v && IntValue(*v, path + "/" + key, out, lo, hi);
}

bool JsonReader::IntValue(const json& v, const std::string& path, int& out, long long lo, long long hi) {
  if (!v.is_number_integer()) return TypeErr(v, path, "整数", "an integer");
  const long long x = v.is_number_unsigned()
                          ? static_cast<long long>(std::min<unsigned long long>(v.get<unsigned long long>(), 1ull << 62))
                          : v.get<long long>();
  if (x < lo || x > hi) {
    Bad(path, "数值 " + std::to_string(x) + " 超出范围 " + std::to_string(lo) + "–" + std::to_string(hi),
        "value " + std::to_string(x) + " is out of range " + std::to_string(lo) + ".." + std::to_string(hi));
    return false;
  }
  out = static_cast<int>(x);
  return true;
}

void JsonReader::OptInt(const json& o, const std::string& key, const std::string& path, std::optional<int>& out,
                        long long lo, long long hi) {
  out.reset();
  int x = 0;
  if (Int(o, key, path, x, lo, hi)) out = x;
}

bool JsonReader::Int64(const json& o, const std::string& key, const std::string& path, int64_t& out, bool required) {
  const json* v = Get(o, key, path, required);
  if (!v) return false;
  if (!v->is_number_integer()) return TypeErr(*v, path + "/" + key, "整数", "an integer");
  if (v->is_number_unsigned() && v->get<unsigned long long>() > static_cast<unsigned long long>(INT64_MAX)) {
    Bad(path + "/" + key, "数值超出范围", "number out of range");
    return false;
  }
  out = v->get<int64_t>();
  return true;
}

bool JsonReader::Bool(const json& o, const std::string& key, const std::string& path, bool& out, bool required) {
  const json* v = Get(o, key, path, required);
  if (!v) return false;
  if (!v->is_boolean()) return TypeErr(*v, path + "/" + key, "真假值", "a boolean");
  out = v->get<bool>();
  return true;
}

bool JsonReader::DateValue(const json& v, const std::string& path, Date& out) {
  if (!v.is_string()) return TypeErr(v, path, "日期文本 (YYYY-MM-DD)", "a date string (YYYY-MM-DD)");
  auto d = Date::Parse(v.get_ref<const std::string&>());
  if (!d) {
    Bad(path, "日期无效，应为 YYYY-MM-DD：“" + v.get<std::string>() + "”",
        "invalid date, expected YYYY-MM-DD: \"" + v.get<std::string>() + "\"");
    return false;
  }
  out = *d;
  return true;
}

bool JsonReader::DateF(const json& o, const std::string& key, const std::string& path, Date& out, bool required) {
  const json* v = Get(o, key, path, required);
  return v && DateValue(*v, path + "/" + key, out);
}

void JsonReader::OptDate(const json& o, const std::string& key, const std::string& path, std::optional<Date>& out) {
  out.reset();
  const json* v = Get(o, key, path, false);
  if (!v || (v->is_string() && v->get_ref<const std::string&>().empty())) return;
  Date d;
  if (DateValue(*v, path + "/" + key, d)) out = d;
}

void JsonReader::OptDate(const json& o, const std::string& key, const std::string& path, std::optional<DateOrMonth>& out) {
  out.reset();
  const json* v = Get(o, key, path, false);
  if (!v || (v->is_string() && v->get_ref<const std::string&>().empty())) return;
  if (!v->is_string()) {
    TypeErr(*v, path + "/" + key, "日期文本 (YYYY-MM-DD 或 YYYY-MM)", "a date string (YYYY-MM-DD or YYYY-MM)");
    return;
  }
  auto d = DateOrMonth::Parse(v->get_ref<const std::string&>());
  if (!d) {
    Bad(path + "/" + key, "日期无效，应为 YYYY-MM-DD 或 YYYY-MM：“" + v->get<std::string>() + "”",
        "invalid date, expected YYYY-MM-DD or YYYY-MM: \"" + v->get<std::string>() + "\"");
    return;
  }
  out = *d;
}

void JsonReader::Dates(const json& o, const std::string& key, const std::string& path, std::vector<Date>& out) {
  out.clear();
  const json* a = Arr(o, key, path);
  if (!a) return;
  for (size_t i = 0; i < a->size(); ++i) {
    Date d;
    if (DateValue((*a)[i], path + "/" + key + "/" + std::to_string(i), d)) out.push_back(d);
  }
}

bool JsonReader::Timestamp(const json& o, const std::string& key, const std::string& path, TimestampMs& out,
                           bool required) {
  const json* v = Get(o, key, path, required);
  if (!v) return false;
  if (!v->is_string()) return TypeErr(*v, path + "/" + key, "时间文本", "a timestamp string");
  auto t = ParseTimestamp(v->get_ref<const std::string&>());
  if (!t) {
    Bad(path + "/" + key, "时间无效，应为 ISO 8601 (UTC，如 2018-03-23T01:02:03.004Z)：“" + v->get<std::string>() + "”",
        "invalid time, expected ISO 8601 UTC (e.g. 2018-03-23T01:02:03.004Z): \"" + v->get<std::string>() + "\"");
    return false;
  }
  out = *t;
  return true;
}

void JsonReader::Strings(const json& o, const std::string& key, const std::string& path, std::vector<std::string>& out) {
  out.clear();
  const json* a = Arr(o, key, path);
  if (!a) return;
  for (size_t i = 0; i < a->size(); ++i) {
    std::string s;
    if (StrValue((*a)[i], path + "/" + key + "/" + std::to_string(i), s)) out.push_back(std::move(s));
  }
}

bool JsonReader::Points(const json& o, const std::string& key, const std::string& path, int32_t& out, bool required) {
  const json* v = Get(o, key, path, required);
  if (!v) return false;
  if (!v->is_number()) return TypeErr(*v, path + "/" + key, "数字", "a number");
  const double x = v->get<double>();
  // The range check comes before any conversion: 1e20 or inf (a JSON number too large for a double) cast to an
  // integer is undefined behaviour, found by the dataset and bundle fuzzers.
  if (!(x > -1e7 && x < 1e7)) {
    Bad(path + "/" + key, "分值无效：最多一位小数（如 89.5）", "invalid points: at most one decimal (e.g. 89.5)");
    return false;
  }
  const double scaled = x * 10.0;
  const double rounded = static_cast<double>(static_cast<long long>(scaled + (scaled < 0 ? -0.5 : 0.5)));
  if (scaled - rounded > 1e-6 || rounded - scaled > 1e-6) {
    Bad(path + "/" + key, "分值无效：最多一位小数（如 89.5）", "invalid points: at most one decimal (e.g. 89.5)");
    return false;
  }
  out = static_cast<int32_t>(rounded);
  return true;
}

void JsonReader::OptPoints(const json& o, const std::string& key, const std::string& path,
                           std::optional<int32_t>& out) {
  out.reset();
  int32_t t = 0;
  if (Points(o, key, path, t)) out = t;
}

bool JsonReader::Meta(const json& o, const std::string& path, RecordMeta& m, bool hex_id) {
  const json* id = Get(o, "id", path, false);
  if (!id || !id->is_string() || id->get_ref<const std::string&>().empty()) {
    Bad(path + "/id", "缺少记录编号，该记录未读入", "missing record id; the record was skipped");
    return false;
  }
  m.id = id->get<std::string>();
  if (hex_id && !IsHexId(m.id)) {
    Bad(path + "/id", "编号 “" + m.id + "” 无效，应为16位小写十六进制，该记录未读入",
        "invalid id \"" + m.id + "\", expected 16 lowercase hex digits; the record was skipped");
    return false;
  }
  const bool c = Timestamp(o, "created", path, m.created);
  if (!Timestamp(o, "updated", path, m.updated)) m.updated = c ? m.created : 0;
  if (c && m.updated < m.created) Bad(path + "/updated", "修改时间早于创建时间", "updated is earlier than created");
  Str(o, "device", path, m.device);
  if (const json* r = Get(o, "rev", path, false)) {
    std::optional<Rev> rev = r->is_string() ? Rev::Parse(r->get_ref<const std::string&>()) : std::nullopt;
    if (rev) m.rev = *rev;
    else Bad(path + "/rev", "修订号无效，应为“代数-8位十六进制”", "invalid revision, expected \"<gen>-<8 hex>\"");
  }
  m.revs.clear();
  if (const json* a = Arr(o, "revs", path)) {
    for (size_t i = 0; i < a->size() && m.revs.size() < kMaxRevHistory; ++i) {
      const json& x = (*a)[i];
      std::optional<Rev> rev = x.is_string() ? Rev::Parse(x.get_ref<const std::string&>()) : std::nullopt;
      if (rev) m.revs.push_back(*rev);
      else Bad(path + "/revs/" + std::to_string(i), "修订号无效", "invalid revision");
    }
  }
  return true;
}

bool JsonReader::Unique(std::set<Id>& seen, const Id& id, const std::string& path) {
  if (seen.insert(id).second) return true;
  Bad(path + "/id", "重复的编号 " + id + "，本条已跳过", "duplicate id " + id + "; this entry is skipped");
  return false;
}

void PutMeta(json& j, const RecordMeta& m) {
  j["id"] = m.id;
  j["created"] = FormatTimestamp(m.created);
  j["updated"] = FormatTimestamp(m.updated);
  j["device"] = m.device;
  if (!m.rev.empty()) j["rev"] = m.rev.ToString();
  if (!m.revs.empty()) {
    json a = json::array();
    for (const Rev& r : m.revs) a.push_back(r.ToString());
    j["revs"] = std::move(a);
  }
}

json OptDateJson(const std::optional<Date>& d) { return d ? json(d->ToString()) : json(nullptr); }
json OptDateJson(const std::optional<DateOrMonth>& d) { return d ? json(d->ToString()) : json(nullptr); }

json PointsJson(int32_t t) {
  if (t % 10 == 0) return json(static_cast<int64_t>(t / 10));
  return json(static_cast<double>(t) / 10.0);
}

}  // namespace zj

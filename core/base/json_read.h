// Zhengjian core: the one JSON reading helper. Every reader of stored documents (dataset, journal entries,
// bundles) and of command arguments goes through JsonReader, so a bad value gets the same kind of message
// everywhere: where (a JSON pointer such as "/org/members/3/birth_date") and what, Chinese first with English.
// docs/architecture.md "Reading input": nothing throws, nothing is half-read silently.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/types.h"

namespace zj {

/// A table of an enum's stable JSON codes, e.g. {{Strand::Learn, "learn"}, ...}: one per enum, shared by the
/// writer and the reader.
template <class E>
using CodeTable = std::vector<std::pair<E, const char*>>;

/// The code of `e` in `t` ("" when missing).
template <class E>
const char* CodeOf(const CodeTable<E>& t, E e) {
  for (const auto& kv : t)
    if (kv.first == e) return kv.second;
  return "";
}
/// The enum whose code is `code`, or nullopt.
template <class E>
std::optional<E> FromCodeIn(const CodeTable<E>& t, std::string_view code) {
  for (const auto& kv : t)
    if (code == kv.second) return kv.first;
  return std::nullopt;
}
/// "a, b, c": the codes of a table, for messages.
template <class E>
std::string CodeList(const CodeTable<E>& t) {
  std::string s;
  for (const auto& kv : t) {
    if (!s.empty()) s += ", ";
    s += kv.second;
  }
  return s;
}

/// "对象", "文本", …: the Chinese name of a JSON value's type, for messages.
const char* JsonTypeZh(const nlohmann::json& j);

/// True for a record id as the app makes them: 16 lowercase hex digits.
bool IsHexId(std::string_view s);

/// Reads JSON with validation. Each method reads one member `key` of object `o` at JSON pointer `path` (the
/// object's path; the member's is path + "/" + key). A missing or null member is reported only when `required`;
/// a value of the wrong type or out of range is always reported, and `out` is then left as it was. The bool
/// result says whether `out` was set.
class JsonReader {
 public:
  explicit JsonReader(Problems& problems) : p_(problems) {}
  Problems& problems() { return p_; }

  /// Adds a problem at `path`.
  void Bad(const std::string& path, const std::string& zh, const std::string& en) { p_.push_back({path, zh, en}); }

  /// The member `key` of `o`, or nullptr when `o` is no object or the member is absent or null ("缺少字段"
  /// reported when `required`).
  const nlohmann::json* Get(const nlohmann::json& o, const std::string& key, const std::string& path, bool required);
  /// Reports "类型错误" (wrong type) at `path`; returns false.
  bool TypeErr(const nlohmann::json& v, const std::string& path, const char* want_zh, const char* want_en);
  /// True when `v` is an object (else reported).
  bool Obj(const nlohmann::json& v, const std::string& path);
  /// The object member `key` (nullptr when absent or not an object; reported when required or of the wrong type).
  const nlohmann::json* Object(const nlohmann::json& o, const std::string& key, const std::string& path,
                               bool required = false);
  /// The array member `key` (nullptr when absent or not an array).
  const nlohmann::json* Arr(const nlohmann::json& o, const std::string& key, const std::string& path,
                            bool required = false);

  bool Str(const nlohmann::json& o, const std::string& key, const std::string& path, std::string& out,
           bool required = false);
  /// A string that must be present and not empty after trimming nothing (stored text is taken as written).
  bool ReqStr(const nlohmann::json& o, const std::string& key, const std::string& path, std::string& out);
  bool StrValue(const nlohmann::json& v, const std::string& path, std::string& out);
  /// An integer in [lo, hi].
  bool Int(const nlohmann::json& o, const std::string& key, const std::string& path, int& out, long long lo,
           long long hi, bool required = false);
  bool IntValue(const nlohmann::json& v, const std::string& path, int& out, long long lo, long long hi);
  /// An optional integer in [lo, hi]: null or absent -> nullopt.
  void OptInt(const nlohmann::json& o, const std::string& key, const std::string& path, std::optional<int>& out,
              long long lo, long long hi);
  /// A 64-bit integer (e.g. milliseconds).
  bool Int64(const nlohmann::json& o, const std::string& key, const std::string& path, int64_t& out,
             bool required = false);
  bool Bool(const nlohmann::json& o, const std::string& key, const std::string& path, bool& out,
            bool required = false);
  /// A civil date "YYYY-MM-DD".
  bool DateValue(const nlohmann::json& v, const std::string& path, Date& out);
  bool DateF(const nlohmann::json& o, const std::string& key, const std::string& path, Date& out, bool required);
  /// Absent, null or "" -> nullopt; otherwise a valid date or a problem.
  void OptDate(const nlohmann::json& o, const std::string& key, const std::string& path, std::optional<Date>& out);
  /// An optional date that may be a month alone: `YYYY-MM-DD` or `YYYY-MM` (DateOrMonth); absent, null or "" = none.
  void OptDate(const nlohmann::json& o, const std::string& key, const std::string& path, std::optional<DateOrMonth>& out);
  void Dates(const nlohmann::json& o, const std::string& key, const std::string& path, std::vector<Date>& out);
  /// An ISO 8601 UTC time string (FormatTimestamp) -> milliseconds.
  bool Timestamp(const nlohmann::json& o, const std::string& key, const std::string& path, TimestampMs& out,
                 bool required = true);
  /// An array of strings (record ids, names).
  void Strings(const nlohmann::json& o, const std::string& key, const std::string& path,
               std::vector<std::string>& out);
  /// Points as a JSON number on the 0.1 grid (89.5) -> tenths.
  bool Points(const nlohmann::json& o, const std::string& key, const std::string& path, int32_t& out,
              bool required = false);
  void OptPoints(const nlohmann::json& o, const std::string& key, const std::string& path,
                 std::optional<int32_t>& out);
  /// Local minutes 0..1439.
  void Minute(const nlohmann::json& o, const std::string& key, const std::string& path, int& out) {
    Int(o, key, path, out, 0, 1439);
  }

  template <class E>
  bool EnumValue(const nlohmann::json& v, const std::string& path, const CodeTable<E>& t, E& out) {
    if (!v.is_string()) return TypeErr(v, path, "文本", "a string");
    if (auto e = FromCodeIn(t, v.get_ref<const std::string&>())) {
      out = *e;
      return true;
    }
    const std::string s = v.get<std::string>();
    Bad(path, "未知取值 “" + s + "”，可选: " + CodeList(t), "unknown value \"" + s + "\"; one of: " + CodeList(t));
    return false;
  }
  template <class E>
  bool Enum(const nlohmann::json& o, const std::string& key, const std::string& path, const CodeTable<E>& t, E& out,
            bool required = false) {
    const nlohmann::json* v = Get(o, key, path, required);
    return v && EnumValue(*v, path + "/" + key, t, out);
  }
  template <class E>
  void EnumArr(const nlohmann::json& o, const std::string& key, const std::string& path, const CodeTable<E>& t,
               std::vector<E>& out) {
    out.clear();
    const nlohmann::json* a = Arr(o, key, path);
    if (!a) return;
    for (size_t i = 0; i < a->size(); ++i) {
      E e;
      if (EnumValue((*a)[i], path + "/" + key + "/" + std::to_string(i), t, e)) out.push_back(e);
    }
  }

  /// Record metadata: id (required: false when missing, the record is then skipped; with `hex_id` also when it
  /// is not 16 lowercase hex digits, the form the app makes), created / updated (ISO times), device, rev and revs
  /// (schema 3; absent in older documents).
  bool Meta(const nlohmann::json& o, const std::string& path, RecordMeta& m, bool hex_id = false);
  /// Reports a duplicate record id within one list ("重复的编号"); false for a duplicate.
  bool Unique(std::set<Id>& seen, const Id& id, const std::string& path);

 private:
  Problems& p_;
};

/// Writes a record's metadata into `j`: id, created, updated, device, rev (when set), revs (when not empty).
void PutMeta(nlohmann::json& j, const RecordMeta& m);
/// A date as JSON: "YYYY-MM-DD" or null.
nlohmann::json OptDateJson(const std::optional<Date>& d);
/// `YYYY-MM-DD` / `YYYY-MM` text, or null.
nlohmann::json OptDateJson(const std::optional<DateOrMonth>& d);
/// Points (tenths) as a JSON number: 90 or 89.5.
nlohmann::json PointsJson(int32_t tenths);

}  // namespace zj

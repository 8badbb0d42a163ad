// Zhengjian core: reading command arguments (JSON) with Chinese-first problems. Used by the command files
// of the 组织 / 评 screens (commands_org.cpp, commands_rate.cpp). Every reader returns nullopt or a
// Problem naming the argument's path ("/name"), never throws.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/encoding.h"
#include "core/rate/points.h"
#include "core/base/types.h"

namespace zj::args {

/// A problem at `path` (e.g. "/branch_id").
inline Problem Bad(const std::string& path, const std::string& zh, const std::string& en) { return {path, zh, en}; }

/// The string at `key`, or nullopt when absent or not a string.
inline std::optional<std::string> Str(const nlohmann::json& a, const char* key) {
  auto f = a.find(key);
  if (f == a.end() || !f->is_string()) return std::nullopt;
  return f->get<std::string>();
}

/// Reads an optional text field: absent -> untouched; present and a string -> trimmed into `out`
/// (and `required` refuses an empty one); present and not a string -> a problem.
inline std::optional<Problem> Text(const nlohmann::json& a, const char* key, std::string& out, bool required,
                                   const char* what_zh, const char* what_en) {
  if (!a.contains(key)) return std::nullopt;
  auto v = Str(a, key);
  if (!v) return Bad(std::string("/") + key, std::string(what_zh) + "应为文字", std::string(what_en) + " must be text");
  std::string t = TrimSpaces(*v);
  if (required && t.empty())
    return Bad(std::string("/") + key, std::string(what_zh) + "不能为空", std::string(what_en) + " must not be empty");
  out = std::move(t);
  return std::nullopt;
}

/// A `YYYY-MM-DD` date at `key`; nullopt with a problem in `*problem` when absent or malformed.
inline std::optional<Date> DateArg(const nlohmann::json& a, const char* key, std::optional<Problem>* problem) {
  auto v = Str(a, key);
  auto d = v ? Date::Parse(TrimSpaces(*v)) : std::nullopt;
  if (!d) *problem = Bad(std::string("/") + key, "日期格式应为 YYYY-MM-DD", "dates are YYYY-MM-DD");
  return d;
}

/// Points at `key`, as a JSON number on the 0.1 grid (89.5) or a string ParsePoints reads ("89.5", "+2").
inline std::optional<Tenths> PointsArg(const nlohmann::json& a, const char* key) {
  auto f = a.find(key);
  if (f == a.end()) return std::nullopt;
  if (f->is_number()) return TenthsFromDouble(f->get<double>());
  if (f->is_string()) return ParsePoints(f->get<std::string>());
  return std::nullopt;
}

/// An integer at `key` (JSON integer, or a whole-valued number).
inline std::optional<int> IntArg(const nlohmann::json& a, const char* key) {
  auto f = a.find(key);
  if (f == a.end() || !f->is_number()) return std::nullopt;
  const double x = f->get<double>();
  if (x != static_cast<double>(static_cast<long long>(x)) || x < -1e9 || x > 1e9) return std::nullopt;
  return static_cast<int>(x);
}

/// An array of strings at `key`; nullopt when absent; a problem when not an array of strings.
inline std::optional<std::vector<std::string>> Strings(const nlohmann::json& a, const char* key,
                                                       std::optional<Problem>* problem) {
  auto f = a.find(key);
  if (f == a.end()) return std::nullopt;
  std::vector<std::string> out;
  if (!f->is_array()) {
    *problem = Bad(std::string("/") + key, "应为文字列表", "expected a list of strings");
    return std::nullopt;
  }
  for (const auto& v : *f) {
    if (!v.is_string()) {
      *problem = Bad(std::string("/") + key, "应为文字列表", "expected a list of strings");
      return std::nullopt;
    }
    out.push_back(v.get<std::string>());
  }
  return out;
}

}  // namespace zj::args

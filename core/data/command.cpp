#include "core/data/command.h"

#include "core/base/encoding.h"
#include "core/rate/points.h"

namespace zj {
using nlohmann::json;

ArgReader::ArgReader(const json& args, const char* command) : args_(args), command_(command) {
  if (!args.is_object() && !args.is_null())
    problem_ = Problem{"", std::string("操作“") + command + "”的参数应为对象", std::string(command) + ": arguments must be an object"};
}

void ArgReader::Missing(const char* key) {
  problem_ = Problem{std::string("/") + key, std::string("缺少参数“") + key + "”（" + command_ + "）",
                     std::string("missing argument \"") + key + "\" (" + command_ + ")"};
}

bool ArgReader::Wrong(const char* key, const char* want_zh, const char* want_en) {
  if (say_) {
    problem_ = Problem{std::string("/") + key, say_->zh, say_->en};
    return false;
  }
  problem_ = Problem{std::string("/") + key, std::string("参数“") + key + "”应为" + want_zh + "（" + command_ + "）",
                     std::string("argument \"") + key + "\" must be " + want_en + " (" + command_ + ")"};
  return false;
}

bool ArgReader::Read(const char* key, const json& v, std::string& out) {
  if (!v.is_string()) return Wrong(key, "文字", "text");
  out = v.get<std::string>();
  return true;
}
bool ArgReader::Read(const char* key, const json& v, bool& out) {
  if (!v.is_boolean()) return Wrong(key, "是/否", "true or false");
  out = v.get<bool>();
  return true;
}
bool ArgReader::Read(const char* key, const json& v, int& out) {
  if (!v.is_number_integer() || v.get<long long>() < -1000000000 || v.get<long long>() > 1000000000)
    return Wrong(key, "整数", "an integer");
  out = v.get<int>();
  return true;
}
bool ArgReader::Read(const char* key, const json& v, Date& out) {
  auto d = v.is_string() ? Date::Parse(TrimSpaces(v.get<std::string>())) : std::nullopt;
  if (!d) return Wrong(key, "日期 YYYY-MM-DD", "a date YYYY-MM-DD");
  out = *d;
  return true;
}
bool ArgReader::Read(const char* key, const json& v, DateOrMonth& out) {
  auto d = v.is_string() ? DateOrMonth::Parse(TrimSpaces(v.get<std::string>())) : std::nullopt;
  if (!d) return Wrong(key, "日期 YYYY-MM-DD(只知年月时 YYYY-MM)", "a date YYYY-MM-DD (YYYY-MM when only the month is known)");
  out = *d;
  return true;
}
bool ArgReader::Read(const char* key, const json& v, PointsArg& out) {
  std::optional<Tenths> t;
  if (v.is_number()) t = TenthsFromDouble(v.get<double>());
  else if (v.is_string()) t = ParsePoints(v.get<std::string>());
  if (!t) return Wrong(key, "分值（最多一位小数，如 89.5）", "points (at most one decimal, e.g. 89.5)");
  out.tenths = *t;
  return true;
}
bool ArgReader::Read(const char* key, const json& v, std::vector<std::string>& out) {
  if (!v.is_array()) return Wrong(key, "文字列表", "a list of strings");
  out.clear();
  for (const json& x : v) {
    if (!x.is_string()) return Wrong(key, "文字列表", "a list of strings");
    out.push_back(x.get<std::string>());
  }
  return true;
}
bool ArgReader::Read(const char*, const json& v, json& out) {
  out = v;
  return true;
}

std::optional<Problem> ArgReader::Finish() {
  if (problem_) return problem_;
  if (args_.is_object())
    for (auto it = args_.begin(); it != args_.end(); ++it)
      if (!seen_.count(it.key()))
        return Problem{"/" + it.key(), "未知的参数“" + it.key() + "”（" + command_ + "），操作未执行",
                       "unknown argument \"" + it.key() + "\" (" + std::string(command_) + "); nothing was changed"};
  return std::nullopt;
}

}  // namespace zj

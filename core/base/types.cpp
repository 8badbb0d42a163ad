#include "core/base/types.h"

#include <cstdio>
#include <cstring>

namespace zj {
namespace {
// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (era arithmetic).
int32_t DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}
void CivilFromDays(int32_t z, int& y, int& m, int& d) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe) + era * 400 + (m <= 2);
}
bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int DaysInMonth(int y, int m) {
  static const int k[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : k[m - 1];
}
}  // namespace

std::optional<Date> Date::FromYmd(int y, int m, int d) {
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) return std::nullopt;
  return Date{DaysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d))};
}

std::optional<Date> Date::Parse(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto num = [&](size_t at, size_t n, int& out) {
    out = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      out = out * 10 + (s[i] - '0');
    }
    return true;
  };
  int y, m, d;
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return std::nullopt;
  return FromYmd(y, m, d);
}

std::string Date::ToString() const {
  int y, m, d;
  CivilFromDays(days, y, m, d);
  char buf[36];  // room for three ints of any value: the compiler cannot see that y, m, d are small
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}
std::optional<DateOrMonth> DateOrMonth::OfMonth(int y, int m) {
  auto d = Date::FromYmd(y, m, 1);
  if (!d) return std::nullopt;
  DateOrMonth r(*d);
  r.month_only = true;
  return r;
}

std::optional<DateOrMonth> DateOrMonth::Parse(std::string_view s) {
  if (s.size() == 10) {
    if (auto d = Date::Parse(s)) return DateOrMonth(*d);
    return std::nullopt;
  }
  if (s.size() != 7) return std::nullopt;
  auto first = Date::Parse(std::string(s) + "-01");  // YYYY-MM is the day YYYY-MM-01 read at month precision
  if (!first) return std::nullopt;
  DateOrMonth r(*first);
  r.month_only = true;
  return r;
}

std::string DateOrMonth::ToString() const { return month_only ? date.ToString().substr(0, 7) : date.ToString(); }

int Date::Year() const { int y, m, d; CivilFromDays(days, y, m, d); return y; }
int Date::Month() const { int y, m, d; CivilFromDays(days, y, m, d); return m; }
int Date::Day() const { int y, m, d; CivilFromDays(days, y, m, d); return d; }
int Date::Weekday() const {
  // 1970-01-01 was a Thursday (ISO 4).
  int w = ((days % 7) + 7 + 3) % 7;  // 0 = Monday
  return w + 1;
}
Date Date::EndOfMonth(int y, int m) { return Date{DaysFromCivil(y, m, DaysInMonth(y, m))}; }

std::string FormatTimestamp(TimestampMs t) {
  int64_t ms = ((t % 1000) + 1000) % 1000;
  int64_t secs = (t - ms) / 1000;
  int64_t dayn = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
  int64_t sod = secs - dayn * 86400;
  int y, m, d;
  CivilFromDays(static_cast<int32_t>(dayn), y, m, d);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", y, m, d, static_cast<int>(sod / 3600),
                static_cast<int>(sod / 60 % 60), static_cast<int>(sod % 60), static_cast<int>(ms));
  return buf;
}

std::optional<TimestampMs> ParseTimestamp(std::string_view s) {
  // YYYY-MM-DDTHH:MM:SS[.mmm]Z
  if (s.size() != 20 && s.size() != 24) return std::nullopt;
  auto date = Date::Parse(s.substr(0, 10));
  if (!date || s[10] != 'T' || s.back() != 'Z' || s[13] != ':' || s[16] != ':') return std::nullopt;
  auto two = [&](size_t at, int& out) {
    if (s[at] < '0' || s[at] > '9' || s[at + 1] < '0' || s[at + 1] > '9') return false;
    out = (s[at] - '0') * 10 + (s[at + 1] - '0');
    return true;
  };
  int hh, mm, ss, ms = 0;
  if (!two(11, hh) || !two(14, mm) || !two(17, ss) || hh > 23 || mm > 59 || ss > 59) return std::nullopt;
  if (s.size() == 24) {
    if (s[19] != '.') return std::nullopt;
    for (int i = 20; i < 23; ++i) {
      if (s[i] < '0' || s[i] > '9') return std::nullopt;
      ms = ms * 10 + (s[i] - '0');
    }
  }
  return (static_cast<int64_t>(date->days) * 86400 + hh * 3600 + mm * 60 + ss) * 1000 + ms;
}

Id IdGenerator::Next() {
  static const char* hex = "0123456789abcdef";
  uint64_t v = rng_();
  Id out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[i] = hex[v & 15];
  return out;
}

std::string Rev::ToString() const {
  if (gen == 0) return {};
  char buf[24];
  std::snprintf(buf, sizeof buf, "%u-%08x", gen, hash);
  return buf;
}

std::optional<Rev> Rev::Parse(std::string_view t) {
  const size_t dash = t.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash > 10 || t.size() != dash + 9) return std::nullopt;
  uint64_t g = 0;
  for (size_t i = 0; i < dash; ++i) {
    if (t[i] < '0' || t[i] > '9') return std::nullopt;
    g = g * 10 + static_cast<uint64_t>(t[i] - '0');
  }
  if (g == 0 || g > 0xFFFFFFFFull) return std::nullopt;
  uint32_t h = 0;
  for (size_t i = dash + 1; i < t.size(); ++i) {
    const char c = t[i];
    uint32_t v;
    if (c >= '0' && c <= '9') v = static_cast<uint32_t>(c - '0');
    else if (c >= 'a' && c <= 'f') v = static_cast<uint32_t>(c - 'a' + 10);
    else return std::nullopt;
    h = (h << 4) | v;
  }
  return Rev{static_cast<uint32_t>(g), h};
}

}  // namespace zj

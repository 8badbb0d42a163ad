#include "core/rate/points.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "core/base/encoding.h"
#include "core/base/id_index.h"

namespace zj {

std::string FormatPoints(Tenths t) {
  std::string s = t < 0 ? "-" : "";
  const long a = std::labs(static_cast<long>(t));
  s += std::to_string(a / 10);
  if (a % 10) s += "." + std::to_string(a % 10);
  return s;
}

std::optional<Tenths> ParsePoints(std::string_view text) {
  const std::string s = FullwidthToAscii(TrimSpaces(text));
  size_t i = 0;
  bool neg = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
  long whole = 0;
  int digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    whole = whole * 10 + (s[i++] - '0');
    if (++digits > 6) return std::nullopt;
  }
  long tenth = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    int frac_digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      const int d = s[i++] - '0';
      if (frac_digits == 0) tenth = d;
      else if (d != 0) return std::nullopt;  // finer than 0.1
      ++frac_digits;
    }
    if (frac_digits == 0 && digits == 0) return std::nullopt;
  } else if (digits == 0) {
    return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  const long v = whole * 10 + tenth;
  if (v > 1000000) return std::nullopt;
  return static_cast<Tenths>(neg ? -v : v);
}

std::optional<Tenths> TenthsFromDouble(double x) {
  if (!std::isfinite(x) || std::fabs(x) > 1e6) return std::nullopt;
  const double t = x * 10.0;
  const double r = std::round(t);
  if (std::fabs(t - r) > 1e-6) return std::nullopt;
  return static_cast<Tenths>(r);
}

const char* PointCategoryCode(PointCategory c) {
  static const char* k[] = {"basic", "merit", "deduction"};
  return k[static_cast<int>(c)];
}
std::optional<PointCategory> PointCategoryFromCode(std::string_view code) {
  if (code == "basic") return PointCategory::Basic;
  if (code == "merit") return PointCategory::Merit;
  if (code == "deduction") return PointCategory::Deduction;
  return std::nullopt;
}
const char* PointCategoryLabelZh(PointCategory c) {
  static const char* k[] = {"基础积分", "奖励积分", "扣分"};
  return k[static_cast<int>(c)];
}

PointCatalogue ExamplePointCatalogue(IdGenerator& ids, TimestampMs now, const std::string& device) {
  PointCatalogue c;
  c.example = true;
  c.name = "党员积分制管理手册(示例,非本镇手册)";
  c.base_points = 0;
  struct Row {
    const char* code;
    PointCategory cat;
    const char* name;
    Tenths points;
    Tenths cap;
    bool evidence;
  };
  static const Row kRows[] = {
      {"B01", PointCategory::Basic, "参加\"三会一课\"", 20, 300, false},
      {"B02", PointCategory::Basic, "按时足额交纳党费(每月)", 10, 120, false},
      {"B03", PointCategory::Basic, "参加支部主题党日活动", 20, 240, false},
      {"B04", PointCategory::Basic, "参加镇委党校专题讲习", 20, 100, true},
      {"B05", PointCategory::Basic, "撰写学习心得", 15, 60, true},
      {"B06", PointCategory::Basic, "参加集中学习(半天)", 5, 60, false},
      {"R01", PointCategory::Merit, "参加志愿服务", 10, 100, true},
      {"R02", PointCategory::Merit, "带头发展产业、致富带富", 50, 100, true},
      {"R03", PointCategory::Merit, "获镇级以上表彰", 50, 100, true},
      {"R04", PointCategory::Merit, "建言献策被采纳", 20, 60, false},
      {"D01", PointCategory::Deduction, "无故不参加组织生活", -50, 200, false},
      {"D02", PointCategory::Deduction, "未按时交纳党费", -20, 120, false},
      {"D03", PointCategory::Deduction, "违反村规民约或造成不良影响", -100, 300, true},
  };
  for (const Row& r : kRows) {
    PointItem it;
    it.meta = RecordMeta{ids.Next(), now, now, device};
    it.code = r.code;
    it.category = r.cat;
    it.name_zh = r.name;
    it.points = r.points;
    it.yearly_cap = r.cap;
    it.evidence_required = r.evidence;
    c.items.push_back(std::move(it));
  }
  return c;
}

namespace {
inline Tenths Clamp(int64_t sum, const std::optional<Tenths>& cap) {
  if (cap) {
    if (sum > *cap) return *cap;
    if (sum < -static_cast<int64_t>(*cap)) return -*cap;
  }
  return static_cast<Tenths>(std::clamp<int64_t>(sum, INT32_MIN, INT32_MAX));
}
}  // namespace

PointsIndex BuildPointsIndex(const Organization& org, const PointsBook& book) {
  PointsIndex x;
  const auto& items = book.catalogue.items;
  x.entry_count = book.entries.size();
  x.member_count = org.members.size();
  x.item_count = items.size();
  const IdIndex member_index(org.members.size(), [&](size_t i) -> const std::string& { return org.members[i].meta.id; });
  const IdIndex item_index(items.size(), [&](size_t i) -> const std::string& { return items[i].meta.id; });
  const size_t n = book.entries.size();
  x.member.resize(n);
  x.item.resize(n);
  x.day.resize(n);
  x.points.resize(n);
  x.no_evidence.resize(n);
  // Consecutive entries often share member and item (a ledger typed member by member): cache the last look-ups.
  const std::string* last_member_id = nullptr;
  int last_m = -1;
  const std::string* last_item_id = nullptr;
  int last_k = -1;
  for (size_t i = 0; i < n; ++i) {
    const PointEntry& e = book.entries[i];
    if (!last_member_id || *last_member_id != e.member_id) { last_m = member_index.Find(e.member_id); last_member_id = &e.member_id; }
    if (!last_item_id || *last_item_id != e.item_id) { last_k = item_index.Find(e.item_id); last_item_id = &e.item_id; }
    x.member[i] = last_m;
    x.item[i] = static_cast<int16_t>(last_k < 32767 ? last_k : -1);
    x.day[i] = e.date.days;
    x.points[i] = e.points;
    x.no_evidence[i] = e.evidence_ids.empty();
  }
  return x;
}

YearTotals ComputeYearTotals(const Organization& org, const PointsBook& book, int year) {
  return ComputeYearTotals(org, book, BuildPointsIndex(org, book), year);
}

YearTotals ComputeYearTotals(const Organization& org, const PointsBook& book, const PointsIndex& index, int year) {
  if (!index.Fits(org, book)) return ComputeYearTotals(org, book, year);
  YearTotals out;
  out.year = year;
  const size_t nm = org.members.size();
  out.members.assign(nm, MemberYearTotal{});
  const auto& items = book.catalogue.items;
  const auto first = Date::FromYmd(year, 1, 1), last = Date::FromYmd(year, 12, 31);
  if (!first || !last) return out;
  // One row per member: [entries, missing evidence, plain sum, uncapped-item sum, capped item sums...], so an
  // entry touches one place in memory.
  std::vector<int> capped_slot(items.size(), -1);
  std::vector<std::optional<Tenths>> caps;
  std::vector<uint8_t> evidence_required(items.size());
  for (size_t k = 0; k < items.size(); ++k) {
    evidence_required[k] = items[k].evidence_required;
    if (items[k].yearly_cap) {
      capped_slot[k] = 4 + static_cast<int>(caps.size());
      caps.push_back(items[k].yearly_cap);
    }
  }
  const size_t stride = 4 + caps.size();
  std::vector<int32_t> rows(nm * stride, 0);
  const size_t n = index.member.size();
  const int32_t lo = first->days, hi = last->days;
#if defined(__GNUC__) && !defined(__EMSCRIPTEN__)
  constexpr size_t kAhead = 16;  // native builds prefetch the row of the entry this far ahead
#endif
  for (size_t i = 0; i < n; ++i) {
#if defined(__GNUC__) && !defined(__EMSCRIPTEN__)
    if (i + kAhead < n && index.member[i + kAhead] >= 0)
      __builtin_prefetch(rows.data() + static_cast<size_t>(index.member[i + kAhead]) * stride, 1);
#endif
    const int32_t d = index.day[i];
    if (d < lo || d > hi) continue;
    const int32_t m = index.member[i];
    const int k = index.item[i];
    if (m < 0 || k < 0) { ++out.orphan_entries; continue; }
    int32_t* row = rows.data() + static_cast<size_t>(m) * stride;
    const Tenths p = index.points[i];
    row[0] += 1;
    row[1] += evidence_required[static_cast<size_t>(k)] & index.no_evidence[i];
    row[2] += p;
    const int slot = capped_slot[static_cast<size_t>(k)];
    row[slot >= 0 ? slot : 3] += p;
  }
  const int64_t base = book.catalogue.base_points;
  for (size_t m = 0; m < nm; ++m) {
    const int32_t* row = rows.data() + m * stride;
    int64_t total = base + row[3];
    for (size_t s = 0; s < caps.size(); ++s) total += Clamp(row[4 + s], caps[s]);
    MemberYearTotal& t = out.members[m];
    t.entries = row[0];
    t.missing_evidence = row[1];
    t.total = Clamp(total, std::nullopt);
    t.uncapped = Clamp(base + row[2], std::nullopt);
  }
  return out;
}

std::vector<Tenths> CountedPart(const PointsBook& book, const PointItem& item, const std::vector<Id>& member_ids,
                                int year, Tenths points) {
  std::unordered_map<std::string_view, size_t> at;
  at.reserve(member_ids.size());
  for (size_t i = 0; i < member_ids.size(); ++i) at.emplace(member_ids[i], i);
  std::vector<int64_t> sums(member_ids.size(), 0);
  for (const PointEntry& e : book.entries) {
    if (e.item_id != item.meta.id || e.date.Year() != year) continue;
    auto it = at.find(e.member_id);
    if (it != at.end()) sums[it->second] += e.points;
  }
  std::vector<Tenths> out(member_ids.size());
  for (size_t i = 0; i < sums.size(); ++i)
    out[i] = Clamp(sums[i] + points, item.yearly_cap) - Clamp(sums[i], item.yearly_cap);
  return out;
}

std::vector<ItemSum> MemberItemSums(const PointsBook& book, const Id& member_id, int year) {
  const auto& items = book.catalogue.items;
  std::vector<ItemSum> sums(items.size());
  std::vector<int64_t> raw(items.size(), 0);
  for (size_t k = 0; k < items.size(); ++k) sums[k].item_id = items[k].meta.id;
  for (const PointEntry& e : book.entries) {
    if (e.member_id != member_id || e.date.Year() != year) continue;
    for (size_t k = 0; k < items.size(); ++k) {
      if (items[k].meta.id == e.item_id) {
        ++sums[k].count;
        raw[k] += e.points;
        break;
      }
    }
  }
  std::vector<ItemSum> out;
  for (size_t k = 0; k < items.size(); ++k) {
    if (!sums[k].count) continue;
    sums[k].sum = Clamp(raw[k], std::nullopt);
    sums[k].counted = Clamp(raw[k], items[k].yearly_cap);
    out.push_back(sums[k]);
  }
  return out;
}

}  // namespace zj

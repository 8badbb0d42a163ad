#include "core/rate/stars.h"

#include <algorithm>

#include "core/base/id_index.h"

namespace zj {

bool ValidThresholds(const StarThresholds& t) { return t.three > t.two && t.two > t.one && t.one >= 0; }

int StarsFor(Tenths s, const StarThresholds& t) {
  if (s >= t.three) return 3;
  if (s >= t.two) return 2;
  if (s >= t.one) return 1;
  return 0;
}

const char* StarLabelZh(int stars) {
  static const char* k[] = {"无星", "一星", "二星", "三星"};
  return k[std::clamp(stars, 0, 3)];
}

MemberRatingResult RateMembers(const Organization& org, const PointsBook& book, const MemberStarBook& stars, int year) {
  return RateMembers(org, ComputeYearTotals(org, book, year), stars);
}

MemberRatingResult RateMembers(const Organization& org, const PointsBook& book, const PointsIndex& index,
                               const MemberStarBook& stars, int year) {
  return RateMembers(org, ComputeYearTotals(org, book, index, year), stars);
}

MemberRatingResult RateMembers(const Organization& org, const YearTotals& totals, const MemberStarBook& stars) {
  MemberRatingResult r;
  r.year = totals.year;
  r.orphan_entries = totals.orphan_entries;
  const size_t nm = org.members.size();
  std::vector<const StarExemption*> exempt(nm, nullptr);
  if (!stars.exemptions.empty()) {
    const IdIndex index(nm, [&](size_t i) -> const std::string& { return org.members[i].meta.id; });
    for (const StarExemption& e : stars.exemptions) {
      if (e.year != totals.year) continue;
      const int m = index.Find(e.member_id);
      if (m >= 0 && !exempt[static_cast<size_t>(m)]) exempt[static_cast<size_t>(m)] = &e;
    }
  }
  const auto year_end = Date::FromYmd(totals.year, 12, 31);
  r.rated.reserve(nm);
  for (size_t m = 0; m < nm; ++m) {
    const Member& mem = org.members[m];
    if (exempt[m]) {
      r.exempted.push_back(ExemptedMember{static_cast<int>(m), exempt[m]});
      continue;
    }
    if (year_end && mem.join_date && *mem.join_date > *year_end) {
      r.not_member_yet.push_back(static_cast<int>(m));
      continue;
    }
    if (m >= totals.members.size() || totals.members[m].entries == 0) {
      r.not_scored.push_back(static_cast<int>(m));
      continue;
    }
    MemberRating x;
    x.member_index = static_cast<int>(m);
    x.total = totals.members[m].total;
    x.stars = StarsFor(x.total, stars.thresholds);
    x.possibly_unqualified = x.stars == 0;
    ++r.count_by_stars[x.stars];
    r.possibly_unqualified += x.possibly_unqualified;
    r.rated.push_back(x);
  }
  return r;
}

std::vector<int> BranchBoardOrder(const Organization& org, const MemberRatingResult& result, const Id& branch_id) {
  std::vector<int> idx;
  for (size_t i = 0; i < result.rated.size(); ++i)
    if (org.members[static_cast<size_t>(result.rated[i].member_index)].branch_id == branch_id)
      idx.push_back(static_cast<int>(i));
  std::sort(idx.begin(), idx.end(), [&](int a, int b) {
    const MemberRating& x = result.rated[static_cast<size_t>(a)];
    const MemberRating& y = result.rated[static_cast<size_t>(b)];
    if (x.stars != y.stars) return x.stars > y.stars;
    if (x.total != y.total) return x.total > y.total;
    return org.members[static_cast<size_t>(x.member_index)].name < org.members[static_cast<size_t>(y.member_index)].name;
  });
  return idx;
}

}  // namespace zj

// Zhengjian core: star thresholds and member stars (党员评星).
// Notice 四(四)二: "当年积分90分以上(包含90分)授三星党员,80-89分授二星党员;60-79分授一星党员;60分以下无星
// 即可认定为不合格党员 ... 有特殊情况的党员,经申请同意,可不参与党员评星。"
//
// Fractional totals (half points occur): the notice's bands are written in whole points (80-89). The rule
// here is "a band starts at its threshold and reaches up to, not including, the next": 89.5 has not
// reached 90, so it is two stars; 79.5 one star; 59.5 no star. Thresholds are data (StarThresholds), exact in
// tenths; comparisons are on integers.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/org/org.h"
#include "core/rate/points.h"
#include "core/base/types.h"

namespace zj {

/// Star thresholds (评星分数线) in tenths: stars = 3 if score >= three, 2 if >= two, 1 if >= one, else 0.
/// The notice's values (90/80/60) are the default for both members and branches. Valid when
/// three > two > one >= 0 (checked by ValidThresholds and on load).
struct StarThresholds {
  Tenths three = 900;
  Tenths two = 800;
  Tenths one = 600;
};
/// True when three > two > one >= 0.
bool ValidThresholds(const StarThresholds& t);
/// Stars (0..3) for an exact score in tenths. 895 (89.5) -> 2, 900 -> 3, 599 -> 0.
int StarsFor(Tenths score, const StarThresholds& t);
/// 三星 / 二星 / 一星 / 无星.
const char* StarLabelZh(int stars);

/// 特殊情况: a member exempted from the member stars of one year after applying (经申请同意).
struct StarExemption {
  RecordMeta meta;
  Id member_id;
  int year = 0;             ///< the rating year
  std::string reason;       ///< 原因, e.g. "长期外出务工" (required)
  Date approved_on;         ///< 批准日期
  std::string approved_by;  ///< 批准人/机构 (free text, may be empty)
};

/// Rules and records of member stars kept in the dataset.
struct MemberStarBook {
  StarThresholds thresholds;               ///< the notice's 90/80/60 by default
  std::vector<StarExemption> exemptions;
};

/// A rated member.
struct MemberRating {
  int member_index = -1;     ///< index in org.members
  Tenths total = 0;          ///< yearly total (ComputeYearTotals)
  int stars = 0;             ///< 0..3
  /// < one-star threshold: no star, and may be judged an unqualified member (可认定为不合格党员): the
  /// branch decides; the flag only lists the member for that decision.
  bool possibly_unqualified = false;
};

/// An exempted member, listed apart and not rated.
struct ExemptedMember {
  int member_index = -1;
  const StarExemption* exemption = nullptr;  ///< points into MemberStarBook::exemptions (valid while it lives)
};

/// Member stars of one year (党员评星结果).
struct MemberRatingResult {
  int year = 0;
  std::vector<MemberRating> rated;         ///< in org.members order
  std::vector<ExemptedMember> exempted;    ///< in org.members order
  std::vector<int> not_member_yet;         ///< members whose join date is after the year's end (not rated)
  /// 尚未记分: members with no points entry of the year (in org.members order). Nothing is known of them
  /// yet, so they are not rated: never counted as 无星 nor as possibly unqualified, never on a board.
  std::vector<int> not_scored;
  int count_by_stars[4] = {0, 0, 0, 0};    ///< rated members with 0, 1, 2, 3 stars
  int possibly_unqualified = 0;            ///< rated members below the one-star threshold
  int orphan_entries = 0;                  ///< from the totals: entries with unknown member or item
};

/// Member stars for `year` from the points (notice 四(四)二). Every member of `org` ends up in exactly one
/// of rated / exempted / not_member_yet / not_scored (checked in that order: an exempted member with no
/// entries is exempted). Rated members have at least one counted entry of the year. Exemptions apply when
/// their year equals `year` and the member exists.
MemberRatingResult RateMembers(const Organization& org, const PointsBook& book, const MemberStarBook& stars, int year);
/// Same, reading a prebuilt PointsIndex (the fast path for repeated ratings, see points.h).
MemberRatingResult RateMembers(const Organization& org, const PointsBook& book, const PointsIndex& index,
                               const MemberStarBook& stars, int year);
/// Same, with totals already computed (so a screen can show totals and stars from one pass).
MemberRatingResult RateMembers(const Organization& org, const YearTotals& totals, const MemberStarBook& stars);

/// Rated members of one branch for its board (星级党员公示栏): stars descending, then total descending,
/// then name. Indices into result.rated.
std::vector<int> BranchBoardOrder(const Organization& org, const MemberRatingResult& result, const Id& branch_id);

}  // namespace zj

// Zhengjian core: branch stars (支部评星) — the points-management assessment rubric, year-end target scores,
// weights, ranking, and the yearly history with up and down moves (动态管理).
// Notice 四(四)一: "考评得分90分以上(包括90分)授予三星党支部;80-89分授予二星党支部;60-79分授予一星党支部;60分以下
// 无星。'支部评星'以党员积分制管理考核情况和年终目标考核分数为基准,实行动态管理,每年评定一次。"
// The notice gives no weights and no rubric: both are data, the defaults are EXAMPLES (示例).
//
// Score, exactly: rubric% = rubric sum / rubric maximum x 100; score = (rubric% x w_rubric + target x w_target)
// / (w_rubric + w_target), truncated (not rounded) to 0.1 point. Truncation keeps stars exact: for thresholds
// on the 0.1 grid, truncated >= T exactly when the exact score >= T (89.96 stays two stars).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/org/org.h"
#include "core/rate/points.h"
#include "core/rate/stars.h"
#include "core/base/types.h"

namespace zj {

/// One item of the points-management assessment (积分制管理考核细则), scored by the town assessment group.
struct RubricItem {
  RecordMeta meta;
  std::string code;       ///< e.g. "K1"
  std::string name_zh;    ///< e.g. "积分台账规范完整"
  Tenths max_points = 0;  ///< the item's full marks (> 0)
};

/// The assessment rubric. The maximum need not be 100: it is normalized to a percentage.
struct BranchRubric {
  bool example = false;   ///< true for the built-in example (示例)
  std::vector<RubricItem> items;
};

/// Weights of the two parts (notice: "以党员积分制管理考核情况和年终目标考核分数为基准"), relative integers.
struct BranchWeights {
  int rubric = 50;    ///< weight of the points-management assessment (0..100)
  int target = 50;    ///< weight of the year-end target-management score (0..100)
  bool example = true;  ///< the notice names no weights: 50/50 is an example until the town decides
};

/// A score given for one rubric item.
struct RubricScore {
  Id item_id;
  Tenths score = 0;   ///< 0..item max
};

/// The assessment of one branch for one year (考核记录).
struct BranchAssessment {
  RecordMeta meta;
  Id branch_id;
  int year = 0;
  std::vector<RubricScore> scores;       ///< items not scored count 0
  std::optional<Tenths> target_score;    ///< 年终目标考核分数, 0..100 points; required for a rating
  std::string assessed_by;               ///< 考核小组 / names, free text
  std::string note;
};

/// A published branch rating kept as history (动态管理: rated once a year).
struct BranchStarRecord {
  RecordMeta meta;
  Id branch_id;
  int year = 0;
  Tenths score = 0;
  int stars = 0;
  int rank = 0;                ///< 1 = best in that year's ranking; 0 if unknown (entered by hand)
  std::optional<Date> published_on;
};

/// Branch-rating data kept in the dataset.
struct BranchRatingBook {
  StarThresholds thresholds;           ///< notice's 90/80/60
  BranchRubric rubric;
  BranchWeights weights;
  std::vector<BranchAssessment> assessments;
  std::vector<BranchStarRecord> history;
};

/// An example rubric (示例, sums to 100): K1 积分台账规范完整 20, K2 积分按月记录、及时公示 15,
/// K3 "三会一课"和主题党日落实 20, K4 党员评星按时开展、公示栏规范 15, K5 阵地建设 15, K6 党员群众满意度 15.
BranchRubric ExampleBranchRubric(IdGenerator& ids, TimestampMs now, const std::string& device);

/// Move of a branch's stars against the previous year (动态管理).
enum class StarMove { New, Up, Same, Down };
const char* StarMoveLabelZh(StarMove m);  ///< 新评 / 升星 / 持平 / 降星

/// A rated branch.
struct BranchRating {
  int branch_index = -1;       ///< in org.branches
  Tenths rubric_percent = 0;   ///< rubric sum as a percentage, truncated to 0.1
  Tenths target_score = 0;
  Tenths score = 0;            ///< combined, truncated to 0.1 (see file comment)
  int stars = 0;
  int rank = 0;                ///< 1 = best; equal scores share a rank (1, 2, 2, 4)
  std::optional<int> previous_stars;  ///< from history of year - 1
  StarMove move = StarMove::New;
};

/// A branch that could not be rated, with why.
struct BranchNotRated {
  int branch_index = -1;
  std::string reason_zh, reason_en;
};

/// Branch stars of one year.
struct BranchRatingResult {
  int year = 0;
  std::vector<BranchRating> ranked;   ///< best first (score desc, then name)
  std::vector<BranchNotRated> not_rated;
  int count_by_stars[4] = {0, 0, 0, 0};
  std::vector<std::string> problems_zh;  ///< rule problems (bad weights, empty rubric), rating refused if any
};

/// Combined score in tenths, truncated; nullopt when weights are both 0 or the rubric maximum is 0.
std::optional<Tenths> CombineBranchScore(Tenths rubric_sum, Tenths rubric_max, Tenths target, const BranchWeights& w);

/// Branch stars for `year` (notice 四(四)一): every branch of `org` is ranked or listed in not_rated
/// (no assessment that year / no target score). Rubric scores above an item's maximum are clamped to it;
/// unknown rubric item ids are ignored. Moves compare with book.history of year - 1.
BranchRatingResult RateBranches(const Organization& org, const BranchRatingBook& book, int year);

/// Stores `result` in book.history as that year's published ratings (replacing records of the same branch
/// and year, keeping their ids), so later years compare against what was announced.
void PublishBranchRatings(const Organization& org, const BranchRatingResult& result, BranchRatingBook& book,
                          Date published_on, IdGenerator& ids, TimestampMs now, const std::string& device);

/// The history of one branch, oldest year first.
std::vector<BranchStarRecord> BranchHistory(const BranchRatingBook& book, const Id& branch_id);

/// Move between two years' stars.
StarMove MoveBetween(std::optional<int> previous, int current);

}  // namespace zj

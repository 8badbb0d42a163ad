#include "core/rate/branch_rating.h"

#include <algorithm>

#include "core/base/id_index.h"

namespace zj {

BranchRubric ExampleBranchRubric(IdGenerator& ids, TimestampMs now, const std::string& device) {
  BranchRubric r;
  r.example = true;
  struct Row {
    const char* code;
    const char* name;
    Tenths max;
  };
  static const Row kRows[] = {
      {"K1", "积分台账规范完整", 200},           {"K2", "积分按月记录、及时公示", 150},
      {"K3", "\"三会一课\"和主题党日落实", 200}, {"K4", "党员评星按时开展、公示栏规范", 150},
      {"K5", "阵地建设", 150},                   {"K6", "党员群众满意度", 150},
  };
  for (const Row& x : kRows) {
    RubricItem it;
    it.meta = RecordMeta{ids.Next(), now, now, device};
    it.code = x.code;
    it.name_zh = x.name;
    it.max_points = x.max;
    r.items.push_back(std::move(it));
  }
  return r;
}

const char* StarMoveLabelZh(StarMove m) {
  static const char* k[] = {"新评", "升星", "持平", "降星"};
  return k[static_cast<int>(m)];
}

StarMove MoveBetween(std::optional<int> previous, int current) {
  if (!previous) return StarMove::New;
  if (current > *previous) return StarMove::Up;
  if (current < *previous) return StarMove::Down;
  return StarMove::Same;
}

std::optional<Tenths> CombineBranchScore(Tenths rubric_sum, Tenths rubric_max, Tenths target, const BranchWeights& w) {
  if (rubric_max <= 0 || w.rubric < 0 || w.target < 0 || w.rubric + w.target <= 0) return std::nullopt;
  // score_tenths = (rubric_sum * 1000 / rubric_max * wr + target * wt) / (wr + wt), as one exact fraction.
  const int64_t num = static_cast<int64_t>(rubric_sum) * 1000 * w.rubric +
                      static_cast<int64_t>(target) * w.target * rubric_max;
  const int64_t den = static_cast<int64_t>(rubric_max) * (w.rubric + w.target);
  int64_t q = num / den;
  if ((num % den != 0) && ((num < 0) != (den < 0))) --q;  // floor for negatives
  return static_cast<Tenths>(q);
}

BranchRatingResult RateBranches(const Organization& org, const BranchRatingBook& book, int year) {
  BranchRatingResult r;
  r.year = year;
  Tenths rubric_max = 0;
  for (const RubricItem& it : book.rubric.items) rubric_max += std::max<Tenths>(0, it.max_points);
  if (book.rubric.items.empty() || rubric_max <= 0) r.problems_zh.push_back("考核细则为空或满分为0");
  if (book.weights.rubric < 0 || book.weights.target < 0 || book.weights.rubric + book.weights.target <= 0)
    r.problems_zh.push_back("权重无效:两项权重不能为负且不能同时为0");
  if (!ValidThresholds(book.thresholds)) r.problems_zh.push_back("星级分数线无效:应为三星>二星>一星>=0");
  if (!r.problems_zh.empty()) return r;

  // Latest assessment (by updated time) per branch for the year.
  const IdIndex branch_index(org.branches.size(), [&](size_t i) -> const std::string& { return org.branches[i].meta.id; });
  std::vector<const BranchAssessment*> latest(org.branches.size(), nullptr);
  std::vector<std::optional<int>> previous(org.branches.size());
  for (const BranchStarRecord& h : book.history) {
    if (h.year != year - 1) continue;
    const int b = branch_index.Find(h.branch_id);
    if (b >= 0) previous[static_cast<size_t>(b)] = h.stars;
  }
  for (const BranchAssessment& a : book.assessments) {
    if (a.year != year) continue;
    const int b = branch_index.Find(a.branch_id);
    if (b < 0) continue;
    const BranchAssessment*& cur = latest[static_cast<size_t>(b)];
    if (!cur || a.meta.updated > cur->meta.updated) cur = &a;
  }
  for (size_t b = 0; b < org.branches.size(); ++b) {
    const BranchAssessment* a = latest[b];
    if (!a) {
      r.not_rated.push_back({static_cast<int>(b), "本年度没有考核记录", "no assessment for the year"});
      continue;
    }
    if (!a->target_score) {
      r.not_rated.push_back({static_cast<int>(b), "缺少年终目标考核分数", "no year-end target score"});
      continue;
    }
    Tenths sum = 0;
    for (const RubricItem& it : book.rubric.items) {
      for (const RubricScore& s : a->scores) {
        if (s.item_id == it.meta.id) {
          sum += std::clamp<Tenths>(s.score, 0, it.max_points);
          break;
        }
      }
    }
    BranchRating x;
    x.branch_index = static_cast<int>(b);
    x.rubric_percent = *CombineBranchScore(sum, rubric_max, 0, BranchWeights{1, 0, false});
    x.target_score = *a->target_score;
    x.score = *CombineBranchScore(sum, rubric_max, *a->target_score, book.weights);
    x.stars = StarsFor(x.score, book.thresholds);
    x.previous_stars = previous[b];
    x.move = MoveBetween(x.previous_stars, x.stars);
    ++r.count_by_stars[x.stars];
    r.ranked.push_back(x);
  }
  std::sort(r.ranked.begin(), r.ranked.end(), [&](const BranchRating& a, const BranchRating& b) {
    if (a.score != b.score) return a.score > b.score;
    return org.branches[static_cast<size_t>(a.branch_index)].name < org.branches[static_cast<size_t>(b.branch_index)].name;
  });
  for (size_t i = 0; i < r.ranked.size(); ++i)
    r.ranked[i].rank = (i > 0 && r.ranked[i].score == r.ranked[i - 1].score) ? r.ranked[i - 1].rank
                                                                             : static_cast<int>(i) + 1;
  return r;
}

void PublishBranchRatings(const Organization& org, const BranchRatingResult& result, BranchRatingBook& book,
                          Date published_on, IdGenerator& ids, TimestampMs now, const std::string& device) {
  for (const BranchRating& x : result.ranked) {
    const Id& bid = org.branches[static_cast<size_t>(x.branch_index)].meta.id;
    BranchStarRecord* rec = nullptr;
    for (BranchStarRecord& h : book.history)
      if (h.branch_id == bid && h.year == result.year) rec = &h;
    if (!rec) {
      book.history.push_back(BranchStarRecord{});
      rec = &book.history.back();
      rec->meta = RecordMeta{ids.Next(), now, now, device};
      rec->branch_id = bid;
      rec->year = result.year;
    }
    rec->meta.updated = now;
    rec->meta.device = device;
    rec->score = x.score;
    rec->stars = x.stars;
    rec->rank = x.rank;
    rec->published_on = published_on;
  }
}

std::vector<BranchStarRecord> BranchHistory(const BranchRatingBook& book, const Id& branch_id) {
  std::vector<BranchStarRecord> out;
  for (const BranchStarRecord& h : book.history)
    if (h.branch_id == branch_id) out.push_back(h);
  std::sort(out.begin(), out.end(), [](const BranchStarRecord& a, const BranchStarRecord& b) { return a.year < b.year; });
  return out;
}

}  // namespace zj

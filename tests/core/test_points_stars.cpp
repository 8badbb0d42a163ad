// Points (积分) and member stars (notice 四(四)二): totals with caps and half points, the star bands
// with the fractional rule (89.5 -> two stars), exemptions listed apart.
#include <gtest/gtest.h>

#include "core/rate/points.h"
#include "core/rate/stars.h"

namespace zj {
namespace {

TEST(Points, ExactTenths) {
  EXPECT_EQ(ParsePoints("89.5"), 895);
  EXPECT_EQ(ParsePoints("90"), 900);
  EXPECT_EQ(ParsePoints(" +2 "), 20);
  EXPECT_EQ(ParsePoints("-0.5"), -5);
  EXPECT_EQ(ParsePoints(".5"), 5);
  EXPECT_EQ(ParsePoints("１.５"), 15);
  EXPECT_EQ(ParsePoints("1.50"), 15);
  EXPECT_EQ(ParsePoints("0.25"), std::nullopt);  // finer than 0.1
  EXPECT_EQ(ParsePoints("abc"), std::nullopt);
  EXPECT_EQ(ParsePoints(""), std::nullopt);
  EXPECT_EQ(ParsePoints("."), std::nullopt);
  EXPECT_EQ(FormatPoints(895), "89.5");
  EXPECT_EQ(FormatPoints(900), "90");
  EXPECT_EQ(FormatPoints(-5), "-0.5");
  EXPECT_EQ(FormatPoints(0), "0");
  EXPECT_EQ(TenthsFromDouble(89.5), 895);
  EXPECT_EQ(TenthsFromDouble(0.1 + 0.2), 3);  // 0.30000000000000004 is still 0.3 on the 0.1 grid
  EXPECT_EQ(TenthsFromDouble(0.25), std::nullopt);
}

TEST(MemberStars, NoticeBandsAndFractionalRule) {
  const StarThresholds t;  // notice: >=90 three, 80-89 two, 60-79 one, <60 none
  EXPECT_EQ(StarsFor(595, t), 0);  // 59.5
  EXPECT_EQ(StarsFor(600, t), 1);  // 60
  EXPECT_EQ(StarsFor(795, t), 1);  // 79.5: 80 not reached
  EXPECT_EQ(StarsFor(800, t), 2);  // 80
  EXPECT_EQ(StarsFor(895, t), 2);  // 89.5: 90 not reached
  EXPECT_EQ(StarsFor(900, t), 3);  // 90 (包含90分)
  EXPECT_EQ(StarsFor(1200, t), 3);
  EXPECT_EQ(StarsFor(-50, t), 0);
  EXPECT_STREQ(StarLabelZh(3), "三星");
  // Thresholds are data: another town's 85/75/60.
  const StarThresholds other{850, 750, 600};
  EXPECT_EQ(StarsFor(895, other), 3);
  EXPECT_TRUE(ValidThresholds(other));
  EXPECT_FALSE(ValidThresholds(StarThresholds{800, 800, 600}));
}

// A small town: one branch, items with caps, entries placed by hand.
struct Town {
  IdGenerator ids{11};
  Organization org;
  PointsBook book;
  Id item(const char* code) {
    for (const PointItem& it : book.catalogue.items)
      if (it.code == code) return it.meta.id;
    return {};
  }
  Town() {
    book.catalogue = ExamplePointCatalogue(ids, 0, "t");
    org.branches.push_back(Branch{RecordMeta{ids.Next(), 0, 0, "t"}, "东湖村党支部", BranchKind::Village, {}, {}, false});
  }
  int AddMember(const std::string& name) {
    Member m;
    m.meta.id = ids.Next();
    m.name = name;
    m.branch_id = org.branches[0].meta.id;
    org.members.push_back(m);
    return static_cast<int>(org.members.size()) - 1;
  }
  void Add(int m, const char* code, Tenths pts, const char* date, bool evidence = false) {
    PointEntry e;
    e.meta.id = ids.Next();
    e.member_id = org.members[static_cast<size_t>(m)].meta.id;
    e.item_id = item(code);
    e.date = *Date::Parse(date);
    e.points = pts;
    if (evidence) e.evidence_ids = {"ev"};
    book.entries.push_back(e);
  }
  /// Fills `m` up to exactly `total` tenths in 2018 with uncapped-by-reach items (B02 1 point, B06 0.5 point ...).
  void Fill(int m, Tenths total) {
    // B01 +2 cap 30, B03 +2 cap 24, B02 +1 cap 12, B06 +0.5 cap 6: up to 72 points, then R04/R01/B04.
    const std::pair<const char*, Tenths> kSteps[] = {{"B01", 20}, {"B03", 20}, {"B02", 10}, {"R01", 10}, {"B04", 20},
                                                     {"R04", 20}, {"B06", 5}};
    Tenths sum = 0;
    for (auto [code, step] : kSteps) {
      Tenths cap = 0;
      for (const PointItem& it : book.catalogue.items)
        if (it.code == std::string(code)) cap = *it.yearly_cap;
      for (Tenths got = 0; got + step <= cap && sum + step <= total; got += step, sum += step) Add(m, code, step, "2018-05-01", true);
    }
    ASSERT_EQ(sum, total) << "cannot fill " << total;
  }
};

// Reported: past a yearly cap the screen said "已记分：… 2 分" while the total stayed the same. CountedPart says
// what a new entry adds under the cap; B01 (三会一课) is +2 with a cap of 30 a year.
TEST(Points, CountedPartUnderTheYearlyCap) {
  Town t;
  const int full = t.AddMember("满分"), near = t.AddMember("差一分"), fresh = t.AddMember("新记"), past = t.AddMember("去年满");
  for (int k = 0; k < 15; ++k) t.Add(full, "B01", 20, "2018-05-01");      // 30: at the cap
  for (int k = 0; k < 14; ++k) t.Add(near, "B01", 20, "2018-05-01");      // 28
  t.Add(near, "B01", 10, "2018-05-02");                                    // 29
  for (int k = 0; k < 15; ++k) t.Add(past, "B01", 20, "2017-05-01");      // 30 in 2017: 2018 is empty
  const PointItem* b01 = nullptr;
  for (const PointItem& it : t.book.catalogue.items)
    if (it.code == "B01") b01 = &it;
  ASSERT_NE(b01, nullptr);
  const std::vector<Id> ids = {t.org.members[static_cast<size_t>(full)].meta.id, t.org.members[static_cast<size_t>(near)].meta.id,
                               t.org.members[static_cast<size_t>(fresh)].meta.id, t.org.members[static_cast<size_t>(past)].meta.id};
  EXPECT_EQ(CountedPart(t.book, *b01, ids, 2018, 20), (std::vector<Tenths>{0, 10, 20, 20}));
  // The totals agree: one more entry each moves the totals by exactly those parts.
  const YearTotals before = ComputeYearTotals(t.org, t.book, 2018);
  for (int m : {full, near, fresh, past}) t.Add(m, "B01", 20, "2018-06-01");
  const YearTotals after = ComputeYearTotals(t.org, t.book, 2018);
  EXPECT_EQ(after.members[static_cast<size_t>(full)].total - before.members[static_cast<size_t>(full)].total, 0);
  EXPECT_EQ(after.members[static_cast<size_t>(near)].total - before.members[static_cast<size_t>(near)].total, 10);
  EXPECT_EQ(after.members[static_cast<size_t>(fresh)].total - before.members[static_cast<size_t>(fresh)].total, 20);
}

TEST(MemberStars, BoundaryTotalsFromEntries) {
  Town t;
  const Tenths totals[] = {595, 600, 795, 800, 895, 900};
  for (Tenths x : totals) t.Fill(t.AddMember("党员" + FormatPoints(x)), x);
  const MemberRatingResult r = RateMembers(t.org, t.book, MemberStarBook{}, 2018);
  ASSERT_EQ(r.rated.size(), 6u);
  const int expected[] = {0, 1, 1, 2, 2, 3};
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(r.rated[static_cast<size_t>(i)].total, totals[i]);
    EXPECT_EQ(r.rated[static_cast<size_t>(i)].stars, expected[i]) << FormatPoints(totals[i]);
  }
  EXPECT_TRUE(r.rated[0].possibly_unqualified);  // 59.5: 60分以下无星即可认定为不合格党员
  EXPECT_FALSE(r.rated[1].possibly_unqualified);
  EXPECT_EQ(r.possibly_unqualified, 1);
  EXPECT_EQ(r.count_by_stars[0], 1);
  EXPECT_EQ(r.count_by_stars[1], 2);
  EXPECT_EQ(r.count_by_stars[2], 2);
  EXPECT_EQ(r.count_by_stars[3], 1);
}

TEST(Points, CapsHalfPointsDeductionsAndYears) {
  Town t;
  const int m = t.AddMember("向明");
  for (int i = 0; i < 20; ++i) t.Add(m, "B01", 20, "2018-03-01");  // 20 x 2 = 40, cap 30
  t.Add(m, "B05", 15, "2018-04-01", true);                          // 1.5, evidence given
  t.Add(m, "B05", 15, "2018-04-02");                                // 1.5, evidence missing
  t.Add(m, "B06", 5, "2018-04-03");                                 // 0.5
  for (int i = 0; i < 5; ++i) t.Add(m, "D01", -50, "2018-06-01");   // -25, cap 20 -> -20
  t.Add(m, "B02", 10, "2017-12-31");                                // last year: not counted in 2018
  t.Add(m, "B02", 10, "2019-01-01");                                // next year
  PointEntry orphan;
  orphan.member_id = "nobody";
  orphan.item_id = t.item("B02");
  orphan.date = *Date::Parse("2018-01-01");
  orphan.points = 10;
  t.book.entries.push_back(orphan);
  const YearTotals y = ComputeYearTotals(t.org, t.book, 2018);
  // 30 + 1.5 + 1.5 + 0.5 - 20 = 13.5
  EXPECT_EQ(y.members[0].total, 135);
  EXPECT_EQ(y.members[0].uncapped, 400 + 30 + 5 - 250);  // 18.5
  EXPECT_EQ(y.members[0].entries, 28);
  EXPECT_EQ(y.members[0].missing_evidence, 1);
  EXPECT_EQ(y.orphan_entries, 1);
  EXPECT_EQ(ComputeYearTotals(t.org, t.book, 2017).members[0].total, 10);
  // The ledger lines.
  const auto sums = MemberItemSums(t.book, t.org.members[0].meta.id, 2018);
  ASSERT_EQ(sums.size(), 4u);  // B01, B05, B06, D01 in catalogue order
  EXPECT_EQ(sums[0].sum, 400);
  EXPECT_EQ(sums[0].counted, 300);
  EXPECT_EQ(sums[3].sum, -250);
  EXPECT_EQ(sums[3].counted, -200);
  // Base points (基础分) of a catalogue add to everyone.
  t.book.catalogue.base_points = 600;
  EXPECT_EQ(ComputeYearTotals(t.org, t.book, 2018).members[0].total, 735);
}

TEST(MemberStars, ExemptedListedApartAndLateJoinersNotRated) {
  Town t;
  const int a = t.AddMember("甲");
  const int b = t.AddMember("乙");
  const int c = t.AddMember("丙");
  t.org.members[static_cast<size_t>(c)].join_date = *Date::Parse("2019-01-02");
  t.Fill(a, 300);
  MemberStarBook stars;
  stars.exemptions.push_back(StarExemption{RecordMeta{"e1", 0, 0, "t"}, t.org.members[static_cast<size_t>(b)].meta.id, 2018,
                                           "长期外出务工", *Date::Parse("2018-03-01"), "东湖村党支部"});
  stars.exemptions.push_back(StarExemption{RecordMeta{"e2", 0, 0, "t"}, t.org.members[static_cast<size_t>(a)].meta.id, 2017,
                                           "去年的特殊情况", *Date::Parse("2017-03-01"), ""});
  const MemberRatingResult r = RateMembers(t.org, t.book, stars, 2018);
  ASSERT_EQ(r.rated.size(), 1u);
  EXPECT_EQ(r.rated[0].member_index, a);  // the 2017 exemption does not apply to 2018
  EXPECT_EQ(r.rated[0].stars, 0);
  ASSERT_EQ(r.exempted.size(), 1u);
  EXPECT_EQ(r.exempted[0].member_index, b);
  EXPECT_EQ(r.exempted[0].exemption->reason, "长期外出务工");
  EXPECT_EQ(r.exempted[0].exemption->approved_on.ToString(), "2018-03-01");
  EXPECT_EQ(r.not_member_yet, std::vector<int>{c});
  EXPECT_EQ(r.count_by_stars[0] + r.count_by_stars[1] + r.count_by_stars[2] + r.count_by_stars[3], 1);
}

TEST(MemberStars, BoardOrder) {
  Town t;
  const int a = t.AddMember("乙"), b = t.AddMember("甲"), c = t.AddMember("丙");
  t.Fill(a, 850);
  t.Fill(b, 850);
  t.Fill(c, 900);
  const MemberRatingResult r = RateMembers(t.org, t.book, MemberStarBook{}, 2018);
  const auto order = BranchBoardOrder(t.org, r, t.org.branches[0].meta.id);
  ASSERT_EQ(order.size(), 3u);
  EXPECT_EQ(r.rated[static_cast<size_t>(order[0])].member_index, c);
  // Equal stars and totals: by name (UTF-8 byte order: 乙 U+4E59 < 甲 U+7532).
  EXPECT_EQ(r.rated[static_cast<size_t>(order[1])].member_index, a);
  EXPECT_EQ(r.rated[static_cast<size_t>(order[2])].member_index, b);
}

}  // namespace
}  // namespace zj

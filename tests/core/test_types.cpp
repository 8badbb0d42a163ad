#include <gtest/gtest.h>

#include "core/base/types.h"

namespace zj {

TEST(Date, ParsesAndFormatsTheNoticeDates) {
  auto d = Date::Parse("2018-03-23");  // 动员大会 (notice 四)
  ASSERT_TRUE(d);
  EXPECT_EQ(d->ToString(), "2018-03-23");
  EXPECT_EQ(d->Weekday(), 5);  // 2018-03-23 was a Friday
  EXPECT_EQ(Date::EndOfMonth(2018, 3).ToString(), "2018-03-31");
  EXPECT_EQ(Date::EndOfMonth(2018, 4).ToString(), "2018-04-30");
  EXPECT_EQ(*Date::Parse("2018-04-30") - *d, 38);
}

TEST(Date, RefusesImpossibleDates) {
  EXPECT_FALSE(Date::Parse("2018-02-29"));
  EXPECT_TRUE(Date::Parse("2020-02-29"));
  EXPECT_FALSE(Date::Parse("2018-13-01"));
  EXPECT_FALSE(Date::Parse("2018-3-1"));
  EXPECT_FALSE(Date::Parse("1899-12-31"));
}

TEST(Timestamp, RoundTrips) {
  TimestampMs t = 1521767523004;  // 2018-03-23T01:12:03.004Z
  EXPECT_EQ(FormatTimestamp(t), "2018-03-23T01:12:03.004Z");
  EXPECT_EQ(ParseTimestamp("2018-03-23T01:12:03.004Z"), t);
  EXPECT_EQ(ParseTimestamp("2018-03-23T01:12:03Z"), t - 4);
  EXPECT_FALSE(ParseTimestamp("2018-03-23 01:12:03"));
}

TEST(IdGenerator, SixteenHexAndDistinct) {
  IdGenerator g(42);
  Id a = g.Next(), b = g.Next();
  EXPECT_EQ(a.size(), 16u);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
}

}  // namespace zj

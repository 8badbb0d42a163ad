// Lectures (学): audience from roles, attendance, reflections and their states, the 3–5 rule.
#include <gtest/gtest.h>

#include "core/campaign/campaign.h"
#include "test_campaign_town.h"

namespace zj {

TEST(Lectures, AudienceFromRolesAndAttendance) {
  const Organization o = testtown::SmallTown();
  IdGenerator ids(41);
  Campaign c = DefaultCampaign(2018, ids, 0, "dev");
  Lecture& pb = c.lectures[0];  // 党建知识专题学习: secretaries and deputy secretaries
  EXPECT_EQ(LectureAudience(pb, o),
            (std::vector<Id>{"m11", "m12", "m21", "m31", "m41", "m42", "m51", "mu1", "mu2", "mu3", "mu4"}));
  pb.attendee_ids = {"m11", "m12", "m21", "m41", "k_l"};  // k_l is not in the audience
  const Attendance a = LectureAttendance(pb, o);
  EXPECT_EQ(a.expected, 11);
  EXPECT_EQ(a.attended, 5);
  EXPECT_EQ(a.attended_expected, 4);
  EXPECT_EQ(a.percent, 36);
  // Fire safety and finance: heads and staff = every member with a post.
  EXPECT_EQ(LectureAudience(c.lectures[1], o).size(), 16u);
  // Agriculture: members of village branches.
  EXPECT_EQ(LectureAudience(c.lectures[2], o).size(), 18u);
}

TEST(Lectures, ReflectionsOwedHandedInChosen) {
  IdGenerator ids(42);
  Lecture l;
  l.attendee_ids = {"a", "b", "c"};
  EXPECT_EQ(EnsureReflections(l, ids, 7, "dev"), 3);
  EXPECT_EQ(EnsureReflections(l, ids, 8, "dev"), 0);
  ASSERT_EQ(l.reflections.size(), 3u);
  EXPECT_EQ(l.reflections[0].meta.created, 7);
  l.reflections[0].state = ReflectionState::HandedIn;
  l.reflections[1].state = ReflectionState::Chosen;
  const auto n = CountReflections(l);
  EXPECT_EQ(n.owed, 1);
  EXPECT_EQ(n.handed_in, 2);
  EXPECT_EQ(n.chosen, 1);
  l.attendee_ids.push_back("d");
  EXPECT_EQ(EnsureReflections(l, ids, 9, "dev"), 1);
  EXPECT_STREQ(ReflectionStateZh(ReflectionState::Chosen), "入选学习专栏");
}

TEST(Lectures, ThreeToFive) {
  Problems p;
  CheckLectureCount(3, "/campaign/lectures", p);
  CheckLectureCount(5, "/campaign/lectures", p);
  EXPECT_TRUE(p.empty());
  CheckLectureCount(2, "/campaign/lectures", p);
  CheckLectureCount(6, "/campaign/lectures", p);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].path, "/campaign/lectures");
}

}  // namespace zj

// Same-name members told apart (同名党员): the hints every person list shows beside a name (core/org/org.h
// SameNameHints). Expected texts are written out by hand from the members built here.
#include <gtest/gtest.h>

#include "core/campaign/talks.h"
#include "core/org/org.h"
#include "test_helpers_org.h"

namespace zj {
namespace {
using testing_org::TestdataTown;

Member Person(IdGenerator& ids, const Dataset& d, const char* name, int branch, std::optional<Date> birth,
              const char* id_masked = "", std::vector<Post> posts = {}) {
  Member m;
  m.meta = RecordMeta{ids.Next(), testing_org::kNow, testing_org::kNow, "test"};
  m.name = name;
  m.branch_id = d.org.branches[static_cast<size_t>(branch)].meta.id;
  m.birth_date = birth;
  m.id_masked = id_masked;
  m.posts = std::move(posts);
  return m;
}

TEST(SameName, EachGroupTakesOnlyTheFieldsThatDifferAndUniqueNamesGetNone) {
  IdGenerator ids(7);
  Dataset d = TestdataTown(ids);
  auto& ms = d.org.members;
  // 0,1: 张伟 in 东湖村, born apart; 2: 张伟 in 荷花村 born like 0.
  ms.push_back(Person(ids, d, "张伟", 0, Date::FromYmd(1968, 3, 2)));
  ms.push_back(Person(ids, d, "张伟", 0, Date::FromYmd(1975, 11, 20)));
  ms.push_back(Person(ids, d, "张伟", 1, Date::FromYmd(1968, 3, 9)));
  // 3,4: 李娜 in 东湖村, same birth month, told apart by the ID ending.
  ms.push_back(Person(ids, d, "李娜", 0, Date::FromYmd(1980, 5, 1), "4205**********1234"));
  ms.push_back(Person(ids, d, "李娜", 0, Date::FromYmd(1980, 5, 30), "4205**********123X"));
  // 5,6: 王芳 with nothing apart but a post; 7,8: 刘洋, nothing apart at all.
  ms.push_back(Person(ids, d, "王芳", 0, std::nullopt, "", {Post::Secretary}));
  ms.push_back(Person(ids, d, "王芳", 0, std::nullopt));
  ms.push_back(Person(ids, d, "刘洋", 2, std::nullopt));
  ms.push_back(Person(ids, d, "刘洋", 2, std::nullopt));
  ms.push_back(Person(ids, d, "陈静", 0, Date::FromYmd(1990, 1, 1)));

  const std::vector<std::string> h = SameNameHints(d.org, std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
  EXPECT_EQ(h[0], "东湖村党支部 · 1968年3月生");
  EXPECT_EQ(h[1], "东湖村党支部 · 1975年11月生");
  EXPECT_EQ(h[2], "荷花村党支部 · 1968年3月生");
  EXPECT_EQ(h[3], "证件尾号1234");  // branch and birth month equal: not shown
  EXPECT_EQ(h[4], "证件尾号123X");
  EXPECT_EQ(h[5], "书记");
  EXPECT_EQ(h[6], "");  // the other 王芳 has no post: the one with 书记 stands apart
  EXPECT_EQ(h[7], "第1位");
  EXPECT_EQ(h[8], "第2位");
  EXPECT_EQ(h[9], "");  // a unique name carries no hint

  // One branch's list (the points-entry table of 东湖村): 张伟 of 荷花村 is not in it, birth months suffice.
  const std::vector<std::string> b = SameNameHints(d.org, std::vector<int>{1, 0, 9});
  EXPECT_EQ(b[0], "1975年11月生");
  EXPECT_EQ(b[1], "1968年3月生");
  EXPECT_EQ(b[2], "");
  // English words; and a list by id, with a cadre of the same name and an unknown id.
  EXPECT_EQ(SameNameHints(d.org, std::vector<int>{0, 1}, false)[0], "b. 1968-03");
  Cadre c;
  c.meta = RecordMeta{ids.Next(), testing_org::kNow, testing_org::kNow, "test"};
  c.name = "陈静";
  c.title = "镇党委副书记";
  d.org.cadres.push_back(c);
  const std::vector<std::string> p = SameNameHints(d.org, std::vector<Id>{ms[9].meta.id, c.meta.id, "nobody"});
  EXPECT_EQ(p[0], "东湖村党支部");
  EXPECT_EQ(p[1], "镇干部");
  EXPECT_EQ(p[2], "");

  // A talk between the two 陈静 (the talk list): each side labelled with its hint, the branch after them.
  TalkPair pair;
  pair.interviewer_id = c.meta.id;
  pair.interviewee_id = ms[9].meta.id;
  pair.branch_id = ms[9].branch_id;
  const std::map<Id, std::string> apart{{c.meta.id, p[1]}, {ms[9].meta.id, p[0]}};
  EXPECT_EQ(DescribeTalkPair(d.org, pair, &apart), "陈静（镇干部） — 陈静（东湖村党支部） (东湖村党支部)");
  EXPECT_EQ(DescribeTalkPair(d.org, pair), "陈静 — 陈静 (东湖村党支部)");
  EXPECT_EQ(PersonLabel("陈静", ""), "陈静");
}

}  // namespace
}  // namespace zj

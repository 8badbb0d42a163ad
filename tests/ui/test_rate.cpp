// 评 and 公示: keyboard points entry after importing the GBK roster, a member crossing 二星 → 三星
// exactly at 90 (worked out by hand as in tests/browser/rate.test.mjs), a refused value, points by tap on a
// phone, and the printed notice boards (escaped names, the 三星 band).
#include <algorithm>

#include "core/rate/stars.h"
#include "tests/ui/harness.h"

namespace zj::uitest {
namespace {
struct Rate {
  Ui& ui;
  /// Item id of catalogue code `code` ("B01").
  Id ItemId(const std::string& code) const {
    for (const PointItem& it : ui.data().points.catalogue.items)
      if (it.code == code) return it.meta.id;
    return "";
  }
  void ChooseBranch(const std::string& name) {
    ui.ClickItem(ui.ScrollTo("rate_branch"));
    ui.ClickLast(name);
  }
  /// The entry tab for a branch's members on a date, filtered to a name (each typed field closed by Enter).
  void OpenEntry(const std::string& branch, const std::string& date, const std::string& filter) {
    ChooseBranch(branch);
    ui.ClickItem(ui.ScrollTo("rate_date"));
    ui.Retype(date);
    ui.Key(ImGuiKey_Enter);
    ui.ClickItem(ui.ScrollTo("rate_filter"));
    ui.Retype(filter);
    ui.Key(ImGuiKey_Enter);
  }
  void ChooseItem(const std::string& code) {
    ui.ClickItem(ui.ScrollTo("rate_item"));
    ui.ClickLastStartingWith(code + " ");
  }
  /// Clicks the member's points field, types `value` (nothing: the item's default) and presses Enter.
  void Record(const std::string& member, const std::string& value) {
    ui.ClickItem(ui.ScrollTo("pts:" + member));
    if (!value.empty()) ui.Type(value);
    ui.Key(ImGuiKey_Enter);
  }
};
}  // namespace

TEST(UiRate, KeyboardEntryAndAMemberCrossingToThreeStarsAt90) {
  Ui ui(kDesktop);
  ImportGbkRoster(ui);
  const Member* xp = nullptr;
  for (const Member& m : ui.data().org.members)
    if (m.name == "向明" && m.id_masked == "4205**********3032") xp = &m;
  ASSERT_NE(xp, nullptr);
  const Id x = xp->meta.id;

  ui.Go(ui::Screen::Rate);
  Rate r{ui};
  r.OpenEntry("东湖村党支部", "2026-03-10", "向明");

  // 向明 has no points in 2026. By hand: B01 30 (its yearly cap) + B03 24 + B02 12 + R02 10 + R03 10 + B04 2
  // = 88 -> 二星 (80-89).
  for (auto [code, value] : std::vector<std::pair<std::string, std::string>>{
           {"B01", "30"}, {"B03", "24"}, {"B02", "12"}, {"R02", "10"}, {"R03", "10"}, {"B04", "2"}}) {
    r.ChooseItem(code);
    const size_t mark = ui.Audit().size();
    r.Record("向明", value);
    auto cmds = ui.AuditSince(mark);
    ASSERT_EQ(cmds.size(), 1u) << code << ": " << ui.Dump();
    EXPECT_EQ(cmds[0].command, "points.record");
    EXPECT_EQ(cmds[0].args, (nlohmann::json{{"member_id", x}, {"item_id", r.ItemId(code)}, {"date", "2026-03-10"},
                                            {"points", value}}));
  }
  auto row = ui.RowOf(ui.Get("pts:向明"));
  EXPECT_TRUE(std::count(row.begin(), row.end(), "88") && std::count(row.begin(), row.end(), "二星")) << ui.Dump();
  // B06 (0.5 each, the item's default: Enter on an empty field sends no points): 88.5, 89, 89.5 stay 二星,
  // the fourth makes 90 -> 三星.
  r.ChooseItem("B06");
  for (const char* total : {"88.5", "89", "89.5", "90"}) {
    const size_t mark = ui.Audit().size();
    r.Record("向明", "");
    auto cmds = ui.AuditSince(mark);
    ASSERT_EQ(cmds.size(), 1u);
    EXPECT_EQ(cmds[0].command, "points.record");
    EXPECT_EQ(cmds[0].args, (nlohmann::json{{"member_id", x}, {"item_id", r.ItemId("B06")}, {"date", "2026-03-10"}}));
    row = ui.RowOf(ui.Get("pts:向明"));
    const std::string stars = std::string(total) == "90" ? "三星" : "二星";
    EXPECT_TRUE(std::count(row.begin(), row.end(), total) && std::count(row.begin(), row.end(), stars))
        << total << " " << stars << ": " << nlohmann::json(row).dump();
  }
  Tenths sum = 0;
  for (const PointEntry& e : ui.data().points.entries)
    if (e.member_id == x) sum += e.points;
  EXPECT_EQ(sum, 900);  // tenths

  // A refused value keeps everything: points for a deduction item must be negative.
  r.ChooseItem("D01");
  const size_t entries = ui.data().points.entries.size();
  const size_t mark = ui.Audit().size();
  r.Record("向明", "5");
  EXPECT_TRUE(ui.Has("该项目为扣分项，分值应为负数")) << ui.Dump();
  EXPECT_TRUE(ui.CommandsSince(mark).empty());
  EXPECT_EQ(ui.data().points.entries.size(), entries);

  // 公示: a name with markup is escaped; 向明 is on 东湖村's board among the 三星.
  ASSERT_TRUE(ui.app.Apply({"member.update", {{"id", x}, {"name", "向明<script>alert(1)</script>&"}}}).ok);
  ui.Frame(2);  // the status line's refusal message goes away with this success: the layout moves up a line
  ui.Go(ui::Screen::Boards);
  ui.ClickItem(ui.ScrollTo("boards_branch"));
  ASSERT_TRUE(ui.ClickLast("东湖村党支部"));
  const size_t before_print = ui.Audit().size();
  ui.ClickItem(ui.ScrollTo("生成公示栏并打印"));
  const auto* html = platform::native::LastOutput("html");
  ASSERT_NE(html, nullptr);
  EXPECT_EQ(html->filename, "渔洋镇-公示栏-2026.html");
  const std::string& h = html->bytes;
  EXPECT_NE(h.find("星级党支部公示栏"), std::string::npos);
  EXPECT_NE(h.find("东湖村党支部 2026年度“党员评星”结果"), std::string::npos);
  EXPECT_NE(h.find("size: A4 portrait"), std::string::npos);
  EXPECT_EQ(h.find("<script"), std::string::npos) << "no raw markup from names";
  const size_t band = h.find("三星党员");
  ASSERT_NE(band, std::string::npos);
  const std::string three = h.substr(band, h.find("</section>", band) - band);
  EXPECT_NE(three.find("向明&lt;script&gt;alert(1)&lt;/script&gt;&amp;"), std::string::npos) << "escaped, in the 三星 band";
  // Every 三星 member of the branch by core's rating is on the board.
  const Dataset& d = ui.data();
  Id dh;
  for (const Branch& b : d.org.branches)
    if (b.name == "东湖村党支部") dh = b.meta.id;
  const MemberRatingResult rating = RateMembers(d.org, d.points, d.member_stars, 2026);
  int threes = 0;
  for (const MemberRating& mr : rating.rated) {
    const Member& m = d.org.members[static_cast<size_t>(mr.member_index)];
    if (m.branch_id != dh || mr.stars != 3 || m.meta.id == x) continue;
    ++threes;
    EXPECT_NE(three.find(m.name), std::string::npos) << m.name;
  }
  EXPECT_TRUE(ui.CommandsSince(before_print).empty()) << "printing changes nothing";
}

TEST(UiRate, PhonePointsByTap) {
  Ui ui(kPhone);
  ui.Go(ui::Screen::Rate);
  Rate r{ui};
  r.ChooseBranch("东湖村党支部");
  // Nothing past the right edge; 记分 buttons touch-sized.
  for (const Item& it : ui.Items())
    if (it.w < 2000) {
      EXPECT_LE(it.x + it.w, 391.0f) << it.label;
    }
  Id dh;
  for (const Branch& b : ui.data().org.branches)
    if (b.name == "东湖村党支部") dh = b.meta.id;
  ui.ClickItem(ui.ScrollTo("rate_filter"));
  ui.Retype("");
  ui.ClickItem(ui.ScrollTo("rate_date"));
  ui.Retype("2026-03-25");
  r.ChooseItem("B01");
  // The first member in the table (pinyin order).
  std::string first;
  for (const Item& it : ui.Items())
    if (it.label.rfind("pts:", 0) == 0) {
      first = it.label.substr(4);
      break;
    }
  ASSERT_FALSE(first.empty()) << ui.Dump();
  Id mid;
  for (const Member& m : ui.data().org.members)
    if (m.name == first && m.branch_id == dh) mid = m.meta.id;
  ASSERT_FALSE(mid.empty());
  const Item field = ui.ScrollTo("pts:" + first);
  ui.ClickItem(field);
  ui.Type("2");
  std::vector<Item> rec;
  for (const Item& it : ui.Items())
    if (it.label == "记分" && std::abs(it.cy() - ui.Get("pts:" + first).cy()) < 10) rec.push_back(it);
  ASSERT_EQ(rec.size(), 1u) << ui.Dump();
  EXPECT_GE(rec[0].h, 44.0f - 0.5f);
  const size_t entries = ui.data().points.entries.size();
  const size_t mark = ui.Audit().size();
  ui.ClickItem(rec[0]);
  auto cmds = ui.AuditSince(mark);
  ASSERT_EQ(cmds.size(), 1u) << ui.Dump();
  EXPECT_EQ(cmds[0].command, "points.record");
  EXPECT_EQ(cmds[0].args, (nlohmann::json{{"member_id", mid}, {"item_id", r.ItemId("B01")}, {"date", "2026-03-25"},
                                          {"points", "2"}}));
  EXPECT_EQ(ui.data().points.entries.size(), entries + 1);
}

// Two members of 东湖村 named 张伟 (a 5,000-member roster has about a hundred such pairs inside one branch):
// the entry table and the exemption picker show each with its birth month, and what is entered goes to the
// member chosen. A refused value then clears the success line (an error and a success never show together),
// and the refusal is gone on another tab.
TEST(UiRate, SameNameMembersShowApartInPointsEntryAndTheExemptionPicker) {
  Ui ui(kDesktop);
  ImportGbkRoster(ui);
  Id branch;
  for (const Branch& b : ui.data().org.branches)
    if (b.name == "东湖村党支部") branch = b.meta.id;
  ASSERT_FALSE(branch.empty());
  const ApplyResult a = ui.app.Apply({"member.add", {{"name", "张伟"}, {"branch_id", branch}, {"birth_date", "1968-03-02"}}});
  const ApplyResult b = ui.app.Apply({"member.add", {{"name", "张伟"}, {"branch_id", branch}, {"birth_date", "1975-11-20"}}});
  ASSERT_TRUE(a.ok && b.ok);
  const Id older = a.created_id, younger = b.created_id;

  ui.Go(ui::Screen::Rate);
  Rate r{ui};
  r.OpenEntry("东湖村党支部", "2026-03-10", "张伟");
  EXPECT_FALSE(ui.Has("pts:张伟")) << "two rows that look the same: " << ui.Dump();
  EXPECT_TRUE(ui.Has("1968年3月生") && ui.Has("1975年11月生")) << ui.Dump();
  r.ChooseItem("B01");
  size_t mark = ui.Audit().size();
  r.Record("张伟（1975年11月生）", "2");
  auto cmds = ui.AuditSince(mark);
  ASSERT_EQ(cmds.size(), 1u) << ui.Dump();
  EXPECT_EQ(cmds[0].args["member_id"], younger);
  EXPECT_TRUE(ui.HasContaining("已记分")) << ui.Dump();

  // A refused value (a deduction item needs a negative number): the red problem alone, no green line beside it.
  r.ChooseItem("D01");
  r.Record("张伟（1968年3月生）", "5");
  EXPECT_TRUE(ui.Has("该项目为扣分项，分值应为负数")) << ui.Dump();
  EXPECT_FALSE(ui.HasContaining("已记分")) << "an error and a success together: " << ui.Dump();
  // Another tab: the refusal does not follow.
  ui.ScrollTop();
  ui.Click("党员评星");
  ui.Frame(2);
  EXPECT_FALSE(ui.Has("该项目为扣分项，分值应为负数")) << ui.Dump();
  // The branch's lists tell them apart too: the younger has 2 points (below 60), the older none yet.
  EXPECT_TRUE(ui.Has("张伟（1975年11月生）  2")) << ui.Dump();
  EXPECT_TRUE(ui.HasContaining("张伟（1968年3月生）")) << "尚未记分 names the older apart: " << ui.Dump();

  // The exemption picker: found by name, each 张伟 told apart, the one picked is the one exempted.
  ui.ClickItem(ui.ScrollTo("exempt_member"));
  ui.Frame(2);
  ui.Type("张伟");
  ui.Frame(2);
  EXPECT_TRUE(ui.Has("pick:张伟（1968年3月生）") && ui.Has("pick:张伟（1975年11月生）")) << ui.Dump();
  EXPECT_FALSE(ui.HasContaining("pick:向明")) << "the filter keeps only 张伟: " << ui.Dump();
  ui.ClickLast("pick:张伟（1968年3月生）");
  EXPECT_EQ(ui.app.screens.rate.exempt_member, older);
}

}  // namespace zj::uitest

// Typed commands with text as the user typed it (shell/app.h AsTyped): a date or points field goes under the key
// the command's field list writes, with the text unchanged, so the command reads it or refuses it naming the
// field, exactly as when screens built the JSON by hand (the expected arguments below are those hand-built
// forms). Then the member editor's birth date, typed wrong and right, through the UI.
#include "core/campaign/commands_campaign.h"
#include "core/org/commands_member.h"
#include "core/org/commands_org.h"
#include "core/rate/commands_rate.h"
#include "tests/ui/harness.h"

namespace zj::uitest {
namespace {
using nlohmann::json;

TEST(TypedText, AsTypedPutsTheTextUnderTheFieldsKey) {
  // A Maybe<Date> field: the impossible 30 February stays as typed.
  MemberUpdate m;
  m.id = "m1";
  Command c = ui::AsTyped(m, &MemberFields::birth_date, "1990-02-30");
  EXPECT_EQ(c.name, "member.update");
  EXPECT_EQ(c.args, (json{{"id", "m1"}, {"birth_date", "1990-02-30"}}));

  // A required Date field (exemption.add's approved_on), typed without zero padding.
  ExemptionAdd e;
  e.member_id = "m1";
  e.year = 2026;
  e.reason = "长期外出务工";
  c = ui::AsTyped(e, &ExemptionAdd::approved_on, "2026-3-5");
  EXPECT_EQ(c.name, "exemption.add");
  EXPECT_EQ(c.args, (json{{"member_id", "m1"}, {"year", 2026}, {"reason", "长期外出务工"}, {"approved_on", "2026-3-5"}}));

  // Points typed with a sign stay text ("+2"), not the number the struct would write.
  PointsRecord p;
  p.member_id = "m1";
  p.item_id = "i1";
  p.date = *Date::Parse("2026-03-20");
  c = ui::AsTyped(p, &PointsRecord::points, "+2");
  EXPECT_EQ(c.args, (json{{"member_id", "m1"}, {"item_id", "i1"}, {"date", "2026-03-20"}, {"points", "+2"}}));

  // A Maybe<int> field given words; a null Maybe elsewhere in the struct stays null.
  BranchUpdate b;
  b.id = "b1";
  c = ui::AsTyped(b, &BranchFields::last_year_target_rank, "第三");
  EXPECT_EQ(c.args, (json{{"id", "b1"}, {"last_year_target_rank", "第三"}}));
  TalkRecordCmd t;
  t.id = "t1";
  t.intention.emplace(std::nullopt);
  c = ui::AsTyped(t, &TalkRecordCmd::held_on, "");
  EXPECT_EQ(c.args, (json{{"id", "t1"}, {"held_on", ""}, {"intention", nullptr}}));
}

TEST(TypedText, MemberBirthDateTypedWrongIsRefusedNamingTheFieldThenTypedRight) {
  Ui ui(kDesktop);
  ui.Go(ui::Screen::Organization);
  const Member& m = ui.data().org.members.front();
  const Id id = m.meta.id;
  const std::optional<DateOrMonth> before = m.birth_date;
  ui.app.screens.organization.selected_member = id;
  ui.Frame(2);

  size_t mark = ui.Audit().size();
  ui.ScrollTo("member_birth");
  ASSERT_TRUE(ui.Click("member_birth"));
  ui.Retype("1990-02-30");
  ui.Key(ImGuiKey_Enter);
  EXPECT_TRUE(ui.CommandsSince(mark).empty()) << "refused: nothing applied";
  EXPECT_EQ(ui.app.last_problem.path, "/birth_date");
  EXPECT_NE(ui.app.last_problem.message_zh.find("日期"), std::string::npos) << ui.app.last_problem.message_zh;
  EXPECT_EQ(ui.data().org.members.front().birth_date, before);

  mark = ui.Audit().size();
  ui.ScrollTo("member_birth");
  ASSERT_TRUE(ui.Click("member_birth"));
  ui.Retype(" 1990-02-03 ");
  ui.Key(ImGuiKey_Enter);
  auto cmds = ui.AuditSince(mark);
  ASSERT_EQ(cmds.size(), 1u);
  EXPECT_EQ(cmds[0].command, "member.update");
  EXPECT_EQ(cmds[0].args, (json{{"id", id}, {"birth_date", "1990-02-03"}}));  // trimmed, as before
  EXPECT_EQ(ui.data().org.members.front().birth_date, Date::Parse("1990-02-03"));
}

}  // namespace
}  // namespace zj::uitest

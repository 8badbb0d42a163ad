// Typed commands (core/data/command.h): every command of the table refuses an argument it does not know, naming
// the key, and changes nothing; a missing required argument is refused the same way; the struct and its JSON
// form convert both ways.
#include <gtest/gtest.h>

#include "core/data/command_table.h"
#include "core/demo/demo.h"

namespace zj {
namespace {

constexpr TimestampMs kT = 1521763200000;

template <class C>
void RefusesAnUnknownKey(Workspace& ws) {
  const std::string before = SaveDataset(ws.data());
  C c{};
  Command cmd = ToCommand(c);
  cmd.args["nmae"] = "张三";
  const ApplyResult r = ws.Apply(cmd, kT);
  EXPECT_FALSE(r.ok) << C::kName;
  EXPECT_EQ(r.problem.path, "/nmae") << C::kName << ": " << r.problem.message_zh;
  EXPECT_NE(r.problem.message_zh.find("nmae"), std::string::npos) << C::kName;
  EXPECT_NE(r.problem.message_zh.find(C::kName), std::string::npos) << C::kName;
  EXPECT_EQ(SaveDataset(ws.data()), before) << C::kName;
}

TEST(TypedCommands, EveryCommandRefusesAnUnknownKeyByName) {
  Workspace ws(MakeDemoDataset(2018, 2018), 3, "0123456789abcdef");
#define ZJ_CHECK(C) RefusesAnUnknownKey<C>(ws);
  ZJ_COMMANDS(ZJ_CHECK)
#undef ZJ_CHECK
  EXPECT_FALSE(ws.CanUndo());
}

TEST(TypedCommands, TheReportedTypoChangesNothing) {
  // {"member.update", {"id": …, "nmae": "张三"}} used to return ok, add an undo step and change nothing.
  Workspace ws(MakeDemoDataset(2018, 2018), 3, "0123456789abcdef");
  const Id id = ws.data().org.members[0].meta.id;
  const ApplyResult r = ws.Apply({"member.update", {{"id", id}, {"nmae", "张三"}}}, kT);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.problem.message_zh, "未知的参数“nmae”（member.update），操作未执行");
  EXPECT_FALSE(ws.CanUndo());
  EXPECT_EQ(ws.revision(), 0u);
  // A required key missing, a value of the wrong type: refused by name too.
  EXPECT_EQ(ws.Apply({"member.update", {{"name", "张三"}}}, kT).problem.path, "/id");
  EXPECT_EQ(ws.Apply({"member.update", {{"id", id}, {"representative", "yes"}}}, kT).problem.path, "/representative");
}

TEST(TypedCommands, StructAndJsonConvertBothWays) {
  MemberUpdate u;
  u.id = "00000000000000aa";
  u.name = "李四";
  u.birth_date = std::optional<Date>();  // null: cleared
  const Command c = ToCommand(u);
  EXPECT_EQ(c.name, "member.update");
  EXPECT_EQ(c.args, nlohmann::json({{"id", "00000000000000aa"}, {"name", "李四"}, {"birth_date", nullptr}}));
  MemberUpdate back;
  ASSERT_FALSE(FromArgs(c.args, back));
  EXPECT_EQ(back.id, u.id);
  EXPECT_EQ(back.name, u.name);
  ASSERT_TRUE(back.birth_date.has_value());
  EXPECT_FALSE(back.birth_date->has_value());
  EXPECT_FALSE(back.phone.has_value());
}

}  // namespace
}  // namespace zj

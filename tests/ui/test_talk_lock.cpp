// 谈话记录口令锁 on the 数据 and 谈 screens, headless: setting the lock emits talk_lock.set with the
// parameters the crypto port returned (the native port's stand-in, shell/platform_native.cpp), every demo
// record gets sealed, 锁定 hides them and empties undo, a wrong passphrase opens nothing and emits nothing,
// the right one opens them again, and 取消口令锁 (after its confirmation) emits talk_lock.remove.
#include "tests/ui/harness.h"

namespace zj::uitest {
namespace {
int Count(const Dataset& d, bool sealed, bool readable) {
  int n = 0;
  for (const Talk& t : d.campaign.talks) n += t.sealed.has_value() == sealed && t.record.has_value() == readable;
  return n;
}

TEST(TalkLockUi, SetLockCloseWrongAndRightPassphraseRemove) {
  Ui ui(kDesktop);
  ui.Go(ui::Screen::Data);
  ASSERT_EQ(Count(ui.data(), false, true), 3);  // the demo's three talk records, readable, not sealed
  const std::string pass = "东湖村 2026 春";

  // Mismatching entries: refused on screen, no command.
  size_t mark = ui.Audit().size();
  ui.ClickItem(ui.ScrollTo("lock_pass1"));
  ui.Retype(pass);
  ui.ClickItem(ui.ScrollTo("lock_pass2"));
  ui.Retype(pass + "x");
  ui.ClickItem(ui.ScrollTo("设置口令锁"));
  EXPECT_TRUE(ui.HasContaining("两次输入的口令不一样")) << ui.Dump();
  EXPECT_TRUE(ui.CommandsSince(mark).empty());

  ui.ClickItem(ui.ScrollTo("lock_pass2"));
  ui.Retype(pass);
  ui.ClickItem(ui.ScrollTo("设置口令锁"));
  ui.Frame(3);
  auto cmds = ui.AuditSince(mark);
  ASSERT_EQ(cmds.size(), 1u) << ui.Dump();
  EXPECT_EQ(cmds[0].command, "talk_lock.set");
  EXPECT_EQ(cmds[0].args["iterations"], 600000);
  EXPECT_EQ(cmds[0].args["salt"], "bmF0aXZlLXNhbHQtMDAwMA==");
  EXPECT_EQ(cmds[0].args.dump().find(pass), std::string::npos) << "the passphrase reached the audit trail";
  ASSERT_TRUE(ui.data().campaign.talk_lock.has_value());
  EXPECT_EQ(Count(ui.data(), true, true), 3) << "every record sealed and still readable";
  EXPECT_EQ(SaveDataset(ui.data()).find("稻虾共作"), std::string::npos);

  // 锁定: records hidden, undo emptied (its copies held the records).
  ui.ClickItem(ui.ScrollTo("锁定"));
  EXPECT_EQ(Count(ui.data(), true, false), 3);
  EXPECT_FALSE(ui.app.ws->CanUndo());
  EXPECT_TRUE(ui.HasContaining("谈话记录已加密，3条已谈记录需要口令")) << ui.Dump();

  // Wrong passphrase: nothing opened, no command, same saved text.
  const std::string before = SaveDataset(ui.data());
  mark = ui.Audit().size();
  ui.ClickItem(ui.ScrollTo("lock_unlock_pass"));
  ui.Retype("不是这个口令");
  ui.ClickItem(ui.ScrollTo("解锁"));
  ui.Frame(3);
  EXPECT_TRUE(ui.HasContaining("口令不对")) << ui.Dump();
  EXPECT_EQ(Count(ui.data(), true, false), 3);
  EXPECT_EQ(SaveDataset(ui.data()), before);
  EXPECT_TRUE(ui.CommandsSince(mark).empty());

  // The 谈 screen shows the lock line and no record form content while closed.
  ui.Go(ui::Screen::Talk);
  EXPECT_TRUE(ui.HasContaining("谈话记录已加密")) << ui.Dump();

  // Right passphrase (on the 谈 screen's line): open again, nothing emitted.
  ui.ClickItem(ui.ScrollTo("lock_unlock_pass"));
  ui.Retype(pass);
  ui.ClickItem(ui.ScrollTo("解锁"));
  ui.Frame(3);
  EXPECT_EQ(Count(ui.data(), true, true), 3);
  EXPECT_TRUE(ui.CommandsSince(mark).empty());
  ASSERT_TRUE(ui.data().campaign.talks.size() > 0);

  // 取消口令锁 asks first; confirmed, it emits talk_lock.remove and records are plain again.
  ui.Go(ui::Screen::Data);
  ui.ClickItem(ui.ScrollTo("取消口令锁"));
  EXPECT_TRUE(ui.data().campaign.talk_lock.has_value());  // not yet: the popup asks first
  mark = ui.Audit().size();
  ASSERT_TRUE(ui.Click("确定取消"));
  EXPECT_EQ(ui.CommandsSince(mark), std::vector<std::string>{"talk_lock.remove"});
  EXPECT_FALSE(ui.data().campaign.talk_lock.has_value());
  EXPECT_EQ(Count(ui.data(), false, true), 3);
}

}  // namespace
}  // namespace zj::uitest

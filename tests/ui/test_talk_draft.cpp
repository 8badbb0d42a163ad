// 谈: a talk record typed but not saved survives a reload (the draft in the setting talk.drafts), is named at the top
// of the screen, and goes when the record is saved; with a passphrase lock set nothing of it is stored.
#include <string>

#include "core/campaign/plan.h"
#include "core/campaign/talks.h"
#include "shell/platform.h"
#include "tests/ui/harness.h"

namespace zj::uitest {
namespace {

const Talk* FirstOpenTalk(const Dataset& d) {
  for (const Talk& t : d.campaign.talks)
    if (!t.record && t.pair.kind == TalkKind::SecretaryWithVillageSecretary) return &t;
  return nullptr;
}

/// Filters the talk list by the interviewee's name and opens the talk's row.
void OpenTalk(Ui& ui, const Talk& talk) {
  ui.ClickItem(ui.ScrollTo("talk_filter"));
  ui.Type(PersonName(ui.data().org, talk.pair.interviewee_id));
  const std::string desc = DescribeTalkPair(ui.data().org, talk.pair);
  const auto rows = ui.FindContaining("talk:");
  for (const Item& it : rows)
    if (it.label.find(PersonName(ui.data().org, talk.pair.interviewee_id)) != std::string::npos &&
        it.label.find(PersonName(ui.data().org, talk.pair.interviewer_id)) != std::string::npos) {
      ui.ClickItem(it);
      return;
    }
  ADD_FAILURE() << "no row for " << desc << "\n" << ui.Dump();
}

TEST(TalkDraft, SurvivesAReloadAndGoesWhenSaved) {
  const std::string notes = "村里道路硬化还差两公里";
  std::string stored, pair;
  Id talk_id;
  {
    Ui ui(kPhone);
    const Talk* talk = FirstOpenTalk(ui.data());
    ASSERT_NE(talk, nullptr);
    talk_id = talk->meta.id;
    pair = DescribeTalkPair(ui.data().org, talk->pair);
    ui.Go(ui::Screen::Talk);
    OpenTalk(ui, *talk);
    ui.ClickItem(ui.ScrollTo("talk_notes"));
    ui.Type(notes);
    ui.Frame(2);
    EXPECT_EQ(ui.ScrollTo("草稿：上次编辑 ", true).label.rfind("草稿：上次编辑 ", 0), 0u) << ui.Dump();
    stored = platform::GetSetting("talk.drafts");
    ASSERT_NE(stored.find(notes), std::string::npos) << stored;
    ASSERT_NE(stored.find(talk_id), std::string::npos) << stored;
    EXPECT_TRUE(ui.AuditSince(0).empty() || ui.AuditSince(0).back().command != "talk.record") << "nothing saved yet";
  }
  {
    Ui ui(kPhone);  // the page opened again: the port starts afresh, the stored setting is put back
    platform::SetSetting("talk.drafts", stored);
    ui.Go(ui::Screen::Talk);
    EXPECT_TRUE(ui.Has("未保存的谈话草稿（点开继续）：")) << ui.Dump();
    ui.ClickItem(ui.ScrollTo(pair));
    EXPECT_EQ(ui.ScrollTo("草稿：上次编辑 ", true).label.rfind("草稿：上次编辑 ", 0), 0u) << ui.Dump();
    const size_t mark = ui.Audit().size();
    ui.ClickItem(ui.ScrollTo("保存谈话记录"));
    const auto cmds = ui.AuditSince(mark);
    ASSERT_EQ(cmds.size(), 1u) << ui.Dump();
    EXPECT_EQ(cmds[0].command, "talk.record");
    EXPECT_EQ(cmds[0].args.value("notes", std::string()), notes) << "the draft's text is what was saved";
    EXPECT_EQ(cmds[0].args.value("held_on", std::string()), "2026-03-25") << "held on today, the day recorded";
    EXPECT_EQ(platform::GetSetting("talk.drafts"), "") << "a saved record leaves no draft";
    EXPECT_FALSE(ui.Has("未保存的谈话草稿（点开继续）：")) << ui.Dump();
  }
}

TEST(TalkDraft, DiscardGoesBackToTheRecord) {
  Ui ui(kDesktop);
  const Talk* talk = FirstOpenTalk(ui.data());
  ASSERT_NE(talk, nullptr);
  ui.Go(ui::Screen::Talk);
  OpenTalk(ui, *talk);
  ui.ClickItem(ui.ScrollTo("talk_place"));
  ui.Type("村部");
  ui.Frame(2);
  ASSERT_NE(platform::GetSetting("talk.drafts").find("村部"), std::string::npos);
  ui.ClickItem(ui.ScrollTo("放弃草稿"));
  EXPECT_EQ(platform::GetSetting("talk.drafts"), "");
  EXPECT_FALSE(ui.HasContaining("草稿：上次编辑 ")) << ui.Dump();
}

}  // namespace
}  // namespace zj::uitest

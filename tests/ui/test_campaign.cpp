// 学 看 谈 通报 概览: attendance and reflections, the live draw with a witnessed seed (checked
// against core's zj-draw-v1), a talk record, the closing report's HTML, the dashboard's progress; each
// action checked by the command it emits and the dataset change.
#include <algorithm>

#include "core/campaign/draw.h"
#include "core/campaign/onsite.h"
#include "core/campaign/plan.h"
#include "tests/ui/harness.h"

namespace zj::uitest {
namespace {
std::string NameOf(const Dataset& d, const Id& person) { return PersonName(d.org, person); }

/// 看: types the witnessed number, prefixes the meeting date, draws and confirms; checks onsite.draw and the
/// record against core's draw for the same seed and candidates.
void DrawWithSeed(Viewport vp) {
  Ui ui(vp);
  ui.Go(ui::Screen::Look);
  const Dataset before = ui.data();
  const OnsiteMeeting& m = before.campaign.onsite_meetings.front();  // the first meeting is shown first
  ASSERT_FALSE(m.draw.has_value());
  ASSERT_TRUE(m.date.has_value());
  // Candidates shown in the fixed order: eligible sites without the pre-chosen one.
  std::vector<DrawCandidate> cands;
  for (const DrawCandidate& c : EligibleSites(m, before.org))
    if (c.id != m.preselected_branch_id) cands.push_back(c);
  ASSERT_GE(cands.size(), 2u);
  for (size_t i = 0; i < cands.size(); ++i)
    EXPECT_TRUE(ui.HasContaining(std::to_string(i + 1) + ". " + cands[i].name)) << cands[i].name << ": " << ui.Dump();

  ui.ClickItem(ui.ScrollTo("一片 村级党建工作现场会"));  // the screen keeps its choice between visits
  ui.ClickItem(ui.ScrollTo("draw_seed"));
  ui.Retype("4711");
  ui.ClickItem(ui.ScrollTo("加上会议日期"));
  ui.ClickItem(ui.ScrollTo("抽签"));
  const std::string seed = m.date->ToString() + "#4711";
  EXPECT_TRUE(ui.Has("种子：" + seed)) << ui.Dump();
  const size_t mark = ui.Audit().size();
  ASSERT_TRUE(ui.Click("确认，开始抽签"));
  auto cmds = ui.AuditSince(mark);
  ASSERT_EQ(cmds.size(), 1u);
  EXPECT_EQ(cmds[0].command, "onsite.draw");
  EXPECT_EQ(cmds[0].args, (nlohmann::json{{"id", m.meta.id}, {"seed", seed}}));

  // The record equals core's draw for that seed and those candidates.
  const OnsiteMeeting& after = ui.data().campaign.onsite_meetings.front();
  ASSERT_TRUE(after.draw.has_value());
  Problems problems;
  auto expect = MakeDraw(seed, EligibleSites(m, before.org), m.preselected_branch_id, 0, problems);
  ASSERT_TRUE(expect.has_value());
  EXPECT_EQ(after.draw->seed, seed);
  EXPECT_EQ(after.draw->picked_ids, expect->picked_ids);
  ASSERT_EQ(after.draw->candidates.size(), cands.size());
  for (size_t i = 0; i < cands.size(); ++i) EXPECT_EQ(after.draw->candidates[i].id, cands[i].id);
  // Other witnessed numbers draw other sites or another order (so the check above tells a wrong seed).
  int differ = 0;
  for (int n = 1; n <= 20; ++n) {
    auto other = MakeDraw(m.date->ToString() + "#" + std::to_string(n), EligibleSites(m, before.org),
                          m.preselected_branch_id, 0, problems);
    if (other && other->picked_ids != after.draw->picked_ids) ++differ;
  }
  EXPECT_GT(differ, 0);
  // The result is revealed and verified on screen; no second draw.
  for (size_t k = 0; k < expect->picked_ids.size(); ++k) {
    std::string name;
    for (const auto& c : expect->candidates)
      if (c.id == expect->picked_ids[k]) name = c.name;
    EXPECT_TRUE(ui.Has("抽中 " + std::to_string(k + 1) + "：" + name)) << ui.Dump();
  }
  EXPECT_TRUE(ui.Has("复核：按种子重算结果一致"));
  EXPECT_FALSE(ui.Has("抽签"));
  // The draw's time in the local time the witnesses read (the fake platform's UTC+8), not a raw UTC stamp.
  EXPECT_TRUE(ui.Has("抽签时间 " + platform::LocalTimeText(after.draw->drawn_at))) << ui.Dump();
  EXPECT_FALSE(ui.HasContaining("抽签时间 " + FormatTimestamp(after.draw->drawn_at))) << ui.Dump();
}
}  // namespace

TEST(UiLook, DrawWithAWitnessedSeedDesktop) { DrawWithSeed(kDesktop); }
TEST(UiLook, DrawWithAWitnessedSeedPhone) { DrawWithSeed(kPhone); }

TEST(UiLearn, UntickAttendanceAndHandInAReflection) {
  Ui ui(kDesktop);
  ui.Go(ui::Screen::Learn);
  EXPECT_TRUE(ui.Has("共 3 次（通知要求 3 至 5 次）")) << ui.Dump();
  const Lecture lec0 = ui.data().campaign.lectures.front();
  ui.ClickItem(ui.ScrollTo("1. " + lec0.theme_zh, true));  // the screen keeps its choice between visits
  auto owed = std::find_if(lec0.reflections.begin(), lec0.reflections.end(),
                           [](const Reflection& r) { return r.state == ReflectionState::Owed; });
  ASSERT_NE(owed, lec0.reflections.end());
  const Id person = owed->person_id;
  const std::string name = NameOf(ui.data(), person);

  ui.ClickItem(ui.ScrollTo("attend_filter"));
  ui.Type(name);
  size_t mark = ui.Audit().size();
  ui.ClickItem(ui.ScrollTo("attend:" + name));
  auto cmds = ui.AuditSince(mark);
  ASSERT_EQ(cmds.size(), 1u);
  EXPECT_EQ(cmds[0].command, "lecture.attend");
  EXPECT_EQ(cmds[0].args, (nlohmann::json{{"id", lec0.meta.id}, {"person_id", person}, {"present", false}}));
  const Lecture& lec1 = ui.data().campaign.lectures.front();
  EXPECT_EQ(lec1.attendee_ids.size(), lec0.attendee_ids.size() - 1);
  EXPECT_EQ(std::count(lec1.attendee_ids.begin(), lec1.attendee_ids.end(), person), 0);
  EXPECT_EQ(lec1.reflections.size(), lec0.reflections.size() - 1) << "the owed reflection goes with it";

  // Tick again: present again.
  mark = ui.Audit().size();
  ui.ClickItem(ui.ScrollTo("attend:" + name));
  cmds = ui.AuditSince(mark);
  ASSERT_EQ(cmds.size(), 1u);
  EXPECT_EQ(cmds[0].args, (nlohmann::json{{"id", lec0.meta.id}, {"person_id", person}, {"present", true}}));

  // Another owed reflection handed in today through its row's state picker.
  const Lecture& lec2 = ui.data().campaign.lectures.front();
  auto owed2 = std::find_if(lec2.reflections.begin(), lec2.reflections.end(),
                            [&](const Reflection& r) { return r.state == ReflectionState::Owed && r.person_id != person; });
  ASSERT_NE(owed2, lec2.reflections.end());
  const Id person2 = owed2->person_id;
  const Id refl_id = owed2->meta.id;
  const std::string name2 = NameOf(ui.data(), person2);
  ui.ClickItem(ui.ScrollTo("attend_filter"));
  ui.Retype(name2);
  ui.ClickItem(ui.ScrollTo("refl:" + name2));
  mark = ui.Audit().size();
  ASSERT_TRUE(ui.ClickLast("已交"));
  cmds = ui.AuditSince(mark);
  ASSERT_EQ(cmds.size(), 1u);
  EXPECT_EQ(cmds[0].command, "lecture.reflection");
  EXPECT_EQ(cmds[0].args, (nlohmann::json{{"id", lec0.meta.id}, {"person_id", person2}, {"state", "handed_in"},
                                          {"date", "2026-03-25"}}));
  for (const Reflection& r : ui.data().campaign.lectures.front().reflections)
    if (r.meta.id == refl_id) {
      EXPECT_EQ(r.state, ReflectionState::HandedIn);
      EXPECT_EQ(r.handed_in_on ? r.handed_in_on->ToString() : "", "2026-03-25");
    }
}

TEST(UiTalk, FillAndSaveATalkRecord) {
  Ui ui(kDesktop);
  const Dataset d0 = ui.data();
  const Talk* talk = nullptr;
  for (const Talk& t : d0.campaign.talks)
    // planned for another day than today (03-25): the held date must start at today, not at the planned date
    if (t.pair.kind == TalkKind::SecretaryWithVillageSecretary && !t.record && t.planned_date &&
        t.planned_date->ToString() != "2026-03-25") {
      talk = &t;
      break;
    }
  ASSERT_NE(talk, nullptr);
  const std::string member = NameOf(d0, talk->pair.interviewee_id);
  std::string branch;
  for (const Branch& b : d0.org.branches)
    if (b.meta.id == talk->pair.branch_id) branch = b.name;
  Id reserve;
  std::string reserve_name;
  for (const Member& m : d0.org.members)
    if (m.branch_id == talk->pair.branch_id && m.reserve_cadre) {
      reserve = m.meta.id;
      reserve_name = m.name;
      break;
    }
  ASSERT_FALSE(reserve.empty());

  ui.Go(ui::Screen::Talk);
  EXPECT_TRUE(ui.HasContaining("应谈 ")) << ui.Dump();
  ui.ClickItem(ui.ScrollTo("talk_filter"));
  ui.Type(member);
  const Item* row = nullptr;
  const auto items = ui.Items();
  for (const Item& it : items)
    if (it.label.rfind("talk:", 0) == 0 && it.label.find(member) != std::string::npos &&
        it.label.find(branch) != std::string::npos && it.label.find("覃志军") != std::string::npos)
      row = &it;
  ASSERT_NE(row, nullptr) << ui.Dump();
  ui.ClickItem(*row);
  EXPECT_TRUE(ui.Has("覃志军 — " + member + " (" + branch + ")")) << ui.Dump();
  EXPECT_TRUE(ui.HasContaining("计划：" + talk->planned_date->ToString())) << ui.Dump();
  ui.ClickItem(ui.ScrollTo("talk_place"));
  ui.Type("村委会议室");
  for (int k : {1, 3, 6}) ui.ClickItem(ui.ScrollTo("topic:" + std::to_string(k)));
  EXPECT_FALSE(ui.Has("topic:7")) << "six topics for this kind";
  ui.ClickItem(ui.ScrollTo("talk_notes"));
  const std::string notes = "班子团结；问题：<b>产业单一</b> & \"稻虾共作\"";
  ui.Type(notes);
  ui.ClickItem(ui.ScrollTo("留"));
  ui.ClickItem(ui.ScrollTo("reserve:" + reserve_name));
  const size_t mark = ui.Audit().size();
  ui.ClickItem(ui.ScrollTo("保存谈话记录"));
  auto cmds = ui.AuditSince(mark);
  ASSERT_EQ(cmds.size(), 1u) << ui.Dump();
  EXPECT_EQ(cmds[0].command, "talk.record");
  const Talk* saved = nullptr;
  for (const Talk& t : ui.data().campaign.talks)
    if (t.meta.id == talk->meta.id) saved = &t;
  ASSERT_TRUE(saved && saved->record);
  const std::string held = "2026-03-25";  // today, the day it is recorded
  EXPECT_EQ(cmds[0].args, (nlohmann::json{{"id", talk->meta.id}, {"held_on", held},
                                          {"start_minute", saved->record->start_minute}, {"place", "村委会议室"},
                                          {"topics_covered", {0, 2, 5}}, {"notes", notes},
                                          {"reserve_cadre_ids", {reserve}}, {"reserve_cadre_note", ""},
                                          {"intention", "stay"}}));
  EXPECT_EQ(saved->record->held_on.ToString(), held);
  EXPECT_EQ(saved->record->place, "村委会议室");
  EXPECT_EQ(saved->record->topics_covered, (std::vector<int>{0, 2, 5}));
  EXPECT_EQ(saved->record->notes, notes);
  EXPECT_EQ(saved->record->intention, Intention::Stay);
  EXPECT_EQ(saved->record->reserve_cadre_ids, (std::vector<Id>{reserve}));
  EXPECT_TRUE(ui.Has("已保存"));
}

TEST(UiReport, OpensThePrintableReportWithEscapedText) {
  Ui ui(kDesktop);
  // User text with markup (a venue typed by someone), applied the way the browser test does.
  const Id meeting = ui.data().campaign.onsite_meetings.front().meta.id;
  ASSERT_TRUE(ui.app.Apply({"onsite.update", {{"id", meeting}, {"venue", "会场<script>alert(1)</script>"}}}).ok);
  ui.Go(ui::Screen::Report);
  EXPECT_TRUE(ui.HasContaining("谈心谈话 已谈 3 / ")) << ui.Dump();
  const size_t mark = ui.Audit().size();
  ui.ClickItem(ui.ScrollTo("生成通报（打印）"));
  const auto* html = platform::native::LastOutput("html");
  ASSERT_NE(html, nullptr);
  EXPECT_EQ(html->filename, "渔洋镇-整建月通报-2026-03-25.html");
  const std::string& h = html->bytes;
  EXPECT_NE(h.find("渔洋镇党组织整建月活动情况通报"), std::string::npos);
  EXPECT_NE(h.find("@media print"), std::string::npos);
  EXPECT_NE(h.find("会场&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(h.find("<script>alert(1)"), std::string::npos);
  for (const char* s : {"一片", "二片", "东湖村党支部", "已逾期 2 天", "示例数据"})
    EXPECT_NE(h.find(s), std::string::npos) << s;
  EXPECT_TRUE(ui.CommandsSince(mark).empty()) << "printing changes nothing";
  EXPECT_TRUE(ui.Has("已在新页面打开通报。")) << ui.Dump();
}

TEST(UiDashboard, ProgressFollowsALectureMarkedHeld) {
  Ui ui(kDesktop);
  EXPECT_TRUE(ui.Has("1 / 3 项活动")) << ui.Dump();  // 学: the first lecture is held in the demo
  EXPECT_FALSE(ui.Has("2 / 3 项活动"));
  EXPECT_TRUE(ui.Has("全镇动员大会") && ui.Has("已逾期 2 天"));
  ui.Go(ui::Screen::Learn);
  const Lecture& l2 = ui.data().campaign.lectures[1];
  const Id id = l2.meta.id;
  ASSERT_FALSE(l2.held);
  ui.ClickItem(ui.ScrollTo("2. " + l2.theme_zh, true));
  ASSERT_EQ(l2.date->ToString(), "2026-03-29");  // after today (03-25): ticking it asks first
  const size_t mark = ui.Audit().size();
  ui.ClickItem(ui.ScrollTo("已举办"));
  EXPECT_TRUE(ui.AuditSince(mark).empty()) << ui.Dump();
  EXPECT_TRUE(ui.HasContaining("这项活动定在 2026-03-29，今天是 2026-03-25")) << ui.Dump();
  ASSERT_TRUE(ui.Click("取消"));  // cancelled: nothing changes
  EXPECT_TRUE(ui.AuditSince(mark).empty());
  EXPECT_FALSE(ui.data().campaign.lectures[1].held);
  ui.ClickItem(ui.ScrollTo("已举办"));
  ASSERT_TRUE(ui.Click("确认，今天已举办")) << ui.Dump();
  auto cmds = ui.AuditSince(mark);
  ASSERT_EQ(cmds.size(), 1u) << ui.Dump();
  EXPECT_EQ(cmds[0].command, "lecture.set_held");
  EXPECT_EQ(cmds[0].args, (nlohmann::json{{"id", id}, {"held", true}, {"date", "2026-03-25"}}));
  EXPECT_TRUE(ui.data().campaign.lectures[1].held);
  EXPECT_EQ(ui.data().campaign.lectures[1].date->ToString(), "2026-03-25");  // the date follows
  ui.Go(ui::Screen::Dashboard);
  EXPECT_TRUE(ui.Has("2 / 3 项活动")) << ui.Dump();
}

}  // namespace zj::uitest

namespace zj::uitest {

// The speech timer reads the platform clock (no command): 5:00, the last minute, then over time.
TEST(UiLook, SpeechTimerLastMinuteAndOverrun) {
  Ui ui(kDesktop);
  ui.Go(ui::Screen::Look);
  ui.ClickItem(ui.ScrollTo("一片 村级党建工作现场会"));
  EXPECT_TRUE(ui.ScrollTo("05:00").w > 0);
  const size_t mark = ui.Audit().size();
  ui.ClickItem(ui.ScrollTo("开始计时"));
  platform::native::AdvanceMs(250 * 1000);  // 4:10 spoken
  ui.Frame(2);
  EXPECT_TRUE(ui.Has("00:49") || ui.Has("00:50")) << ui.Dump();
  EXPECT_TRUE(ui.Has("最后一分钟"));
  platform::native::AdvanceMs(70 * 1000);  // 5:20 spoken
  ui.Frame(2);
  EXPECT_TRUE(ui.Has("+00:20") || ui.Has("+00:19")) << ui.Dump();
  EXPECT_TRUE(ui.Has("已超时"));
  EXPECT_TRUE(ui.CommandsSince(mark).empty()) << "the timer is not part of the dataset";
  if (ui.Has("停止")) ui.Click("停止");
}

}  // namespace zj::uitest

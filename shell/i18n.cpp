#include "shell/i18n.h"

namespace zj::ui {
namespace {
struct Entry { S key; const char* zh; const char* en; };
// Terms follow docs/domain.md.
const Entry kStrings[] = {
  {S::AppName, "整建", "Zhengjian"},
  {S::AppSubtitle, "党组织整建月", "Party organization consolidation month"},
  {S::DemoBadge, "示例数据", "Demo data"},
  {S::DemoExplain, "这是虚构的示例镇，用于试用；用本镇的数据前，先“开始本镇”清除示例数据。", "A made-up demo town for trying things out; before using your town's data, \"Start my town\" clears the demo."},
  {S::Today, "今天", "Today"},
  {S::LangSwitch, "English", "中文"},
  {S::StrandMobilize, "动员", "Mobilize"},
  {S::StrandLearn, "学", "Learn"},
  {S::StrandLook, "看", "Look"},
  {S::StrandTalk, "谈", "Talk"},
  {S::StrandRate, "评", "Rate"},
  {S::StrandClose, "总结", "Close"},
  {S::StrandLearnDesc, "专题讲习与学习心得", "Lectures and reflections"},
  {S::StrandLookDesc, "现场会与随机抽取参观点", "On-site meetings with drawn sites"},
  {S::StrandTalkDesc, "谈心谈话", "Heart-to-heart talks"},
  {S::StrandRateDesc, "党员评星与支部评星", "Member and branch star ratings"},
  {S::Deadline, "截止", "Due"},
  {S::DaysLeft, "还剩 %d 天", "%d days left"},
  {S::DueToday, "今天截止", "Due today"},
  {S::Overdue, "已逾期 %d 天", "%d days overdue"},
  {S::Done, "已完成", "Done"},
  {S::AllDoneBy, "全部完成", "All done by"},
  {S::CampaignYear, "%d 年度", "Year %d"},
  {S::KeyDates, "关键日期", "Key dates"},
  {S::Progress, "进度", "Progress"},
  {S::Activities, "项活动", "activities"},
  {S::Owner, "负责", "Owner"},
  {S::Members, "党员", "Members"},
  {S::Branches, "党支部", "Branches"},
  {S::Areas, "片区", "Areas"},
  {S::NoWebGL, "此浏览器无法显示本程序（不支持 WebGL）。请换用新版 Chrome、Edge、Safari 或手机自带浏览器。", "This browser cannot show the app (no WebGL). Please use a recent Chrome, Edge, Safari or the phone's own browser."},
  {S::Loading, "正在加载…", "Loading…"},
  {S::FilterHint, "按姓名或拼音首字母筛选", "Filter by name or pinyin initials"},
  {S::AddMember, "新增党员", "Add member"},
  {S::Name, "姓名", "Name"},
  {S::Branch, "党支部", "Branch"},
  {S::Sex, "性别", "Sex"},
  {S::Posts, "职务", "Posts"},
  {S::Representative, "党员代表", "Member representative"},
  {S::ReserveCadre, "后备干部", "Reserve cadre"},
  {S::RemoveMember, "删除该党员", "Remove member"},
  {S::NewMemberName, "新党员", "New member"},
  {S::MemberEditor, "党员信息", "Member"},
  {S::NoMemberSelected, "在上表中点选一名党员以查看和修改。", "Pick a member in the table to view and edit."},
  {S::Undo, "撤销", "Undo"},
  {S::Redo, "重做", "Redo"},
  {S::ShownOf, "显示 %d / %d 人", "%d of %d shown"},
  {S::Zoom, "字号", "Text size"},
};
static_assert(sizeof(kStrings) / sizeof(kStrings[0]) == static_cast<size_t>(S::Count_), "kStrings must cover every key");
// The UI language, process-wide: one per page (the web port) or set by each UI test (tests/ui/harness.cpp).
Lang g_lang = Lang::Zh;
std::vector<const Tr*>& Registered() {
  static std::vector<const Tr*> v;  // function-local: safe whatever the static-init order
  return v;
}
}  // namespace

StringTable::StringTable(std::initializer_list<const Tr*> strings) {
  for (const Tr* t : strings) Registered().push_back(t);
}
const char* T(const Tr& t) { return g_lang == Lang::Zh ? t.zh : t.en; }

const char* T(S key, Lang lang) {
  const Entry* e = &kStrings[static_cast<size_t>(key)];
  if (e->key != key)  // table out of order: find it rather than show the wrong text
    for (const Entry& x : kStrings)
      if (x.key == key) e = &x;
  return lang == Lang::Zh ? e->zh : e->en;
}
const char* T(S key) { return T(key, g_lang); }
void SetLang(Lang lang) { g_lang = lang; }
Lang CurrentLang() { return g_lang; }

std::vector<std::string> AllStrings() {
  std::vector<std::string> out;
  for (const Entry& e : kStrings) {
    out.push_back(e.zh);
    out.push_back(e.en);
  }
  for (const Tr* t : Registered()) {
    out.push_back(t->zh);
    out.push_back(t->en);
  }
  return out;
}

}  // namespace zj::ui

// Zhengjian shell: UI strings, Chinese first with English switchable.
// Every string the UI draws from the program (not from user data) is in kStrings, so a test can
// check that each of its characters has a glyph (tests/browser/glyphs.test.mjs).
#pragma once
#include <initializer_list>
#include <string>
#include <vector>

namespace zj::ui {

/// UI language.
enum class Lang { Zh, En };

/// Keys of UI strings. Add here and in kStrings (i18n.cpp) together.
enum class S {
  AppName, AppSubtitle, DemoBadge, DemoExplain, Today, LangSwitch,
  StrandMobilize, StrandLearn, StrandLook, StrandTalk, StrandRate, StrandClose,
  StrandLearnDesc, StrandLookDesc, StrandTalkDesc, StrandRateDesc,
  Deadline, DaysLeft, DueToday, Overdue, Done, AllDoneBy, CampaignYear, KeyDates, Progress, Activities,
  Owner, Members, Branches, Areas, NoWebGL, Loading,
  FilterHint, AddMember, Name, Branch, Sex, Posts, Representative, ReserveCadre, RemoveMember, NewMemberName,
  MemberEditor, NoMemberSelected, Undo, Redo, ShownOf, Zoom,
  Count_  // number of keys
};

/// A string in both languages. Screens keep their own strings in a file-local table registered with
/// StringTable, so every string stays enumerable (AllStrings) without one shared file to edit:
///   namespace { const Tr kSave{"保存", "Save"}; const StringTable kTable{&kSave}; }  ...  T(kSave)
struct Tr {
  const char* zh;
  const char* en;
};
/// Registers file-local strings at static initialization (for AllStrings and the glyph test).
struct StringTable {
  StringTable(std::initializer_list<const Tr*> strings);
};
/// `t` in the current language.
const char* T(const Tr& t);

/// The text of `key` in `lang` (UTF-8, never null).
const char* T(S key, Lang lang);
/// The text of `key` in the current language (see SetLang).
const char* T(S key);
/// The UI language: one for the whole page (a user setting, kept by platform::SetSetting("lang")).
void SetLang(Lang lang);
Lang CurrentLang();
/// Every UI string in both languages (for glyph coverage tests).
std::vector<std::string> AllStrings();

}  // namespace zj::ui

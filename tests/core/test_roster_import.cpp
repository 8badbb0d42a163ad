// Roster CSV import and export: every roster tests/data/make_rosters.py writes is imported, counts and reasons
// asserted. Every count below follows from that script's design (its docstring: CLEAN and MESSY).
#include <gtest/gtest.h>

#include <algorithm>

#include "core/exchange/csv.h"
#include "core/org/roster_import.h"
#include "tests/core/test_helpers_org.h"

namespace zj {
namespace {
using testing_org::kNow;
using testing_org::Testdata;
using testing_org::TestdataTown;

const RosterRow* RowNo(const RosterPreview& p, int row) {
  for (const RosterRow& r : p.rows)
    if (r.row == row) return &r;
  return nullptr;
}
TEST(RosterImport, Utf8WithBomAll120Imported) {
  IdGenerator ids(1);
  Dataset d = TestdataTown(ids);
  RosterPreview p = PreviewRosterImport(d, Testdata("roster-utf8-bom.csv"), {}, ids);
  ASSERT_FALSE(p.refused) << (p.file_problems.empty() ? "" : p.file_problems[0].message_zh);
  EXPECT_EQ(p.encoding, TextEncoding::Utf8);
  EXPECT_TRUE(p.had_bom);
  EXPECT_EQ(p.rows.size(), 120u);
  EXPECT_EQ(p.imported, 120);
  EXPECT_EQ(p.updated + p.unchanged + p.refused_rows + p.skipped, 0);
  EXPECT_TRUE(p.file_warnings.empty());
  EXPECT_EQ(p.header.size(), 12u);
  EXPECT_EQ(p.header[0], "序号");  // the BOM is not part of the first header
  // Row 2 = the first person, pinned in make_rosters.py: 向明, 1986-12-13, 420581198612133032, 东湖村党支部, 书记,
  // 13994715010.
  const RosterRow* r2 = RowNo(p, 2);
  ASSERT_TRUE(r2);
  EXPECT_EQ(r2->member.name, "向明");
  EXPECT_EQ(r2->member.birth_date->ToString(), "1986-12-13");
  EXPECT_EQ(r2->member.join_date->ToString(), "2017-12-01");
  EXPECT_EQ(r2->member.id_masked, "4205**********3032");
  EXPECT_EQ(r2->member.posts, std::vector<Post>{Post::Secretary});
  EXPECT_EQ(r2->member.phone, "13994715010");
  EXPECT_TRUE(r2->warnings.empty());

  auto res = ApplyRosterImport(d, p, ids, kNow, "test");
  ASSERT_TRUE(res.ok);
  EXPECT_EQ(res.imported, 120);
  EXPECT_EQ(d.org.members.size(), 120u);
  // make_rosters.py CLEAN: person i in branch i % 6 (20 each), k = i / 6; 书记 k = 0, 副书记 k = 1, 委员 k = 2
  // (6 each); 预备党员 k = 19 in all six branches and k = 18 in the first five: 11.
  for (const Branch& b : d.org.branches)
    EXPECT_EQ(std::count_if(d.org.members.begin(), d.org.members.end(), [&](const Member& m) { return m.branch_id == b.meta.id; }), 20);
  auto posts = [&](Post p) {
    return std::count_if(d.org.members.begin(), d.org.members.end(), [&](const Member& m) {
      return std::find(m.posts.begin(), m.posts.end(), p) != m.posts.end();
    });
  };
  EXPECT_EQ(posts(Post::Secretary), 6);
  EXPECT_EQ(posts(Post::DeputySecretary), 6);
  EXPECT_EQ(posts(Post::CommitteeMember), 6);
  EXPECT_EQ(std::count_if(d.org.members.begin(), d.org.members.end(), [](const Member& m) { return m.status == MemberStatus::Probationary; }), 11);
  // Never in clear: no stored field holds the number.
  const std::string saved = SaveDataset(d);
  EXPECT_EQ(saved.find("420581198612133032"), std::string::npos);
  EXPECT_NE(saved.find("4205**********3032"), std::string::npos);
}

TEST(RosterImport, GbkFileIsTheSame120People) {
  IdGenerator ids(2);
  Dataset d = TestdataTown(ids);
  RosterPreview g = PreviewRosterImport(d, Testdata("roster-gbk.csv"), {}, ids);
  ASSERT_FALSE(g.refused) << (g.file_problems.empty() ? "" : g.file_problems[0].message_zh);
  EXPECT_EQ(g.encoding, TextEncoding::Gb18030);
  EXPECT_FALSE(g.had_bom);
  EXPECT_EQ(g.imported, 120);
  EXPECT_EQ(RowNo(g, 2)->member.name, "向明");
  EXPECT_EQ(RowNo(g, 2)->member.birth_date->ToString(), "1986-12-13");  // 1986/12/13
  EXPECT_EQ(RowNo(g, 2)->member.join_date->ToString(), "2017-12-01");   // 2017/12/1

  // UTF-8 first, then the GBK file: the same people (same ID numbers, same fields) -> all unchanged.
  RosterPreview u = PreviewRosterImport(d, Testdata("roster-utf8-bom.csv"), {}, ids);
  ASSERT_TRUE(ApplyRosterImport(d, u, ids, kNow, "test").ok);
  RosterPreview again = PreviewRosterImport(d, Testdata("roster-gbk.csv"), {}, ids);
  EXPECT_EQ(again.imported, 0);
  EXPECT_EQ(again.updated, 0);
  EXPECT_EQ(again.unchanged, 120);
  auto res = ApplyRosterImport(d, again, ids, kNow + 1000, "test");
  ASSERT_TRUE(res.ok);
  EXPECT_EQ(d.org.members.size(), 120u);
  // Forcing the wrong encoding refuses the file (GBK bytes are not UTF-8) and changes nothing.
  RosterImportOptions utf8;
  utf8.encoding = TextEncoding::Utf8;
  RosterPreview bad = PreviewRosterImport(d, Testdata("roster-gbk.csv"), utf8, ids);
  EXPECT_TRUE(bad.refused);
  ASSERT_EQ(bad.file_problems.size(), 1u);
  EXPECT_NE(bad.file_problems[0].message_zh.find("UTF-8"), std::string::npos);
  EXPECT_FALSE(ApplyRosterImport(d, bad, ids, kNow, "test").ok);
  EXPECT_EQ(d.org.members.size(), 120u);
}

TEST(RosterImport, MessyFileEveryRowAccountedFor) {
  IdGenerator ids(3);
  Dataset d = TestdataTown(ids);
  RosterPreview p = PreviewRosterImport(d, Testdata("roster-messy.csv"), {}, ids);
  ASSERT_FALSE(p.refused);
  EXPECT_EQ(p.encoding, TextEncoding::Utf8);
  EXPECT_FALSE(p.had_bom);
  // 61 records after the header: 60 people + 1 blank row (make_rosters.py MESSY):
  // row 11 repeats row 10 (魏杰凤), row 13 (曹俊) has check digit 0 where 5 is right, row 22 is blank.
  ASSERT_EQ(p.rows.size(), 61u);
  EXPECT_EQ(p.imported, 58);
  EXPECT_EQ(p.refused_rows, 2);
  EXPECT_EQ(p.skipped, 1);
  EXPECT_EQ(p.updated + p.unchanged, 0);

  const RosterRow* dup = RowNo(p, 11);
  ASSERT_TRUE(dup);
  EXPECT_EQ(dup->outcome, RowOutcome::Refused);
  EXPECT_EQ(dup->same_as_row, 10);
  ASSERT_EQ(dup->errors.size(), 1u);
  EXPECT_EQ(dup->errors[0].column, "公民身份号码");
  EXPECT_EQ(dup->errors[0].message_zh, "与第10行是同一人(公民身份号码相同),不重复导入");

  const RosterRow* check = RowNo(p, 13);
  ASSERT_TRUE(check);
  EXPECT_EQ(check->name, "曹俊");
  EXPECT_EQ(check->outcome, RowOutcome::Refused);
  ASSERT_EQ(check->errors.size(), 1u);
  EXPECT_EQ(check->errors[0].column, "公民身份号码");
  EXPECT_EQ(check->errors[0].message_zh, "公民身份号码校验位错误:第18位是0,按前17位应为5");

  const RosterRow* blank = RowNo(p, 22);
  ASSERT_TRUE(blank);
  EXPECT_EQ(blank->outcome, RowOutcome::Skipped);
  EXPECT_EQ(blank->errors[0].message_zh, "空行,已跳过");

  // Five date forms.
  EXPECT_EQ(RowNo(p, 2)->member.birth_date->ToString(), "1956-10-01");   // 1956/10/1
  EXPECT_EQ(RowNo(p, 3)->member.birth_date->ToString(), "1952-02-08");   // 1952年2月8日
  EXPECT_EQ(RowNo(p, 4)->member.birth_date->ToString(), "1948-08-27");   // 1948.08.27
  EXPECT_EQ(RowNo(p, 5)->member.birth_date->ToString(), "1993-04-28");   // Excel serial 34087
  EXPECT_EQ(RowNo(p, 5)->member.join_date->ToString(), "2017-12-01");    // Excel serial 43070
  EXPECT_EQ(RowNo(p, 6)->member.birth_date->ToString(), "1969-08-12");   // ISO
  // " 陆兰　" padded with an ASCII and a full-width space.
  EXPECT_EQ(RowNo(p, 6)->member.name, "陆兰");
  // Middle dot kept (U+00B7), rare characters kept whole.
  EXPECT_EQ(RowNo(p, 9)->member.name, "阿不都·热合曼");
  EXPECT_EQ(RowNo(p, 5)->member.name, "何珺");
  EXPECT_EQ(RowNo(p, 23)->member.name, "郭犇");
  EXPECT_EQ(RowNo(p, 40)->member.name, "杜堃");
  EXPECT_EQ(RowNo(p, 57)->member.name, "田犇");
  EXPECT_EQ(RowNo(p, 33)->member.name, "周\U00020BB7");  // 𠮷, outside the Basic Multilingual Plane
  EXPECT_EQ(RowNo(p, 48)->member.name, "龚\u4DAE");      // 䶮, outside GBK
  // +86 139 0000 1111 -> 13900001111.
  EXPECT_EQ(RowNo(p, 15)->member.phone, "13900001111");
  EXPECT_TRUE(RowNo(p, 15)->warnings.empty());
  // =1+1 in 党内职务: imported, kept as text with a warning (the export neutralizes it).
  const RosterRow* formula = RowNo(p, 17);
  EXPECT_EQ(formula->outcome, RowOutcome::Imported);
  EXPECT_EQ(formula->member.other_posts, "=1+1");
  ASSERT_EQ(formula->warnings.size(), 1u);
  EXPECT_EQ(formula->warnings[0].column, "党内职务");
  // A quote and a comma inside a quoted field.
  EXPECT_EQ(RowNo(p, 19)->member.name, "王\"小\"明, 二");
  // A line break inside a quoted field: row 24 starts on line 24 and ends on line 25; the next row is on line 26.
  const RosterRow* multi = RowNo(p, 24);
  EXPECT_EQ(multi->member.name, "许燕");
  EXPECT_EQ(multi->member.education, "大专\n(函授)");
  EXPECT_EQ(multi->line, 24);
  EXPECT_EQ(RowNo(p, 25)->line, 26);
  EXPECT_EQ(p.rows.back().row, 62);
  EXPECT_EQ(p.rows.back().line, 63);
  // Only row 17 carries a warning.
  int warned = 0;
  for (const RosterRow& r : p.rows) warned += !r.warnings.empty();
  EXPECT_EQ(warned, 1);

  auto res = ApplyRosterImport(d, p, ids, kNow, "test");
  ASSERT_TRUE(res.ok);
  EXPECT_EQ(d.org.members.size(), 58u);
  // Importing the same file again changes nothing: 58 unchanged, the same two refused, the blank skipped.
  RosterPreview again = PreviewRosterImport(d, Testdata("roster-messy.csv"), {}, ids);
  EXPECT_EQ(again.imported, 0);
  EXPECT_EQ(again.unchanged, 58);
  EXPECT_EQ(again.refused_rows, 2);
  EXPECT_EQ(again.skipped, 1);
}

TEST(RosterImport, AllThreeFilesTogether) {
  IdGenerator ids(4);
  Dataset d = TestdataTown(ids);
  for (const char* f : {"roster-utf8-bom.csv", "roster-gbk.csv", "roster-messy.csv"}) {
    RosterPreview p = PreviewRosterImport(d, Testdata(f), {}, ids);
    ASSERT_TRUE(ApplyRosterImport(d, p, ids, kNow, "test").ok) << f;
  }
  EXPECT_EQ(d.org.members.size(), 178u);  // 120 + 0 (same people) + 58
  LoadResult back = LoadDataset(SaveDataset(d));
  EXPECT_TRUE(back.ok) << (back.problems.empty() ? "" : back.problems[0].path + " " + back.problems[0].message_zh);
}

TEST(RosterImport, UpdatedRowListsChangedColumns) {
  IdGenerator ids(5);
  Dataset d = TestdataTown(ids);
  const std::string head = "姓名,公民身份号码,所在党支部,联系电话,党内职务\r\n";
  auto first = PreviewRosterImport(d, head + "向明,420581198612133032,东湖村党支部,13994715010,书记\r\n", {}, ids);
  ASSERT_TRUE(ApplyRosterImport(d, first, ids, kNow, "test").ok);
  const Id id = d.org.members[0].meta.id;
  auto second = PreviewRosterImport(d, head + "向明,420581198612133032,荷花村,139 9471 5011,书记、村委主任\r\n", {}, ids);
  ASSERT_EQ(second.updated, 1);
  EXPECT_EQ(second.rows[0].changed_columns, (std::vector<std::string>{"所在党支部", "党内职务", "联系电话"}));
  ASSERT_TRUE(ApplyRosterImport(d, second, ids, kNow + 5, "phone").ok);
  ASSERT_EQ(d.org.members.size(), 1u);
  const Member& m = d.org.members[0];
  EXPECT_EQ(m.meta.id, id);  // same record, never a second person
  EXPECT_EQ(m.meta.created, kNow);
  EXPECT_EQ(m.meta.updated, kNow + 5);
  EXPECT_EQ(m.meta.device, "phone");
  EXPECT_EQ(m.phone, "13994715011");
  EXPECT_EQ(m.posts, (std::vector<Post>{Post::Secretary, Post::VillageDirector}));
  EXPECT_EQ(d.org.branches[static_cast<size_t>(FindBranch(d.org, m.branch_id))].name, "荷花村党支部");
  EXPECT_EQ(m.sex, "男");                            // from the ID number (17th digit 3, odd)
  EXPECT_EQ(m.birth_date->ToString(), "1986-12-13");  // from the ID number
}

TEST(RosterImport, RefusedFilesChangeNothing) {
  IdGenerator ids(6);
  Dataset d = TestdataTown(ids);
  const std::string before = SaveDataset(d);
  struct Case { std::string bytes; std::string where; };
  const Case cases[] = {
      {"", ""},                                                              // empty
      {"序号,姓名,性别\r\n1,向明,男\r\n", "公民身份号码"},                       // required columns missing
      {"姓名,公民身份号码,所在党支部\r\n", ""},                                   // header only
      {"姓名,公民身份号码,所在党支部\r\n\"向明,420581198612133032,东湖村\r\n", "line 2"},  // unclosed quote
      {std::string("\xFF\xFE") + "x", "byte 1"},                             // UTF-16
      {"姓名,公民身份号码,所在党支部\r\n\xFF\xFF,1,2\r\n", "byte 44"},             // neither UTF-8 nor GB18030
  };
  for (const Case& c : cases) {
    RosterPreview p = PreviewRosterImport(d, c.bytes, {}, ids);
    EXPECT_TRUE(p.refused) << c.bytes;
    ASSERT_FALSE(p.file_problems.empty());
    EXPECT_EQ(p.file_problems[0].path, c.where) << p.file_problems[0].message_zh;
    EXPECT_FALSE(p.file_problems[0].message_zh.empty());
    EXPECT_FALSE(ApplyRosterImport(d, p, ids, kNow, "test").ok);
  }
  EXPECT_EQ(SaveDataset(d), before);
}

TEST(RosterImport, StalePreviewIsRefused) {
  IdGenerator ids(7);
  Dataset d = TestdataTown(ids);
  RosterPreview p = PreviewRosterImport(d, Testdata("roster-utf8-bom.csv"), {}, ids);
  RosterPreview q = PreviewRosterImport(d, Testdata("roster-messy.csv"), {}, ids);
  ASSERT_TRUE(ApplyRosterImport(d, p, ids, kNow, "test").ok);
  auto r = ApplyRosterImport(d, q, ids, kNow, "test");  // the roster changed since q was made
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error_zh, "预览之后名册已有改动,请重新预览后再导入");
  EXPECT_EQ(d.org.members.size(), 120u);
}

TEST(RosterImport, RowReasons) {
  IdGenerator ids(8);
  Dataset d = TestdataTown(ids);
  const std::string csv =
      "姓名,性别,出生日期,公民身份号码,人员类别,入党日期,所在党支部,联系电话\n"
      "甲,男,1986-12-14,420581198612133032,正式党员,2010-01-01,东湖村,13994715010\n"   // row 2: birth date differs from ID
      ",男,,420581197705176758,正式党员,,东湖村,\n"                                    // row 3: no name
      "乙,女,,4.20581E+17,正式党员,,东湖村,\n"                                          // row 4: Excel mangled the ID
      "丙,男,,420581194302055894,党员,,东湖村,\n"                                        // row 5: bad status
      "丁,男,,42058119470113694X,正式党员,1940-01-01,东湖村,\n"                          // row 6: joined before birth
      "戊,男,,420581198603310228,正式党员,,西山村,\n"                                    // row 7: unknown branch
      "己,男,1986年3月31日,420581198603310228x,正式党员,,东湖村,12345\n"                 // row 8: 19 characters
      "庚,女,,42058119860331022X,正式党员,,东湖村,+86 12\n"                              // row 9: check digit (8)
      "辛,男,,420581197802142533,正式党员,1990-01-01,东湖村,0717-1234567\n";           // row 10: ok, joined at 11: warning
  RosterPreview p = PreviewRosterImport(d, csv, {}, ids);
  ASSERT_FALSE(p.refused);
  auto first_error = [&](int row) { return RowNo(p, row)->errors.at(0); };
  EXPECT_EQ(first_error(2).column, "出生日期");
  EXPECT_EQ(first_error(2).message_zh, "出生日期1986-12-14与公民身份号码中的1986-12-13不一致");
  EXPECT_EQ(first_error(3).column, "姓名");
  EXPECT_EQ(first_error(4).column, "公民身份号码");
  EXPECT_NE(first_error(4).message_zh.find("科学计数法"), std::string::npos);
  EXPECT_EQ(first_error(5).column, "人员类别");
  EXPECT_EQ(first_error(6).column, "入党日期");
  EXPECT_EQ(first_error(6).message_zh, "入党日期早于出生日期");
  EXPECT_EQ(first_error(7).column, "所在党支部");
  EXPECT_EQ(first_error(7).message_zh, "党支部\"西山村\"不在组织架构中,请先在组织架构中添加");
  EXPECT_EQ(first_error(8).message_zh, "公民身份号码应为18位,实际为19位");
  EXPECT_EQ(first_error(9).message_zh, "公民身份号码校验位错误:第18位是X,按前17位应为8");
  EXPECT_EQ(RowNo(p, 10)->outcome, RowOutcome::Imported);
  EXPECT_EQ(RowNo(p, 10)->member.phone, "07171234567");
  ASSERT_EQ(RowNo(p, 10)->warnings.size(), 1u);
  EXPECT_EQ(RowNo(p, 10)->warnings[0].message_zh, "入党时未满18周岁,请核对");
  EXPECT_EQ(p.imported, 1);
  EXPECT_EQ(p.refused_rows, 8);
  // With create_missing_branches, row 7 is accepted and 西山村 will be created.
  RosterImportOptions create;
  create.create_missing_branches = true;
  RosterPreview q = PreviewRosterImport(d, csv, create, ids);
  EXPECT_EQ(RowNo(q, 7)->outcome, RowOutcome::Imported);
  EXPECT_EQ(q.new_branches, std::vector<std::string>{"西山村"});
  auto res = ApplyRosterImport(d, q, ids, kNow, "test");
  EXPECT_EQ(res.branches_created, 1);
  EXPECT_EQ(d.org.branches.back().kind, BranchKind::Village);
}

TEST(RosterExport, Utf8BomNeutralizedAndRoundTrips) {
  IdGenerator ids(9);
  Dataset d = TestdataTown(ids);
  ASSERT_TRUE(ApplyRosterImport(d, PreviewRosterImport(d, Testdata("roster-messy.csv"), {}, ids), ids, kNow, "t").ok);
  const std::string csv = ExportRosterCsv(d);
  ASSERT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.find("\r\n"), std::string::npos);
  EXPECT_NE(csv.find(",'=1+1,"), std::string::npos);                 // =1+1 neutralized
  EXPECT_NE(csv.find("\"王\"\"小\"\"明, 二\""), std::string::npos);   // quotes doubled, field quoted
  EXPECT_NE(csv.find("\"大专\n(函授)\""), std::string::npos);
  EXPECT_EQ(csv.find("420581194611066095"), std::string::npos);       // never the clear number
  EXPECT_NE(csv.find("4205**********6095"), std::string::npos);
  // Import the export back: masked numbers are matched through 系统编号: everything unchanged.
  RosterPreview back = PreviewRosterImport(d, csv, {}, ids);
  ASSERT_FALSE(back.refused);
  EXPECT_EQ(back.unchanged, 58);
  EXPECT_EQ(back.imported + back.updated + back.refused_rows, 0);
  // One branch only.
  const std::string one = ExportRosterCsv(d, d.org.branches[0].meta.id);
  // Header + the 10 people of 东湖村 (make_rosters.py MESSY: i % 6 == 0, none refused, none multi-line).
  EXPECT_EQ(std::count(one.begin(), one.end(), '\n'), 1 + 10);
}

TEST(RosterCells, Dates) {
  EXPECT_EQ(ParseRosterDate("1968-03-05")->ToString(), "1968-03-05");
  EXPECT_EQ(ParseRosterDate("1968/3/5")->ToString(), "1968-03-05");
  EXPECT_EQ(ParseRosterDate("1968年3月5日")->ToString(), "1968-03-05");
  EXPECT_EQ(ParseRosterDate("1968.03.05")->ToString(), "1968-03-05");
  EXPECT_EQ(ParseRosterDate("19680305")->ToString(), "1968-03-05");
  EXPECT_EQ(ParseRosterDate("１９６８－３－５")->ToString(), "1968-03-05");  // full-width forms
  EXPECT_EQ(ParseRosterDate("１９６８/３/５")->ToString(), "1968-03-05");
  EXPECT_EQ(ParseRosterDate(" 25267 ")->ToString(), "1969-03-05");  // Excel serial
  EXPECT_EQ(ParseRosterDate("61")->ToString(), "1900-03-01");
  EXPECT_EQ(ParseRosterDate("59")->ToString(), "1900-02-28");
  EXPECT_FALSE(ParseRosterDate("60"));        // Excel's 1900-02-29
  EXPECT_FALSE(ParseRosterDate("1968/2/30"));
  EXPECT_FALSE(ParseRosterDate("1968-3"));
  EXPECT_FALSE(ParseRosterDate("68/3/5"));
  EXPECT_FALSE(ParseRosterDate("1968年3月5"));
  EXPECT_FALSE(ParseRosterDate("1968年3-5日"));
  EXPECT_EQ(ParseRosterDate("1968年3月5日")->ToString(), "1968-03-05");
}

TEST(RosterCells, PhonesAndNames) {
  EXPECT_EQ(NormalizePhone("+86 139 0000 1111"), "13900001111");
  EXPECT_EQ(NormalizePhone("0086-139-0000-1111"), "13900001111");
  EXPECT_EQ(NormalizePhone("１３９００００１１１１"), "13900001111");
  EXPECT_EQ(NormalizePhone("(0717) 123 4567"), "07171234567");
  EXPECT_EQ(NormalizePhone(""), "");
  EXPECT_EQ(NormalizePhone("1390000111"), std::nullopt);
  EXPECT_EQ(NormalizePhone("无"), std::nullopt);
  EXPECT_EQ(NormalizeName("\xE3\x80\x80 阿不都•热合曼 "), "阿不都·热合曼");
  EXPECT_EQ(NormalizeName("吉𠮷"), "吉𠮷");
}

// A roster as a member-management system exports it (make_rosters.py EXPORT): title, blank and note rows above
// the header, the system's own header names, dates as months.
TEST(RosterImport, SystemExportWithTitleRowsAndMonthDates) {
  IdGenerator ids(11);
  Dataset d = TestdataTown(ids);
  RosterPreview p = PreviewRosterImport(d, Testdata("roster-export-gbk.csv"), {}, ids);
  ASSERT_FALSE(p.refused) << (p.file_problems.empty() ? "" : p.file_problems[0].message_zh);
  EXPECT_EQ(p.encoding, TextEncoding::Gb18030);
  EXPECT_EQ(p.header_row, 4);
  ASSERT_EQ(p.above_header.size(), 2u);  // row 2 is blank: not listed
  EXPECT_EQ(p.above_header[0], (std::pair<int, std::string>{1, "东湖镇党员花名册"}));
  EXPECT_EQ(p.above_header[1], (std::pair<int, std::string>{3, "导出时间：2026年11月  共40人"}));
  EXPECT_EQ(p.read_as, (std::vector<std::string>{"序号", "姓名", "性别", "出生日期", "公民身份号码", "所在党支部", "入党日期",
                                                 "人员类别", "学历", "联系电话", "党内职务"}));
  EXPECT_EQ(p.header[1], "*党员姓名");
  EXPECT_TRUE(p.file_warnings.empty());
  ASSERT_EQ(p.rows.size(), 40u);
  EXPECT_EQ(p.imported, 39);
  EXPECT_EQ(p.refused_rows, 1);
  EXPECT_EQ(p.rows.front().row, 5);
  // Row 5: 柳松, 出生年月 1968年3月 agrees with the ID number, which gives the day; 入党时间 1996年6月 stays a month.
  const RosterRow* liu = RowNo(p, 5);
  ASSERT_NE(liu, nullptr);
  EXPECT_EQ(liu->name, "柳松");
  ASSERT_TRUE(liu->member.birth_date && liu->member.join_date);
  EXPECT_EQ(liu->member.birth_date->ToString(), "1968-03-05");
  EXPECT_FALSE(liu->member.birth_date->month_only);
  EXPECT_EQ(liu->member.join_date->ToString(), "1996-06");
  EXPECT_TRUE(liu->member.join_date->month_only);
  EXPECT_EQ(liu->member.posts, (std::vector<Post>{Post::Secretary}));
  // The other month forms, each read as the month the file shows.
  EXPECT_EQ(RowNo(p, 6)->member.join_date->ToString(), "1976-04");   // 1976-04
  EXPECT_EQ(RowNo(p, 7)->member.join_date->ToString(), "2006-12");   // 2006.12
  EXPECT_EQ(RowNo(p, 8)->member.join_date->ToString(), "2016-09");   // 201609
  EXPECT_EQ(RowNo(p, 9)->member.join_date->ToString(), "2013-10");   // 2013/10
  EXPECT_EQ(RowNo(p, 11)->member.join_date->ToString(), "1984-10");  // 1984.10
  // Row 10: "2016.1" may be 2016.10 with its 0 dropped by the spreadsheet: refused, saying why.
  const RosterRow* ambiguous = RowNo(p, 10);
  ASSERT_NE(ambiguous, nullptr);
  EXPECT_EQ(ambiguous->outcome, RowOutcome::Refused);
  ASSERT_EQ(ambiguous->errors.size(), 1u);
  EXPECT_EQ(ambiguous->errors[0].column, "入党时间");
  EXPECT_NE(ambiguous->errors[0].message_zh.find("2016年10月"), std::string::npos) << ambiguous->errors[0].message_zh;
  EXPECT_NE(ambiguous->errors[0].message_zh.find("2016.01或2016.10"), std::string::npos);

  // Applied, exported, imported again: every month comes back a month, nothing changes.
  const RosterApplyResult a = ApplyRosterImport(d, p, ids, kNow, "t");
  ASSERT_TRUE(a.ok) << a.error_zh;
  EXPECT_EQ(a.imported, 39);
  const std::string csv = ExportRosterCsv(d);
  EXPECT_NE(csv.find(",1996-06,"), std::string::npos);
  const std::string saved = SaveDataset(d);
  EXPECT_NE(saved.find("\"join_date\":\"1996-06\""), std::string::npos);
  const LoadResult back = LoadDataset(saved);
  ASSERT_TRUE(back.ok);
  const auto liu_back = std::find_if(back.dataset.org.members.begin(), back.dataset.org.members.end(),
                                     [](const Member& m) { return m.name == "柳松"; });
  ASSERT_NE(liu_back, back.dataset.org.members.end());
  ASSERT_TRUE(liu_back->join_date.has_value());
  EXPECT_TRUE(liu_back->join_date->month_only);
  EXPECT_EQ(liu_back->join_date->ToString(), "1996-06");
  RosterPreview again = PreviewRosterImport(d, csv, {}, ids);
  ASSERT_FALSE(again.refused);
  EXPECT_EQ(again.imported, 0);
  EXPECT_EQ(again.updated, 0);
}

TEST(RosterImport, HeaderNotFoundNamesWhatIsMissing) {
  IdGenerator ids(12);
  Dataset d = TestdataTown(ids);
  const std::string before = SaveDataset(d);
  RosterPreview p = PreviewRosterImport(d, "某某镇党员名册\n姓名,性别,所在支部\n张三,男,东湖村党支部\n", {}, ids);
  ASSERT_TRUE(p.refused);
  ASSERT_FALSE(p.file_problems.empty());
  EXPECT_NE(p.file_problems[0].message_zh.find("缺少必需的列\"姓名\""), std::string::npos) << p.file_problems[0].message_zh;
  EXPECT_NE(p.file_problems[0].message_zh.find("按第1行读取"), std::string::npos) << p.file_problems[0].message_zh;
  EXPECT_EQ(SaveDataset(d), before);
}

TEST(RosterImport, TwoColumnsForOneFieldAreWarnedOrRefused) {
  IdGenerator ids(13);
  Dataset d = TestdataTown(ids);
  // 手机号码 and 联系电话 are both the phone: the first is read, the second named in a warning.
  RosterPreview p = PreviewRosterImport(
      d, "姓名,公民身份号码,所在党支部,手机号码,联系电话\n柳松,420529196803051238,东湖村党支部,13900001111,0710-1234567\n", {}, ids);
  ASSERT_FALSE(p.refused);
  ASSERT_EQ(p.file_warnings.size(), 1u);
  EXPECT_EQ(p.file_warnings[0].path, "联系电话");
  EXPECT_EQ(p.read_as[4], "");
  ASSERT_EQ(p.rows.size(), 1u);
  EXPECT_EQ(p.rows[0].member.phone, "13900001111");
  // Two name columns: which one is the person's name is unclear, the file is refused.
  RosterPreview q = PreviewRosterImport(d, "姓名,党员姓名,公民身份号码,所在党支部\n柳松,柳松,420529196803051238,东湖村党支部\n", {}, ids);
  EXPECT_TRUE(q.refused);
}

TEST(RosterCells, MonthDates) {
  auto month = [](std::string_view s) {
    auto d = ParseRosterDateOrMonth(s);
    return d ? d->ToString() + (d->month_only ? " month" : " day") : std::string("none");
  };
  EXPECT_EQ(month("1996年6月"), "1996-06 month");
  EXPECT_EQ(month("1996年06月"), "1996-06 month");
  EXPECT_EQ(month("1996-06"), "1996-06 month");
  EXPECT_EQ(month("1996-6"), "1996-06 month");
  EXPECT_EQ(month("1996.06"), "1996-06 month");
  EXPECT_EQ(month("1996.6"), "1996-06 month");
  EXPECT_EQ(month("1996/6"), "1996-06 month");
  EXPECT_EQ(month("199606"), "1996-06 month");
  EXPECT_EQ(month("１９９６年６月"), "1996-06 month");
  EXPECT_EQ(month("1996.10"), "1996-10 month");
  EXPECT_EQ(month("1996年1月"), "1996-01 month");  // written as text: January, no doubt
  EXPECT_EQ(month("1996.1"), "none");              // 1996.10 as a number shows as 1996.1
  EXPECT_TRUE(RosterDateAmbiguous("1996.1"));
  EXPECT_FALSE(RosterDateAmbiguous("1996.10"));
  EXPECT_EQ(month("1996-13"), "none");
  EXPECT_EQ(month("199613"), "none");
  EXPECT_EQ(month("1996年6"), "1996-06 month");
  EXPECT_EQ(month("1996年6月5"), "none");
  EXPECT_EQ(month("1996年"), "none");
  EXPECT_EQ(month("1996-06-05"), "1996-06-05 day");
  EXPECT_EQ(month("1996年6月5日"), "1996-06-05 day");
  EXPECT_EQ(month("25267"), "1969-03-05 day");  // an Excel day serial stays a day
  // The stored text form.
  EXPECT_EQ(DateOrMonth::Parse("1996-06")->ToString(), "1996-06");
  EXPECT_TRUE(DateOrMonth::Parse("1996-06")->month_only);
  EXPECT_EQ(DateOrMonth::Parse("1996-06-05")->ToString(), "1996-06-05");
  EXPECT_FALSE(DateOrMonth::Parse("1996-6").has_value());
  EXPECT_FALSE(DateOrMonth::Parse("1996-00").has_value());
  // Month precision when comparing: a join in the birth month is not before the birth.
  EXPECT_FALSE(SurelyBefore(*DateOrMonth::OfMonth(1968, 3), *Date::Parse("1968-03-05")));
  EXPECT_TRUE(SurelyBefore(*DateOrMonth::OfMonth(1968, 2), *Date::Parse("1968-03-05")));
  EXPECT_TRUE(SurelyBefore(*Date::Parse("1968-03-04"), *Date::Parse("1968-03-05")));
}

}  // namespace
}  // namespace zj

// Roster import from a table of cells (an .xlsx/.xls sheet as web/xlsx.js hands it over): PreviewRosterTable and
// ParseRosterWorkbookJson. The tables are written out by hand below; the people are make_rosters.py's pinned ones
// (向明 420581198612133032 born 1986-12-13, 柳松 420529196803051238 born 1968-03-05, 向敏强 42058119470113694X
// born 1947-01-13), the branches TestdataTown's. The workbooks LibreOffice makes go through the browser test
// (tests/browser/organization.test.mjs), where SheetJS reads them.
#include <gtest/gtest.h>

#include "core/org/roster_import.h"
#include "tests/core/test_helpers_org.h"

namespace zj {
namespace {
using testing_org::kNow;
using testing_org::TestdataTown;

RosterCell T(const char* s) { return RosterCell{s, CellKind::Text}; }
RosterCell N(const char* s) { return RosterCell{s, CellKind::Number}; }
RosterCell D(const char* s) { return RosterCell{s, CellKind::Date}; }
RosterCell E() { return RosterCell{}; }
RosterTableRow Row(int r, std::vector<RosterCell> cells) { return RosterTableRow{std::move(cells), r, r}; }

const RosterRow* RowNo(const RosterPreview& p, int row) {
  for (const RosterRow& r : p.rows)
    if (r.row == row) return &r;
  return nullptr;
}

// A sheet as a member system exports it: a title on row 1, row 2 blank, the header on row 3 (synonyms, another
// order), date cells (a day) and month cells (YYYY-MM: the format showed only year and month), numbers for 序号 and
// the phone.
RosterTable ExportSheet() {
  RosterTable t;
  t.sheet = "党员花名册";
  t.rows.push_back(Row(1, {T("东湖镇党员花名册"), E(), E()}));
  t.rows.push_back(Row(2, {}));
  t.rows.push_back(Row(3, {T("序号"), T("*党员姓名"), T("身份证号码（18位）"), T("所在党组织"), T("出生日期"), T("入党时间"),
                           T("手机号码")}));
  t.rows.push_back(Row(4, {N("1"), T("向明"), T("420581198612133032"), T("东湖村党支部"), D("1986-12-13"), D("2017-12-01"),
                           N("13994715010")}));
  t.rows.push_back(Row(5, {N("2"), T("柳松"), T("420529196803051238"), T("荷花村党支部"), D("1968-03"), D("1996-06"),
                           T("13800001111")}));
  return t;
}

TEST(RosterTable, HeaderBelowTitleRowsDateAndMonthCells) {
  IdGenerator ids(1);
  Dataset d = TestdataTown(ids);
  RosterPreview p = PreviewRosterTable(d, ExportSheet(), {}, ids);
  ASSERT_FALSE(p.refused) << (p.file_problems.empty() ? "" : p.file_problems[0].message_zh);
  EXPECT_EQ(p.sheet, "党员花名册");
  EXPECT_EQ(p.header_row, 3);
  ASSERT_EQ(p.above_header.size(), 1u);  // the blank row 2 is not listed
  EXPECT_EQ(p.above_header[0].first, 1);
  EXPECT_EQ(p.above_header[0].second, "东湖镇党员花名册");
  EXPECT_EQ(p.read_as[1], "姓名");
  EXPECT_EQ(p.read_as[2], "公民身份号码");
  EXPECT_EQ(p.read_as[5], "入党日期");
  EXPECT_EQ(p.imported, 2);
  EXPECT_EQ(p.refused_rows + p.skipped + p.updated, 0);
  const RosterRow* r4 = RowNo(p, 4);
  ASSERT_TRUE(r4);
  EXPECT_EQ(r4->member.name, "向明");
  EXPECT_EQ(r4->member.birth_date->ToString(), "1986-12-13");
  EXPECT_EQ(r4->member.join_date->ToString(), "2017-12-01");
  EXPECT_FALSE(r4->member.join_date->month_only);
  EXPECT_EQ(r4->member.phone, "13994715010");  // a number cell's digits
  const RosterRow* r5 = RowNo(p, 5);
  ASSERT_TRUE(r5);
  EXPECT_EQ(r5->member.name, "柳松");
  ASSERT_TRUE(r5->member.join_date);
  EXPECT_TRUE(r5->member.join_date->month_only);  // a month cell stays a month: no day made up
  EXPECT_EQ(r5->member.join_date->ToString(), "1996-06");
  EXPECT_EQ(r5->member.birth_date->ToString(), "1968-03-05");  // the month agrees with the ID number, which gives the day

  auto res = ApplyRosterImport(d, p, ids, kNow, "test");
  ASSERT_TRUE(res.ok);
  EXPECT_EQ(res.imported, 2);
  EXPECT_EQ(d.org.members.size(), 2u);
}

TEST(RosterTable, IdNumberStoredAsNumberIsRefusedWithTheReason) {
  IdGenerator ids(1);
  Dataset d = TestdataTown(ids);
  RosterTable t;
  t.rows.push_back(Row(1, {T("姓名"), T("公民身份号码"), T("所在党支部")}));
  // What a spreadsheet keeps of 420581198612133032 typed into a number cell: 15 significant digits.
  t.rows.push_back(Row(2, {T("向明"), N("420581198612133000"), T("东湖村党支部")}));
  // An ID number ending in X cannot be a number: it stays a text cell and imports.
  t.rows.push_back(Row(3, {T("向敏强"), T("42058119470113694X"), T("东湖村党支部")}));
  // Even a number whose digits happen to form a valid ID number is refused: the sheet holds numbers, not text.
  t.rows.push_back(Row(4, {T("柳松"), N("420529196803051238"), T("东湖村党支部")}));
  RosterPreview p = PreviewRosterTable(d, t, {}, ids);
  ASSERT_FALSE(p.refused);
  EXPECT_EQ(p.imported, 1);
  EXPECT_EQ(p.refused_rows, 2);
  for (int row : {2, 4}) {
    const RosterRow* r = RowNo(p, row);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->outcome, RowOutcome::Refused);
    ASSERT_EQ(r->errors.size(), 1u) << row;
    EXPECT_EQ(r->errors[0].column, "公民身份号码");
    EXPECT_EQ(r->errors[0].message_zh, "身份证号在表格中存为数字,末几位已丢失;请把该列设为文本后重新填写");
    EXPECT_NE(r->errors[0].message_en.find("stored as a number"), std::string::npos);
  }
  EXPECT_EQ(RowNo(p, 3)->outcome, RowOutcome::Imported);
}

TEST(RosterTable, DateSerialInANumberCellAndUnreadableDates) {
  IdGenerator ids(1);
  Dataset d = TestdataTown(ids);
  RosterTable t;
  t.rows.push_back(Row(1, {T("姓名"), T("公民身份号码"), T("所在党支部"), T("入党日期")}));
  // A General-formatted number cell holding a day serial: 43070 = 2017-12-01 (1900 date system).
  t.rows.push_back(Row(2, {T("向明"), T("420581198612133032"), T("东湖村党支部"), N("43070")}));
  // A number 1996.1 (October typed as 1996.10 loses its 0): refused as ambiguous, as in CSV.
  t.rows.push_back(Row(3, {T("柳松"), T("420529196803051238"), T("东湖村党支部"), N("1996.1")}));
  RosterPreview p = PreviewRosterTable(d, t, {}, ids);
  ASSERT_FALSE(p.refused);
  EXPECT_EQ(RowNo(p, 2)->member.join_date->ToString(), "2017-12-01");
  EXPECT_EQ(RowNo(p, 3)->outcome, RowOutcome::Refused);
  EXPECT_NE(RowNo(p, 3)->errors[0].message_zh.find("10月"), std::string::npos);
}

TEST(RosterTable, EmptySheetIsRefusedByName) {
  IdGenerator ids(1);
  Dataset d = TestdataTown(ids);
  RosterTable t;
  t.sheet = "Sheet2";
  t.rows.push_back(Row(1, {E(), T("  ")}));
  RosterPreview p = PreviewRosterTable(d, t, {}, ids);
  EXPECT_TRUE(p.refused);
  ASSERT_EQ(p.file_problems.size(), 1u);
  EXPECT_EQ(p.file_problems[0].message_zh, "工作表\"Sheet2\"是空的,没有表头和数据");
  auto res = ApplyRosterImport(d, p, ids, kNow, "test");
  EXPECT_FALSE(res.ok);
  EXPECT_TRUE(d.org.members.empty());
}

TEST(RosterWorkbookJson, SheetsRowsAndKinds) {
  const std::string json =
      R"({"zjWorkbook":1,"sheets":[{"name":"名册","rows":[{"r":1,"c":[["t","标题"]]},)"
      R"({"r":3,"c":[["t","姓名"],null,["n","13994715010"],["d","1996-06"]]}]},{"name":"空","rows":[]},)"
      R"({"name":"说明","rows":[{"r":2,"c":[["t","备注"]]}]}]})";
  ASSERT_TRUE(IsRosterWorkbookJson(json));
  EXPECT_FALSE(IsRosterWorkbookJson("姓名,公民身份号码\r\n"));
  const RosterWorkbook wb = ParseRosterWorkbookJson(json);
  ASSERT_TRUE(wb.ok) << wb.error_zh;
  ASSERT_EQ(wb.sheets.size(), 3u);
  const RosterTable& s = wb.sheets[0];
  EXPECT_EQ(s.sheet, "名册");
  ASSERT_EQ(s.rows.size(), 3u);  // row 2, absent, is a blank row
  EXPECT_EQ(s.rows[1].row, 2);
  EXPECT_TRUE(s.rows[1].cells.empty());
  ASSERT_EQ(s.rows[2].cells.size(), 4u);
  EXPECT_EQ(s.rows[2].row, 3);
  EXPECT_EQ(s.rows[2].cells[0].kind, CellKind::Text);
  EXPECT_EQ(s.rows[2].cells[1].kind, CellKind::Empty);
  EXPECT_EQ(s.rows[2].cells[2].kind, CellKind::Number);
  EXPECT_EQ(s.rows[2].cells[2].text, "13994715010");
  EXPECT_EQ(s.rows[2].cells[3].kind, CellKind::Date);
  EXPECT_EQ(s.rows[2].cells[3].text, "1996-06");
  EXPECT_EQ(NonEmptyRosterSheets(wb), (std::vector<int>{0, 2}));
}

TEST(RosterWorkbookJson, ReaderErrorsAndMalformedInput) {
  RosterWorkbook wb = ParseRosterWorkbookJson(R"({"zjWorkbook":1,"error":"encrypted","detail":""})");
  EXPECT_FALSE(wb.ok);
  EXPECT_NE(wb.error_zh.find("密码"), std::string::npos);
  EXPECT_NE(wb.error_en.find("password"), std::string::npos);
  wb = ParseRosterWorkbookJson(R"({"zjWorkbook":1,"error":"corrupt","detail":"Unsupported ZIP file"})");
  EXPECT_FALSE(wb.ok);
  EXPECT_NE(wb.error_zh.find("已损坏"), std::string::npos);
  EXPECT_NE(wb.error_zh.find("Unsupported ZIP file"), std::string::npos);
  wb = ParseRosterWorkbookJson(R"({"zjWorkbook":1,"error":"biff5"})");
  EXPECT_NE(wb.error_zh.find(".xlsx"), std::string::npos);
  EXPECT_FALSE(ParseRosterWorkbookJson(R"({"zjWorkbook":1,"sheets":[{"name":"a","rows":[{"r":2},{"r":1}]}]})").ok);  // rows out of order
  EXPECT_FALSE(ParseRosterWorkbookJson(R"({"zjWorkbook":1,"sheets":[]})").ok);
  EXPECT_FALSE(ParseRosterWorkbookJson(R"({"zjWorkbook":1,"sheets":[{"name":"a","rows":[{"r":1,"c":[)").ok);
  EXPECT_FALSE(ParseRosterWorkbookJson("").ok);
}

}  // namespace
}  // namespace zj

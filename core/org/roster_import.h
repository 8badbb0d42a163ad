// Zhengjian core: roster CSV import (preview, then apply as one step) and export (花名册导入导出).
// tests/data/README.md describes the files an office exports (the tests import synthetic ones of that shape).
//
// Import: a CSV file (PreviewRosterImport) or a table of cells read from an .xlsx/.xls sheet (PreviewRosterTable,
// the sheet as web/xlsx.js hands it over: ParseRosterWorkbookJson); both go through the same header, synonym,
// date and row checks. CSV bytes in (UTF-8 with or without BOM, GBK, GB18030), RFC 4180 CSV, a header row with the columns
//   序号, 姓名*, 性别, 民族, 出生日期, 公民身份号码*, 学历, 人员类别, 入党日期, 所在党支部*, 党内职务, 联系电话
//   and optionally 党员代表, 后备干部, 系统编号 (written by the export), * = required column, in any order and under
//   the names real exports use (身份证号, 所在党组织, 入党时间, 出生年月 …; spaces inside a header and a leading
//   "*" ignored). The header is the first of the file's first 30 rows that names all three required columns:
//   title rows, blank rows and notes above it are skipped and listed. Dates may be a month alone (1996年6月),
//   kept as a month (DateOrMonth).
// Every data row ends up Imported (new member), Updated (same ID number already stored, something differs),
// Unchanged, Refused (with row, column and reason in Chinese and English) or Skipped (blank row, reason
// given). Nothing is dropped silently; the same person (same ID number) is never stored twice.
// A file-level refusal (undecodable bytes, unclosed quote, missing required column, no data) changes nothing.
// Apply writes every Imported/Updated row in one step, or nothing when the dataset changed since the preview.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/dataset.h"
#include "core/data/tx.h"
#include "core/base/encoding.h"

namespace zj {

/// What a spreadsheet cell held, as the reader saw it. CSV cells are Text (or Empty when blank).
enum class CellKind {
  Empty,   ///< no value
  Text,    ///< a text cell: `text` as typed
  Number,  ///< a number cell: `text` its digits (integers in full) or as the sheet shows it
  Date,    ///< a number cell formatted as a date: `text` YYYY-MM-DD, or YYYY-MM when the format shows only year
           ///< and month (the month is kept, no day is made up)
};
/// One cell of a roster table.
struct RosterCell {
  std::string text;
  CellKind kind = CellKind::Empty;
};
/// One row of a roster table: its cells from column A on, and where it stands.
struct RosterTableRow {
  std::vector<RosterCell> cells;
  int row = 0;   ///< spreadsheet row number (1 = the sheet's first row; CSV: the record number)
  int line = 0;  ///< CSV: first physical line of the record; a sheet: the row number again
};
/// A roster as a table of cells: the rows of one sheet (or of a CSV file) in order, blank rows included.
struct RosterTable {
  std::string sheet;  ///< the sheet's name ("" for a CSV file)
  std::vector<RosterTableRow> rows;
};

/// Options of an import.
struct RosterImportOptions {
  TextEncoding encoding = TextEncoding::Auto;  ///< force UTF-8 or GB18030, or detect
  /// Create branches named in 所在党支部 that the organization lacks (kind guessed from the name: "社区" ->
  /// Community, "村" -> Village, else TownUnit; no general branch). Default: refuse such rows.
  bool create_missing_branches = false;
};

/// What happens to one row.
enum class RowOutcome {
  Imported,   ///< 新增: a new member
  Updated,    ///< 更新: the same ID number is stored; some fields differ and will be overwritten
  Unchanged,  ///< 无变化: the same ID number is stored with the same fields
  Refused,    ///< 拒绝: not imported, see errors
  Skipped,    ///< 跳过: a blank row
};
const char* RowOutcomeLabelZh(RowOutcome o);  ///< 新增 / 更新 / 无变化 / 拒绝 / 跳过

/// A reason attached to a row: the column (header text as in the file, empty for the whole row) and why.
struct RowIssue {
  std::string column;
  std::string message_zh, message_en;
};

/// One data row of the preview.
struct RosterRow {
  int row = 0;    ///< spreadsheet row number (header = 1), what Excel/WPS show
  int line = 0;   ///< first physical line of the row in the file (differs after a line break in a cell)
  RowOutcome outcome = RowOutcome::Refused;
  std::string name;                    ///< the name as read (trimmed), for the preview list
  std::vector<RowIssue> errors;        ///< every reason it is refused (Refused/Skipped only)
  std::vector<RowIssue> warnings;      ///< remarks on an accepted row (unknown post kept as text ...)
  std::vector<std::string> changed_columns;  ///< Updated: the columns whose value changes
  Member member;          ///< the member as it will be stored (Imported: no meta yet; Updated: merged)
  int existing = -1;      ///< Updated/Unchanged: index in org.members
  int same_as_row = 0;    ///< Refused as a repeat: the earlier row of the same person
  std::string new_branch; ///< branch to create at apply (create_missing_branches), else empty
};

/// Result of PreviewRosterImport.
struct RosterPreview {
  bool refused = false;          ///< the whole file is refused: nothing can be applied
  Problems file_problems;        ///< why refused (path "row N" / "line N" / column name)
  Problems file_warnings;        ///< e.g. unknown columns that are ignored
  TextEncoding encoding = TextEncoding::Auto;  ///< what the bytes were read as
  bool had_bom = false;
  std::string sheet;             ///< the sheet read (an .xlsx/.xls workbook), "" for CSV
  std::vector<std::string> header;
  int header_row = 0;            ///< spreadsheet row number of the header (1 when nothing stands above it)
  /// What each header cell was read as: the product's column name (序号, 姓名, … 系统编号), or "" when ignored;
  /// one per `header` cell.
  std::vector<std::string> read_as;
  /// The non-blank rows above the header that were skipped (title rows, notes): their row numbers and text.
  std::vector<std::pair<int, std::string>> above_header;
  std::vector<RosterRow> rows;   ///< every data row, in file order
  int imported = 0, updated = 0, unchanged = 0, refused_rows = 0, skipped = 0;
  std::vector<std::string> new_branches;  ///< names of branches apply will create
  std::string salt;              ///< the ID-hash salt used (the dataset's, or a new one if it had none)
  uint64_t fingerprint = 0;      ///< of the dataset's roster at preview time (apply checks it)
};

/// Reads a roster file and says what would happen to each row. Pure: `d` is not changed. `ids` is used only
/// to make a salt when the dataset has none.
RosterPreview PreviewRosterImport(const Dataset& d, std::string_view file_bytes, const RosterImportOptions& options,
                                  IdGenerator& ids);

/// Reads a roster given as a table of cells (one sheet of a workbook, or a parsed CSV file): the same header search,
/// synonyms, column order, dates (a Date cell's YYYY-MM stays a month) and row checks as PreviewRosterImport, which
/// calls it. Beyond CSV: an ID number (公民身份号码) in a Number cell refuses its row (its last digits were rounded
/// away by the spreadsheet); a sheet with no non-blank cell is refused by its name. Pure, like PreviewRosterImport.
RosterPreview PreviewRosterTable(const Dataset& d, const RosterTable& table, const RosterImportOptions& options,
                                 IdGenerator& ids);

/// A workbook as web/xlsx.js hands it to the app (SheetJS read it in the browser).
struct RosterWorkbook {
  bool ok = false;                 ///< false: nothing can be imported, see error_zh/error_en
  std::string error_zh, error_en;  ///< corrupt, password-protected, unsupported workbook, reader not loaded
  std::vector<RosterTable> sheets; ///< every sheet, in workbook order
};
/// True when picked bytes are a workbook converted by web/xlsx.js (JSON starting {"zjWorkbook":).
bool IsRosterWorkbookJson(std::string_view bytes);
/// Parses the JSON web/xlsx.js writes for a picked .xlsx/.xls:
///   {"zjWorkbook":1,"sheets":[{"name":"Sheet1","rows":[{"r":1,"c":[["t","姓名"],["n","1"],["d","1996-06"],null]}]}]}
/// (r the 1-based row number, rows absent between are blank; c the cells from column A: kind t text, n number,
/// d date, null empty) or {"zjWorkbook":1,"error":"encrypted"|"corrupt"|"biff5"|"load","detail":"…"}. Errors
/// (the reader's or malformed JSON) come back as !ok with a Chinese and an English reason.
RosterWorkbook ParseRosterWorkbookJson(std::string_view json);
/// Indexes of the sheets holding at least one non-blank cell.
std::vector<int> NonEmptyRosterSheets(const RosterWorkbook& wb);

/// Result of ApplyRosterImport.
struct RosterApplyResult {
  bool ok = false;
  int imported = 0, updated = 0, branches_created = 0;
  std::string error_zh, error_en;
};

/// Applies a preview in one step: new members get ids and times (`now`, `device`), updated members keep
/// their id and created time. Refused when the preview was refused or the dataset's roster changed since
/// (fingerprint): then `d` is untouched.
RosterApplyResult ApplyRosterImport(Dataset& d, const RosterPreview& preview, IdGenerator& ids, TimestampMs now,
                                    const std::string& device);
/// The same through a command's transaction (roster.import): new branches and members are added, updated members
/// edited in place, the ID salt set; nothing else is copied (core/data/tx.h). Ids, time and device are the Tx's.
RosterApplyResult ApplyRosterImport(Tx& tx, const RosterPreview& preview);

/// Writes the roster as CSV for Excel/WPS (UTF-8 with BOM, CRLF, formula-like cells neutralized with a
/// leading '), columns as the import reads them, ID numbers masked, dates YYYY-MM-DD, plus 党员代表,
/// 后备干部 (是/否) and 系统编号 (record id, which lets the file be imported back). `branch_id` empty = all.
std::string ExportRosterCsv(const Dataset& d, const Id& branch_id = {});

// ---- cell readers (public for tests and for forms that take the same input) ----------------------

/// Reads a date as rosters write it: 1968-03-05, 1968-3-5, 1968/3/5, 1968.03.05, 1968年3月5日, 19680305,
/// or an Excel day serial (1900 date system: 25267 = 1969-03-05; 1..73050, serial 60, Excel's phantom
/// 1900-02-29, is refused). Full-width digits and spaces accepted. nullopt for anything else or an
/// impossible date.
std::optional<Date> ParseRosterDate(std::string_view text);

/// Reads a date that may be a month alone, as member systems export 入党日期 and 出生年月: every form of
/// ParseRosterDate (a day), or a month: 1996年6月, 1996-06, 1996-6, 1996/6, 1996.06, 1996.6, 199606 (kept with
/// month_only set, never given an invented day). "1996.1" is refused (nullopt): a spreadsheet that holds 1996.10
/// as a number shows it as 1996.1, so October cannot be told from January; RosterDateAmbiguous says so.
std::optional<DateOrMonth> ParseRosterDateOrMonth(std::string_view text);
/// True for "YYYY.1" (also full-width): the form ParseRosterDateOrMonth refuses because it may be October.
bool RosterDateAmbiguous(std::string_view text);

/// Normalizes a phone number: full-width digits, spaces, '-', '(' ')' removed; a +86 / 0086 / 86 prefix before
/// an 11-digit mobile number dropped. Accepts 11-digit mobiles starting with 1 and landlines (7-8 digits, or
/// 0 + 9-11 digits). "" stays "" ; nullopt when not a phone number.
std::optional<std::string> NormalizePhone(std::string_view text);

/// Trims ASCII and full-width spaces and unifies the middle dot of minority names (•, ・, ･, ．) to U+00B7 "·".
std::string NormalizeName(std::string_view text);

}  // namespace zj

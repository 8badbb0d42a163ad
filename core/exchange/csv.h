// Zhengjian core: CSV (RFC 4180) reading and writing for roster import and export.
// Roster CSV import and export. UTF-8 text in, UTF-8 text out; no I/O.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace zj {

/// One record of a CSV file.
struct CsvRecord {
  std::vector<std::string> cells;  ///< unquoted cell texts ("" doubled quotes undone; line breaks kept as \n)
  int line = 0;                    ///< 1-based physical line where the record starts
  int row = 0;                     ///< 1-based record number as a spreadsheet shows it (header = row 1)
};

/// Result of ParseCsv.
struct CsvTable {
  bool ok = false;
  std::vector<CsvRecord> records;  ///< every record, the header included, blank records included
  int error_line = 0;              ///< when !ok: line of the quote that was never closed
  std::string error_zh, error_en;
};

/// Parses RFC 4180 CSV: fields separated by `,`, records by CRLF, LF or CR; a field in double quotes may
/// hold commas, line breaks and doubled quotes (""). Lenient like Excel about a quote inside an unquoted
/// field (kept literally) and text after a closing quote (appended). A trailing line break does not make
/// an extra record. Error (not ok): a quoted field still open at the end of the text.
/// Line breaks inside quoted fields are returned as "\n" (CRLF and CR normalized).
CsvTable ParseCsv(std::string_view text);

/// True when a cell would be read as a formula by Excel/WPS: it starts with = + - @, a tab or a CR
/// (CSV injection, OWASP).
bool IsFormulaLike(std::string_view cell);

/// Writes one CSV cell: neutralizes a formula-like cell by prefixing a single quote ('=1+1), then quotes it
/// when it holds a comma, quote, CR or LF (doubling the quotes).
std::string CsvCell(std::string_view cell);

/// Writes records as CSV for Excel/WPS on Chinese Windows: UTF-8 with BOM, CRLF line ends, every cell
/// through CsvCell (so formula-like cells are neutralized).
std::string WriteCsv(const std::vector<std::vector<std::string>>& rows);

}  // namespace zj

// Fuzz target: CSV text as ParseCsv reads a roster (core/exchange/csv.h), after DecodeText as the import
// does. Checks: a refusal (unclosed quote) has a Chinese reason and the line of the quote; records are
// numbered 1..n with non-decreasing lines; and what is read survives WriteCsv -> ParseCsv unchanged
// (formula-like cells come back with the export's leading ', which the roster import removes again).
#include <string>
#include <string_view>
#include <vector>

#include "core/base/encoding.h"
#include "core/exchange/csv.h"
#include "fuzz_common.h"

namespace {
using namespace zj;

void Check(std::string_view text) {
  const CsvTable t = ParseCsv(text);
  if (!t.ok) {
    FUZZ_CHECK(fuzz::ChineseFirst(t.error_zh) && !t.error_en.empty(), "CSV refusal without a Chinese reason");
    FUZZ_CHECK(t.error_line >= 1, "CSV refusal without a line");
    return;
  }
  int last_line = 0;
  std::vector<std::vector<std::string>> rows;
  for (size_t k = 0; k < t.records.size(); ++k) {
    const CsvRecord& r = t.records[k];
    FUZZ_CHECK(r.row == static_cast<int>(k) + 1, "record numbers not consecutive");
    FUZZ_CHECK(r.line > last_line, "record lines not increasing");
    FUZZ_CHECK(!r.cells.empty(), "record without cells");
    last_line = r.line;
    rows.push_back(r.cells);
    for (const std::string& c : r.cells) FUZZ_CHECK(c.find('\r') == std::string::npos, "CR left in a cell");
  }
  const std::string written = WriteCsv(rows);
  FUZZ_CHECK(written.compare(0, 3, "\xEF\xBB\xBF") == 0, "export without BOM");
  const CsvTable back = ParseCsv(std::string_view(written).substr(3));
  FUZZ_CHECK(back.ok, "export not readable");
  FUZZ_CHECK(back.records.size() == rows.size(), "export changed the number of records");
  for (size_t k = 0; k < rows.size(); ++k) {
    FUZZ_CHECK(back.records[k].cells.size() == rows[k].size(), "export changed the number of cells");
    for (size_t c = 0; c < rows[k].size(); ++c) {
      const std::string& was = rows[k][c];
      const std::string expected = IsFormulaLike(was) ? "'" + was : was;
      FUZZ_CHECK(back.records[k].cells[c] == expected, "export changed a cell");
      FUZZ_CHECK(!IsFormulaLike(back.records[k].cells[c]), "a formula-like cell was exported as is");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Check(bytes);  // the parser on raw bytes (it must not care about the encoding)
  const DecodedText d = DecodeText(bytes);
  if (d.ok) Check(d.text);
  return 0;
}

#include "core/exchange/csv.h"

namespace zj {

CsvTable ParseCsv(std::string_view t) {
  CsvTable out;
  size_t i = 0;
  int line = 1;
  int row = 0;
  const size_t n = t.size();
  while (i < n) {
    CsvRecord rec;
    rec.line = line;
    rec.row = ++row;
    std::string cell;
    bool end_of_record = false;
    while (!end_of_record) {
      cell.clear();
      if (i < n && t[i] == '"') {
        const int open_line = line;
        ++i;
        bool closed = false;
        while (i < n) {
          const char c = t[i];
          if (c == '"') {
            if (i + 1 < n && t[i + 1] == '"') { cell += '"'; i += 2; continue; }
            ++i;
            closed = true;
            break;
          }
          if (c == '\r') {
            cell += '\n';
            ++line;
            i += (i + 1 < n && t[i + 1] == '\n') ? 2 : 1;
            continue;
          }
          if (c == '\n') ++line;
          cell += c;
          ++i;
        }
        if (!closed) {
          out.error_line = open_line;
          out.error_zh = "第" + std::to_string(open_line) + "行的引号没有闭合,文件可能被截断或格式有误";
          out.error_en = "the quote opened on line " + std::to_string(open_line) + " is never closed";
          return out;
        }
      }
      // Unquoted part (or text after a closing quote, appended like Excel does).
      while (i < n && t[i] != ',' && t[i] != '\r' && t[i] != '\n') cell += t[i++];
      rec.cells.push_back(cell);
      if (i >= n) {
        end_of_record = true;
      } else if (t[i] == ',') {
        ++i;
      } else {  // line break ends the record
        i += (t[i] == '\r' && i + 1 < n && t[i + 1] == '\n') ? 2 : 1;
        ++line;
        end_of_record = true;
      }
    }
    out.records.push_back(std::move(rec));
  }
  out.ok = true;
  return out;
}

bool IsFormulaLike(std::string_view c) {
  return !c.empty() && (c[0] == '=' || c[0] == '+' || c[0] == '-' || c[0] == '@' || c[0] == '\t' || c[0] == '\r');
}

std::string CsvCell(std::string_view cell) {
  std::string v;
  if (IsFormulaLike(cell)) v += '\'';
  v.append(cell);
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string q = "\"";
  for (char c : v) {
    if (c == '"') q += '"';
    q += c;
  }
  q += '"';
  return q;
}

std::string WriteCsv(const std::vector<std::vector<std::string>>& rows) {
  std::string out = "\xEF\xBB\xBF";
  for (const auto& r : rows) {
    for (size_t k = 0; k < r.size(); ++k) {
      if (k) out += ',';
      out += CsvCell(r[k]);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace zj

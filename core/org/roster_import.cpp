#include "core/org/roster_import.h"

#include <algorithm>
#include <functional>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/exchange/csv.h"
#include "core/org/idnumber.h"

namespace zj {

const char* RowOutcomeLabelZh(RowOutcome o) {
  static const char* k[] = {"新增", "更新", "无变化", "拒绝", "跳过"};
  return k[static_cast<int>(o)];
}

// ---- cell readers -------------------------------------------------------------------------------

std::optional<Date> ParseRosterDate(std::string_view text) {
  const std::string s = FullwidthToAscii(TrimSpaces(text));
  if (s.empty()) return std::nullopt;
  // All digits: YYYYMMDD or an Excel serial.
  if (s.find_first_not_of("0123456789") == std::string::npos) {
    if (s.size() == 8) return Date::FromYmd(std::stoi(s.substr(0, 4)), std::stoi(s.substr(4, 2)), std::stoi(s.substr(6, 2)));
    if (s.size() > 5) return std::nullopt;
    const int serial = std::stoi(s);
    if (serial < 1 || serial > 73050 || serial == 60) return std::nullopt;
    // 1900 date system: serial 1 = 1900-01-01; Excel counts a 1900-02-29 that never was (serial 60).
    const Date jan1 = *Date::FromYmd(1900, 1, 1);
    return jan1 + (serial < 60 ? serial - 1 : serial - 2);
  }
  // Y sep M sep D [日], separators - / . or 年 月.
  int parts[3] = {0, 0, 0};
  int count[3] = {0, 0, 0};
  bool cjk = false;  // 1968年3月5日: then 月 and 日 are required too
  size_t i = 0;
  for (int k = 0; k < 3; ++k) {
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && count[k] < 4) {
      parts[k] = parts[k] * 10 + (s[i] - '0');
      ++count[k];
      ++i;
    }
    if (count[k] == 0) return std::nullopt;
    if (k == 2) break;
    auto starts = [&](std::string_view sep) { return s.compare(i, sep.size(), sep) == 0; };
    if (k == 0 && starts("年")) { i += std::string_view("年").size(); cjk = true; }
    else if (k == 1 && cjk && starts("月")) i += std::string_view("月").size();
    else if (!cjk && i < s.size() && (s[i] == '-' || s[i] == '/' || s[i] == '.')) ++i;
    else return std::nullopt;
  }
  if (cjk) {
    if (s.compare(i, std::string::npos, "日") != 0) return std::nullopt;
    i = s.size();
  }
  if (i != s.size() || count[0] != 4 || count[1] > 2 || count[2] > 2) return std::nullopt;
  return Date::FromYmd(parts[0], parts[1], parts[2]);
}

bool RosterDateAmbiguous(std::string_view text) {
  const std::string s = FullwidthToAscii(TrimSpaces(text));
  return s.size() == 6 && s[4] == '.' && s[5] == '1' && s.find_first_not_of("0123456789", 0) == 4;
}

std::optional<DateOrMonth> ParseRosterDateOrMonth(std::string_view text) {
  if (auto d = ParseRosterDate(text)) return DateOrMonth(*d);
  const std::string s = FullwidthToAscii(TrimSpaces(text));
  if (RosterDateAmbiguous(s)) return std::nullopt;
  auto digits = [&](size_t from, size_t n) {
    int v = 0;
    for (size_t i = from; i < from + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  if (s.size() == 6 && s.find_first_not_of("0123456789") == std::string::npos) return DateOrMonth::OfMonth(digits(0, 4), digits(4, 2));
  // YYYY sep M[M] [月], sep one of - / . or 年 (then 月 may close it).
  if (s.size() < 6 || s.find_first_not_of("0123456789") != 4) return std::nullopt;
  size_t i = 4;
  bool cjk = false;
  if (s.compare(i, 3, "年") == 0) { i += 3; cjk = true; }
  else if (s[i] == '-' || s[i] == '/' || s[i] == '.') ++i;
  else return std::nullopt;
  size_t n = 0;
  while (i + n < s.size() && n < 3 && s[i + n] >= '0' && s[i + n] <= '9') ++n;
  if (n == 0 || n > 2) return std::nullopt;
  const int month = digits(i, n);
  i += n;
  if (cjk && s.compare(i, 3, "月") == 0) i += 3;
  if (i != s.size()) return std::nullopt;
  return DateOrMonth::OfMonth(digits(0, 4), month);
}

std::optional<std::string> NormalizePhone(std::string_view text) {
  const std::string s = FullwidthToAscii(TrimSpaces(text));
  std::string d;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') d += c;
    else if (c == ' ' || c == '-' || c == '(' || c == ')') continue;
    else if (c == '+' && d.empty()) d += '+';
    else if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) ++i;
    else return std::nullopt;
  }
  if (d.empty()) return std::string();
  auto strip = [&](std::string_view prefix) {
    if (d.size() == prefix.size() + 11 && d.compare(0, prefix.size(), prefix) == 0 && d[prefix.size()] == '1')
      d.erase(0, prefix.size());
  };
  strip("+86");
  strip("0086");
  strip("86");
  if (d[0] == '+') return std::nullopt;
  if (d.size() == 11 && d[0] == '1') return d;
  if (d[0] == '0' && d.size() >= 10 && d.size() <= 12) return d;
  if (d[0] != '0' && d[0] != '1' && (d.size() == 7 || d.size() == 8)) return d;
  return std::nullopt;
}

std::string NormalizeName(std::string_view text) {
  std::string s = TrimSpaces(text);
  static const char* kDots[] = {"\xE2\x80\xA2", "\xE3\x83\xBB", "\xEF\xBD\xA5", "\xEF\xBC\x8E"};  // • ・ ･ ．
  for (const char* dot : kDots) {
    const std::string_view d(dot);
    for (size_t p; (p = s.find(d)) != std::string::npos;) s.replace(p, d.size(), "\xC2\xB7");
  }
  return s;
}

namespace {

// ---- columns --------------------------------------------------------------------------------------
enum Col { kSeq, kName, kSex, kEthnicity, kBirth, kIdNumber, kEducation, kStatus, kJoin, kBranch, kPosts, kPhone,
           kRepresentative, kReserve, kRecordId, kColCount };
const char* const kColZh[kColCount] = {"序号", "姓名", "性别", "民族", "出生日期", "公民身份号码", "学历", "人员类别",
                                       "入党日期", "所在党支部", "党内职务", "联系电话", "党员代表", "后备干部", "系统编号"};

/// A header cell as compared: spaces (ASCII, full-width, line breaks) and a leading required-mark "*" / "＊"
/// removed, full-width forms read as ASCII ("姓  名", "＊公民身份号码", "入党\n日期", "身份证号码（18位）").
std::string HeaderKey(const std::string& header) {
  std::string h;
  const std::string s = FullwidthToAscii(TrimSpaces(header));
  for (size_t i = 0; i < s.size();) {
    if (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t') { ++i; continue; }
    if (s.compare(i, 3, "\xE3\x80\x80") == 0) { i += 3; continue; }  // U+3000 ideographic space
    h += s[i++];
  }
  if (h.compare(0, 1, "*") == 0) h.erase(0, 1);
  return h;
}

int ColumnOf(const std::string& header) {
  const std::string h = HeaderKey(header);
  for (int c = 0; c < kColCount; ++c)
    if (h == kColZh[c]) return c;
  static const std::pair<const char*, int> kAliases[] = {
      {"身份证号", kIdNumber},   {"身份证号码", kIdNumber}, {"公民身份证号码", kIdNumber}, {"身份证", kIdNumber},
      {"手机", kPhone},          {"手机号", kPhone},        {"手机号码", kPhone},          {"电话", kPhone},
      {"联系方式", kPhone},      {"所在支部", kBranch},     {"支部", kBranch},             {"党支部", kBranch},
      {"职务", kPosts},          {"党内职务/两委职务", kPosts}, {"类别", kStatus},         {"党员类别", kStatus},
      {"文化程度", kEducation},  {"出生年月", kBirth},      {"入党时间", kJoin},           {"编号", kSeq},
      // as member-management systems and town offices name them
      {"党员姓名", kName},       {"公民身份证号", kIdNumber}, {"身份证号码(18位)", kIdNumber}, {"证件号码", kIdNumber},
      {"所在党组织", kBranch},   {"所属党组织", kBranch},   {"党组织名称", kBranch},       {"所属支部", kBranch},
      {"所在党组织名称", kBranch}, {"所属党支部", kBranch}, {"出生日期(年月)", kBirth},    {"出生年月日", kBirth},
      {"出生时间", kBirth},      {"入党年月", kJoin},       {"入党日期(年月)", kJoin},     {"加入党组织日期", kJoin},
      {"人员类型", kStatus},     {"党籍状态", kStatus},     {"学历学位", kEducation},      {"最高学历", kEducation},
      {"手机号码(联系电话)", kPhone}, {"联系电话(手机)", kPhone}, {"移动电话", kPhone},
      {"现任职务", kPosts},      {"党内职务(两委职务)", kPosts}, {"是否党代表", kRepresentative},
      {"是否后备干部", kReserve}, {"民族(族别)", kEthnicity}, {"族别", kEthnicity}};
  for (const auto& [alias, c] : kAliases)
    if (h == alias) return c;
  return -1;
}

std::optional<bool> ParseYesNo(const std::string& s) {
  if (s.empty() || s == "否" || s == "N" || s == "n" || s == "0" || s == "×") return false;
  if (s == "是" || s == "Y" || s == "y" || s == "1" || s == "√") return true;
  return std::nullopt;
}

/// Undoes the export's neutralization: "'=1+1" -> "=1+1" (only before = + - @).
std::string UnNeutralize(std::string s) {
  if (s.size() >= 2 && s[0] == '\'' && IsFormulaLike(std::string_view(s).substr(1))) s.erase(0, 1);
  return s;
}

std::vector<std::string> SplitPosts(const std::string& s) {
  std::vector<std::string> out;
  static const std::string_view kSeps[] = {"、", "，", "；", ",", ";", "/", " ", "\n"};
  size_t start = 0, i = 0;
  while (i <= s.size()) {
    size_t sep_len = 0;
    if (i < s.size())
      for (std::string_view sep : kSeps)
        if (s.compare(i, sep.size(), sep) == 0) { sep_len = sep.size(); break; }
    if (i == s.size() || sep_len) {
      std::string part = TrimSpaces(std::string_view(s).substr(start, i - start));
      if (!part.empty()) out.push_back(part);
      if (i == s.size()) break;
      i += sep_len;
      start = i;
    } else {
      ++i;
    }
  }
  return out;
}

std::string PostsText(const Member& m) {
  std::string s;
  for (Post p : m.posts) s += (s.empty() ? "" : "、") + std::string(PostLabelZh(p));
  if (!m.other_posts.empty()) s += (s.empty() ? "" : "、") + m.other_posts;
  return s;
}

uint64_t Fingerprint(const Dataset& d) {
  uint64_t h = 1469598103934665603ull;
  auto mix = [&](std::string_view s) {
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    h = (h ^ 0xFF) * 1099511628211ull;
  };
  mix(d.id_salt);
  for (const Branch& b : d.org.branches) { mix(b.meta.id); mix(b.name); }
  for (const Member& m : d.org.members) { mix(m.meta.id); mix(std::to_string(m.meta.updated)); mix(m.id_hash); }
  return h;
}

}  // namespace

static RosterTable RosterTableFromCsv(const CsvTable& csv) {
  RosterTable t;
  t.rows.reserve(csv.records.size());
  for (const CsvRecord& rec : csv.records) {
    RosterTableRow r;
    r.row = rec.row;
    r.line = rec.line;
    for (const std::string& c : rec.cells)
      r.cells.push_back(RosterCell{c, TrimSpaces(c).empty() ? CellKind::Empty : CellKind::Text});
    t.rows.push_back(std::move(r));
  }
  return t;
}

RosterPreview PreviewRosterImport(const Dataset& d, std::string_view bytes, const RosterImportOptions& opt, IdGenerator& ids) {
  DecodedText text = DecodeText(bytes, opt.encoding);
  auto refused = [&](const std::string& where, const std::string& zh, const std::string& en) {
    RosterPreview pv;
    pv.fingerprint = Fingerprint(d);
    pv.salt = d.id_salt.empty() ? NewSalt(ids) : d.id_salt;
    pv.encoding = text.encoding;
    pv.had_bom = text.had_bom;
    pv.refused = true;
    pv.file_problems.push_back(Problem{where, zh, en});
    return pv;
  };
  if (!text.ok) return refused("byte " + std::to_string(text.error_offset + 1), text.error_zh, text.error_en);
  CsvTable csv = ParseCsv(text.text);
  if (!csv.ok) return refused("line " + std::to_string(csv.error_line), csv.error_zh, csv.error_en);
  RosterPreview pv = PreviewRosterTable(d, RosterTableFromCsv(csv), opt, ids);
  pv.encoding = text.encoding;
  pv.had_bom = text.had_bom;
  return pv;
}

RosterPreview PreviewRosterTable(const Dataset& d, const RosterTable& table, const RosterImportOptions& opt, IdGenerator& ids) {
  RosterPreview pv;
  pv.fingerprint = Fingerprint(d);
  pv.salt = d.id_salt.empty() ? NewSalt(ids) : d.id_salt;
  pv.sheet = table.sheet;
  auto refuse = [&](const std::string& where, std::string zh, std::string en) {
    pv.refused = true;
    pv.file_problems.push_back(Problem{where, std::move(zh), std::move(en)});
    return pv;
  };
  auto blank = [](const RosterTableRow& r) {
    for (const RosterCell& c : r.cells)
      if (!TrimSpaces(c.text).empty()) return false;
    return true;
  };
  // The header: the first of the first kHeaderScan records that names 姓名, 公民身份号码 and 所在党支部. Title rows
  // ("某某镇党员花名册"), blank rows and notes above it are skipped and listed. When no record qualifies, the
  // first non-blank one is taken, so that the refusal names the columns it lacks.
  constexpr size_t kHeaderScan = 30;
  size_t h = table.rows.size();
  for (size_t r = 0; r < table.rows.size() && r < kHeaderScan && h == table.rows.size(); ++r) {
    bool has[kColCount] = {};
    for (const RosterCell& c : table.rows[r].cells)
      if (const int col = ColumnOf(c.text); col >= 0) has[col] = true;
    if (has[kName] && has[kIdNumber] && has[kBranch]) h = r;
  }
  if (h == table.rows.size()) {
    h = 0;
    while (h < table.rows.size() && blank(table.rows[h])) ++h;
  }
  if (h == table.rows.size()) {
    if (!table.sheet.empty())
      return refuse("", "工作表\"" + table.sheet + "\"是空的,没有表头和数据", "the sheet \"" + table.sheet + "\" is empty: no header, no data");
    return refuse("", "文件为空,没有表头和数据", "the file is empty: no header, no data");
  }
  for (size_t r = 0; r < h; ++r) {
    if (blank(table.rows[r])) continue;
    std::string text;
    for (const RosterCell& c : table.rows[r].cells)
      if (!TrimSpaces(c.text).empty()) text += (text.empty() ? "" : " ") + TrimSpaces(c.text);
    pv.above_header.emplace_back(table.rows[r].row, text);
  }
  const RosterTableRow& head = table.rows[h];
  pv.header_row = head.row;
  std::vector<int> col_of_cell(head.cells.size(), -1);
  int cell_of_col[kColCount];
  std::fill(std::begin(cell_of_col), std::end(cell_of_col), -1);
  for (size_t k = 0; k < head.cells.size(); ++k) {
    pv.header.push_back(TrimSpaces(head.cells[k].text));
    const int c = ColumnOf(head.cells[k].text);
    pv.read_as.push_back(c >= 0 ? kColZh[c] : "");
    if (c < 0) {
      if (!pv.header.back().empty())
        pv.file_warnings.push_back(Problem{pv.header.back(), "未识别的列\"" + pv.header.back() + "\",已忽略",
                                           "unknown column \"" + pv.header.back() + "\" ignored"});
      continue;
    }
    if (cell_of_col[c] >= 0) {
      const std::string& first = pv.header[static_cast<size_t>(cell_of_col[c])];
      if (c == kName || c == kIdNumber || c == kBranch)
        return refuse(pv.header.back(), "列\"" + pv.header.back() + "\"与列\"" + first + "\"都是" + kColZh[c] + ",无法确定用哪一列",
                      "columns \"" + first + "\" and \"" + pv.header.back() + "\" both read as " + kColZh[c] + "; which one to use is unclear");
      pv.read_as.back().clear();
      pv.file_warnings.push_back(Problem{pv.header.back(), "列\"" + pv.header.back() + "\"与列\"" + first + "\"都是" + kColZh[c] + ",只读取前一列",
                                         "columns \"" + first + "\" and \"" + pv.header.back() + "\" both read as " + kColZh[c] + "; only the first is read"});
      continue;
    }
    cell_of_col[c] = static_cast<int>(k);
    col_of_cell[k] = c;
  }
  for (int c : {kName, kIdNumber, kBranch})
    if (cell_of_col[c] < 0)
      refuse(kColZh[c], std::string("缺少必需的列\"") + kColZh[c] + "\"(文件前" + std::to_string(kHeaderScan) +
                            "行中没有同时含姓名、公民身份号码、所在党支部三列的表头行;按第" + std::to_string(head.row) + "行读取)",
             std::string("missing required column \"") + kColZh[c] + "\" (none of the first " + std::to_string(kHeaderScan) +
                 " rows names 姓名, 公民身份号码 and 所在党支部 together; read row " + std::to_string(head.row) + " as the header)");
  if (pv.refused) return pv;
  if (h + 1 == table.rows.size()) return refuse("", "文件只有表头,没有数据行", "the file has a header but no data rows");

  std::unordered_map<std::string, int> by_hash;
  for (size_t i = 0; i < d.org.members.size(); ++i)
    if (!d.org.members[i].id_hash.empty()) by_hash.emplace(d.org.members[i].id_hash, static_cast<int>(i));
  std::unordered_map<std::string, int> seen_in_file;  // hash -> row
  auto header_of = [&](int c) { return cell_of_col[c] >= 0 ? pv.header[static_cast<size_t>(cell_of_col[c])] : std::string(kColZh[c]); };

  for (size_t r = h + 1; r < table.rows.size(); ++r) {
    const RosterTableRow& rec = table.rows[r];
    RosterRow row;
    row.row = rec.row;
    row.line = rec.line;
    auto cell = [&](int c) -> std::string {
      const int k = cell_of_col[c];
      if (k < 0 || static_cast<size_t>(k) >= rec.cells.size()) return {};
      return TrimSpaces(rec.cells[static_cast<size_t>(k)].text);
    };
    auto kind = [&](int c) -> CellKind {
      const int k = cell_of_col[c];
      if (k < 0 || static_cast<size_t>(k) >= rec.cells.size()) return CellKind::Empty;
      return rec.cells[static_cast<size_t>(k)].kind;
    };
    auto err = [&](int c, std::string zh, std::string en) {
      row.errors.push_back(RowIssue{c >= 0 ? header_of(c) : std::string(), std::move(zh), std::move(en)});
    };
    auto warn = [&](int c, std::string zh, std::string en) {
      row.warnings.push_back(RowIssue{c >= 0 ? header_of(c) : std::string(), std::move(zh), std::move(en)});
    };
    auto DateError = [&](int c, const std::string& text) {
      if (RosterDateAmbiguous(text))
        err(c, "日期\"" + text + "\"可能是" + text.substr(0, 4) + "年10月被表格去掉了末尾的0,也可能是1月;请写成" +
                   text.substr(0, 4) + ".01或" + text.substr(0, 4) + ".10",
            "date \"" + text + "\" may be October with its trailing 0 dropped by the spreadsheet, or January; write " +
                text.substr(0, 4) + ".01 or " + text.substr(0, 4) + ".10");
      else
        err(c, "无法识别的日期\"" + text + "\"(可用1968-03-05、1968/3/5、1968年3月5日、1968.03.05,只知年月时1968年3月、1968-03、1968.03)",
            "unreadable date \"" + text + "\" (use 1968-03-05, 1968/3/5, 1968年3月5日, 1968.03.05; a month alone 1968年3月, 1968-03, 1968.03)");
    };
    if (blank(rec)) {
      row.outcome = RowOutcome::Skipped;
      err(-1, "空行,已跳过", "blank row, skipped");
      ++pv.skipped;
      pv.rows.push_back(std::move(row));
      continue;
    }
    if (rec.cells.size() > head.cells.size()) {
      bool extra = false;
      for (size_t k = head.cells.size(); k < rec.cells.size(); ++k) extra |= !TrimSpaces(rec.cells[k].text).empty();
      if (extra)
        err(-1, "本行有" + std::to_string(rec.cells.size()) + "列,多于表头的" + std::to_string(head.cells.size()) + "列,可能有未加引号的逗号",
            "the row has " + std::to_string(rec.cells.size()) + " cells, more than the header's " +
                std::to_string(head.cells.size()) + "; probably an unquoted comma");
    }
    Member& m = row.member;
    // 姓名
    m.name = NormalizeName(cell(kName));
    row.name = m.name;
    if (m.name.empty()) err(kName, "姓名为空", "the name is empty");
    else if (m.name.find('\n') != std::string::npos) err(kName, "姓名中有换行", "the name holds a line break");
    // 公民身份号码 (or a masked number + 系统编号 from our own export)
    const std::string id_text = cell(kIdNumber);
    IdNumberCheck idc;
    int existing = -1;
    if (kind(kIdNumber) == CellKind::Number) {
      // A number cell holds 15 significant digits at most: an 18-digit number has lost its last ones already.
      err(kIdNumber, "身份证号在表格中存为数字,末几位已丢失;请把该列设为文本后重新填写",
          "the ID number is stored as a number in the sheet, its last digits are lost; set the column to text and "
          "enter the numbers again");
    } else if (id_text.find('*') != std::string::npos && !cell(kRecordId).empty()) {
      const int e = FindMember(d.org, cell(kRecordId));
      if (e >= 0 && d.org.members[static_cast<size_t>(e)].id_masked == FullwidthToAscii(id_text)) {
        existing = e;
        m.id_hash = d.org.members[static_cast<size_t>(e)].id_hash;
        m.id_masked = d.org.members[static_cast<size_t>(e)].id_masked;
      } else {
        err(kIdNumber, "公民身份号码已脱敏,且系统编号找不到对应的党员,无法导入", "masked ID number and no member with this record id");
      }
    } else {
      idc = ValidateIdNumber(id_text);
      if (!idc.ok) {
        err(kIdNumber, idc.error_zh, idc.error_en);
      } else {
        m.id_hash = HashIdNumber(pv.salt, idc.normalized);
        m.id_masked = MaskIdNumber(idc.normalized);
        if (auto it = by_hash.find(m.id_hash); it != by_hash.end()) existing = it->second;
      }
    }
    // The same person twice in the file, by full ID number or by 系统编号 (masked number): the later row is
    // refused, so one person is never written twice by one import.
    if (!m.id_hash.empty()) {
      if (auto it = seen_in_file.find(m.id_hash); it != seen_in_file.end()) {
        row.same_as_row = it->second;
        err(kIdNumber, "与第" + std::to_string(it->second) + "行是同一人(公民身份号码相同),不重复导入",
            "same person as row " + std::to_string(it->second) + " (same ID number); not imported twice");
      } else {
        seen_in_file.emplace(m.id_hash, row.row);
      }
    }
    // 性别
    const std::string sex = cell(kSex);
    if (sex == "男" || sex == "男性") m.sex = "男";
    else if (sex == "女" || sex == "女性") m.sex = "女";
    else if (!sex.empty()) err(kSex, "性别应为\"男\"或\"女\",实际为\"" + sex + "\"", "sex must be 男 or 女, got \"" + sex + "\"");
    if (idc.ok) {
      const char* from_id = idc.male ? "男" : "女";
      if (m.sex.empty() && sex.empty()) m.sex = from_id;
      else if (!m.sex.empty() && m.sex != from_id)
        warn(kSex, std::string("性别与公民身份号码(第17位)不一致,号码显示为") + from_id, std::string("sex differs from the ID number's 17th digit"));
    }
    m.ethnicity = cell(kEthnicity);
    // 出生日期
    const std::string birth = cell(kBirth);
    if (!birth.empty()) {
      m.birth_date = ParseRosterDateOrMonth(birth);
      if (!m.birth_date) {
        DateError(kBirth, birth);
      } else if (idc.ok && (m.birth_date->month_only ? m.birth_date->MonthIndex() != DateOrMonth(idc.birth_date).MonthIndex()
                                                     : m.birth_date->date != idc.birth_date)) {
        err(kBirth, "出生日期" + m.birth_date->ToString() + "与公民身份号码中的" + idc.birth_date.ToString() + "不一致",
            "birth date " + m.birth_date->ToString() + " differs from the ID number's " + idc.birth_date.ToString());
      } else if (idc.ok) {
        m.birth_date = idc.birth_date;  // a month that agrees: the ID number gives the day itself
      }
    } else if (idc.ok) {
      m.birth_date = idc.birth_date;
    }
    // 入党日期
    const std::string join = cell(kJoin);
    if (!join.empty()) {
      m.join_date = ParseRosterDateOrMonth(join);
      if (!m.join_date) {
        DateError(kJoin, join);
      } else if (m.birth_date && SurelyBefore(*m.join_date, *m.birth_date)) {
        err(kJoin, "入党日期早于出生日期", "the join date is before the birth date");
      } else if (m.birth_date && (m.join_date->month_only || m.birth_date->month_only)) {
        if (m.join_date->MonthIndex() < m.birth_date->MonthIndex() + 18 * 12)
          warn(kJoin, "入党时未满18周岁,请核对", "joined before turning 18; please check");
      } else if (m.birth_date) {
        const Date b = m.birth_date->date;
        const auto adult = Date::FromYmd(b.Year() + 18, b.Month(), b.Month() == 2 && b.Day() == 29 ? 28 : b.Day());
        if (adult && *m.join_date < *adult) warn(kJoin, "入党时未满18周岁,请核对", "joined before turning 18; please check");
      }
    }
    // 人员类别
    const std::string status = cell(kStatus);
    if (status == "正式党员" || status == "正式") m.status = MemberStatus::Full;
    else if (status == "预备党员" || status == "预备") m.status = MemberStatus::Probationary;
    else if (status.empty()) {
      if (cell_of_col[kStatus] >= 0) warn(kStatus, "人员类别为空,按正式党员处理", "status empty; read as full member");
    } else err(kStatus, "人员类别应为\"正式党员\"或\"预备党员\",实际为\"" + status + "\"",
               "status must be 正式党员 or 预备党员, got \"" + status + "\"");
    m.education = cell(kEducation);
    // 所在党支部
    const std::string branch = cell(kBranch);
    if (branch.empty()) {
      err(kBranch, "所在党支部为空", "the branch is empty");
    } else if (const int b = FindBranchByName(d.org, branch); b >= 0) {
      m.branch_id = d.org.branches[static_cast<size_t>(b)].meta.id;
    } else if (opt.create_missing_branches) {
      row.new_branch = branch;
      if (std::find(pv.new_branches.begin(), pv.new_branches.end(), branch) == pv.new_branches.end())
        pv.new_branches.push_back(branch);
      warn(kBranch, "党支部\"" + branch + "\"不在组织架构中,将新建", "branch \"" + branch + "\" is not in the organization; it will be created");
    } else {
      err(kBranch, "党支部\"" + branch + "\"不在组织架构中,请先在组织架构中添加", "branch \"" + branch + "\" is not in the organization; add it first");
    }
    // 党内职务
    for (const std::string& part : SplitPosts(UnNeutralize(cell(kPosts)))) {
      if (auto p = PostFromLabelZh(part)) {
        if (std::find(m.posts.begin(), m.posts.end(), *p) == m.posts.end()) m.posts.push_back(*p);
      } else {
        m.other_posts += (m.other_posts.empty() ? "" : "、") + part;
        warn(kPosts, "未识别的职务\"" + part + "\",按文字保存为其他职务", "unknown post \"" + part + "\" kept as text (other posts)");
      }
    }
    // 联系电话
    const std::string phone = cell(kPhone);
    if (auto p = NormalizePhone(phone)) m.phone = *p;
    else warn(kPhone, "无法识别的电话号码\"" + phone + "\",未导入该项", "unreadable phone number \"" + phone + "\"; left empty");
    // 党员代表 / 后备干部
    for (auto [c, field] : {std::pair{kRepresentative, &Member::representative}, {kReserve, &Member::reserve_cadre}}) {
      if (cell_of_col[c] < 0) continue;
      if (auto v = ParseYesNo(cell(c))) m.*field = *v;
      else warn(c, "应填\"是\"或\"否\",实际为\"" + cell(c) + "\",按否处理", "expected 是 or 否; read as no");
    }

    if (!row.errors.empty()) {
      row.outcome = RowOutcome::Refused;
      ++pv.refused_rows;
      pv.rows.push_back(std::move(row));
      continue;
    }
    if (existing >= 0) {
      const Member& old = d.org.members[static_cast<size_t>(existing)];
      Member merged = old;
      auto diff = [&](int c, bool differs) {
        if (differs && cell_of_col[c] >= 0) row.changed_columns.push_back(header_of(c));
      };
      diff(kName, old.name != m.name);
      diff(kSex, old.sex != m.sex);
      diff(kEthnicity, old.ethnicity != m.ethnicity);
      diff(kBirth, old.birth_date != m.birth_date);
      diff(kJoin, old.join_date != m.join_date);
      diff(kStatus, old.status != m.status);
      diff(kEducation, old.education != m.education);
      diff(kBranch, old.branch_id != m.branch_id || !row.new_branch.empty());
      diff(kPosts, old.posts != m.posts || old.other_posts != m.other_posts);
      diff(kPhone, old.phone != m.phone);
      diff(kRepresentative, old.representative != m.representative);
      diff(kReserve, old.reserve_cadre != m.reserve_cadre);
      // Only columns present in the file overwrite.
      merged.name = m.name;
      if (cell_of_col[kSex] >= 0) merged.sex = m.sex;
      if (cell_of_col[kEthnicity] >= 0) merged.ethnicity = m.ethnicity;
      if (cell_of_col[kBirth] >= 0) merged.birth_date = m.birth_date;
      if (cell_of_col[kJoin] >= 0) merged.join_date = m.join_date;
      if (cell_of_col[kStatus] >= 0) merged.status = m.status;
      if (cell_of_col[kEducation] >= 0) merged.education = m.education;
      merged.branch_id = m.branch_id;
      if (cell_of_col[kPosts] >= 0) { merged.posts = m.posts; merged.other_posts = m.other_posts; }
      if (cell_of_col[kPhone] >= 0) merged.phone = m.phone;
      if (cell_of_col[kRepresentative] >= 0) merged.representative = m.representative;
      if (cell_of_col[kReserve] >= 0) merged.reserve_cadre = m.reserve_cadre;
      row.member = std::move(merged);
      row.existing = existing;
      row.outcome = row.changed_columns.empty() ? RowOutcome::Unchanged : RowOutcome::Updated;
      ++(row.outcome == RowOutcome::Updated ? pv.updated : pv.unchanged);
    } else {
      row.outcome = RowOutcome::Imported;
      ++pv.imported;
    }
    pv.rows.push_back(std::move(row));
  }
  return pv;
}

bool IsRosterWorkbookJson(std::string_view bytes) {
  return bytes.substr(0, 14) == "{\"zjWorkbook\":";
}

RosterWorkbook ParseRosterWorkbookJson(std::string_view json) {
  RosterWorkbook wb;
  auto fail = [&](std::string zh, std::string en) {
    wb.ok = false;
    wb.sheets.clear();
    wb.error_zh = std::move(zh);
    wb.error_en = std::move(en);
    return wb;
  };
  const nlohmann::json j = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("zjWorkbook"))
    return fail("表格文件读取结果无法识别", "the workbook reader's output is not understood");
  if (j.contains("error")) {
    const std::string e = j["error"].is_string() ? j["error"].get<std::string>() : "";
    const std::string detail = j.contains("detail") && j["detail"].is_string() ? j["detail"].get<std::string>() : "";
    if (e == "encrypted")
      return fail("表格文件设有打开密码,无法读取;请在Excel/WPS中取消密码后另存,再导入",
                  "the workbook is password-protected; remove the password in Excel/WPS, save, and import again");
    if (e == "biff5")
      return fail("这是旧版Excel 5.0/95格式的表格,无法读取;请在Excel/WPS中另存为.xlsx后再导入",
                  "this is an old Excel 5.0/95 workbook; save it as .xlsx in Excel/WPS and import again");
    if (e == "load")
      return fail("表格读取组件未能加载(" + detail + "),请刷新页面后重试,或把表格另存为CSV后导入",
                  "the spreadsheet reader did not load (" + detail + "); reload the page, or save the sheet as CSV");
    return fail("表格文件已损坏或不是Excel/WPS表格,无法读取(" + detail + ")",
                "the workbook is damaged or not an Excel/WPS file (" + detail + ")");
  }
  const auto sheets = j.find("sheets");
  if (sheets == j.end() || !sheets->is_array()) return fail("表格文件读取结果无法识别", "the workbook reader's output is not understood");
  for (const auto& sj : *sheets) {
    if (!sj.is_object()) return fail("表格文件读取结果无法识别", "the workbook reader's output is not understood");
    RosterTable t;
    if (sj.contains("name") && sj["name"].is_string()) t.sheet = sj["name"].get<std::string>();
    if (t.sheet.empty()) t.sheet = "Sheet" + std::to_string(wb.sheets.size() + 1);
    const auto rows = sj.find("rows");
    if (rows != sj.end() && rows->is_array()) {
      for (const auto& rj : *rows) {
        if (!rj.is_object() || !rj.contains("r") || !rj["r"].is_number_integer())
          return fail("表格文件读取结果无法识别", "the workbook reader's output is not understood");
        const int r = rj["r"].get<int>();
        const int prev = t.rows.empty() ? 0 : t.rows.back().row;
        if (r <= prev || r > 1048576) return fail("表格文件读取结果无法识别", "the workbook reader's output is not understood");
        for (int blank = prev + 1; blank < r; ++blank) t.rows.push_back(RosterTableRow{{}, blank, blank});
        RosterTableRow row{{}, r, r};
        if (rj.contains("c") && rj["c"].is_array()) {
          for (const auto& cj : rj["c"]) {
            RosterCell c;
            if (cj.is_array() && cj.size() == 2 && cj[0].is_string() && cj[1].is_string()) {
              const std::string k = cj[0].get<std::string>();
              c.text = cj[1].get<std::string>();
              c.kind = k == "n" ? CellKind::Number : k == "d" ? CellKind::Date : CellKind::Text;
              if (TrimSpaces(c.text).empty() && c.kind == CellKind::Text) c.kind = CellKind::Empty;
            }
            row.cells.push_back(std::move(c));
          }
        }
        t.rows.push_back(std::move(row));
      }
    }
    wb.sheets.push_back(std::move(t));
  }
  if (wb.sheets.empty()) return fail("表格文件中没有工作表", "the workbook has no sheets");
  wb.ok = true;
  return wb;
}

std::vector<int> NonEmptyRosterSheets(const RosterWorkbook& wb) {
  std::vector<int> out;
  for (size_t i = 0; i < wb.sheets.size(); ++i) {
    bool any = false;
    for (const RosterTableRow& r : wb.sheets[i].rows)
      for (const RosterCell& c : r.cells) any |= !TrimSpaces(c.text).empty();
    if (any) out.push_back(static_cast<int>(i));
  }
  return out;
}

namespace {
// ApplyRosterImport on a dataset or through a transaction: `put` is told each change (the salt, a new branch, a
// new member, an updated member at its index) and makes it.
struct RosterPut {
  std::function<void(const std::string& salt)> salt;
  std::function<void(Branch b)> add_branch;
  std::function<void(Member m)> add_member;
  std::function<void(size_t index, Member m)> set_member;
};

RosterApplyResult ApplyRoster(const Dataset& d, const RosterPreview& pv, IdGenerator& ids, TimestampMs now,
                              const std::string& device, const RosterPut& put) {
  RosterApplyResult res;
  if (pv.refused) {
    res.error_zh = "文件已被拒绝,没有可导入的内容";
    res.error_en = "the file was refused; nothing to import";
    return res;
  }
  if (pv.fingerprint != Fingerprint(d)) {
    res.error_zh = "预览之后名册已有改动,请重新预览后再导入";
    res.error_en = "the roster changed after the preview; preview again";
    return res;
  }
  // Everything below only appends or overwrites whole records: it cannot fail half-way.
  put.salt(pv.salt);
  std::unordered_map<std::string, Id> created;
  for (const std::string& name : pv.new_branches) {
    Branch b;
    b.meta = RecordMeta{ids.Next(), now, now, device};
    b.name = name;
    b.kind = GuessBranchKind(name);
    created.emplace(name, b.meta.id);
    put.add_branch(std::move(b));
    ++res.branches_created;
  }
  for (const RosterRow& row : pv.rows) {
    if (row.outcome != RowOutcome::Imported && row.outcome != RowOutcome::Updated) continue;
    Member m = row.member;
    if (!row.new_branch.empty()) m.branch_id = created[row.new_branch];
    if (row.outcome == RowOutcome::Imported) {
      m.meta = RecordMeta{ids.Next(), now, now, device};
      put.add_member(std::move(m));
      ++res.imported;
    } else {
      m.meta.updated = now;
      m.meta.device = device;
      put.set_member(static_cast<size_t>(row.existing), std::move(m));
      ++res.updated;
    }
  }
  res.ok = true;
  return res;
}
}  // namespace

RosterApplyResult ApplyRosterImport(Dataset& d, const RosterPreview& pv, IdGenerator& ids, TimestampMs now, const std::string& device) {
  RosterPut put{[&](const std::string& salt) { d.id_salt = salt; },
                [&](Branch b) { d.org.branches.push_back(std::move(b)); },
                [&](Member m) { d.org.members.push_back(std::move(m)); },
                [&](size_t i, Member m) { d.org.members[i] = std::move(m); }};
  return ApplyRoster(d, pv, ids, now, device, put);
}

RosterApplyResult ApplyRosterImport(Tx& tx, const RosterPreview& pv) {
  RosterPut put{[&](const std::string& salt) {
                  if (tx.data().id_salt != salt) tx.EditSetting(Setting::IdSalt).id_salt = salt;
                },
                [&](Branch b) { tx.Add(std::move(b)); },
                [&](Member m) { tx.Add(std::move(m)); },
                [&](size_t i, Member m) { tx.Edit<Member>(i) = std::move(m); }};
  return ApplyRoster(tx.data(), pv, tx.ids(), tx.now(), tx.device(), put);
}

std::string ExportRosterCsv(const Dataset& d, const Id& branch_id) {
  std::vector<std::vector<std::string>> rows;
  rows.push_back({});
  for (int c = 0; c < kColCount; ++c) rows[0].push_back(kColZh[c]);
  int seq = 0;
  for (const Member& m : d.org.members) {
    if (!branch_id.empty() && m.branch_id != branch_id) continue;
    const int b = FindBranch(d.org, m.branch_id);
    rows.push_back({std::to_string(++seq), m.name, m.sex, m.ethnicity, m.birth_date ? m.birth_date->ToString() : "",
                    m.id_masked, m.education, MemberStatusLabelZh(m.status), m.join_date ? m.join_date->ToString() : "",
                    b >= 0 ? d.org.branches[static_cast<size_t>(b)].name : "", PostsText(m), m.phone,
                    m.representative ? "是" : "否", m.reserve_cadre ? "是" : "否", m.meta.id});
  }
  return WriteCsv(rows);
}

}  // namespace zj

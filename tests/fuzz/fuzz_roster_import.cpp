// Fuzz target: a roster file (花名册) through the whole path of the 组织架构 screen's import
// (core/org/roster_import.h): a workbook as web/xlsx.js hands it over (ParseRosterWorkbookJson, PreviewRosterTable
// per sheet) when the bytes are one; PreviewRosterImport into the demo town and into a new, empty town, with and
// without 新建缺少的党支部, then ApplyRosterImport.
// Checks: a refused file has a Chinese reason and nothing to apply; every row has an outcome and the counts
// add up; a refused or skipped row says why (in Chinese); applying adds exactly the Imported rows and leaves
// a dataset that saves and loads back without a problem; a second apply of the same preview is refused;
// previewing the same file again after the apply finds nothing left to import or update.
#include <string>
#include <string_view>

#include "core/org/roster_import.h"
#include "fuzz_common.h"

namespace {
using namespace zj;

constexpr TimestampMs kNow = kDemoNow + 86400000;

void CheckPreview(const Dataset& d, const RosterPreview& pv) {
  if (pv.refused) {
    FUZZ_CHECK(!pv.file_problems.empty(), "file refused without a reason");
    for (const Problem& p : pv.file_problems) FUZZ_CHECK(fuzz::ClearProblem(p), "file refusal without a Chinese reason");
    return;
  }
  int imported = 0, updated = 0, unchanged = 0, refused = 0, skipped = 0;
  for (const RosterRow& r : pv.rows) {
    switch (r.outcome) {
      case RowOutcome::Imported: ++imported; break;
      case RowOutcome::Updated: ++updated; break;
      case RowOutcome::Unchanged: ++unchanged; break;
      case RowOutcome::Refused: ++refused; break;
      case RowOutcome::Skipped: ++skipped; break;
    }
    if (r.outcome == RowOutcome::Refused || r.outcome == RowOutcome::Skipped) {
      FUZZ_CHECK(!r.errors.empty(), "row refused without a reason");
      for (const RowIssue& e : r.errors) FUZZ_CHECK(fuzz::ChineseFirst(e.message_zh) && !e.message_en.empty(), "row reason not Chinese");
    } else {
      FUZZ_CHECK(r.errors.empty(), "accepted row carries errors");
      FUZZ_CHECK(!r.member.name.empty() && !r.member.id_hash.empty(), "accepted row without name or ID hash");
    }
    if (r.outcome == RowOutcome::Updated || r.outcome == RowOutcome::Unchanged)
      FUZZ_CHECK(r.existing >= 0 && static_cast<size_t>(r.existing) < d.org.members.size(), "update of no member");
  }
  FUZZ_CHECK(imported == pv.imported && updated == pv.updated && unchanged == pv.unchanged &&
                 refused == pv.refused_rows && skipped == pv.skipped,
             "outcome counts do not add up");
}

void Run(const Dataset& base, std::string_view bytes, const RosterImportOptions& opt, bool apply) {
  IdGenerator ids(7);
  const RosterPreview pv = PreviewRosterImport(base, bytes, opt, ids);
  CheckPreview(base, pv);
  if (!apply) return;
  Dataset d = base;
  const RosterApplyResult res = ApplyRosterImport(d, pv, ids, kNow, "fuzzdevice000000");
  FUZZ_CHECK(res.ok == !pv.refused, "apply disagrees with the preview");
  if (!res.ok) {
    FUZZ_CHECK(fuzz::ChineseFirst(res.error_zh), "apply refusal not Chinese");
    return;
  }
  FUZZ_CHECK(res.imported == pv.imported && res.updated == pv.updated, "apply did other than the preview said");
  FUZZ_CHECK(d.org.members.size() == base.org.members.size() + static_cast<size_t>(pv.imported), "member count after apply");
  if (res.imported + res.updated + res.branches_created == 0) return;

  // The imported town stores and loads back cleanly.
  const LoadResult back = LoadDataset(SaveDataset(d));
  FUZZ_CHECK(!back.refused, "imported dataset refused on load");
  FUZZ_CHECK(back.ok, "imported dataset loads with problems: " + (back.problems.empty() ? std::string() : back.problems[0].path + " " + back.problems[0].message_en));
  // The same preview cannot be applied twice.
  Dataset again = d;
  FUZZ_CHECK(!ApplyRosterImport(again, pv, ids, kNow + 1, "fuzzdevice000000").ok, "a preview applied twice");
  // The same file again: nothing new.
  const RosterPreview pv2 = PreviewRosterImport(d, bytes, opt, ids);
  CheckPreview(d, pv2);
  FUZZ_CHECK(!pv2.refused, "the file refused the second time");
  FUZZ_CHECK(pv2.imported == 0 && pv2.updated == 0 && pv2.new_branches.empty(),
             "the same file imports again: " + std::to_string(pv2.imported) + " new, " + std::to_string(pv2.updated) + " updated");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  static const Dataset empty = [] {
    IdGenerator ids(11);
    return NewDataset("测试镇", 2018, ids, kDemoNow, "fuzzoffice000000");
  }();
  RosterImportOptions opt;
  if (IsRosterWorkbookJson(bytes)) {
    // A workbook as web/xlsx.js hands it over: refused with a Chinese reason, or every sheet previews soundly.
    const RosterWorkbook wb = ParseRosterWorkbookJson(bytes);
    FUZZ_CHECK(wb.ok != !wb.error_zh.empty(), "a workbook is neither read nor refused with a reason");
    if (!wb.ok) FUZZ_CHECK(fuzz::ChineseFirst(wb.error_zh) && !wb.error_en.empty(), "workbook refusal not Chinese");
    for (const RosterTable& t : wb.sheets) {
      IdGenerator ids(7);
      CheckPreview(fuzz::Office(), PreviewRosterTable(fuzz::Office(), t, opt, ids));
    }
  }
  Run(fuzz::Office(), bytes, opt, /*apply=*/true);
  opt.create_missing_branches = true;
  Run(fuzz::Office(), bytes, opt, /*apply=*/true);
  Run(empty, bytes, opt, /*apply=*/true);
  const RosterPreview auto_pv = [&] {
    IdGenerator ids(7);
    return PreviewRosterImport(empty, bytes, RosterImportOptions{}, ids);
  }();
  // The encoding a user can force instead of 自动.
  opt.encoding = auto_pv.encoding == TextEncoding::Gb18030 ? TextEncoding::Utf8 : TextEncoding::Gb18030;
  Run(fuzz::Office(), bytes, opt, /*apply=*/false);
  return 0;
}

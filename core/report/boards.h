// Zhengjian core: the notice boards (公示栏) as a print-ready HTML page.
// Notice 四(四): "镇党建办设计统一格式的公示栏,对星级党支部进行公示;各党支部设立公示栏,对星级党员进行公示."
// docs/domain.md "Closing and safeguards". One common format for both boards: a title, the year, the stars in three bands
// (三星 / 二星 / 一星) with names, counts, the issuer and the date. Pure: a dataset in, an HTML string out.
//
// Decisions where the notice is silent: the boards name star holders only — members with no star, the
// possibly-unqualified (不合格) and the exempted (特殊情况) are counted, never named on a public board;
// branch scores are shown beside the branch names (the town board is an assessment result); the town
// board uses the published history of the year when there is one (what was announced), else the live
// rating marked as not yet published (未发布).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/data/dataset.h"

namespace zj {

/// Paper of the printed page (@page size). A3 prints the same layout at a larger type size.
enum class BoardPaper { A4, A3 };

/// What to put on the page.
struct BoardOptions {
  int year = 0;                   ///< rating year (评星年度)
  BoardPaper paper = BoardPaper::A4;
  bool town_board = true;         ///< 星级党支部公示栏 (the town's board)
  std::vector<Id> branch_ids;     ///< 星级党员公示栏 of these branches, one page each (unknown ids skipped)
  Date published_on;              ///< 公示日期 printed under each board
};

/// Escapes text for HTML element content and attribute values: & < > " ' become entities.
/// Every piece of user text on the boards goes through it.
std::string HtmlEscape(std::string_view text);

/// The boards page: a complete HTML5 document (UTF-8, lang zh-CN), one board per printed page
/// (page-break between boards), `@page { size: A4|A3 portrait }`, screen and print styles, a CJK font
/// stack (宋体/黑体 families of Windows, macOS, Linux and Android), no scripts, no external resources.
/// All names (town, branches, members, issuer) are HTML-escaped.
std::string BoardsHtml(const Dataset& d, const BoardOptions& options);

/// A file name for the page: "<town>-公示栏-<year>.html" (characters unsafe in file names replaced by _).
std::string BoardsFileName(const Dataset& d, int year);

}  // namespace zj

#include "core/report/boards.h"

#include <algorithm>
#include <cstdio>

#include "core/rate/branch_rating.h"
#include "core/rate/stars.h"

namespace zj {
namespace {

const char* kStarGlyphs[] = {"", "★", "★★", "★★★"};

std::string Styles(BoardPaper paper) {
  const bool a3 = paper == BoardPaper::A3;
  std::string s;
  s += "@page { size: ";
  s += a3 ? "A3" : "A4";
  s += " portrait; margin: 14mm; }\n";
  s += R"(:root { --red: #c41e24; --ink: #222; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #eee; color: var(--ink);
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN", "SimSun", "宋体", "Songti SC",
    "STSong", "AR PL UMing CN", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", serif; }
h1, h2, .band-title, .issuer { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "SimHei", "黑体",
    "Microsoft YaHei", "微软雅黑", "PingFang SC", "Heiti SC", "WenQuanYi Micro Hei", sans-serif; }
.board { background: #fff; margin: 12px auto; padding: 14mm; width: 210mm; min-height: 297mm;
  border-top: 10px solid var(--red); }
body.a3 .board { width: 297mm; min-height: 420mm; font-size: 141%; }
h1 { color: var(--red); text-align: center; font-size: 2.1em; letter-spacing: 0.15em; margin: 0.2em 0; }
h2 { text-align: center; font-size: 1.15em; font-weight: normal; margin: 0 0 1.2em; }
.band { border: 1px solid #d9c9b0; border-radius: 4px; margin: 0 0 1em; page-break-inside: avoid; break-inside: avoid; }
.band-title { background: #f6ecdc; padding: 0.4em 0.8em; font-size: 1.15em; }
.band-title .stars { color: #d6a028; letter-spacing: 0.1em; margin-right: 0.5em; }
.band-title .count { float: right; font-size: 0.85em; color: #555; }
.names { display: flex; flex-wrap: wrap; gap: 0.4em 1.6em; padding: 0.7em 0.9em; font-size: 1.2em; }
.names .score { color: #666; font-size: 0.8em; }
.none { color: #888; padding: 0.7em 0.9em; }
.summary { margin: 1.2em 0; line-height: 1.8; }
.issuer { text-align: right; margin-top: 2.5em; line-height: 1.9; }
.draft { color: var(--red); text-align: center; border: 1px dashed var(--red); padding: 0.3em; margin-bottom: 1em; }
@media screen and (max-width: 800px) { .board { width: auto; min-height: 0; margin: 0 0 8px; padding: 16px; } }
@media print {
  body { background: #fff; }
  .board { margin: 0; padding: 0; width: auto; min-height: 0; border-top-width: 6px; page-break-after: always; break-after: page; }
  .board:last-child { page-break-after: auto; break-after: auto; }
}
)";
  return s;
}

/// One band (三星 ...) with its names (already escaped HTML fragments). `unit` is what is rated (党员 or 党支部),
/// `measure` its measure word in the count (名 for people, 个 for branches).
void Band(std::string& h, int stars, const std::vector<std::string>& names, const char* unit, const char* measure) {
  h += "<section class=\"band\"><div class=\"band-title\"><span class=\"stars\">";
  h += kStarGlyphs[stars];
  h += "</span>";
  h += StarLabelZh(stars);
  h += unit;
  h += "<span class=\"count\">";
  h += std::to_string(names.size());
  h += " ";
  h += measure;
  h += "</span></div>";
  if (names.empty()) {
    h += "<div class=\"none\">（无）</div>";
  } else {
    h += "<div class=\"names\">";
    for (const std::string& n : names) h += "<span class=\"name\">" + n + "</span>";
    h += "</div>";
  }
  h += "</section>\n";
}

std::string DateZh(Date d) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%d年%d月%d日", d.Year(), d.Month(), d.Day());
  return buf;
}

void TownBoard(std::string& h, const Dataset& d, const BoardOptions& o) {
  const std::string town = HtmlEscape(d.org.town_name);
  // Published history of the year if any (what was announced), else the live rating.
  std::vector<const BranchStarRecord*> published;
  for (const BranchStarRecord& r : d.branch_rating.history)
    if (r.year == o.year && FindBranch(d.org, r.branch_id) >= 0) published.push_back(&r);
  int total = 0, none = 0;
  std::vector<std::string> bands[4];
  if (!published.empty()) {
    std::sort(published.begin(), published.end(), [](const BranchStarRecord* a, const BranchStarRecord* b) {
      return a->score != b->score ? a->score > b->score : a->rank < b->rank;
    });
    for (const BranchStarRecord* r : published) {
      ++total;
      const Branch& b = d.org.branches[static_cast<size_t>(FindBranch(d.org, r->branch_id))];
      bands[std::clamp(r->stars, 0, 3)].push_back(HtmlEscape(b.name) + " <span class=\"score\">" + FormatPoints(r->score) + "分</span>");
    }
  } else {
    BranchRatingResult res = RateBranches(d.org, d.branch_rating, o.year);
    for (const BranchRating& r : res.ranked) {
      ++total;
      const Branch& b = d.org.branches[static_cast<size_t>(r.branch_index)];
      bands[std::clamp(r.stars, 0, 3)].push_back(HtmlEscape(b.name) + " <span class=\"score\">" + FormatPoints(r.score) + "分</span>");
    }
  }
  none = static_cast<int>(bands[0].size());
  h += "<article class=\"board\" id=\"board-town\">\n";
  if (published.empty()) h += "<div class=\"draft\">本年度评星结果尚未发布（未发布），以下为当前考核数据的评定结果</div>\n";
  h += "<h1>星级党支部公示栏</h1>\n<h2>" + town + " " + std::to_string(o.year) + "年度“支部评星”结果</h2>\n";
  for (int s = 3; s >= 1; --s) Band(h, s, bands[s], "党支部", "个");
  h += "<p class=\"summary\">参评党支部 " + std::to_string(total) + " 个，其中三星 " + std::to_string(bands[3].size()) +
       " 个、二星 " + std::to_string(bands[2].size()) + " 个、一星 " + std::to_string(bands[1].size()) + " 个、无星 " +
       std::to_string(none) + " 个。考评得分90分以上（含90分）授予三星党支部，80—89分授予二星党支部，60—79分授予一星党支部，60分以下无星；实行动态管理，每年评定一次。</p>\n";
  h += "<div class=\"issuer\">中共" + town + "委员会<br>" + DateZh(o.published_on) + "</div>\n</article>\n";
}

void BranchBoard(std::string& h, const Dataset& d, const BoardOptions& o, const MemberRatingResult& res, const Id& branch_id) {
  const int bi = FindBranch(d.org, branch_id);
  if (bi < 0) return;
  const Branch& b = d.org.branches[static_cast<size_t>(bi)];
  std::vector<std::string> bands[4];
  int unrated = 0, exempted = 0, not_scored = 0;
  for (int k : BranchBoardOrder(d.org, res, branch_id)) {
    const MemberRating& r = res.rated[static_cast<size_t>(k)];
    bands[std::clamp(r.stars, 0, 3)].push_back(HtmlEscape(d.org.members[static_cast<size_t>(r.member_index)].name));
  }
  for (const ExemptedMember& e : res.exempted) exempted += d.org.members[static_cast<size_t>(e.member_index)].branch_id == branch_id;
  for (int i : res.not_member_yet) unrated += d.org.members[static_cast<size_t>(i)].branch_id == branch_id;
  for (int i : res.not_scored) not_scored += d.org.members[static_cast<size_t>(i)].branch_id == branch_id;
  const size_t rated = bands[0].size() + bands[1].size() + bands[2].size() + bands[3].size();
  const std::string name = HtmlEscape(b.name);
  h += "<article class=\"board\" id=\"board-" + HtmlEscape(b.meta.id) + "\">\n";
  h += "<h1>星级党员公示栏</h1>\n<h2>" + name + " " + std::to_string(o.year) + "年度“党员评星”结果</h2>\n";
  for (int s = 3; s >= 1; --s) Band(h, s, bands[s], "党员", "名");
  h += "<p class=\"summary\">参评党员 " + std::to_string(rated) + " 名，其中三星 " + std::to_string(bands[3].size()) +
       " 名、二星 " + std::to_string(bands[2].size()) + " 名、一星 " + std::to_string(bands[1].size()) + " 名、无星 " +
       std::to_string(bands[0].size()) + " 名";
  if (exempted) h += "；因特殊情况经申请同意不参与评星 " + std::to_string(exempted) + " 名";
  if (unrated) h += "；年内新入党未参评 " + std::to_string(unrated) + " 名";
  if (not_scored) h += "；尚未记分 " + std::to_string(not_scored) + " 名";
  h += "。当年积分90分以上（含90分）授三星党员，80—89分授二星党员，60—79分授一星党员。</p>\n";
  h += "<div class=\"issuer\">中共" + name + "委员会<br>" + DateZh(o.published_on) + "</div>\n</article>\n";
}

}  // namespace

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string BoardsHtml(const Dataset& d, const BoardOptions& o) {
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n";
  h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  h += "<title>" + HtmlEscape(d.org.town_name) + " " + std::to_string(o.year) + "年度公示栏</title>\n<style>\n";
  h += Styles(o.paper);
  h += "</style></head>\n<body class=\"";
  h += o.paper == BoardPaper::A3 ? "a3" : "a4";
  h += "\">\n";
  if (o.town_board) TownBoard(h, d, o);
  if (!o.branch_ids.empty()) {
    const MemberRatingResult res = RateMembers(d.org, d.points, d.member_stars, o.year);
    for (const Id& id : o.branch_ids) BranchBoard(h, d, o, res, id);
  }
  h += "</body></html>\n";
  return h;
}

std::string BoardsFileName(const Dataset& d, int year) {
  std::string town;
  for (char c : d.org.town_name) town += (c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' ||
                                          c == '<' || c == '>' || c == '|') ? '_' : c;
  return town + "-公示栏-" + std::to_string(year) + ".html";
}

}  // namespace zj

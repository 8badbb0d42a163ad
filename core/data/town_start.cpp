#include "core/data/town_start.h"

#include <map>
#include <vector>

#include "core/base/encoding.h"
#include "core/campaign/campaign.h"

namespace zj {
namespace {

bool EndsWith(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Splits one line at the separators "/", "／", ">", "＞" and tab; parts trimmed.
std::vector<std::string> SplitParts(const std::string& line) {
  std::vector<std::string> parts;
  std::string cur;
  for (size_t i = 0; i < line.size();) {
    size_t sep = 0;
    if (line[i] == '/' || line[i] == '>' || line[i] == '\t') sep = 1;
    else if (line.compare(i, 3, "／") == 0 || line.compare(i, 3, "＞") == 0) sep = 3;
    if (sep) {
      parts.push_back(TrimSpaces(cur));
      cur.clear();
      i += sep;
    } else {
      cur += line[i++];
    }
  }
  parts.push_back(TrimSpaces(cur));
  return parts;
}

void Add(Problems& problems, int line, const std::string& zh, const std::string& en) {
  problems.push_back(Problem{"/structure/" + std::to_string(line),
                             "第" + std::to_string(line) + "行：" + zh, "line " + std::to_string(line) + ": " + en});
}

}  // namespace

void ParseTownStructure(const std::string& text, Dataset& d, IdGenerator& ids, TimestampMs now,
                        const std::string& device, Problems& problems) {
  Organization& o = d.org;
  auto meta = [&]() { return RecordMeta{ids.Next(), now, now, device}; };
  std::map<std::string, size_t> areas, gbs, branches;
  int line_no = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = TrimSpaces(std::string_view(text).substr(start, end - start));
    start = end + 1;
    ++line_no;
    if (line.empty()) continue;
    const std::vector<std::string> parts = SplitParts(line);
    if (parts.size() > 3) {
      Add(problems, line_no, "最多三级：片区/总支/支部", "at most three parts: area/general branch/branch");
      continue;
    }
    bool empty_part = false;
    for (const std::string& p : parts) empty_part = empty_part || p.empty();
    if (empty_part) {
      Add(problems, line_no, "“/”两边都应有名称", "a name is missing beside a \"/\"");
      continue;
    }
    std::string area, gb;
    const std::string& branch = parts.back();
    if (parts.size() == 3) {
      area = parts[0];
      gb = parts[1];
    } else if (parts.size() == 2) {
      if (!EndsWith(parts[0], "总支")) {  // a branch belongs to an area only through its general branch
        Add(problems, line_no, "两级时前一级应为总支（以“总支”结尾）；片区下的支部写成“片区/总支/支部”",
            "with two parts the first is a general branch (ending in 总支); write area/general branch/branch");
        continue;
      }
      gb = parts[0];
    }
    if (branches.count(branch)) {
      Add(problems, line_no, "支部“" + branch + "”已在上面出现", "branch \"" + branch + "\" was given above");
      continue;
    }
    Id area_id;
    if (!area.empty()) {
      auto it = areas.find(area);
      if (it == areas.end()) {
        it = areas.emplace(area, o.areas.size()).first;
        o.areas.push_back(Area{meta(), area, {}});
      }
      area_id = o.areas[it->second].meta.id;
    }
    Id gb_id;
    if (!gb.empty()) {
      auto it = gbs.find(gb);
      if (it == gbs.end()) {
        it = gbs.emplace(gb, o.general_branches.size()).first;
        o.general_branches.push_back(GeneralBranch{meta(), gb, area_id, {}});
      } else if (o.general_branches[it->second].area_id != area_id) {
        Add(problems, line_no, "总支“" + gb + "”在上面属于另一个片区", "general branch \"" + gb + "\" is in another area above");
        continue;
      }
      gb_id = o.general_branches[it->second].meta.id;
    }
    branches.emplace(branch, o.branches.size());
    Branch b;
    b.meta = meta();
    b.name = branch;
    b.kind = GuessBranchKind(branch);
    b.general_branch_id = gb_id;
    o.branches.push_back(std::move(b));
  }
}

TownStartResult StartTown(const TownStart& start, IdGenerator& ids, TimestampMs now, const std::string& device) {
  TownStartResult r;
  const std::string name = TrimSpaces(start.town_name);
  if (name.empty()) r.problems.push_back({"/town_name", "请填写本镇名称", "enter the town's name"});
  else if (CodePointCount(name) > 40) r.problems.push_back({"/town_name", "名称最多40个字", "at most 40 characters"});
  if (start.year < 2000 || start.year > 2199) {
    r.problems.push_back({"/year", "年份应在2000到2199之间", "the year is 2000..2199"});
    return r;
  }
  if (start.first_day && start.first_day->Year() != start.year)
    r.problems.push_back({"/first_day", "动员部署会应在" + std::to_string(start.year) + "年内",
                          "the mobilization meeting must be in " + std::to_string(start.year)});
  r.dataset = NewDataset(name, start.year, ids, now, device);
  r.dataset.demo = false;
  ParseTownStructure(start.structure, r.dataset, ids, now, device, r.problems);
  if (!r.problems.empty()) return r;
  if (start.first_day) {
    const std::optional<Date> first = CampaignFirstDay(r.dataset.campaign);
    if (first) ShiftCampaignDates(r.dataset.campaign, *start.first_day - *first);
  }
  RecomputeFirstRevisions(r.dataset);
  r.areas = static_cast<int>(r.dataset.org.areas.size());
  r.general_branches = static_cast<int>(r.dataset.org.general_branches.size());
  r.branches = static_cast<int>(r.dataset.org.branches.size());
  r.ok = true;
  return r;
}

}  // namespace zj

// Zhengjian core: starting a town's own data (开始本镇) — the town's name, its areas, general branches and
// branches, and the campaign placed at the day of its mobilization meeting, as a new dataset with nothing of the
// demo town in it. docs/domain.md "Organization"; the campaign's template is the notice's 二 活动安排.
#pragma once
#include <optional>
#include <string>

#include "core/data/dataset.h"

namespace zj {

/// What the guided start asks (开始本镇).
struct TownStart {
  std::string town_name;            ///< e.g. "渔洋镇"; required, at most 40 characters
  int year = 0;                     ///< the campaign's year (2000..2199)
  /// Day of the mobilization meeting (动员部署会), the campaign's first day. nullopt: the notice's template
  /// copied to `year` (its 03-23, weekend rule applied). Given: the whole plan moved by whole days so its first
  /// day is this one (the template's spacing kept), which must fall in `year`.
  std::optional<Date> first_day;
  /// The organization, one branch per line, optionally with its area and general branch before it, parts split
  /// by "/" (or "／", "＞", ">", a tab):
  ///   "东湖村党支部"                      a branch on its own (its general branch left empty)
  ///   "第一党总支/东湖村党支部"           a general branch (name ends in 总支) and a branch
  ///   "一片/第一党总支/东湖村党支部"      area, general branch, branch
  /// (A branch sits in an area only through its general branch, so two parts are general branch and branch.)
  /// Blank lines are skipped; the same area or general branch on several lines is one record. Empty text: no
  /// branches yet (they can come from the roster's branch column at import). A branch's kind is guessed from
  /// its name (GuessBranchKind) and can be changed on 组织.
  std::string structure;
};

/// Outcome of StartTown. `ok` false: `problems` says why (each with the line, 第N行), `dataset` is unusable.
struct TownStartResult {
  bool ok = false;
  Dataset dataset;  ///< demo = false, the town's name, the structure, NewDataset's catalogue/rubric/campaign
  Problems problems;
  int areas = 0, general_branches = 0, branches = 0;
};

/// Builds the new town's dataset (NewDataset + the structure + the campaign moved to `first_day`). Refused (ok
/// false): an empty or over-long name, a year outside 2000..2199, a first day outside `year`, a line with more
/// than three parts or an empty part, two parts whose first is not a general branch (…总支), a branch named
/// twice, a general branch placed in two areas.
TownStartResult StartTown(const TownStart& start, IdGenerator& ids, TimestampMs now, const std::string& device);

/// Parses only `start.structure` into `d.org` (areas, general branches, branches), for the preview while typing.
/// Same rules and problems as StartTown.
void ParseTownStructure(const std::string& text, Dataset& d, IdGenerator& ids, TimestampMs now,
                        const std::string& device, Problems& problems);

}  // namespace zj

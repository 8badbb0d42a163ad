// Zhengjian core: the liaison kit (联络员材料) — the part of the office's town a liaison works with, put on the
// liaison's phone so that what the phone records merges back as edits of the office's own records (same ids, same
// revisions: docs/architecture.md "Records and revisions"). The notice's 五 asks one liaison per area, general
// branch and branch to keep the traces of lectures, visits and talks and hand them to the office.
//
// A kit is a dataset document (core/data/dataset.h) with "/kit" set: whose it is, which branches, when it was made.
// It holds every setting of the town, the areas and general branches above the liaison's branches, those
// branches, their members and the members' point entries and exemptions, every cadre, point item and rubric item,
// the plan, every lecture and on-site meeting, and the talks of those branches. Under the talk lock a talk travels
// only sealed; a talk whose record waits for sealing is left out (the office seals before making kits). No
// tombstones, no import log: they are the office's bookkeeping.
#pragma once
#include <string>
#include <vector>

#include "core/data/dataset.h"

namespace zj {

/// Whose kit to make: the liaison's name (as people say it) and the branches they work with.
struct KitScope {
  std::string liaison;
  std::vector<Id> branch_ids;
};

/// The kit for `scope` from `office` at time `now`. Refuses (nullopt, `problem` set) an empty or unknown branch list
/// and an empty liaison name.
std::optional<Dataset> MakeLiaisonKit(const Dataset& office, const KitScope& scope, TimestampMs now, Problem& problem);

/// "东湖村党支部、荷花村党支部": the kit's branches by name (ids not in the dataset are left out).
std::string KitBranchNames(const Dataset& d);

}  // namespace zj

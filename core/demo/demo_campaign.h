// Zhengjian core: the demo town's campaign records (示例数据) — lectures dated and one held with attendance
// and reflections, on-site meetings with venues and pre-chosen sites (draws left for the meeting), the talk
// plan scheduled and a few talks recorded. All synthetic, deterministic for a given dataset.
#pragma once
#include <string>

#include "core/data/dataset.h"

namespace zj {

/// Fills `d.campaign` (of the demo made by MakeDemoDataset) with records dated in d.campaign.year:
/// lecture 1 (党建知识) held on 03-24 with most of its audience present, reflections handed in and two
/// chosen for the study column; lectures 2 and 3 planned 03-29 and 04-16; one on-site meeting per area and
/// one for the town units (CreateOnsiteMeetings) with date, venue and the pre-chosen site, no draw yet; the
/// talks generated and scheduled (ScheduleCampaignTalks) and the first three recorded on 03-24.
void AddDemoCampaignRecords(Dataset& d, IdGenerator& ids, TimestampMs now, const std::string& device);

}  // namespace zj

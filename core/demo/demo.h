// Zhengjian core: the demo town (示例数据) — a made-up 渔洋镇 to try the app without a real roster.
// Every person, ID number and phone number is synthetic; the dataset is marked demo = true.
#pragma once
#include <cstdint>

#include "core/data/dataset.h"

namespace zj {

/// Size of the demo town (defaults: 8 branches x 15 members = 120 members).
struct DemoOptions {
  int members_per_branch = 15;  ///< >= 6 (secretary, deputy, committee members, representatives, reserve cadres)
  /// Days the campaign's records are moved after they are made (ShiftCampaignDates); see DemoCampaignShift.
  int campaign_shift_days = 0;
};

/// Days to move the demo's campaign (the notice's template copied to `today`'s year) so that someone opening the
/// demo on `today` sees a campaign under way: 0 when `today` is within a week before the template's first day
/// or inside the campaign (spring, as the notice has it); otherwise the mobilization meeting is placed about ten
/// days before `today`, the shift a whole number of weeks (weekdays stay weekdays), and the whole campaign kept
/// inside `today`'s year (early January and late December start it at the year's first or last possible week).
int DemoCampaignShift(Date today);

/// 2018-03-20T08:00:00Z, the default "now" of the demo (three days before the notice's mobilization meeting).
constexpr TimestampMs kDemoNow = 1521532800000;

/// A synthetic demo town, deterministic given `seed` (same seed -> same document, natively and in wasm):
/// 渔洋镇 with 2 areas (一片, 二片), 3 general branches, 8 branches (5 villages, a community, 2 town units:
/// the branch names of the test rosters, tests/data/make_rosters.py, plus 桃园村 and 镇农业服务中心), members with posts
/// (书记, 副书记, 委员, 村委主任, 村委委员), representatives and reserve cadres, some names with characters
/// outside GB2312 (珺, 堃, 犇, 䶮) and one outside the BMP (𠮷); cadres (town Party secretary, committee
/// members linked to villages and chiefs of the areas, general-branch secretaries, resident cadres, two
/// lecturers in each of the five teams, office staff); the example points catalogue with entries in `year`
/// spread so every star level occurs, two exemptions (特殊情况); last year's target ranks with the
/// bottom 2 as focus objects; branch assessments for `year` and published branch stars for `year - 1`
/// (so up and down moves show); and campaign = DefaultCampaign(year, ...). Record times are `now`.
Dataset MakeDemoDataset(uint64_t seed = 2018, int year = 2018, TimestampMs now = kDemoNow,
                        const DemoOptions& options = DemoOptions{});

}  // namespace zj

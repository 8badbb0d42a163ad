// Zhengjian core: the campaign plan (活动安排) — phases, activities, deadlines, status.
// DOMAIN.md "Time frame"; notice 三、时间安排 and 四、活动内容.
// SKELETON written by the foundation issue; the campaign-plan issue (#4) owns and extends this file.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/types.h"

namespace zj {

/// The campaign's strands (学、看、谈、评) plus the opening and closing meetings.
enum class Strand {
  Mobilize,  ///< 动员 (动员大会, 03-23)
  Learn,     ///< 学: lectures (专题讲习)
  Look,      ///< 看: on-site meetings (现场会)
  Talk,      ///< 谈: heart-to-heart talks (谈心谈话)
  Rate,      ///< 评: points and stars (评星)
  Close,     ///< 总结: closing meeting (总结大会)
};

/// Status of a plan activity.
enum class ActivityStatus { Planned, Done };

/// One activity of the plan, e.g. "党建知识专题学习 (3月底前完成)".
struct Activity {
  RecordMeta meta;
  Strand strand = Strand::Learn;
  std::string title_zh;   ///< e.g. "党建知识专题学习"
  std::string title_en;   ///< e.g. "Party-building lecture"
  Date start;             ///< first day it may take place
  Date deadline;          ///< last day (inclusive), e.g. 2018-03-31
  std::string owner;      ///< 负责: e.g. "组织办、宣传办"
  ActivityStatus status = ActivityStatus::Planned;
  std::optional<Date> done_on;
};

/// The campaign of one year.
struct Campaign {
  int year = 2018;                  ///< the notice's year
  std::string name_zh;              ///< "强基层、激活力、促发展"党组织整建月活动
  std::vector<Activity> activities;
};

/// The notice's plan for `year` (dates of the notice, 2018, shifted to `year`): mobilization 03-23,
/// lectures by 03-31 / 04-30, everything by 04-30. Ids come from `ids`, times from `now`.
Campaign DefaultCampaign(int year, IdGenerator& ids, TimestampMs now, const std::string& device);

/// Days from `today` to `deadline`: positive = days left, 0 = due today, negative = overdue by that many days.
inline int DaysLeft(Date today, Date deadline) { return deadline - today; }

/// JSON form of a campaign (part of the dataset document).
nlohmann::json CampaignToJson(const Campaign& c);
/// Reads a campaign; every problem is appended to `problems` with its JSON path under `path`.
Campaign CampaignFromJson(const nlohmann::json& j, const std::string& path, Problems& problems);

}  // namespace zj

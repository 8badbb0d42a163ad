// Zhengjian core: the dataset's settings — the values that are not records (one of each per dataset): the town's
// name, the focus-object rule, the catalogue's header, star thresholds, weights, the campaign's year and name,
// talk topics, the scheduler's settings, the talk lock. Like collections.h, one table that change tracking, the
// journal and the document reader and writer walk. Settings are the office's: they are never merged from bundles.
#pragma once
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "core/base/json_read.h"
#include "core/data/dataset.h"

namespace zj {

/// The settings of a dataset.
enum class Setting : uint8_t {
  Demo,              ///< /demo 示例数据
  IdSalt,            ///< /id_salt
  TownName,          ///< /org/town_name 镇名
  FocusRule,         ///< /org/focus_rule 重点对象规则
  Catalogue,         ///< /points/catalogue {example, name, base_points} (its items are a collection)
  MemberThresholds,  ///< /member_stars/thresholds 党员评星分数线
  BranchThresholds,  ///< /branch_rating/thresholds 支部评星分数线
  RubricExample,     ///< /branch_rating/rubric/example
  BranchWeights,     ///< /branch_rating/weights 权重
  CampaignInfo,      ///< /campaign {campaign_version, year, name_zh}
  TalkTopics,        ///< /campaign/talk_topics 谈话内容
  TalkSchedule,      ///< /campaign/talk_schedule 谈话排期设置
  TalkLock,          ///< /campaign/talk_lock 口令锁 (null: none)
  Kit,               ///< /kit 联络员材料 {liaison, branch_ids, made_at} (null: the office's own town)
  Count_
};
constexpr int kSettingCount = static_cast<int>(Setting::Count_);

struct SettingInfo {
  Setting setting;
  const char* pointer;  ///< JSON pointer in the dataset document
  const char* key;      ///< short name in journal entries, e.g. "town_name"
  /// The setting's value as JSON (objects for composite settings).
  nlohmann::json (*get)(const Dataset& d);
  /// Sets the value from JSON read at `path`; problems reported, bad parts keep their defaults.
  void (*set)(JsonReader& r, const nlohmann::json& value, const std::string& path, Dataset& d);
};

const SettingInfo& Info(Setting s);
/// The setting whose journal key is `key`, or nullptr.
const SettingInfo* SettingByKey(const std::string& key);

}  // namespace zj

#include "core/data/settings.h"

namespace zj {
using nlohmann::json;

namespace {

json ThresholdsJson(const StarThresholds& t) {
  return json{{"three", PointsJson(t.three)}, {"two", PointsJson(t.two)}, {"one", PointsJson(t.one)}};
}
StarThresholds ReadThresholds(JsonReader& r, const json& j, const std::string& p) {
  StarThresholds t;
  if (!r.Obj(j, p)) return t;
  r.Points(j, "three", p, t.three, true);
  r.Points(j, "two", p, t.two, true);
  r.Points(j, "one", p, t.one, true);
  if (!ValidThresholds(t)) {
    r.Bad(p, "星级分数线无效：应为三星>二星>一星>=0，已改用通知规定的90/80/60",
          "invalid thresholds: need three > two > one >= 0; the notice's 90/80/60 are used");
    t = StarThresholds{};
  }
  return t;
}

const SettingInfo* Table() {
  static const SettingInfo t[kSettingCount] = {
      {Setting::Demo, "/demo", "demo", [](const Dataset& d) { return json(d.demo); },
       [](JsonReader& r, const json& v, const std::string& p, Dataset& d) {
         if (v.is_boolean()) d.demo = v.get<bool>();
         else r.TypeErr(v, p, "真假值", "a boolean");
       }},
      {Setting::IdSalt, "/id_salt", "id_salt", [](const Dataset& d) { return json(d.id_salt); },
       [](JsonReader& r, const json& v, const std::string& p, Dataset& d) { r.StrValue(v, p, d.id_salt); }},
      {Setting::TownName, "/org/town_name", "town_name", [](const Dataset& d) { return json(d.org.town_name); },
       [](JsonReader& r, const json& v, const std::string& p, Dataset& d) { r.StrValue(v, p, d.org.town_name); }},
      {Setting::FocusRule, "/org/focus_rule", "focus_rule",
       [](const Dataset& d) {
         const FocusRule& f = d.org.focus_rule;
         return json{{"mode", f.mode == FocusRule::Mode::BottomCount ? "bottom_count" : "bottom_percent"},
                     {"count", f.count},
                     {"percent", f.percent},
                     {"ranking_year", f.ranking_year}};
       },
       [](JsonReader& r, const json& v, const std::string& p, Dataset& d) {
         FocusRule& f = d.org.focus_rule;
         if (!r.Obj(v, p)) return;
         std::string mode;
         r.Str(v, "mode", p, mode);
         if (mode == "bottom_percent") f.mode = FocusRule::Mode::BottomPercent;
         else if (mode == "bottom_count" || mode.empty()) f.mode = FocusRule::Mode::BottomCount;
         else r.Bad(p + "/mode", "未知取值：" + mode, "unknown value: " + mode);
         r.Int(v, "count", p, f.count, 0, 100000);
         r.Int(v, "percent", p, f.percent, 0, 100);
         r.Int(v, "ranking_year", p, f.ranking_year, 1900, 2199);
       }},
      {Setting::Catalogue, "/points/catalogue", "catalogue",
       [](const Dataset& d) {
         const PointCatalogue& c = d.points.catalogue;
         return json{{"example", c.example}, {"name", c.name}, {"base_points", PointsJson(c.base_points)}};
       },
       [](JsonReader& r, const json& v, const std::string& p, Dataset& d) {
         PointCatalogue& c = d.points.catalogue;
         if (!r.Obj(v, p)) return;
         r.Bool(v, "example", p, c.example);
         r.Str(v, "name", p, c.name);
         r.Points(v, "base_points", p, c.base_points);
       }},
      {Setting::MemberThresholds, "/member_stars/thresholds", "member_thresholds",
       [](const Dataset& d) { return ThresholdsJson(d.member_stars.thresholds); },
       [](JsonReader& r, const json& v, const std::string& p, Dataset& d) {
         d.member_stars.thresholds = ReadThresholds(r, v, p);
       }},
      {Setting::BranchThresholds, "/branch_rating/thresholds", "branch_thresholds",
       [](const Dataset& d) { return ThresholdsJson(d.branch_rating.thresholds); },
       [](JsonReader& r, const json& v, const std::string& p, Dataset& d) {
         d.branch_rating.thresholds = ReadThresholds(r, v, p);
       }},
      {Setting::RubricExample, "/branch_rating/rubric/example", "rubric_example",
       [](const Dataset& d) { return json(d.branch_rating.rubric.example); },
       [](JsonReader& r, const json& v, const std::string& p, Dataset& d) {
         if (v.is_boolean()) d.branch_rating.rubric.example = v.get<bool>();
         else r.TypeErr(v, p, "真假值", "a boolean");
       }},
      {Setting::BranchWeights, "/branch_rating/weights", "branch_weights",
       [](const Dataset& d) {
         const BranchWeights& w = d.branch_rating.weights;
         return json{{"rubric", w.rubric}, {"target", w.target}, {"example", w.example}};
       },
       [](JsonReader& r, const json& v, const std::string& p, Dataset& d) {
         BranchWeights w;
         if (!r.Obj(v, p)) return;
         r.Int(v, "rubric", p, w.rubric, -1000, 1000, true);
         r.Int(v, "target", p, w.target, -1000, 1000, true);
         w.example = false;
         r.Bool(v, "example", p, w.example);
         if (w.rubric < 0 || w.target < 0 || w.rubric + w.target <= 0) {
           r.Bad(p, "权重无效：不能为负且不能同时为0，已改用50/50",
                 "invalid weights: not negative and not both 0; 50/50 is used");
           w = BranchWeights{};
         }
         d.branch_rating.weights = w;
       }},
      {Setting::CampaignInfo, "/campaign", "campaign",
       [](const Dataset& d) {
         return json{{"campaign_version", kCampaignVersion}, {"year", d.campaign.year}, {"name_zh", d.campaign.name_zh}};
       },
       [](JsonReader& r, const json& v, const std::string& p, Dataset& d) {
         if (!r.Obj(v, p)) return;
         r.Int(v, "year", p, d.campaign.year, 1900, 2199, true);
         r.Str(v, "name_zh", p, d.campaign.name_zh);
       }},
      {Setting::TalkTopics, "/campaign/talk_topics", "talk_topics",
       [](const Dataset& d) { return TalkTopicsToJson(d.campaign.talk_topics); },
       [](JsonReader& r, const json& v, const std::string& p, Dataset& d) {
         d.campaign.talk_topics = TalkTopicsFromJson(v, p, r.problems());
       }},
      {Setting::TalkSchedule, "/campaign/talk_schedule", "talk_schedule",
       [](const Dataset& d) { return TalkScheduleToJson(d.campaign.talk_schedule); },
       [](JsonReader& r, const json& v, const std::string& p, Dataset& d) {
         d.campaign.talk_schedule = TalkScheduleFromJson(v, p, r.problems());
       }},
      {Setting::TalkLock, "/campaign/talk_lock", "talk_lock",
       [](const Dataset& d) { return TalkLockToJson(d.campaign.talk_lock); },
       [](JsonReader& r, const json& v, const std::string& p, Dataset& d) {
         d.campaign.talk_lock = TalkLockFromJson(v, p, r.problems());
       }},
      {Setting::Kit, "/kit", "kit",
       [](const Dataset& d) {
         if (!d.kit) return json(nullptr);
         return json{{"liaison", d.kit->liaison}, {"branch_ids", d.kit->branch_ids}, {"made_at", d.kit->made_at}};
       },
       [](JsonReader& r, const json& v, const std::string& p, Dataset& d) {
         d.kit.reset();
         if (v.is_null() || !r.Obj(v, p)) return;
         KitInfo k;
         r.Str(v, "liaison", p, k.liaison, true);
         r.Strings(v, "branch_ids", p, k.branch_ids);
         r.Int64(v, "made_at", p, k.made_at);
         d.kit = std::move(k);
       }},
  };
  return t;
}

}  // namespace

const SettingInfo& Info(Setting s) { return Table()[static_cast<int>(s)]; }

const SettingInfo* SettingByKey(const std::string& key) {
  for (int i = 0; i < kSettingCount; ++i)
    if (key == Table()[i].key) return &Table()[i];
  return nullptr;
}

}  // namespace zj

// SKELETON: the campaign-plan issue (#4) owns and completes this file.
#include "core/campaign.h"

namespace zj {

Campaign DefaultCampaign(int year, IdGenerator& ids, TimestampMs now, const std::string& device) {
  Campaign c;
  c.year = year;
  return c;
}

nlohmann::json CampaignToJson(const Campaign& c) { return nlohmann::json{{"year", c.year}}; }

Campaign CampaignFromJson(const nlohmann::json& j, const std::string& path, Problems& problems) {
  Campaign c;
  if (j.contains("year") && j["year"].is_number_integer()) c.year = j["year"].get<int>();
  return c;
}

}  // namespace zj

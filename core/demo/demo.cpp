#include "core/demo/demo.h"

#include <algorithm>
#include <random>

#include "core/demo/demo_campaign.h"
#include "core/org/idnumber.h"

namespace zj {
namespace {

// std:: distributions differ between libstdc++ (native) and libc++ (Emscripten); mt19937_64 itself does not.
struct Rng {
  std::mt19937_64 g;
  explicit Rng(uint64_t seed) : g(seed) {}
  int Below(int n) { return static_cast<int>(g() % static_cast<uint64_t>(n)); }
  int Between(int lo, int hi) { return lo + Below(hi - lo + 1); }
  template <typename T>
  const T& Pick(const std::vector<T>& v) { return v[static_cast<size_t>(Below(static_cast<int>(v.size())))]; }
};

const std::vector<std::string> kSurnames = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "胡",
                                            "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐",
                                            "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "向", "覃", "田"};
const std::vector<std::string> kGiven = {"明", "华", "建", "国", "军", "平", "芳", "娟", "敏", "静", "丽", "强", "磊",
                                         "洋", "勇", "艳", "杰", "涛", "超", "秀", "霞", "刚", "桂", "英", "红", "兰",
                                         "春", "海", "波", "燕", "玲", "文", "斌", "辉", "德", "林", "清", "志", "成"};
// Names that exercise fonts and encodings: outside GB2312 (珺 堃 犇 䶮) and outside the BMP (𠮷 U+20BB7).
const std::vector<std::string> kSpecialNames = {"刘䶮", "王𠮷祥", "李珺", "张堃", "陈犇", "阿依古丽·买买提"};

std::string MakeIdNumber(Rng& r, Date birth, bool male) {
  char buf[20];
  const int seq = r.Below(100);  // one rng call per statement: argument order differs between compilers
  const int sex_digit = male ? 2 * r.Below(5) + 1 : 2 * r.Below(5);
  std::snprintf(buf, sizeof buf, "420581%04d%02d%02d%02d%d", birth.Year(), birth.Month(), birth.Day(), seq, sex_digit);
  std::string first17(buf);
  return first17 + IdCheckCharacter(first17);
}

}  // namespace

int DemoCampaignShift(Date today) {
  const int year = today.Year();
  IdGenerator ids(1);
  const Campaign c = DefaultCampaign(year, ids, 0, "demo");
  const std::optional<Date> first = CampaignFirstDay(c);
  if (!first) return 0;
  Date last = *first;
  for (const Activity& a : c.activities) last = std::max(last, a.deadline);
  if (today >= *first - 7 && today <= last) return 0;
  auto floor_weeks = [](int days) { return (days >= 0 ? days : days - 6) / 7 * 7; };
  int shift = floor_weeks((today - 10) - *first);
  const Date jan1 = *Date::FromYmd(year, 1, 1), dec31 = *Date::FromYmd(year, 12, 31);
  while (*first + shift < jan1) shift += 7;
  while (last + shift > dec31) shift -= 7;
  return shift;
}

Dataset MakeDemoDataset(uint64_t seed, int year, TimestampMs now, const DemoOptions& options) {
  IdGenerator ids(seed ^ 0x5a4a2018ull);
  Rng r(seed);
  const std::string dev = "demo";
  auto meta = [&]() { return RecordMeta{ids.Next(), now, now, dev}; };
  Dataset d = NewDataset("渔洋镇", year, ids, now, dev);
  d.demo = true;
  Organization& o = d.org;
  o.focus_rule = FocusRule{FocusRule::Mode::BottomCount, 2, 10, year - 1};

  // Areas and general branches (as in tests/data/README.md: 第一党总支 in 一片; 第二党总支 and 机关党总支 in 二片).
  for (const char* name : {"一片", "二片"}) o.areas.push_back(Area{meta(), name, {}});
  o.general_branches.push_back(GeneralBranch{meta(), "第一党总支", o.areas[0].meta.id, {}});
  o.general_branches.push_back(GeneralBranch{meta(), "第二党总支", o.areas[1].meta.id, {}});
  o.general_branches.push_back(GeneralBranch{meta(), "机关党总支", o.areas[1].meta.id, {}});
  struct B {
    const char* name;
    BranchKind kind;
    int gb;
  };
  const B kBranches[] = {{"东湖村党支部", BranchKind::Village, 0},     {"荷花村党支部", BranchKind::Village, 0},
                         {"新街社区党支部", BranchKind::Community, 0}, {"龙虾湾村党支部", BranchKind::Village, 1},
                         {"稻香村党支部", BranchKind::Village, 1},     {"桃园村党支部", BranchKind::Village, 1},
                         {"镇财政所党支部", BranchKind::TownUnit, 2},  {"镇农业服务中心党支部", BranchKind::TownUnit, 2}};
  std::vector<int> ranks = {1, 2, 3, 4, 5, 6, 7, 8};
  for (size_t i = ranks.size(); i > 1; --i) std::swap(ranks[i - 1], ranks[static_cast<size_t>(r.Below(static_cast<int>(i)))]);
  for (size_t i = 0; i < std::size(kBranches); ++i) {
    Branch b;
    b.meta = meta();
    b.name = kBranches[i].name;
    b.kind = kBranches[i].kind;
    b.general_branch_id = o.general_branches[static_cast<size_t>(kBranches[i].gb)].meta.id;
    b.last_year_target_rank = ranks[i];
    o.branches.push_back(std::move(b));
  }
  ApplyFocusRule(o);

  // Members.
  size_t special = 0;
  const int per_branch = std::max(6, options.members_per_branch);
  for (const Branch& b : o.branches) {
    const bool village = b.kind != BranchKind::TownUnit;
    for (int k = 0; k < per_branch; ++k) {
      Member m;
      m.meta = meta();
      const bool male = r.Below(100) < 62;
      if (special < kSpecialNames.size() && k == 5 + static_cast<int>(special % 3)) {
        m.name = kSpecialNames[special++];
      } else {
        m.name = r.Pick(kSurnames);
        m.name += r.Pick(kGiven);
        if (r.Below(3)) m.name += r.Pick(kGiven);
      }
      m.sex = male ? "男" : "女";
      m.ethnicity = m.name.find("·") != std::string::npos ? "维吾尔族" : (r.Below(10) == 0 ? "土家族" : "汉族");
      const int by = r.Between(1940, 1996);
      const int bm = r.Between(1, 12);
      const int bd = r.Between(1, 28);
      const Date birth = *Date::FromYmd(by, bm, bd);
      m.birth_date = birth;
      const int join_year = std::min(year - 1, birth.Year() + r.Between(19, 45));
      const int jm = r.Between(1, 12);
      const int jd = r.Between(1, 28);
      m.join_date = *Date::FromYmd(join_year, jm, jd);
      m.status = join_year >= year - 1 && r.Below(2) ? MemberStatus::Probationary : MemberStatus::Full;
      static const char* kEdu[] = {"初中", "高中", "中专", "大专", "本科"};
      m.education = kEdu[r.Below(5)];
      m.phone = "13" + std::to_string(r.Between(0, 9));
      m.phone += std::to_string(r.Between(10000000, 99999999));
      m.branch_id = b.meta.id;
      if (k == 0) {
        m.posts = {Post::Secretary};
        if (village && r.Below(2)) m.posts.push_back(Post::VillageDirector);  // 一肩挑
      } else if (k == 1) {
        m.posts = {Post::DeputySecretary};
      } else if (k == 2 || k == 3) {
        m.posts = {Post::CommitteeMember};
      } else if (k == 4 && village) {
        m.posts = {Post::VillageCommittee};
      }
      m.representative = k >= 2 && k <= 6;
      m.reserve_cadre = k == 7 || k == 8;
      const std::string id_number = MakeIdNumber(r, birth, male);
      m.id_hash = HashIdNumber(d.id_salt, id_number);
      m.id_masked = MaskIdNumber(id_number);
      o.members.push_back(std::move(m));
    }
  }

  // Cadres.
  auto cadre = [&](const std::string& name, const std::string& title, std::vector<CadreRole> roles) -> Cadre& {
    Cadre c;
    c.meta = meta();
    c.name = name;
    c.title = title;
    c.roles = std::move(roles);
    o.cadres.push_back(std::move(c));
    return o.cadres.back();
  };
  std::vector<Id> villages;
  for (const Branch& b : o.branches)
    if (b.kind != BranchKind::TownUnit) villages.push_back(b.meta.id);
  cadre("覃志军", "镇党委书记", {CadreRole::PartySecretary});
  struct C {
    const char* name;
    const char* title;
  };
  const C kCommittee[] = {{"向东海", "镇党委副书记、镇长"}, {"田秀兰", "镇党委委员、组织委员、党校校长"},
                          {"李建华", "镇党委委员、宣传委员"}, {"周德成", "镇纪委书记"}, {"邓春燕", "镇党委委员、副镇长"}};
  for (size_t i = 0; i < std::size(kCommittee); ++i) {
    Cadre& c = cadre(kCommittee[i].name, kCommittee[i].title, {CadreRole::CommitteeMember});
    c.linked_branch_ids = {villages[i % villages.size()]};
    if (i < o.areas.size()) {  // the first two committee members are also the area chiefs (片长)
      c.roles.push_back(CadreRole::AreaChief);
      c.area_id = o.areas[i].meta.id;
      o.areas[i].chief_cadre_id = c.meta.id;
    }
  }
  const char* kGbSecretaries[] = {"许国平", "程红霞", "胡斌"};
  for (size_t i = 0; i < o.general_branches.size(); ++i) {
    Cadre& c = cadre(kGbSecretaries[i], "党总支书记", {CadreRole::GeneralBranchSecretary});
    o.general_branches[i].secretary_cadre_id = c.meta.id;
  }
  const char* kResident[] = {"杨磊", "吴静", "孙超", "马文", "罗玲", "梁勇"};
  for (size_t i = 0; i < villages.size(); ++i) {
    Cadre& c = cadre(kResident[i % std::size(kResident)], "驻村干部", {CadreRole::ResidentCadre});
    c.linked_branch_ids = {villages[i]};
  }
  const char* kLecturers[] = {"宋明", "韩芳", "冯国强", "董丽", "袁海波", "曹艳", "郑清", "谢刚", "唐英", "傅志成"};
  for (int i = 0; i < 10; ++i) {
    Cadre& c = cadre(kLecturers[i], "讲师团宣讲员", {CadreRole::Lecturer});
    c.lecture_teams = {static_cast<LectureTeam>(i / 2)};
  }
  o.cadres[1].roles.push_back(CadreRole::Lecturer);  // a committee member also lectures on Party building
  o.cadres[1].lecture_teams = {LectureTeam::PartyBuilding};
  cadre("高燕", "组织办工作人员", {CadreRole::OfficeStaff});
  cadre("林涛", "宣传办工作人员", {CadreRole::OfficeStaff});

  // Points for `year`: each member gets a target total in a star band, filled from the example items.
  const PointCatalogue& cat = d.points.catalogue;
  auto item = [&](const char* code) -> const PointItem& {
    for (const PointItem& it : cat.items)
      if (it.code == code) return it;
    return cat.items.front();
  };
  struct Slot {
    const PointItem* item;
    int times;
  };
  const std::vector<Slot> kSlots = {{&item("B02"), 12}, {&item("B01"), 15}, {&item("B03"), 12}, {&item("B04"), 5},
                                    {&item("B05"), 4},  {&item("R01"), 10}, {&item("R04"), 3},  {&item("R02"), 2},
                                    {&item("R03"), 2},  {&item("B06"), 12}};
  for (const Member& m : o.members) {
    const int band = r.Below(20);  // 0-5 three stars, 6-11 two, 12-16 one, 17-19 none
    Tenths target = band < 6 ? r.Between(180, 220) * 5 : band < 12 ? r.Between(160, 179) * 5
                  : band < 17 ? r.Between(120, 159) * 5 : r.Between(70, 119) * 5;
    Tenths sum = 0;
    auto add = [&](const PointItem& it, Tenths pts, int month) {
      PointEntry e;
      e.meta = meta();
      e.member_id = m.meta.id;
      e.item_id = it.meta.id;
      e.date = *Date::FromYmd(year, month, 1 + r.Below(28));
      e.points = pts;
      e.recorded_by = "支部书记";
      d.points.entries.push_back(std::move(e));
      sum += pts;
    };
    if (r.Below(8) == 0) {  // an absence: a deduction, made up by other items
      add(item("D01"), item("D01").points, 1 + r.Below(12));
      target -= item("D01").points;
    }
    for (const Slot& s : kSlots) {
      for (int t = 0; t < s.times && sum + s.item->points <= target; ++t)
        add(*s.item, s.item->points, 1 + (t % 12));
    }
  }

  // Exemptions (特殊情况), two members of the first branch.
  d.member_stars.exemptions.push_back(StarExemption{meta(), o.members[10].meta.id, year, "长期外出务工,经申请同意不参与评星",
                                                    *Date::FromYmd(year, 3, 1), "东湖村党支部"});
  d.member_stars.exemptions.push_back(StarExemption{meta(), o.members[11].meta.id, year, "年老体弱、长期卧床",
                                                    *Date::FromYmd(year, 3, 1), "东湖村党支部"});

  // Branch assessments for `year` and the published stars of `year - 1`.
  const std::vector<RubricItem>& rubric = d.branch_rating.rubric.items;
  const int kTargets[] = {95, 91, 86, 83, 78, 72, 65, 55};  // spread over the star bands
  for (size_t i = 0; i < o.branches.size(); ++i) {
    BranchAssessment a;
    a.meta = meta();
    a.branch_id = o.branches[i].meta.id;
    a.year = year;
    const int level = kTargets[(i * 3) % std::size(kTargets)];
    for (const RubricItem& it : rubric)
      a.scores.push_back(RubricScore{it.meta.id, std::min<Tenths>(it.max_points, it.max_points * (level + r.Between(-4, 4)) / 100 / 5 * 5)});
    a.target_score = (level + r.Between(-3, 3)) * 10;
    a.assessed_by = "镇积分制管理工作考核小组";
    d.branch_rating.assessments.push_back(std::move(a));
    BranchStarRecord h;
    h.meta = meta();
    h.branch_id = o.branches[i].meta.id;
    h.year = year - 1;
    h.stars = std::clamp(3 - (*o.branches[i].last_year_target_rank - 1) / 2, 0, 3);
    h.score = h.stars == 3 ? 915 : h.stars == 2 ? 845 : h.stars == 1 ? 705 : 560;
    h.rank = *o.branches[i].last_year_target_rank;
    h.published_on = Date::FromYmd(year - 1, 12, 28);
    d.branch_rating.history.push_back(std::move(h));
  }
  AddDemoCampaignRecords(d, ids, now, dev);  // 学 看 谈 records (demo_campaign.cpp)
  ShiftCampaignDates(d.campaign, options.campaign_shift_days);
  // Revisions from content: every device that makes the demo town gives its records the same ones, so a liaison's
  // bundle from a phone's own demo copy merges into the office's as edits, not conflicts.
  AssignMissingRevisions(d);
  return d;
}

}  // namespace zj

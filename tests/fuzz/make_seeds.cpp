// Writes the seed corpora of the fuzz targets from the core itself (tests/fuzz/README.md):
//   make_seeds OUT_DIR   ->  OUT_DIR/<target>/<name> for every target of tests/fuzz.
// The office's dataset is fuzz::MakeOffice() (the small demo town with its campaign records), so the seed
// bundles carry its id_salt and ids and reach PlanBundleImport's merge. Files from the repository
// (tests/fixtures, the rosters of tests/data/make_rosters.py, tests/fixtures/fuzz/<target>/ regressions) are added by
// tests/fuzz/run.sh.
#include <iconv.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/exchange/bundle.h"
#include "core/exchange/merge.h"
#include "core/exchange/qr_transfer.h"
#include "core/org/idnumber.h"
#include "core/org/roster_import.h"
#include "fuzz_common.h"

namespace {
using namespace zj;
using nlohmann::json;
namespace fs = std::filesystem;

fs::path g_out;
int g_files = 0;

void Put(const std::string& target, const std::string& name, const std::string& bytes) {
  const fs::path dir = g_out / target;
  fs::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << bytes;
  ++g_files;
}

std::string Convert(const std::string& utf8, const char* to) {
  iconv_t cd = iconv_open(to, "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) return "";
  std::string out(utf8.size() * 4 + 16, '\0');
  char* ip = const_cast<char*>(utf8.data());
  size_t il = utf8.size();
  char* op = out.data();
  size_t ol = out.size();
  const size_t r = iconv(cd, &ip, &il, &op, &ol);
  iconv_close(cd);
  if (r == static_cast<size_t>(-1)) return "";
  out.resize(out.size() - ol);
  return out;
}

/// A valid 18-digit ID number (check character computed) for a made-up person born on `ymd`.
std::string IdNumber(const char* ymd, int seq) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "420581%s%03d", ymd, seq);
  const std::string first17(buf);
  return first17 + IdCheckCharacter(first17);
}

void Rosters(const Dataset& office) {
  const std::string exported = ExportRosterCsv(office);  // UTF-8 with BOM, masked IDs + 系统编号
  const std::string no_bom = exported.substr(3);
  // A small roster of new people, as an office would type it: full ID numbers, mixed date forms.
  const std::string fresh =
      "序号,姓名,性别,民族,出生日期,公民身份号码,学历,人员类别,入党日期,所在党支部,党内职务,联系电话\r\n"
      "1,王建国,男,汉族,1968-03-05," + IdNumber("19680305", 11) + ",高中,正式党员,1995年7月1日,桃园村党支部,书记,138 0000 1234\r\n"
      "2,李秀英,女,土家族,1975/11/2," + IdNumber("19751102", 22) + ",大专,预备党员,2017.06.30,新桥社区党支部,\"委员、村委委员\",+86 13900001111\r\n"
      "3,阿依古丽•买买提,女,维吾尔族,19820520," + IdNumber("19820520", 32) + ",本科,正式,30000,镇农业服务中心党支部,组织委员,0716-1234567\r\n"
      "4,\"张\"\"三\"\"\",男,,," + IdNumber("19900101", 51) + ",,,,不存在村党支部,=1+1,\r\n"
      "\r\n"
      "5,赵六,男,汉族,1990-02-30,42058119900230123X,初中,正式党员,2010-01-01,桃园村党支部,,12345\r\n";
  const std::string gbk_fresh = Convert(fresh, "GB18030");
  const std::string gbk_export = Convert(no_bom, "GB18030");
  const std::string utf16 = "\xFF\xFE" + Convert(fresh, "UTF-16LE");
  for (const char* target : {"roster_import", "csv", "decode_text"}) {
    Put(target, "export-utf8-bom.csv", exported);
    Put(target, "export-utf8.csv", no_bom);
    Put(target, "fresh-utf8.csv", fresh);
    if (!gbk_fresh.empty()) Put(target, "fresh-gbk.csv", gbk_fresh);
    if (!gbk_export.empty()) Put(target, "export-gbk.csv", gbk_export);
    if (utf16.size() > 2) Put(target, "fresh-utf16le.csv", utf16);
    Put(target, "unclosed-quote.csv", "姓名,公民身份号码,所在党支部\r\n\"王五,1,桃园村\r\n");
  }
  // Characters outside GB2312 and the BMP, in both encodings (decode_text's GB18030 four-byte path).
  const std::string rare = "珺 堃 犇 䶮 𠮷 € ḿ ︐ 全角１２３Ｘ　空格";
  Put("decode_text", "rare-utf8.txt", rare);
  const std::string rare_gb = Convert(rare, "GB18030");
  if (!rare_gb.empty()) Put("decode_text", "rare-gb18030.txt", rare_gb);
}

void Datasets(const Dataset& office) {
  const std::string doc = SaveDataset(office);
  Put("dataset", "office.json", doc);
  IdGenerator ids(5);
  Put("dataset", "new-town.json", SaveDataset(NewDataset("测试镇", 2018, ids, kDemoNow, "seeddevice000000")));
  json backup{{"format", "zhengjian-backup"}, {"dataset", json::parse(doc)}, {"evidence", json::array()}};
  Put("dataset", "backup.json", backup.dump(1));
  Put("campaign", "office-campaign.json", CampaignToJson(office.campaign).dump(1));
  Put("campaign", "default-campaign.json", CampaignToJson(MakeDemoDataset(1, 2019, kDemoNow, DemoOptions{6}).campaign).dump());
}

void Bundles(const Dataset& office) {
  const std::string liaison_dev = "1111222233334444";
  constexpr TimestampMs t0 = kDemoNow + 3 * 86400000LL;
  Dataset liaison = office;
  // The liaison records a lecture's place, adds a lecture, records a talk, and removes a member.
  Lecture& l = liaison.campaign.lectures.at(0);
  l.place = "镇委党校二楼";
  l.meta.updated = t0 + 1000;
  l.meta.device = liaison_dev;
  l.meta.revs = {l.meta.rev};  // changed on the liaison's device: a revision that descends from the office's
  l.meta.rev = Rev{l.meta.rev.gen + 1, 0x5eed0001};
  Lecture extra = l;
  extra.meta.id = "00000000000000aa";
  extra.meta.created = t0 + 2000;
  extra.theme_zh = "小龙虾养殖现场讲习";
  liaison.campaign.lectures.push_back(extra);
  std::vector<Id> talk_ids;
  for (Talk& t : liaison.campaign.talks)
    if (t.record) {
      t.record->notes += "（补记）";
      t.meta.updated = t0 + 3000;
      t.meta.device = liaison_dev;
      t.meta.revs = {t.meta.rev};
      t.meta.rev = Rev{t.meta.rev.gen + 1, 0x5eed0002};
      talk_ids.push_back(t.meta.id);
      break;
    }
  {  // a member removed on the liaison's device: its tombstone (as Tx::Commit leaves one)
    const Member& gone = liaison.org.members.back();
    Tombstone t;
    t.meta = gone.meta;
    t.meta.created = t.meta.updated = t0 + 4000;
    t.meta.device = liaison_dev;
    t.collection = "/org/members";
    t.label = gone.name;
    liaison.tombstones.push_back(t);
    liaison.org.members.pop_back();
  }
  Bundle b = MakeBundle(liaison, liaison_dev, kDemoNow, t0 + 5000);
  const std::string bundle_text = BundleToJson(b);
  Put("bundle", "liaison.json", bundle_text);
  // The same with evidence (a text note and a tiny "photo").
  json evidence = json::array({{{"id", "ev0000000000000001"}, {"parent_kind", "lecture"}, {"parent_id", l.meta.id},
                                {"kind", "text"}, {"caption", "签到表"}, {"text", "到会38人"}, {"created", t0},
                                {"device", liaison_dev}},
                               {{"id", "ev0000000000000002"}, {"parent_kind", "lecture"}, {"parent_id", l.meta.id},
                                {"kind", "photo"}, {"caption", "现场照片"}, {"created", t0}, {"device", liaison_dev},
                                {"width", 2}, {"height", 2}, {"size", 4}, {"thumbSize", 4}, {"photo", "/9j/2Q=="},
                                {"thumb", "/9j/2Q=="}}});
  const std::string with_evidence = AttachBundleEvidence(bundle_text, evidence);
  if (!with_evidence.empty()) Put("bundle", "liaison-evidence.json", with_evidence);
  // A bundle of the office's own device: everything since the beginning is already there.
  Bundle same = MakeRecordBundle(office, QrRecordKind::Attendance, {office.campaign.lectures.at(0).meta.id}, "demo", t0);
  Put("bundle", "present.json", BundleToJson(same));
  // A conflict: the office changed the same lecture later than the liaison.
  Bundle talk = MakeRecordBundle(liaison, QrRecordKind::Talk, talk_ids, liaison_dev, t0 + 6000);
  const std::string talk_text = BundleToJson(talk);
  Put("bundle", "talk.json", talk_text);
  std::vector<Id> entry_ids;
  for (size_t i = 0; i < office.points.entries.size() && i < 3; ++i) entry_ids.push_back(office.points.entries[i].meta.id);
  Bundle points = MakeRecordBundle(office, QrRecordKind::PointsBatch, entry_ids, liaison_dev, t0 + 7000);
  const std::string points_text = BundleToJson(points);
  Put("bundle", "points.json", points_text);
  // A bundle of another dataset.
  Bundle other = b;
  other.id_salt = "00000000000000000000000000000000";
  Put("bundle", "other-dataset.json", BundleToJson(other));

  // QR sequences of the same payloads: the codes one per line, in order and shuffled with a repeat
  // (fuzz_qr's text mode), and the round-trip mode's 0x00 <chunk size> <payload>.
  int k = 0;
  for (const std::string* payload : {&talk_text, &points_text}) {
    const std::vector<std::string> codes = EncodeQrSequence(*payload, 160);
    std::string in_order, shuffled;
    for (const std::string& c : codes) in_order += c + "\n";
    for (size_t i = codes.size(); i-- > 0;) shuffled += codes[i] + "\n" + (i == 0 ? codes[i] + "\n" : "");
    Put("qr", "codes-" + std::to_string(k) + ".txt", in_order);
    Put("qr", "codes-" + std::to_string(k) + "-reversed.txt", shuffled);
    Put("qr", "roundtrip-" + std::to_string(k) + ".bin", std::string(1, '\0') + std::string(1, static_cast<char>(159)) + *payload);
    ++k;
  }
  const std::vector<std::string> small = EncodeQrSequence("谈话要点：村里的水渠", 7);
  std::string lines;
  for (const std::string& c : small) lines += "!" + c + "\n";
  Put("qr", "resealed.txt", lines + "https://example.invalid/not-ours\nZJQ1:1/2:0123456789ABCDEF:00000000:BB8\n");
  Put("qr", "roundtrip-small.bin", std::string(1, '\0') + std::string(1, '\x02') + "Hello!!");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: make_seeds OUT_DIR\n";
    return 2;
  }
  g_out = argv[1];
  const Dataset office = fuzz::MakeOffice();
  const LoadResult check = LoadDataset(SaveDataset(office));
  if (!check.ok) {
    std::cerr << "make_seeds: the fuzz office dataset does not load cleanly: "
              << (check.problems.empty() ? "" : check.problems[0].path + " " + check.problems[0].message_en) << "\n";
    return 1;
  }
  Rosters(office);
  Datasets(office);
  Bundles(office);
  std::cout << "make_seeds: " << g_files << " seed files in " << g_out.string() << "\n";
  return 0;
}

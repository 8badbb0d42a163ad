// Zhengjian shell: what each screen keeps between frames, one struct per screen, owned by the app
// (App::screens, shell/app.h). A screen's draw function finds its own as app.screens.<code>, e.g.
// `RateScreen& s = app.screens.rate;`. A new App starts every screen afresh (each UI test does), so no
// screen keeps state in file-level variables or function statics.
//
// What goes here: selections, filters, text being typed, pending imports, caches of values computed from the
// dataset (keyed by App::data_version()). What does not: the dataset itself (app.data()), and never a pointer
// or reference into it (it is replaced when a change is applied; keep ids).
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <memory>
#include <string>
#include <vector>

#include "core/base/types.h"
#include "nlohmann/json.hpp"
#include "core/campaign/calendar.h"
#include "core/campaign/onsite.h"
#include "core/campaign/progress.h"
#include "core/data/dataset.h"
#include "core/exchange/bundle.h"
#include "core/exchange/merge.h"
#include "core/exchange/qr_transfer.h"
#include "core/org/roster_import.h"
#include "core/report/closing_report.h"
#include "imgui.h"
#include "qrcodegen.hpp"
#include "shell/collation.h"
#include "shell/person_picker.h"
#include "shell/fields.h"
#include "shell/i18n.h"
#include "shell/widgets.h"

namespace zj::ui {

/// 概览 (dashboard.cpp).
struct DashboardScreen {
  /// Progress of the plan on `day`, computed for data version `version`.
  std::vector<ActivityProgress> progress;
  uint64_t progress_version = ~0ull;
  Date progress_day{};
};

/// 组织 (organization.cpp): members, tree, cadres, roster import and export.
struct OrganizationScreen {
  // Members
  Id selected_member;                 ///< member shown in the editor ("" = none)
  std::string filter;                 ///< name filter of the member table
  std::string edit_name;              ///< the editor's name field while it is being typed in
  Id edit_for;                        ///< member the edit buffers belong to
  Id branch_filter;                   ///< "" = all branches
  int sort_col = -1;
  bool sort_desc = false;
  PinyinRanks column_ranks[4];        ///< pinyin order of each sortable column's texts
  PinyinInitialsCache name_initials;  ///< every member's pinyin initials (the name filter)
  std::string exempt_reason;
  // Tree
  int node_kind = 0;                  ///< 1 area, 2 general branch, 3 branch
  Id node;
  Id merge_into;                      ///< branch the selected branch would be merged into ("" = none chosen)
  int focus_count = -1;               ///< the focus-object rule's count being edited (-1: from the data)
  // Cadres
  Id cadre;
  // Roster import and export
  std::unique_ptr<RosterPreview> preview;
  std::string file_name, file_bytes;  ///< file_bytes: CSV bytes, or an .xlsx/.xls as web/xlsx.js read it (JSON)
  std::unique_ptr<RosterWorkbook> workbook;  ///< the picked workbook's sheets (null for CSV)
  int sheet = 0;                      ///< the sheet previewed (index into workbook->sheets)
  bool create_branches = false;
  bool show_all_rows = false;
  std::string import_status, export_status;
  CommitFields fields;                ///< text fields that commit when left (shell/fields.h)
};

/// 学 (learn.cpp): lectures, attendance, reflections.
struct LearnScreen {
  Id selected;  ///< lecture shown in the editor
  Id buffers_for;
  std::string theme, place, guests, date, time, duration;
  std::string filter;
  Id title_for;            ///< reflection whose study-column title is being typed
  std::string title_buf;
  PinyinRanks attendance_ranks;
  PinyinInitialsCache attendance_initials;  ///< the attendance rows' pinyin initials (the filter)
};

/// 看 (look.cpp): on-site meetings, the draw, the speech timer.
struct LookScreen {
  Id selected;
  Id buffers_for;
  std::string date, time, venue, notes, seed;
  SpeechTimer timer;
  Id timer_for;     ///< meeting the timer belongs to
  int speaker = 0;  ///< index into the agenda's speeches
  bool fullscreen = false;
};

/// 谈 (talk.cpp): the talk plan, the list, the record form.
struct TalkScreen {
  Id selected;
  int kind_filter = -1;   ///< -1 = all, else TalkKind
  int status_filter = 0;  ///< 0 all, 1 not held, 2 held
  std::string filter;
  PinyinInitialsCache talk_initials;  ///< pinyin initials of every talk's description (the filter)
  std::string from, to;
  uint64_t window_version = ~0ull;  ///< data version the schedule window fields were read at
  // The record form (local until saved).
  Id form_for;
  std::string date, time, place, notes, reserve_note;
  std::vector<bool> topics;
  int intention = -1;  ///< -1 = not asked, else Intention
  std::vector<Id> reserve_ids;
  Id saved_for;        ///< shows "已保存" after a save of this talk
  /// Drafts (草稿) of record forms not yet saved, keyed by talk id: {talk id: {"form": {…fields}, "ms": last edit,
  /// ms since the epoch}}; read once from the setting `talk.drafts`, written back on each change (only while no
  /// passphrase lock is set: a draft is a talk record in clear).
  nlohmann::json drafts = nlohmann::json::object();
  bool drafts_read = false;
  bool drafts_dropped = false;  ///< the stored drafts were removed for the lock now set
  nlohmann::json form_base;     ///< the form's fields as loaded (record or defaults): a form unlike it is a draft
  /// What the scheduler says if run now (on a copy), the roster's gaps and the conflicts, per data version.
  struct Preview {
    uint64_t version = ~0ull;
    std::map<std::string, std::string> reason_zh, reason_en;  ///< key: kind|interviewer|interviewee
    Problems gaps;
    std::vector<Conflict> conflicts;
  } preview;
};

/// 评 (rate.cpp): points entry, member stars, branch stars. Branch, item and date are also kept in settings.
struct RateScreen {
  bool loaded = false;               ///< settings read
  Id branch, item;
  std::string date;
  int year = 0;
  std::map<Id, std::string> typed;   ///< points typed per member, not yet recorded
  std::string filter;                ///< name filter of the entry table
  Id focus_member;                   ///< give this member's field the keyboard on the next frame
  std::string last_recorded;         ///< feedback line
  std::string last_capped;           ///< what the yearly cap cut from the last recording ("" when nothing)
  Id exempt_member;
  std::string exempt_reason, exempt_date;
  Id assess_branch;
  int w_rubric = -1, w_target = -1;
  int stars_sort_col = -1;           ///< member-stars table: sorted column (-1: the board's order)
  bool stars_sort_desc = true;
  PinyinRanks name_ranks;
  PinyinInitialsCache name_initials;  ///< every member's pinyin initials (the entry filter)
  PersonPickerState exempt_picker;
  CommitFields fields;
};

/// 评 → 项目与细则 (catalogue.cpp): the points catalogue and the assessment rubric.
struct CatalogueTab {
  /// The add / edit form of one table (the item being edited, or none = a new one) and its feedback.
  struct Form {
    Id editing;              ///< "" = adding a new item
    std::string code, name, points, cap;
    int category = 0;        ///< index into kCategoryOrder
    bool evidence = false;
    std::string message;     ///< last result (green) or problem (red)
    bool message_ok = false;
    bool scroll_to = false;  ///< bring the form into view on the next frame (phones: it is below the table)
  };
  Form item, rubric;
  Id confirm_id;               ///< item waiting for the remove confirmation ("" closes it)
  bool open_confirm = false;   ///< open the confirmation on this frame (opened at the popup's own ID level)
  bool confirm_rubric = false;
  std::string confirm_problem;
  /// How many point entries use each item / assessment scores each rubric item, per data version.
  struct UseCounts {
    uint64_t version = ~0ull;
    std::map<Id, int> entries, scores;
  } uses;
};

/// 材料 (evidence.cpp).
struct EvidenceScreen {
  int selected_parent = 0;
  std::string note;
  double last_refresh = 0;
  std::string confirm_id;    ///< evidence waiting for the delete confirmation
  bool confirm_photo = false;
};

/// 公示 (boards.cpp).
struct BoardsScreen {
  int year = 0;
  int paper = 0;  ///< 0 A4, 1 A3
  bool town = true, branches = true;
  Id branch;      ///< "" = all branches
  std::string status;
};

/// 通报 (report.cpp).
struct ReportScreen {
  std::string status;
  /// Append the page naming the scored members below 60, for the branches' members' meetings (off by default:
  /// the report itself names no one; closing_report.h ClosingReportHtmlOptions).
  bool list_unqualified_names = false;
  /// The report, rebuilt only when the data, the day or the language changed.
  ClosingReport cached;
  uint64_t cached_version = ~0ull;
  Lang cached_lang = Lang::Zh;
};

/// 数据 (data.cpp): backups, bundles, recovery.
struct DataScreen {
  /// A backup file waiting for the user's confirmation.
  struct PendingBackup {
    std::string file;
    Dataset dataset;
    DatasetDiff diff;
    int problems = 0;
    std::string evidence_json;  ///< evidence carried by the backup ("" = none)
  };
  /// A bundle waiting for the user's confirmation.
  struct PendingBundle {
    std::string file;
    std::string text;  ///< the bundle document, applied by the "bundle.import" command
    Bundle bundle;
    MergePlan plan;
    std::vector<std::string> new_evidence;  ///< ids of carried evidence not on this device yet
    std::map<int, ConflictChoice> choices;  ///< the person's choice per conflict (index in plan.conflict_list)
  };
  std::unique_ptr<PendingBackup> backup;
  std::unique_ptr<PendingBundle> bundle;
  std::vector<std::string> imported_evidence;  ///< evidence stored by the last bundle import (removed by its undo)
  bool with_evidence = false;
  bool confirm_other = false;  ///< the person confirmed replacing this town's data with another's (backup preview)
  std::string msg_zh, msg_en;
  ImU32 msg_col = col::Green;
  /// Which section said it (shown under that section, where the person is looking): 0 the top, 1 backups,
  /// 2 bundles, 3 liaison kits.
  int msg_at = 0;
  int section = 0;  ///< the section being drawn (Say records it)
  // 联络员材料: the liaison's name and branches for the next kit.
  std::string kit_liaison;
  std::set<Id> kit_branches;
};

/// 手机 (phone_qr.cpp): open on a phone, send and receive records by QR.
struct PhoneScreen {
  struct Open {
    bool loaded = false;
    std::string address_edit;  ///< the field's text
    int target = 0;            ///< index into kTargets
    std::string note_zh, note_en;
    ImU32 note_col = col::Green;
    std::string cached_text;   ///< text of `qr`
    std::unique_ptr<qrcodegen::QrCode> qr;
  } open;
  struct Send {
    int kind = 0;                     ///< QrRecordKind
    int choice = 0;
    std::vector<std::string> chunks;  ///< the sequence being shown
    std::string what;                 ///< its label
    int shown = 0;                    ///< 0-based chunk on screen
    bool autoplay = true;
    TimestampMs shown_at = 0;
    std::string cached_text;
    std::unique_ptr<qrcodegen::QrCode> qr;
  } send;
  struct Receive {
    QrSequenceReader reader;
    std::string msg_zh, msg_en;
    ImU32 msg_col = col::Grey;
    bool pending = false;  ///< a complete payload waits for preview
    Bundle bundle;
    MergePlan plan;
  } receive;
};

/// The talk lock panel on 谈 and 数据 (shell/screens/talk_lock.cpp).
struct TalkLockPanel {
  std::string pass1, pass2;
  const Tr* local_error = nullptr;
};

/// 开始本镇 and the town's name, drawn at the top of 数据 (shell/screens/town_start.cpp).
struct TownStartPanel {
  bool open = false;       ///< the guided start is shown
  bool confirm = false;    ///< the person pressed 开始本镇 once: the replacing step waits for 确定
  bool backed_up = false;  ///< a backup was exported from this panel
  std::string name, year, first_day, structure;  ///< the form, as typed
  /// The organization's preview, parsed from `preview_for` (the text as last parsed): areas, general branches,
  /// branches; the branch lines shown; the problems with their lines.
  std::string preview_for, preview_list;
  std::array<int, 3> preview_counts{};
  Problems preview_problems;
  std::string rename;      ///< the rename field (filled with the current name when first drawn)
  bool rename_filled = false;
  std::string msg_zh, msg_en;
  ImU32 msg_col = col::Green;
};

/// Every screen's state (App::screens), in the order of the screen table.
struct Screens {
  DashboardScreen dashboard;
  OrganizationScreen organization;
  LearnScreen learn;
  LookScreen look;
  TalkScreen talk;
  RateScreen rate;
  CatalogueTab catalogue;
  EvidenceScreen evidence;
  BoardsScreen boards;
  ReportScreen report;
  DataScreen data;
  PhoneScreen phone;
  TalkLockPanel talk_lock;
  TownStartPanel town_start;
  /// The tab last shown inside a screen ("rate:entry"): entering another clears the last problem, so a
  /// refusal is never left beside another tab's lines (App::ShowingTab).
  std::string shown_tab;

  /// Forgets every screen's success line (已记分, 已导入, 已生成 …): called when a command is refused, so an
  /// error and a success never show together.
  void ClearSuccessLines() {
    rate.last_recorded.clear();
    rate.last_capped.clear();
    organization.import_status.clear();
    organization.export_status.clear();
    report.status.clear();
    boards.status.clear();
    if (catalogue.item.message_ok) catalogue.item.message.clear();
    if (catalogue.rubric.message_ok) catalogue.rubric.message.clear();
  }
};

}  // namespace zj::ui

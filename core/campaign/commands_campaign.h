// Zhengjian core: the commands of the campaign screens 学 看 谈 (core/campaign/commands_campaign.cpp).
#pragma once
#include "core/campaign/lectures.h"
#include "core/campaign/plan.h"
#include "core/campaign/talks.h"

namespace zj {
class Workspace;

/// Registers the campaign commands (names and arguments as JSON; every refusal is a Problem in Chinese
/// and English, and changes nothing):
///   学 lecture.add {theme_zh, ...} (at most 5, notice 四(一)) · lecture.update {id, theme_zh?, theme_en?, team?,
///      lecturer_ids?, guest_lecturers?, place?, date?, start_minute?, duration_minutes?, audience_roles?} ·
///      lecture.remove {id} (not once held or attended) · lecture.set_held {id, held, date?} ·
///      lecture.attend {id, person_id | person_ids, present} · lecture.reflection {id, person_id, state, date?, title?}
///   看 onsite.ensure {} · onsite.update {id, date?, start_minute?, venue?, preselected_branch_id?, speech_minutes?,
///      held?, notes?} · onsite.draw {id, seed} (zj-draw-v1, never redone)
///   谈 talk.schedule {from?, to?} · talk.record {id, held_on, start_minute?, place?, topics_covered, notes?,
///      intention?, reserve_cadre_ids?, reserve_cadre_note?} · talk.clear_record {id}
/// Dates are "YYYY-MM-DD", times local minutes after 00:00.
void RegisterCampaignCommands(Workspace& ws);

/// Argument tokens of the commands (the same spellings as the campaign JSON): "village_secretary",
/// "handed_in", "advance" ...
const char* RoleToken(Role r);
const char* ReflectionStateToken(ReflectionState s);
const char* IntentionToken(Intention i);

}  // namespace zj

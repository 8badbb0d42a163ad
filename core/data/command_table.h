// Zhengjian core: every typed command in one table (docs/recipes.md "Add a command"). ZJ_COMMANDS(X) calls
// X(Struct) once per command; RegisterBuiltinCommands defines each (core/data/command.h Define<C>), and tests walk
// the table (every command refuses an unknown argument by name).
#pragma once
#include "core/exchange/commands_exchange.h"
#include "core/org/commands_member.h"
#include "core/campaign/commands_campaign.h"
#include "core/org/commands_org.h"
#include "core/rate/commands_catalogue.h"
#include "core/rate/commands_rate.h"

#define ZJ_COMMANDS(X)    \
  X(MemberAdd)            \
  X(MemberUpdate)         \
  X(MemberRemove)         \
  X(MemberSetPosts)       \
  X(MemberSetStatus)      \
  X(AreaAdd)              \
  X(AreaUpdate)           \
  X(AreaRemove)           \
  X(GeneralBranchAdd)     \
  X(GeneralBranchUpdate)  \
  X(GeneralBranchRemove)  \
  X(BranchAdd)            \
  X(BranchUpdate)         \
  X(BranchRemove)         \
  X(BranchMerge)          \
  X(OrgFocusRule)         \
  X(OrgTownName)          \
  X(ExemptionAdd)         \
  X(ExemptionRemove)      \
  X(CadreAdd)             \
  X(CadreUpdate)          \
  X(CadreRemove)          \
  X(RosterImport)         \
  X(PointsRecord)         \
  X(PointsRecordMany)     \
  X(PointsRemove)         \
  X(AssessmentSet)        \
  X(BranchRatingWeights)  \
  X(BranchRatingPublish)  \
  X(CatalogueItemAdd)     \
  X(CatalogueItemUpdate)  \
  X(CatalogueItemRemove)  \
  X(RubricItemAdd)        \
  X(RubricItemUpdate)     \
  X(RubricItemRemove)     \
  X(ActivitySetStatus)    \
  X(LectureAdd)           \
  X(LectureUpdate)        \
  X(LectureRemove)        \
  X(LectureSetHeld)       \
  X(LectureAttend)        \
  X(LectureReflection)    \
  X(OnsiteEnsure)         \
  X(OnsiteUpdate)         \
  X(OnsiteDraw)           \
  X(TalkScheduleCmd)      \
  X(TalkRecordCmd)        \
  X(TalkLockSetCmd)       \
  X(TalkLockRemoveCmd)    \
  X(TalkClearRecord)      \
  X(BundleImport)

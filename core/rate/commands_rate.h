// Zhengjian core: commands of the 评 screen (commands_rate.cpp lists them with their arguments).
#pragma once
#include "core/data/workspace.h"

namespace zj {
/// Registers points.record, points.record_many, points.remove, assessment.set, branch_rating.weights and
/// branch_rating.publish (see commands_rate.cpp for arguments and refusals).
void RegisterRateCommands(Workspace& ws);
}  // namespace zj

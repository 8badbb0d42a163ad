// Every command applied in the core tests is checked (Workspace::SetVerifyChanges): undo must restore the dataset
// byte for byte and redo reproduce it, so a handler that changes data behind its transaction's back fails here.
#include <gtest/gtest.h>

#include "core/data/workspace.h"

namespace {
class VerifyChanges : public ::testing::Environment {
 public:
  void SetUp() override { zj::Workspace::SetVerifyChanges(true); }
};
const auto* const kEnv = ::testing::AddGlobalTestEnvironment(new VerifyChanges);
}  // namespace

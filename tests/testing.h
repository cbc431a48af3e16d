// Helpers shared by the tests.
#pragma once

#include <optional>
#include <string>

namespace accord::testing {

// The project root (where corpora/ is).
std::string SourceDir();
// The build folder (where the accord binary is).
std::string BinaryDir();

// The shared corpora folder (../shared/corpora beside the checkout, or $ACCORD_SHARED_DIR/corpora),
// or nullopt when it is absent: tests that need it call GTEST_SKIP() with a message.
std::optional<std::string> SharedCorporaDir();

// Reads a whole file; aborts the test binary when it cannot.
std::string ReadFile(const std::string& path);

}  // namespace accord::testing

#define ACCORD_REQUIRE_SHARED(var)                                                  \
  auto var##_opt = ::accord::testing::SharedCorporaDir();                           \
  if (!var##_opt) GTEST_SKIP() << "../shared/corpora is absent: skipping this test"; \
  const std::string var = *var##_opt

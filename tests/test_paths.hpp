#pragma once

#include <string>

namespace keiji::test {

// Absolute paths into the source tree, so tests run from any working directory.
inline std::string source_path(const std::string& relative) {
    return std::string(KEIJI_SOURCE_DIR) + "/" + relative;
}
inline std::string binary_path(const std::string& relative) {
    return std::string(KEIJI_BINARY_DIR) + "/" + relative;
}

}  // namespace keiji::test

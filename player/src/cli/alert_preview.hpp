#pragma once

#include <string>

namespace keiji::cli {

// keiji alert preview INPUT --out DIR [--size WxH]: the takeover screen of an alert payload or a
// signed envelope (its signature not checked: keiji alert verify does that), one PNG per
// language of its rotation, drawn by the screens' own code. Messages in `language`.
[[nodiscard]] int run_alert_preview(const std::string& input, const std::string& out_directory,
                                    const std::string& size, const std::string& language);

}  // namespace keiji::cli

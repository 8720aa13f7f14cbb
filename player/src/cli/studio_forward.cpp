#include "cli/studio_forward.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <vector>

#include "cli/messages.hpp"

namespace keiji::cli {

namespace {

// keiji-studio in the folder of the running keiji (/usr/bin, or build/…/player).
std::filesystem::path studio_program() {
    std::error_code error;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
    return (error ? std::filesystem::path(".") : self.parent_path()) / "keiji-studio";
}

int forward(const std::vector<std::string>& arguments) {
    const std::filesystem::path program = studio_program();
    std::vector<std::string> words{"keiji-studio", "studio"};
    words.insert(words.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (std::string& word : words) {
        argv.push_back(word.data());
    }
    argv.push_back(nullptr);
    ::execv(program.c_str(), argv.data());
    const int cause = errno;
    return fail("studio",
                fmt::format("cannot start {} ({}): build it with 'make studio' or install it "
                            "beside keiji",
                            program.string(), std::strerror(cause)));
}

}  // namespace

Command add_studio_forward_command(CLI::App& app, const Context& /*context*/) {
    auto* command = app.add_subcommand(
        "studio", "The web console where content staff edit, preview and publish (keiji-studio)");
    // Everything after "studio", --help included, is keiji-studio's to read.
    command->prefix_command();
    command->set_help_flag();
    return Command{command, [command] { return forward(command->remaining()); }};
}

}  // namespace keiji::cli

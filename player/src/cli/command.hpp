#pragma once

#include <functional>
#include <string>

namespace CLI {
class App;
}

namespace keiji::cli {

// What every command gets: the language of its messages (from LANG and friends).
struct Context {
    std::string message_language = "en";
};

// A registered command: its CLI11 subcommand, and what runs when it was the one given (returning
// the exit code: 0 success, 1 failure, 2 a usage error). Every command is registered this way,
// by an add_*_command function in its own file.
struct Command {
    CLI::App* app = nullptr;
    std::function<int()> run;
};

}  // namespace keiji::cli

// keiji-studio: the web console, a program of its own (see cli/studio_forward.hpp). `keiji studio
// ARGS` runs `keiji-studio studio ARGS`; `keiji-studio ARGS` works the same.
#include <array>
#include <string_view>
#include <vector>

#include "cli/cli.hpp"
#include "cli/studio_command.hpp"

int main(int argc, char** argv) {
    static constexpr std::array<keiji::cli::AddCommand, 1> commands = {
        keiji::cli::add_studio_command};
    std::vector<char*> words(argv, argv + argc);
    static char studio[] = "studio";
    if (argc < 2 || std::string_view(argv[1]) != "studio") {
        words.insert(words.begin() + 1, studio);
    }
    return keiji::cli::run_commands(int(words.size()), words.data(), commands,
                                    "keiji studio: the web console of the signage (掲示)");
}

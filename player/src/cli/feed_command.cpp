#include "cli/feed_command.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "alert/key_files.hpp"
#include "cli/messages.hpp"
#include "sync/feed_builder.hpp"

namespace keiji::cli {

namespace {

constexpr const char* feed_help = R"(Publishing content to every screen:
  1. Put the playlists (*.json) and their images in one folder, as in playlists/.
  2. keiji feed build that-folder [--key keys/minato-content.secret.json]
     checks every playlist, then writes that-folder/feed.json listing each playlist and image
     with its size and SHA-256 (and feed.json.sig when a key is given).
  3. Copy the folder to the web server. Screens fetch feed.json and only what changed.
Screens with feed.public_keys in keiji.json accept only a feed signed by one of those keys.)";

struct FeedOptions {
    std::string directory;
    std::string key_file;  // Optional: sign with this secret key.
};

int run_feed(const FeedOptions& options, std::string_view language) {
    std::optional<alert::SecretKey> key;
    if (!options.key_file.empty()) {
        auto read = alert::read_secret_key_file(options.key_file);
        if (!read) {
            return fail("feed", read.error(), language);
        }
        key = std::move(*read);
    }
    const auto built = sync::build_feed(options.directory, key ? &*key : nullptr);
    if (!built) {
        print_problems(built.error(), language);
        return fail("feed", "fix the problems above; feed.json was not written");
    }
    if (auto written = sync::write_feed(options.directory, *built); !written) {
        return fail("feed", written.error(), language);
    }
    print(fmt::format("wrote {}/feed.json: {} playlist(s), {} image(s){}\n", options.directory,
                      built->playlists, built->assets,
                      key ? fmt::format(", signed with {}", key->key_id) : ""));
    return 0;
}

}  // namespace

Command add_feed_command(CLI::App& app, const Context& context) {
    auto options = std::make_shared<FeedOptions>();
    auto* command =
        app.add_subcommand("feed", "Publish content to screens: build a feed (see --help)");
    command->description(feed_help);
    command->require_subcommand(1);
    auto* build = command->add_subcommand(
        "build", "Write feed.json for a folder of playlists and images (and sign it)");
    build->add_option("FOLDER", options->directory, "The folder of playlists and images")
        ->required()
        ->check(CLI::ExistingDirectory);
    build->add_option("--key", options->key_file, "Sign with this secret key from alert keygen")
        ->check(CLI::ExistingFile);
    build->footer("Example: keiji feed build playlists/ --key keys/minato-content.secret.json");
    const std::string language = context.message_language;
    return Command{command, [options, language] { return run_feed(*options, language); }};
}

}  // namespace keiji::cli

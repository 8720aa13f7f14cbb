#include "app/cli.hpp"

int main(int argc, char** argv) {
    return keiji::app::run_cli(argc, argv);
}

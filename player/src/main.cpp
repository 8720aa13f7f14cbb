#include <malloc.h>

#include "cli/cli.hpp"

int main(int argc, char** argv) {
    // Layers, frames and decoded photos are megabytes each and come and go with every slide.
    // glibc serves such blocks with mmap at first, but raises its threshold after the first ones
    // are freed; later ones then come from the heap, whose freed pages fragment and stay. A fixed
    // threshold hands each of them back to the kernel when it is freed: in a 10-minute loop of 50
    // photos under Xvfb the plateau of PSS fell from about 80 to about 61 MiB.
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    return keiji::cli::run_cli(argc, argv);
}

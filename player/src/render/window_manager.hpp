#pragma once

#include <SDL.h>

namespace keiji::render {

// True when `window` is on an X server that no window manager runs on (a kiosk's bare X, Xvfb).
// There SDL's full-screen request waits about 100 ms for a window manager to answer, on every
// start, and nobody does; a borderless window the display's size at its origin is full screen
// already. False on any other video driver (KMSDRM, Wayland) and when a manager is running.
[[nodiscard]] bool x11_without_window_manager(SDL_Window* window);

}  // namespace keiji::render

#pragma once

namespace keiji::alert {

// A source of raw envelopes running on its own thread, posting into a Mailbox. Stopping joins
// the thread; the destructor stops.
class Channel {
public:
    virtual ~Channel() = default;
    virtual void stop() = 0;
};

}  // namespace keiji::alert

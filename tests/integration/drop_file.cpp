// Drops a file on an X11 window the way a file manager does, through the
// XDND protocol, so the GUI tests can check what the app does with it.
//
//   claimdeck-drop-file WINDOW_ID PATH
//
// WINDOW_ID is what `xdotool search` prints. Exits 0 once the window has
// taken the drop (XdndFinished, accepted), 1 when it refused it or did not
// answer within 10 seconds, 2 on bad arguments or no display.
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <poll.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace {

constexpr long kXdndVersion = 5;
constexpr auto kAnswerTimeout = std::chrono::seconds(10);

struct Atoms {
    Atom aware, enter, position, status, drop, finished, selection, action_copy, uri_list;
    explicit Atoms(Display* display)
        : aware(XInternAtom(display, "XdndAware", False)),
          enter(XInternAtom(display, "XdndEnter", False)),
          position(XInternAtom(display, "XdndPosition", False)),
          status(XInternAtom(display, "XdndStatus", False)),
          drop(XInternAtom(display, "XdndDrop", False)),
          finished(XInternAtom(display, "XdndFinished", False)),
          selection(XInternAtom(display, "XdndSelection", False)),
          action_copy(XInternAtom(display, "XdndActionCopy", False)),
          uri_list(XInternAtom(display, "text/uri-list", False)) {}
};

class Dropper {
public:
    Dropper(Display* display, Window target, std::string uri_list)
        : display_(display), atoms_(display), target_(target), uri_list_(std::move(uri_list)) {
        source_ = XCreateSimpleWindow(display_, DefaultRootWindow(display_), 0, 0, 1, 1, 0, 0, 0);
    }

    // The XDND conversation: enter, position, (status), drop, then hand over
    // the data when asked, until the target says it has finished.
    bool drop() {
        const long version = std::min(kXdndVersion, target_version());
        if (version < 2) return fail("the window is not a drop target (no XdndAware)");
        XSetSelectionOwner(display_, atoms_.selection, source_, CurrentTime);
        send(atoms_.enter, {static_cast<long>(source_), version << 24, static_cast<long>(atoms_.uri_list), 0, 0});
        send(atoms_.position,
             {static_cast<long>(source_), 0, centre_in_root(), CurrentTime, static_cast<long>(atoms_.action_copy)});
        bool dropped = false;
        const auto deadline = std::chrono::steady_clock::now() + kAnswerTimeout;
        while (std::chrono::steady_clock::now() < deadline) {
            XEvent event;
            if (!next_event(event)) continue;
            if (event.type == SelectionRequest) {
                hand_over(event.xselectionrequest);
            } else if (event.type == ClientMessage && event.xclient.message_type == atoms_.status && !dropped) {
                if (!(event.xclient.data.l[1] & 1)) return fail("the window refused the drop");
                send(atoms_.drop, {static_cast<long>(source_), 0, CurrentTime, 0, 0});
                dropped = true;
            } else if (event.type == ClientMessage && event.xclient.message_type == atoms_.finished) {
                // Version 5 says whether the drop was used (bit 0, but GLFW 3.3
                // sends the length of the data it read: any non-zero is taken).
                return version < 5 || event.xclient.data.l[1] != 0 ? true : fail("the window did not take the file");
            }
        }
        return fail(dropped ? "no XdndFinished within 10 s" : "no XdndStatus within 10 s");
    }

private:
    long target_version() {
        Atom type = None;
        int format = 0;
        unsigned long count = 0, after = 0;
        unsigned char* data = nullptr;
        long version = 0;
        if (XGetWindowProperty(display_, target_, atoms_.aware, 0, 1, False, XA_ATOM, &type, &format, &count, &after,
                               &data) == Success &&
            data && count == 1)
            version = static_cast<long>(*reinterpret_cast<Atom*>(data));
        if (data) XFree(data);
        return version;
    }

    // Where the pointer "is": the middle of the target, in root coordinates.
    long centre_in_root() {
        XWindowAttributes attributes;
        XGetWindowAttributes(display_, target_, &attributes);
        int x = 0, y = 0;
        Window child = None;
        XTranslateCoordinates(display_, target_, DefaultRootWindow(display_), attributes.width / 2,
                              attributes.height / 2, &x, &y, &child);
        return (static_cast<long>(x) << 16) | y;
    }

    void send(Atom message, const std::initializer_list<long>& data) {
        XEvent event{};
        event.xclient.type = ClientMessage;
        event.xclient.display = display_;
        event.xclient.window = target_;
        event.xclient.message_type = message;
        event.xclient.format = 32;
        int i = 0;
        for (long value : data) event.xclient.data.l[i++] = value;
        XSendEvent(display_, target_, False, NoEventMask, &event);
        XFlush(display_);
    }

    // The target asks for the dropped data as text/uri-list.
    void hand_over(const XSelectionRequestEvent& request) {
        XEvent reply{};
        reply.xselection.type = SelectionNotify;
        reply.xselection.requestor = request.requestor;
        reply.xselection.selection = request.selection;
        reply.xselection.target = request.target;
        reply.xselection.time = request.time;
        reply.xselection.property = None;
        if (request.target == atoms_.uri_list) {
            XChangeProperty(display_, request.requestor, request.property, atoms_.uri_list, 8, PropModeReplace,
                            reinterpret_cast<const unsigned char*>(uri_list_.data()),
                            static_cast<int>(uri_list_.size()));
            reply.xselection.property = request.property;
        }
        XSendEvent(display_, request.requestor, False, NoEventMask, &reply);
        XFlush(display_);
    }

    // Waits up to 100 ms for the next event.
    bool next_event(XEvent& event) {
        if (XPending(display_) == 0) {
            pollfd connection{ConnectionNumber(display_), POLLIN, 0};
            if (poll(&connection, 1, 100) <= 0) return false;
        }
        XNextEvent(display_, &event);
        return true;
    }

    static bool fail(const char* why) {
        std::fprintf(stderr, "claimdeck-drop-file: %s\n", why);
        return false;
    }

    Display* display_;
    Atoms atoms_;
    Window target_;
    Window source_ = None;
    std::string uri_list_;
};

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: claimdeck-drop-file WINDOW_ID PATH\n");
        return 2;
    }
    Display* display = XOpenDisplay(nullptr);
    if (!display) {
        std::fprintf(stderr, "claimdeck-drop-file: no X display\n");
        return 2;
    }
    const Window target = std::strtoul(argv[1], nullptr, 0);
    // A file URI of the absolute path; the test paths need no percent-escapes.
    const std::string uri_list = "file://" + std::filesystem::absolute(argv[2]).string() + "\r\n";
    Dropper dropper(display, target, uri_list);
    const bool dropped = dropper.drop();
    XCloseDisplay(display);
    return dropped ? 0 : 1;
}

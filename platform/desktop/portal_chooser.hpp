// The system's own file chooser on Linux desktops: the XDG desktop portal's
// org.freedesktop.portal.FileChooser, over the D-Bus session bus. It works
// the same under GNOME, KDE and others, and inside Flatpak or Snap. The
// call returns a Request object at once; the answer comes later as that
// object's Response signal, with the chosen file as a file:// URI.
#pragma once

#include <string>
#include <string_view>

#include "app/file_chooser.hpp"

struct DBusMessage;

namespace claimdeck::desktop {

class PortalChooser : public FileChooserBackend {
public:
    FileChoice ask(const FileRequest& request) override;
};

// The object path the portal gives the request for `token`, known before
// the call so the Response cannot slip past: the sender's unique bus name
// without its ':' and with '.' as '_' ("/…/request/1_42/claimdeck3").
std::string portal_request_path(std::string_view unique_name, std::string_view token);

// The answer a Response signal (u response, a{sv} results) carries.
FileChoice choice_from_portal_response(DBusMessage* response);

}  // namespace claimdeck::desktop

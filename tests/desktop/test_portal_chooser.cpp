// The desktop portal's answer, read from Response signals built here the
// way xdg-desktop-portal sends them (no bus is needed to build a message).
#include <dbus/dbus.h>
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "portal_chooser.hpp"

using namespace claimdeck;
using namespace claimdeck::desktop;

namespace {

struct MessageUnref {
    void operator()(DBusMessage* message) const { dbus_message_unref(message); }
};
using Message = std::unique_ptr<DBusMessage, MessageUnref>;

void append_string_entry(DBusMessageIter& dict, const char* key, const char* signature,
                         const std::vector<std::string>& strings) {
    DBusMessageIter entry, variant, array;
    dbus_message_iter_open_container(&dict, DBUS_TYPE_DICT_ENTRY, nullptr, &entry);
    dbus_message_iter_append_basic(&entry, DBUS_TYPE_STRING, &key);
    dbus_message_iter_open_container(&entry, DBUS_TYPE_VARIANT, signature, &variant);
    const bool is_array = std::string(signature) == "as";
    if (is_array) dbus_message_iter_open_container(&variant, DBUS_TYPE_ARRAY, "s", &array);
    for (const std::string& text : strings) {
        const char* value = text.c_str();
        dbus_message_iter_append_basic(is_array ? &array : &variant, DBUS_TYPE_STRING, &value);
    }
    if (is_array) dbus_message_iter_close_container(&variant, &array);
    dbus_message_iter_close_container(&entry, &variant);
    dbus_message_iter_close_container(&dict, &entry);
}

// Response(u response, a{sv} results). Real portals send more than "uris";
// an entry of the same type comes first here, so only "uris" is read.
Message response(dbus_uint32_t code, const std::vector<std::string>& uris) {
    Message signal(dbus_message_new_signal("/org/freedesktop/portal/desktop/request/1_42/claimdeck1",
                                           "org.freedesktop.portal.Request", "Response"));
    DBusMessageIter args, results;
    dbus_message_iter_init_append(signal.get(), &args);
    dbus_message_iter_append_basic(&args, DBUS_TYPE_UINT32, &code);
    dbus_message_iter_open_container(&args, DBUS_TYPE_ARRAY, "{sv}", &results);
    append_string_entry(results, "other", "as", {"file:///not/this.json"});
    if (!uris.empty()) append_string_entry(results, "uris", "as", uris);
    dbus_message_iter_close_container(&args, &results);
    return signal;
}

}  // namespace

TEST_CASE("a chosen file comes back as the path of its file:// URI") {
    const FileChoice choice = choice_from_portal_response(response(0, {"file:///home/ada/Year%2010%20A.json"}).get());
    CHECK(choice.outcome == FileChoice::Outcome::Chosen);
    CHECK(choice.path == "/home/ada/Year 10 A.json");
}

TEST_CASE("response 1 is a cancel and response 2 a chooser closed some other way") {
    CHECK(choice_from_portal_response(response(1, {}).get()).outcome == FileChoice::Outcome::Cancelled);
    const FileChoice other = choice_from_portal_response(response(2, {}).get());
    CHECK(other.outcome == FileChoice::Outcome::Failed);
    CHECK(other.message == "the file chooser closed without an answer");
}

TEST_CASE("an answer without a local file is a failure that says what came") {
    CHECK(choice_from_portal_response(response(0, {}).get()).message == "the file chooser answered without a file");
    CHECK(choice_from_portal_response(response(0, {"sftp://server/quiz.json"}).get()).message ==
          "the file chooser gave sftp://server/quiz.json, which is not a file on this computer");
    Message empty(dbus_message_new_signal("/r", "org.freedesktop.portal.Request", "Response"));
    CHECK(choice_from_portal_response(empty.get()).message == "the file chooser's answer could not be read");
}

TEST_CASE("the request's object path is known before the call, from the unique bus name and the token") {
    CHECK(portal_request_path(":1.42", "claimdeck3") == "/org/freedesktop/portal/desktop/request/1_42/claimdeck3");
}

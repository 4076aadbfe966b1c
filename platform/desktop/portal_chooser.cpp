#include "portal_chooser.hpp"

#include <dbus/dbus.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <vector>

namespace claimdeck::desktop {
namespace {

constexpr const char* kPortalService = "org.freedesktop.portal.Desktop";
constexpr const char* kPortalObject = "/org/freedesktop/portal/desktop";
constexpr const char* kFileChooserInterface = "org.freedesktop.portal.FileChooser";
constexpr const char* kRequestInterface = "org.freedesktop.portal.Request";
constexpr int kReadTimeoutMs = 250;

struct ConnectionCloser {
    void operator()(DBusConnection* bus) const {
        dbus_connection_close(bus);
        dbus_connection_unref(bus);
    }
};
using Connection = std::unique_ptr<DBusConnection, ConnectionCloser>;
struct MessageUnref {
    void operator()(DBusMessage* message) const { dbus_message_unref(message); }
};
using Message = std::unique_ptr<DBusMessage, MessageUnref>;

// The bus is only looked for where a session has one: libdbus would
// otherwise try to start a bus of its own (autolaunch) just to ask.
bool session_bus_configured() {
    if (std::getenv("DBUS_SESSION_BUS_ADDRESS")) return true;
    const char* runtime_dir = std::getenv("XDG_RUNTIME_DIR");
    std::error_code ignored;
    return runtime_dir && std::filesystem::exists(std::filesystem::path(runtime_dir) / "bus", ignored);
}

std::string error_text(DBusError& error) {
    std::string text = error.message ? error.message : "unknown D-Bus error";
    dbus_error_free(&error);
    return text;
}

// ---- Writing the options, a{sv} ----------------------------------------------

class OptionWriter {
public:
    explicit OptionWriter(DBusMessageIter& options) : options_(options) {}

    void string(const char* key, const std::string& value) {
        const char* text = value.c_str();
        entry(key, DBUS_TYPE_STRING_AS_STRING,
              [&](DBusMessageIter& variant) { dbus_message_iter_append_basic(&variant, DBUS_TYPE_STRING, &text); });
    }
    void boolean(const char* key, bool value) {
        const dbus_bool_t flag = value;
        entry(key, DBUS_TYPE_BOOLEAN_AS_STRING,
              [&](DBusMessageIter& variant) { dbus_message_iter_append_basic(&variant, DBUS_TYPE_BOOLEAN, &flag); });
    }
    // A path as the portal wants it: bytes ending with a NUL.
    void bytes(const char* key, const std::string& value) {
        entry(key, "ay", [&](DBusMessageIter& variant) {
            DBusMessageIter array;
            dbus_message_iter_open_container(&variant, DBUS_TYPE_ARRAY, DBUS_TYPE_BYTE_AS_STRING, &array);
            const char* data = value.c_str();
            dbus_message_iter_append_fixed_array(&array, DBUS_TYPE_BYTE, &data, static_cast<int>(value.size() + 1));
            dbus_message_iter_close_container(&variant, &array);
        });
    }
    // filters a(sa(us)): each kind's label and its glob patterns (type 0).
    void filters(const std::vector<FileKind>& kinds) {
        entry("filters", "a(sa(us))", [&](DBusMessageIter& variant) {
            DBusMessageIter list;
            dbus_message_iter_open_container(&variant, DBUS_TYPE_ARRAY, "(sa(us))", &list);
            for (const FileKind& kind : kinds) append_filter(list, kind);
            dbus_message_iter_close_container(&variant, &list);
        });
    }

private:
    template <class WriteValue>
    void entry(const char* key, const char* signature, WriteValue write_value) {
        DBusMessageIter entry, variant;
        dbus_message_iter_open_container(&options_, DBUS_TYPE_DICT_ENTRY, nullptr, &entry);
        dbus_message_iter_append_basic(&entry, DBUS_TYPE_STRING, &key);
        dbus_message_iter_open_container(&entry, DBUS_TYPE_VARIANT, signature, &variant);
        write_value(variant);
        dbus_message_iter_close_container(&entry, &variant);
        dbus_message_iter_close_container(&options_, &entry);
    }

    static void append_filter(DBusMessageIter& list, const FileKind& kind) {
        DBusMessageIter filter, patterns;
        dbus_message_iter_open_container(&list, DBUS_TYPE_STRUCT, nullptr, &filter);
        const char* label = kind.label.c_str();
        dbus_message_iter_append_basic(&filter, DBUS_TYPE_STRING, &label);
        dbus_message_iter_open_container(&filter, DBUS_TYPE_ARRAY, "(us)", &patterns);
        for (const std::string& pattern : kind.patterns) {
            DBusMessageIter glob;
            const dbus_uint32_t glob_type = 0;
            const char* text = pattern.c_str();
            dbus_message_iter_open_container(&patterns, DBUS_TYPE_STRUCT, nullptr, &glob);
            dbus_message_iter_append_basic(&glob, DBUS_TYPE_UINT32, &glob_type);
            dbus_message_iter_append_basic(&glob, DBUS_TYPE_STRING, &text);
            dbus_message_iter_close_container(&patterns, &glob);
        }
        dbus_message_iter_close_container(&filter, &patterns);
        dbus_message_iter_close_container(&list, &filter);
    }

    DBusMessageIter& options_;
};

Message file_chooser_call(const FileRequest& request, const std::string& token) {
    const bool save = request.dialog == FileDialog::SaveFile;
    Message call(dbus_message_new_method_call(kPortalService, kPortalObject, kFileChooserInterface,
                                              save ? "SaveFile" : "OpenFile"));
    DBusMessageIter args, options;
    dbus_message_iter_init_append(call.get(), &args);
    const char* parent_window = "";
    const char* title = request.title.c_str();
    dbus_message_iter_append_basic(&args, DBUS_TYPE_STRING, &parent_window);
    dbus_message_iter_append_basic(&args, DBUS_TYPE_STRING, &title);
    dbus_message_iter_open_container(&args, DBUS_TYPE_ARRAY, "{sv}", &options);
    OptionWriter write(options);
    write.string("handle_token", token);
    write.boolean("modal", true);
    if (request.dialog == FileDialog::OpenFolder) write.boolean("directory", true);
    if (!request.kinds.empty()) write.filters(request.kinds);
    if (save && !request.suggested_name.empty()) write.string("current_name", request.suggested_name);
    if (save && !request.folder.empty()) write.bytes("current_folder", request.folder.u8string());
    dbus_message_iter_close_container(&args, &options);
    return call;
}

// ---- Reading the answer ------------------------------------------------------

// The first string of the "uris" entry of an a{sv}; empty when there is none.
std::string first_uri(DBusMessageIter& results) {
    for (; dbus_message_iter_get_arg_type(&results) == DBUS_TYPE_DICT_ENTRY; dbus_message_iter_next(&results)) {
        DBusMessageIter entry, variant, uris;
        dbus_message_iter_recurse(&results, &entry);
        const char* key = nullptr;
        if (dbus_message_iter_get_arg_type(&entry) != DBUS_TYPE_STRING) continue;
        dbus_message_iter_get_basic(&entry, &key);
        if (std::string_view(key) != "uris" || !dbus_message_iter_next(&entry)) continue;
        dbus_message_iter_recurse(&entry, &variant);
        if (dbus_message_iter_get_arg_type(&variant) != DBUS_TYPE_ARRAY) continue;
        dbus_message_iter_recurse(&variant, &uris);
        if (dbus_message_iter_get_arg_type(&uris) != DBUS_TYPE_STRING) continue;
        const char* uri = nullptr;
        dbus_message_iter_get_basic(&uris, &uri);
        return uri;
    }
    return {};
}

std::string token_for_next_request() {
    static std::atomic<int> requests{0};
    return "claimdeck" + std::to_string(++requests);
}

bool add_response_match(DBusConnection* bus, const std::string& request_path) {
    const std::string rule = std::string("type='signal',interface='") + kRequestInterface +
                             "',member='Response',path='" + request_path + "'";
    DBusError error;
    dbus_error_init(&error);
    dbus_bus_add_match(bus, rule.c_str(), &error);
    const bool added = !dbus_error_is_set(&error);
    dbus_error_free(&error);
    return added;
}

// Reads the bus until the Response for `request_path` comes.
FileChoice wait_for_response(DBusConnection* bus, const std::string& request_path) {
    while (dbus_connection_read_write(bus, kReadTimeoutMs)) {
        while (Message message{dbus_connection_pop_message(bus)}) {
            if (dbus_message_is_signal(message.get(), kRequestInterface, "Response") &&
                request_path == dbus_message_get_path(message.get()))
                return choice_from_portal_response(message.get());
        }
    }
    return FileChoice::failed("the D-Bus session bus closed before the file chooser answered");
}

}  // namespace

std::string portal_request_path(std::string_view unique_name, std::string_view token) {
    std::string sender(unique_name.substr(unique_name.empty() || unique_name[0] != ':' ? 0 : 1));
    for (char& c : sender)
        if (c == '.') c = '_';
    return std::string(kPortalObject) + "/request/" + sender + "/" + std::string(token);
}

FileChoice choice_from_portal_response(DBusMessage* response) {
    DBusMessageIter args, results;
    dbus_uint32_t code = 2;
    if (!dbus_message_iter_init(response, &args) || dbus_message_iter_get_arg_type(&args) != DBUS_TYPE_UINT32)
        return FileChoice::failed("the file chooser's answer could not be read");
    dbus_message_iter_get_basic(&args, &code);
    if (code == 1) return FileChoice::cancelled();
    if (code != 0) return FileChoice::failed("the file chooser closed without an answer");
    std::string uri;
    if (dbus_message_iter_next(&args) && dbus_message_iter_get_arg_type(&args) == DBUS_TYPE_ARRAY) {
        dbus_message_iter_recurse(&args, &results);
        uri = first_uri(results);
    }
    if (uri.empty()) return FileChoice::failed("the file chooser answered without a file");
    const std::optional<std::filesystem::path> path = path_from_file_uri(uri);
    if (!path) return FileChoice::failed("the file chooser gave " + uri + ", which is not a file on this computer");
    return FileChoice::chosen(*path);
}

FileChoice PortalChooser::ask(const FileRequest& request) {
    if (!session_bus_configured()) return FileChoice::unavailable("there is no D-Bus session bus for the portal");
    DBusError error;
    dbus_error_init(&error);
    // A private connection: this runs off the main thread and must not
    // share a connection (or its queue of signals) with anything else.
    Connection bus(dbus_bus_get_private(DBUS_BUS_SESSION, &error));
    if (!bus) return FileChoice::unavailable("the D-Bus session bus cannot be reached: " + error_text(error));
    dbus_connection_set_exit_on_disconnect(bus.get(), FALSE);
    const std::string token = token_for_next_request();
    std::string request_path = portal_request_path(dbus_bus_get_unique_name(bus.get()), token);
    if (!add_response_match(bus.get(), request_path))
        return FileChoice::unavailable("the D-Bus session bus refused to pass on the portal's answer");
    Message call = file_chooser_call(request, token);
    Message reply(dbus_connection_send_with_reply_and_block(bus.get(), call.get(), DBUS_TIMEOUT_USE_DEFAULT, &error));
    // No portal, or one without a file chooser: the next chooser is asked.
    if (!reply) return FileChoice::unavailable("no desktop portal file chooser: " + error_text(error));
    const char* handle = nullptr;
    if (dbus_message_get_args(reply.get(), &error, DBUS_TYPE_OBJECT_PATH, &handle, DBUS_TYPE_INVALID) &&
        request_path != handle) {
        // Portals older than version 0.9 chose the path themselves.
        request_path = handle;
        add_response_match(bus.get(), request_path);
    }
    dbus_error_free(&error);
    return wait_for_response(bus.get(), request_path);
}

}  // namespace claimdeck::desktop

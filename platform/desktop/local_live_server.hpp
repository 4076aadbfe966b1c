// A claimdeck-server started by the app for one live class: a child process
// on a free port, listening on every network address so pupils' phones on
// the classroom's network reach it, with its classes in the app's data
// folder, serving the web app that phones open from the join link. It is
// stopped when the class ends or the app quits.
#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include "content/deck.hpp"
#include "live/teacher_class.hpp"

namespace claimdeck::desktop {

struct LocalServerPlace {
    std::filesystem::path program;   // claimdeck-server
    std::filesystem::path data_dir;  // the app's data folder
    // Where the web app's site folder may be, best first (web_app_folders()
    // of bundled_content.hpp): the first that holds one is served to phones.
    std::vector<std::filesystem::path> web_app_folders;
};

// Where claimdeck-server is: beside `app_program` as installed (bin/), else
// the one this build made. Empty when neither is there.
std::filesystem::path find_server_program(const std::filesystem::path& app_program);

// Starts the server on `deck` (written into the data folder, as the server
// reads decks from files). Never blocks on the server: access() turns up
// once it has printed its address and key.
std::unique_ptr<live::LocalServer> start_local_server(const LocalServerPlace& place, const Deck& deck);

// This machine's address on its network, as phones reach it ("192.168.1.5");
// empty when it has none but 127.0.0.1.
std::string network_address();

}  // namespace claimdeck::desktop

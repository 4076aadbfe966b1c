// The Studio's state outside any screen: the document, where it is saved,
// its live checks, and the draft that keeps the last few seconds of work
// through a crash. The shell calls it between frames, never while drawing.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "studio/deck_folder.hpp"
#include "studio/studio_checks.hpp"
#include "studio/studio_document.hpp"

namespace claimdeck {

// How long after a change the draft is written, at most.
inline constexpr std::int64_t kDraftIntervalMs = 2000;

class StudioApp {
public:
    // Decks are saved under DATA/studio/<deck id>/, drafts in DATA/studio/drafts/.
    explicit StudioApp(std::filesystem::path data_dir);

    // Opens the draft a crash or a kill left behind, if there is one; true when it did.
    bool restore_draft();
    void new_deck();
    // A copy of `deck` (the bundled one, say), saved to its own folder: the original is never written.
    void open_copy(const Deck& deck);
    // A deck folder saved before; throws std::runtime_error naming the problem.
    void open_folder(const std::filesystem::path& folder);
    // "Open…": a deck file in a deck folder (FOLDER/decks/<id>.json) or a
    // .claimdeck package. Save goes back to the deck folder when it holds
    // that deck only; a package, or a folder shared with other decks (the
    // bundled ones), opens as a copy saved under DATA/studio/<id>/.
    // Throws std::runtime_error naming the problem.
    void open_file(const std::filesystem::path& file);
    // "Open article file…": a .txt, .md or .html file as a new article
    // (content/article_import). Throws std::runtime_error naming the problem.
    void add_article_file(const std::filesystem::path& file);

    const StudioDocument& document() const { return document_; }
    void apply(const StudioEdit& change);  // throws std::invalid_argument as StudioDocument does
    void undo();
    void redo();

    // Saves to save_folder() (atomically, the previous version kept) and
    // drops the draft. Throws std::runtime_error when it cannot.
    void save();
    std::filesystem::path save_folder() const;
    // "Save as…" into a folder the user chose: into it when it is empty or
    // holds this deck only, else into a new FOLDER/<deck id>/. Save goes
    // there from then on. Throws std::runtime_error when it cannot.
    void save_as(const std::filesystem::path& folder);
    // The deck and its articles as one .claimdeck file, written whole or not
    // at all. Throws std::runtime_error naming the problem.
    void export_package(const std::filesystem::path& file) const;
    std::filesystem::path saved_deck_file() const { return deck_file_in(save_folder(), document_.deck().id); }
    bool unsaved() const { return unsaved_; }
    // Saved (or opened from where it is saved) at least once: a new deck is not.
    bool saved_once() const { return saved_once_; }
    // New deck, Open… and the copies replace the open deck. Edits it has that
    // no Save holds are first saved as a deck folder of their own under
    // DATA/studio/set-aside/, never dropped; this names the last such folder.
    // When they cannot be written, the replacing throws std::runtime_error
    // and the open deck stays.
    const std::optional<std::filesystem::path>& set_aside() const { return set_aside_; }

    // The draft is written when a change is kDraftIntervalMs old, and on close.
    bool draft_due(std::int64_t now_ms) const;
    bool draft_pending() const { return draft_stale_; }
    void autosave(std::int64_t now_ms);
    void close();
    std::filesystem::path draft_folder() const { return data_dir_ / "studio" / "drafts" / "current"; }

    // The live checks of the document as it is now: brought up to date
    // after each change, between frames, by checking again only what the
    // change touched (LiveChecks), so a frame never waits for them.
    const std::vector<StudioProblem>& live_checks() const { return checks_.problems(); }
    // The document's topic view, worked out again only after a change.
    const std::vector<TopicOverview>& topic_overview() const;

private:
    void replace(StudioDocument document);
    void set_aside_unsaved_edits();
    void changed();
    void write_draft();
    void drop_draft();
    void after_edit();
    std::string checked_file_name() const { return document_.deck().id + ".json"; }

    std::filesystem::path data_dir_;
    std::filesystem::path chosen_folder_;  // where Save goes; empty: DATA/studio/<deck id>/
    StudioDocument document_;
    bool unsaved_ = false;
    bool edits_at_risk_ = false;  // edited, or a restored draft, since it was opened or saved
    std::optional<std::filesystem::path> set_aside_;
    bool saved_once_ = false;
    bool draft_stale_ = false;         // changes the draft does not hold yet
    std::int64_t changed_at_ms_ = -1;  // when the first change the draft lacks was made (-1: on its next autosave)
    LiveChecks checks_;
    mutable std::vector<TopicOverview> overview_;
    mutable std::uint64_t overview_revision_ = UINT64_MAX;
};

}  // namespace claimdeck

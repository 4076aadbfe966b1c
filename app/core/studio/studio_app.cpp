#include "studio/studio_app.hpp"

#include <stdexcept>

#include "base/text_file.hpp"
#include "content/article_import.hpp"
#include "content/deck_library.hpp"
#include "content/deck_package.hpp"
#include "studio/deck_folder.hpp"

namespace claimdeck {
namespace fs = std::filesystem;

StudioApp::StudioApp(fs::path data_dir) : data_dir_(std::move(data_dir)) {
    checks_.check_all(document_, checked_file_name());
}

bool StudioApp::restore_draft() {
    if (!fs::exists(draft_folder())) return false;
    OpenedDeckFolder opened = open_deck_folder(draft_folder(), false);
    if (!opened.deck) return false;
    replace(StudioDocument(std::move(*opened.deck)));
    draft_stale_ = false;   // it is the draft
    edits_at_risk_ = true;  // and only the draft holds them
    return true;
}

void StudioApp::replace(StudioDocument document) {
    set_aside_.reset();
    if (edits_at_risk_) set_aside_unsaved_edits();
    document_ = std::move(document);
    chosen_folder_.clear();
    saved_once_ = false;
    checks_.check_all(document_, checked_file_name());
    overview_revision_ = UINT64_MAX;  // a new document counts its revisions from 0 again
    changed();
    edits_at_risk_ = false;  // the deck just opened holds no edits yet
}

// The draft folder cannot keep them: the next deck's draft goes there.
void StudioApp::set_aside_unsaved_edits() {
    Deck kept = document_.deck();
    if (!is_bare_file_name(kept.id + ".json")) kept.id = "untitled";
    const fs::path shelf = data_dir_ / "studio" / "set-aside";
    fs::path folder = shelf / kept.id;
    for (int n = 2; fs::exists(folder); ++n) folder = shelf / (kept.id + "-" + std::to_string(n));
    if (std::string failed = save_deck_folder(kept, folder); !failed.empty())
        throw std::runtime_error("Your unsaved changes could not be set aside, so the deck stays open: " + failed);
    set_aside_ = deck_file_in(folder, kept.id);
}

void StudioApp::new_deck() { replace(StudioDocument()); }

void StudioApp::open_copy(const Deck& deck) { replace(StudioDocument(deck)); }

void StudioApp::open_folder(const fs::path& folder) {
    OpenedDeckFolder opened = open_deck_folder(folder, false);
    if (!opened.deck) throw std::runtime_error(describe_all(opened.problems));
    replace(StudioDocument(std::move(*opened.deck)));
    unsaved_ = false;
    saved_once_ = true;
    draft_stale_ = false;
}

void StudioApp::open_file(const fs::path& file) {
    if (is_package_file(file)) {
        PackageReadResult package = read_package_file(file);
        if (!package.deck) throw std::runtime_error(describe_all(package.problems));
        return open_copy(*package.deck);
    }
    OpenedDeckFolder opened = open_deck_file(file);
    if (!opened.deck) throw std::runtime_error(describe_all(opened.problems));
    const fs::path folder = file.parent_path().parent_path();
    const bool own_folder = file.parent_path().filename() == "decks" && holds_one_deck_only(folder);
    replace(StudioDocument(std::move(*opened.deck)));
    if (!own_folder) return;  // a copy: nothing is saved until Save
    chosen_folder_ = folder;
    unsaved_ = false;
    saved_once_ = true;
    draft_stale_ = false;
}

void StudioApp::add_article_file(const fs::path& file) {
    const TextFileResult read = read_text_file(file, DeckLimits().max_article_bytes);
    if (!read.error.empty()) throw std::runtime_error(read.error);
    const ImportedArticle article = import_article(read.text, article_format_for(file));
    if (!article.error.empty()) throw std::runtime_error(file.u8string() + ": " + article.error);
    apply(edit::AddArticle{article.headline, article.text});
}

void StudioApp::apply(const StudioEdit& change) {
    document_.apply(change);
    after_edit();
}

void StudioApp::undo() {
    if (!document_.can_undo()) return;
    document_.undo();
    after_edit();
}

void StudioApp::redo() {
    if (!document_.can_redo()) return;
    document_.redo();
    after_edit();
}

void StudioApp::after_edit() {
    checks_.update(document_, checked_file_name());
    changed();
}

void StudioApp::changed() {
    unsaved_ = true;
    edits_at_risk_ = true;
    if (!draft_stale_) changed_at_ms_ = -1;
    draft_stale_ = true;
}

fs::path StudioApp::save_folder() const {
    return chosen_folder_.empty() ? data_dir_ / "studio" / document_.deck().id : chosen_folder_;
}

void StudioApp::save_as(const fs::path& folder) {
    const bool this_deck_there = fs::exists(deck_file_in(folder, document_.deck().id));
    std::error_code error;
    const bool empty = !fs::exists(folder, error) || fs::is_empty(folder, error);
    const fs::path before = chosen_folder_;
    chosen_folder_ = this_deck_there || empty ? folder : folder / document_.deck().id;
    try {
        save();
    } catch (...) {
        chosen_folder_ = before;
        throw;
    }
}

void StudioApp::export_package(const fs::path& file) const {
    PackageReadResult package = package_deck(document_.deck());
    if (!package.files) throw std::runtime_error("Fix these before exporting: " + describe_all(package.problems));
    if (std::string failed = write_text_file(file, write_package(*package.files)); !failed.empty())
        throw std::runtime_error(failed);
}

void StudioApp::save() {
    if (document_.deck().id.empty()) throw std::runtime_error("Give the deck an id before saving it.");
    if (std::string failed = save_deck_folder(document_.deck(), save_folder()); !failed.empty())
        throw std::runtime_error(failed);
    unsaved_ = false;
    edits_at_risk_ = false;
    saved_once_ = true;
    draft_stale_ = false;
    drop_draft();
}

bool StudioApp::draft_due(std::int64_t now_ms) const {
    return draft_stale_ && changed_at_ms_ >= 0 && now_ms - changed_at_ms_ >= kDraftIntervalMs;
}

// The first call after a change starts its clock: the document cannot read one.
void StudioApp::autosave(std::int64_t now_ms) {
    if (draft_stale_ && changed_at_ms_ < 0) changed_at_ms_ = now_ms;
    if (draft_due(now_ms)) write_draft();
}

void StudioApp::close() {
    if (draft_stale_) write_draft();
}

void StudioApp::write_draft() {
    // A draft that cannot be written is tried again after the next change;
    // the document itself is still in memory.
    if (save_deck_folder(document_.deck(), draft_folder()).empty()) draft_stale_ = false;
}

void StudioApp::drop_draft() {
    std::error_code ignored;
    fs::remove_all(draft_folder(), ignored);
    fs::remove_all(fs::path(draft_folder()) += ".previous", ignored);
}

const std::vector<TopicOverview>& StudioApp::topic_overview() const {
    if (overview_revision_ != document_.revision()) {
        overview_ = document_.topic_overview();
        overview_revision_ = document_.revision();
    }
    return overview_;
}

}  // namespace claimdeck

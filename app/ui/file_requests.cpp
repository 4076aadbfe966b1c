#include "file_requests.hpp"

#include "base/typed_path.hpp"
#include "content/deck_package.hpp"

namespace claimdeck::ui {
namespace {

const FileKind kJson{"ClaimDeck files (.json)", {"*.json"}};
const FileKind kCsv{"Spreadsheet (.csv)", {"*.csv"}};
const FileKind kHtml{"Web page (.html)", {"*.html", "*.htm"}};
const FileKind kBackup{"ClaimDeck backups (.sqlite)", {"*.sqlite"}};
const FileKind kProgress{"ClaimDeck backups and progress files (.sqlite, .json)", {"*.sqlite", "*.json"}};
const FileKind kDeck{"ClaimDeck decks (.claimdeck, .json)", {"*.claimdeck", "*.json"}};
const FileKind kPackage{"ClaimDeck packages (.claimdeck)", {"*.claimdeck"}};
const FileKind kArticle{"Articles (.txt, .md, .html)", {"*.txt", "*.md", "*.markdown", "*.html", "*.htm"}};

FileRequest open_file(const char* title, FileKind kind) {
    return {FileDialog::OpenFile, title, {std::move(kind)}, {}, {}};
}

FileRequest save_file(const char* title, FileKind kind, const std::filesystem::path& suggested) {
    return {FileDialog::SaveFile, title, {std::move(kind)}, suggested.parent_path(), suggested.filename().u8string()};
}

}  // namespace

FileRequest file_request(FilePurpose purpose, const StudyApp& app, const std::string& studio_deck_id) {
    switch (purpose) {
        case FilePurpose::OpenQuiz: return open_file("Open a class quiz", kJson);
        case FilePurpose::ResultsFile:
        case FilePurpose::RetryResults:
            return save_file("Save the quiz results as", kJson, app.class_quiz().results_path());
        case FilePurpose::SaveQuiz: return save_file("Save the quiz as", kJson, app.quiz_builder().default_path());
        case FilePurpose::AddResultsFile: return open_file("Add a results file", kJson);
        case FilePurpose::AddResultsFolder:
            return {FileDialog::OpenFolder, "Add a folder of results files", {}, app.class_report().results_dir(), {}};
        case FilePurpose::ExportCsv:
            return save_file("Save the report as", kCsv, app.class_report().export_path(ReportFormat::Csv));
        case FilePurpose::ExportHtml:
            return save_file("Save the report as", kHtml, app.class_report().export_path(ReportFormat::Html));
        case FilePurpose::ImportDeck: return open_file("Import a deck", kDeck);
        case FilePurpose::StudioOpenDeck: return open_file("Open a deck to edit", kDeck);
        case FilePurpose::StudioOpenArticle: return open_file("Open an article", kArticle);
        case FilePurpose::StudioSaveAs: return {FileDialog::OpenFolder, "Save the deck in a folder", {}, {}, {}};
        case FilePurpose::StudioExportPackage:
            return save_file("Export the deck as", kPackage, studio_deck_id + kPackageExtension);
        case FilePurpose::BackUpProgress:
            return save_file("Back up my progress as", kBackup, expand_typed_path("~/" + app.backup_file_name()).path);
        case FilePurpose::ImportProgress: return open_file("Import progress", kProgress);
    }
    return {};
}

}  // namespace claimdeck::ui

; The Windows installer (./dev package, target windows_installer): installs
; what the zip holds (the windows_stage folder: both programs, the bundled
; content, the fonts, the README and the licences), a Start-menu shortcut,
; and an uninstaller listed in Settings' "Apps" (Add/Remove Programs).
;
;   makensis -DVERSION=0.1.0 -DSTAGE=<stage folder> -DICON=<claimdeck.ico>
;            -DOUTFILE=<installer.exe> claimdeck.nsi
;
; Per user, without administrator rights: into %LOCALAPPDATA%\Programs
; (Windows' folder for programs installed by one user), with the shortcut
; and the uninstaller's entry under that user. A pupil or a teacher on a
; school computer can install it without asking IT; the progress stays in
; %APPDATA%\ClaimDeck, where the uninstaller leaves it.
;
; Silent: Setup.exe /S [/D=C:\another\folder]; "Uninstall ClaimDeck.exe" /S.
; 64-bit, as the programs are: Windows runs it alike, and so does Wine
; without its 32-bit half (Debian's wine64 alone, as the tests use).
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel user

!define APP "ClaimDeck"
!define UNINSTALLER "Uninstall ClaimDeck.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\ClaimDeck"

Name "${APP}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
; A second install (a newer version) goes where the first one went.
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"

!include "MUI2.nsh"
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_FINISHPAGE_RUN "$INSTDIR\claimdeck.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Open ClaimDeck now"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${APP}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${APP} installer"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "Copyright 2026 the ClaimDeck developers"

Section "ClaimDeck"
  SetOutPath "$INSTDIR"
  File /r "${STAGE}/*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"
  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\claimdeck.exe"

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "the ClaimDeck developers"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\claimdeck.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

; Removes only what the installer put there, by name: a folder chosen for
; the install that held other files keeps them. The folder goes last, so
; that once it is gone the uninstall is done.
Section "Uninstall"
  Delete "$SMPROGRAMS\${APP}.lnk"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  Delete "$INSTDIR\claimdeck.exe"
  Delete "$INSTDIR\claimdeck-cli.exe"
  Delete "$INSTDIR\README.md"
  RMDir /r "$INSTDIR\content"
  RMDir /r "$INSTDIR\assets"
  RMDir /r "$INSTDIR\licences"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"
SectionEnd

; Inno Setup script for the Windows desktop bundle (UNTESTED: building it needs
; Windows, Inno Setup 6 and a bundle built there with installers/build.py bundle).
; CI checks only that every file named here exists in the Linux bundle's layout
; (tiered-ws.exe standing for tiered-ws): tests/install/test_windows_script.py.
;   iscc installers\windows\tiered-ws.iss

#define AppName "Tiered Workstation"
#define AppVersion "0.2.0"
#define Bundle "..\..\build\bundle\tiered-ws"
#define Resources "..\..\resources"

[Setup]
AppId={{6F1B7C52-2B7E-4C0B-9C54-7E2D3F9A4B11}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Tiered Workstation developers
DefaultDirName={autopf}\Tiered Workstation
DefaultGroupName={#AppName}
OutputBaseFilename=tiered-ws-{#AppVersion}-setup
SetupIconFile={#Resources}\icons\app\tiered-ws.ico
UninstallDisplayIcon={app}\tiered-ws.exe
Compression=lzma2
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
LicenseFile=..\..\LICENSE

[Languages]
; Inno Setup ships no official Simplified Chinese set-up messages; the program itself
; follows the machine's language
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "{#Bundle}\tiered-ws.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Bundle}\tiered-ws-gui.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Bundle}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#Resources}\icons\app\tiered-ws.ico"; DestDir: "{app}"; Flags: ignoreversion

[Dirs]
; a site's data and its site.toml live outside the program folder, so upgrades never
; touch them; only administrators may write here until IT grants the desk's users
Name: "{commonappdata}\Tiered Workstation"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\tiered-ws-gui.exe"; IconFilename: "{app}\tiered-ws.ico"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\tiered-ws-gui.exe"; IconFilename: "{app}\tiered-ws.ico"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

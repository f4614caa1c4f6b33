; Inno Setup script for the Windows desktop bundle (UNTESTED: building it needs
; Windows, Inno Setup 6 and a bundle built there with installers/build.py bundle).
; CI checks only that every file named here exists in the Linux bundle's layout
; (tiered-ws.exe standing for tiered-ws): tests/installers/test_windows_script.py.
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
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Files]
Source: "{#Bundle}\tiered-ws.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Bundle}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#Resources}\icons\app\tiered-ws.ico"; DestDir: "{app}"; Flags: ignoreversion

[Dirs]
; a site's data lives outside the program folder, so upgrades never touch it
Name: "{commonappdata}\Tiered Workstation"; Permissions: users-modify

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\tiered-ws.exe"; Parameters: "gui"; IconFilename: "{app}\tiered-ws.ico"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\tiered-ws.exe"; Parameters: "gui"; IconFilename: "{app}\tiered-ws.ico"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Run]
Filename: "{app}\tiered-ws.exe"; Parameters: "gui --self-test"; Description: "Check that the desktop starts"; Flags: postinstall skipifsilent runhidden

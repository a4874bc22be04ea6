; Inno Setup script: the Windows installer of CSP Reconciler.
; Build the bundle first on Windows (`python installer\build.py`), then:
;   iscc /DVersion=0.1.0 installer\csp-reconciler.iss
; (installer\build.py prints the version from pyproject.toml; pass it as /DVersion.)
; Per-user install, no administrator rights; Start-menu entry; .csprecon file association;
; uninstaller. The user's workspaces, settings and logs (in %LOCALAPPDATA%) are kept on
; uninstall.

#ifndef Version
  #define Version "0.1.0"
#endif

[Setup]
AppId={{6F0C4E1A-3C2B-4C55-9C5E-2B7C3A1D9E10}
AppName=CSP Reconciler
AppVersion={#Version}
AppPublisher=CSP Reconciler
DefaultDirName={localappdata}\Programs\CSP Reconciler
DefaultGroupName=CSP Reconciler
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
OutputDir=..\dist
OutputBaseFilename=csp-reconciler-{#Version}-setup
SetupIconFile=..\build\icons\csp-reconciler.ico
UninstallDisplayIcon={app}\csp-reconciler.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"

[Files]
Source: "..\dist\csp-reconciler\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\CSP Reconciler"; Filename: "{app}\csp-reconciler.exe"
Name: "{group}\Uninstall CSP Reconciler"; Filename: "{uninstallexe}"

[Registry]
; .csprecon workspaces open in CSP Reconciler (per user: HKCU\Software\Classes).
Root: HKCU; Subkey: "Software\Classes\.csprecon"; ValueType: string; ValueName: ""; ValueData: "CSPReconciler.Workspace"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\CSPReconciler.Workspace"; ValueType: string; ValueName: ""; ValueData: "CSP Reconciler workspace"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\CSPReconciler.Workspace\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\csp-reconciler.exe,0"
Root: HKCU; Subkey: "Software\Classes\CSPReconciler.Workspace\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\csp-reconciler.exe"" ""%1"""

[Run]
Filename: "{app}\csp-reconciler.exe"; Description: "{cm:LaunchProgram,CSP Reconciler}"; Flags: nowait postinstall skipifsilent

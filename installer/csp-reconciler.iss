; Inno Setup script: the Windows installer of CSP Reconciler.
; Build the bundle first on Windows (`python installer\build.py`), then:
;   iscc /DVersion=0.1.0 installer\csp-reconciler.iss
; (installer\build.py prints the version from pyproject.toml; pass it as /DVersion.)
; By default a per-user install without administrator rights; the first page offers an
; install for all users instead (it asks for administrator rights).  Every place written
; follows that choice, as Inno Setup documents for PrivilegesRequiredOverridesAllowed:
; {autopf} is %LOCALAPPDATA%\Programs or Program Files, {autoprograms} the user's or the
; common Start menu, HKA is HKEY_CURRENT_USER or HKEY_LOCAL_MACHINE.  Start-menu entry,
; .csprecon file association, csp-recon on the PATH (an option, on by default), uninstaller.
; The user's workspaces and logs (%LOCALAPPDATA%\CSP Reconciler) and settings (registry,
; HKEY_CURRENT_USER\Software\CSP Reconciler) are kept on uninstall.

#ifndef Version
  #define Version "0.1.0"
#endif

[Setup]
AppId={{6F0C4E1A-3C2B-4C55-9C5E-2B7C3A1D9E10}
AppName=CSP Reconciler
AppVersion={#Version}
AppPublisher=CSP Reconciler
DefaultDirName={autopf}\CSP Reconciler
DefaultGroupName=CSP Reconciler
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
ChangesEnvironment=yes
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

[Tasks]
Name: "addtopath"; Description: "Put the command line (csp-recon) on the PATH"

[Files]
Source: "..\dist\csp-reconciler\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\CSP Reconciler"; Filename: "{app}\csp-reconciler.exe"
Name: "{group}\Uninstall CSP Reconciler"; Filename: "{uninstallexe}"

[Registry]
; .csprecon workspaces open in CSP Reconciler (HKA\Software\Classes: the user's or all users').
Root: HKA; Subkey: "Software\Classes\.csprecon"; ValueType: string; ValueName: ""; ValueData: "CSPReconciler.Workspace"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\CSPReconciler.Workspace"; ValueType: string; ValueName: ""; ValueData: "CSP Reconciler workspace"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\CSPReconciler.Workspace\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\csp-reconciler.exe,0"
Root: HKA; Subkey: "Software\Classes\CSPReconciler.Workspace\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\csp-reconciler.exe"" ""%1"""
; csp-recon on the PATH: the user's PATH, or the machine's for an install for all users.
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: (not IsAdminInstallMode) and NeedsAddPath(ExpandConstant('{app}'))
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: IsAdminInstallMode and NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\csp-reconciler.exe"; Description: "{cm:LaunchProgram,CSP Reconciler}"; Flags: nowait postinstall skipifsilent

[Code]
function EnvironmentKey(var Root: Integer): String;
begin
  if IsAdminInstallMode then begin
    Root := HKEY_LOCAL_MACHINE;
    Result := 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment';
  end else begin
    Root := HKEY_CURRENT_USER;
    Result := 'Environment';
  end;
end;

function NeedsAddPath(Dir: String): Boolean;
var
  Root: Integer;
  Key, Path: String;
begin
  Key := EnvironmentKey(Root);
  if not RegQueryStringValue(Root, Key, 'Path', Path) then
    Path := '';
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Path) + ';') = 0;
end;

{ The uninstaller takes the folder out of the PATH it was put on. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Root, At: Integer;
  Key, Path, Dir: String;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  Key := EnvironmentKey(Root);
  Dir := ExpandConstant('{app}');
  if not RegQueryStringValue(Root, Key, 'Path', Path) then
    exit;
  Path := ';' + Path + ';';
  At := Pos(';' + Uppercase(Dir) + ';', Uppercase(Path));
  if At > 0 then begin
    Delete(Path, At, Length(Dir) + 1);
    RegWriteExpandStringValue(Root, Key, 'Path', Copy(Path, 2, Length(Path) - 2));
  end;
end;

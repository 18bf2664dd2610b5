// Runs in: engine/Electron main on Windows. Finds whether the window under the game's Bet point belongs to an elevated
// process (UIPI then drops our SendInput silently), via PowerShell + user32/advapi32, with no native addon.
import { execFile } from 'node:child_process';
import type { Elevation } from '../../core/first-run/os-facts';

export interface ElevationReport {
  target: Elevation;
  self: boolean;
}

/** The C# probe: DPI-aware so WindowFromPoint takes physical pixels; our own windows read as "unknown". */
export function elevationScript(x: number, y: number, ownPid: number): string {
  for (const n of [x, y, ownPid]) if (!Number.isSafeInteger(n)) throw new RangeError(`not an integer: ${n}`);
  return `
$ErrorActionPreference = 'Stop'
Add-Type -TypeDefinition @"
using System; using System.Runtime.InteropServices;
public static class CockpitProbe {
  [StructLayout(LayoutKind.Sequential)] public struct POINT { public int X; public int Y; }
  [DllImport("user32.dll")] static extern bool SetProcessDpiAwarenessContext(IntPtr ctx);
  [DllImport("user32.dll")] static extern IntPtr WindowFromPoint(POINT p);
  [DllImport("user32.dll")] static extern IntPtr GetAncestor(IntPtr h, uint flags);
  [DllImport("user32.dll")] static extern uint GetWindowThreadProcessId(IntPtr h, out uint pid);
  [DllImport("kernel32.dll")] static extern IntPtr OpenProcess(uint access, bool inherit, uint pid);
  [DllImport("kernel32.dll")] static extern IntPtr GetCurrentProcess();
  [DllImport("advapi32.dll")] static extern bool OpenProcessToken(IntPtr p, uint access, out IntPtr token);
  [DllImport("advapi32.dll")] static extern bool GetTokenInformation(IntPtr t, int cls, out int info, int len, out int ret);
  [DllImport("kernel32.dll")] static extern bool CloseHandle(IntPtr h);
  static int Elevated(IntPtr process) {
    IntPtr token;
    if (!OpenProcessToken(process, 0x0008, out token)) return -1;
    int elevated, ret;
    bool ok = GetTokenInformation(token, 20, out elevated, 4, out ret);
    CloseHandle(token);
    return ok ? (elevated != 0 ? 1 : 0) : -2;
  }
  public static string Check(int x, int y, uint ownPid) {
    SetProcessDpiAwarenessContext(new IntPtr(-4));
    bool self = Elevated(GetCurrentProcess()) == 1;
    IntPtr h = WindowFromPoint(new POINT { X = x, Y = y });
    if (h == IntPtr.Zero) return "no-game-window " + self;
    uint pid; GetWindowThreadProcessId(GetAncestor(h, 2), out pid);
    if (pid == ownPid) return "unknown " + self;
    IntPtr p = OpenProcess(0x1000, false, pid);
    if (p == IntPtr.Zero) return "elevated " + self;
    int e = Elevated(p);
    CloseHandle(p);
    // Access denied to a window's token from a normal process means it runs at a higher integrity level.
    return (e == 1 || e == -1 ? "elevated " : e == 0 ? "not-elevated " : "unknown ") + self;
  }
}
"@
[CockpitProbe]::Check(${x}, ${y}, ${ownPid})
`;
}

export function parseElevation(stdout: string): ElevationReport {
  const last = stdout.trim().split(/\r?\n/).pop() ?? '';
  const m = /^(elevated|not-elevated|no-game-window|unknown) (True|False)$/.exec(last.trim());
  if (!m) return { target: 'unknown', self: false };
  return { target: m[1] as Elevation, self: m[2] === 'True' };
}

/** Physical virtual-screen coordinates of a point inside the game window (the profile's Bet point). */
export function probeWindowsElevation(point: { x: number; y: number }, ownPid = process.pid, timeoutMs = 15_000): Promise<ElevationReport> {
  return new Promise((resolve) => {
    execFile(
      'powershell.exe',
      ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', elevationScript(Math.round(point.x), Math.round(point.y), ownPid)],
      { timeout: timeoutMs, windowsHide: true },
      (error, stdout) => resolve(error ? { target: 'unknown', self: false } : parseElevation(stdout)),
    );
  });
}

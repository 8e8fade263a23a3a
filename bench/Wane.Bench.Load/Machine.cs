namespace Wane.Bench.Load;

/// <summary>Best-effort facts about the machine for the report (Linux /proc; "unknown" elsewhere).</summary>
internal static class Machine
{
    public static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? "cpu unknown" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return "cpu unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "cpu unknown";
        }
    }

    /// <summary>The 1, 5 and 15 minute load averages: other work on the machine skews both rates.</summary>
    public static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return parts.Length >= 3 ? $"{parts[0]} {parts[1]} {parts[2]}" : "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    /// <summary>The file system type and mount point holding <paramref name="path"/>, from /proc/mounts.</summary>
    public static string FileSystemOf(string path)
    {
        try
        {
            var full = Path.GetFullPath(path);
            string? bestMount = null;
            string? bestType = null;
            foreach (var line in File.ReadLines("/proc/mounts"))
            {
                var parts = line.Split(' ');
                if (parts.Length < 3)
                {
                    continue;
                }
                var mount = parts[1].Replace("\\040", " ", StringComparison.Ordinal);
                var inside = mount == "/" || full == mount || full.StartsWith(mount + "/", StringComparison.Ordinal);
                if (inside && (bestMount is null || mount.Length >= bestMount.Length))
                {
                    bestMount = mount;
                    bestType = parts[2];
                }
            }
            return bestType is null ? "file system unknown" : $"{bestType} on {bestMount}";
        }
        catch (IOException)
        {
            return "file system unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "file system unknown";
        }
    }
}

/// <summary>
/// CPU time from /proc: the whole machine, this driver, and the server (when its pid is known), so the report
/// can say how much of the machine other processes took during the measurement. Zeros where /proc is missing.
/// </summary>
internal readonly record struct CpuSnapshot(long MachineBusy, long MachineTotal, long Driver, long Server)
{
    private const double TicksPerSecond = 100; // USER_HZ: 100 on every Linux architecture .NET runs on.

    /// <summary>CPU milliseconds per clock tick of /proc (USER_HZ = 100).</summary>
    public const double MillisecondsPerTick = 1000 / TicksPerSecond;

    public static CpuSnapshot Take(int? serverPid) => new(
        MachineBusy: Machine(out var total),
        MachineTotal: total,
        Driver: ProcessTicks(Environment.ProcessId),
        Server: serverPid is { } pid ? ProcessTicks(pid) : 0);

    public static CpuSnapshot operator -(CpuSnapshot a, CpuSnapshot b) =>
        new(a.MachineBusy - b.MachineBusy, a.MachineTotal - b.MachineTotal, a.Driver - b.Driver, a.Server - b.Server);

    public static CpuSnapshot operator +(CpuSnapshot a, CpuSnapshot b) =>
        new(a.MachineBusy + b.MachineBusy, a.MachineTotal + b.MachineTotal, a.Driver + b.Driver, a.Server + b.Server);

    /// <summary>Cores used on average over <paramref name="wall"/>: (server, driver, everything else, idle).</summary>
    public (double Server, double Driver, double Others, double Idle) Cores(TimeSpan wall, int cores)
    {
        if (MachineTotal <= 0 || wall <= TimeSpan.Zero)
        {
            return (double.NaN, double.NaN, double.NaN, double.NaN);
        }
        var seconds = wall.TotalSeconds;
        var busyCores = cores * (double)MachineBusy / MachineTotal;
        var server = Server / TicksPerSecond / seconds;
        var driver = Driver / TicksPerSecond / seconds;
        return (server, driver, Math.Max(0, busyCores - server - driver), cores - busyCores);
    }

    private static long Machine(out long total)
    {
        total = 0;
        try
        {
            // cpu  user nice system idle iowait irq softirq steal ...
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var values = fields.Skip(1).Take(8).Select(f => long.Parse(f, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            total = values.Sum();
            return total - values[3] - values[4];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or InvalidOperationException)
        {
            return 0;
        }
    }

    private static long ProcessTicks(int pid)
    {
        try
        {
            // The command name (field 2) may hold spaces; utime and stime are fields 14 and 15.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(rest[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(rest[12], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return 0;
        }
    }
}

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

    /// <summary>The part of <see cref="Server"/> spent by the database server (PostgreSQL's processes), 0 on SQLite.</summary>
    public long Database { get; init; }

    public static CpuSnapshot Take(int? serverPid) => Take(serverPid is { } pid ? [pid] : [], null);

    /// <summary>
    /// The nodes' CPU, and with <paramref name="databasePid"/> PostgreSQL's: the postmaster, its live children
    /// (the backends serving the nodes' pooled connections) and the children it has reaped.
    /// </summary>
    public static CpuSnapshot Take(IReadOnlyList<int> serverPids, int? databasePid)
    {
        var database = databasePid is { } db ? ProcessTicks(db, withReapedChildren: true) + ChildrenOf(db).Sum(c => ProcessTicks(c)) : 0;
        return new(
            MachineBusy: Machine(out var total),
            MachineTotal: total,
            Driver: ProcessTicks(Environment.ProcessId),
            Server: serverPids.Sum(p => ProcessTicks(p)) + database) { Database = database };
    }

    public static CpuSnapshot operator -(CpuSnapshot a, CpuSnapshot b) =>
        new(a.MachineBusy - b.MachineBusy, a.MachineTotal - b.MachineTotal, a.Driver - b.Driver, a.Server - b.Server) { Database = a.Database - b.Database };

    public static CpuSnapshot operator +(CpuSnapshot a, CpuSnapshot b) =>
        new(a.MachineBusy + b.MachineBusy, a.MachineTotal + b.MachineTotal, a.Driver + b.Driver, a.Server + b.Server) { Database = a.Database + b.Database };

    private static List<int> ChildrenOf(int parent)
    {
        var children = new List<int>();
        try
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(dir), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid)
                    && StatFields(pid) is { } f && f[1] == parent.ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    children.Add(pid);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return children;
    }

    // The fields after the command name (field 2, which may hold spaces): state, ppid, ... utime at 11, stime 12, cutime 13, cstime 14.
    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

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

    private static long ProcessTicks(int pid, bool withReapedChildren = false)
    {
        try
        {
            var rest = StatFields(pid);
            if (rest is null)
            {
                return 0;
            }
            long Field(int i) => long.Parse(rest[i], System.Globalization.CultureInfo.InvariantCulture);
            return Field(11) + Field(12) + (withReapedChildren ? Field(13) + Field(14) : 0);
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException)
        {
            return 0;
        }
    }
}

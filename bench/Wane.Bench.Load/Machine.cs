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

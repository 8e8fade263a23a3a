using System.Text.RegularExpressions;
using Shouldly;
using Wane.Features.Import;
using Wane.Tests.Support;

namespace Wane.Tests.Hosting;

/// <summary>deploy/wane.service and deploy/nginx.conf: checked by systemd's and nginx's own tools, and against Wane's settings.</summary>
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)]
public partial class DeployFilesTests
{
    private static readonly string Deploy = Path.Combine(Commands.RepoRoot(), "deploy");

    [Fact]
    public void SystemdUnit_HasADedicatedUserItsOwnStateAndTheHardening()
    {
        var service = Section(File.ReadAllText(Path.Combine(Deploy, "wane.service")), "Service");

        service["User"].ShouldBe(["wane"]);
        service["Group"].ShouldBe(["wane"]);
        service["StateDirectory"].ShouldBe(["wane"]);
        service["ProtectSystem"].ShouldBe(["strict"]);
        service["NoNewPrivileges"].ShouldBe(["yes"]);
        service["PrivateTmp"].ShouldBe(["yes"]);
        service["Restart"].ShouldBe(["on-failure"]);
        service["ExecStart"].ShouldBe(["/usr/local/bin/wane serve"]);
        service["Environment"].ShouldContain("Wane__DataDir=%S/wane");
        service["Environment"].ShouldContain("DOTNET_BUNDLE_EXTRACT_BASE_DIR=%C/wane");
        // PostgreSQL's connection string (a secret) comes from a file of the operator's.
        service["EnvironmentFile"].ShouldBe(["-/etc/wane/wane.env"]);
        // The runtime's JIT writes code it then runs: MemoryDenyWriteExecute would stop it.
        service.ShouldNotContainKey("MemoryDenyWriteExecute");
    }

    [Fact]
    public async Task SystemdUnit_PassesSystemdAnalyzeVerify()
    {
        Assert.SkipWhen(!File.Exists("/usr/bin/systemd-analyze") || !OperatingSystem.IsLinux(), "systemd-analyze is not installed here (the unit's keys are checked by the other test).");
        var temp = Commands.TempFolder("systemd");
        try
        {
            // verify wants ExecStart's program to exist: a stand-in where the unit names /usr/local/bin/wane.
            var stub = Path.Combine(temp, "wane");
            await File.WriteAllTextAsync(stub, "#!/bin/sh\n");
            if (OperatingSystem.IsLinux())
            {
                File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
            }
            var unit = Path.Combine(temp, "wane.service");
            await File.WriteAllTextAsync(unit, (await File.ReadAllTextAsync(Path.Combine(Deploy, "wane.service"))).Replace("/usr/local/bin/wane", stub, StringComparison.Ordinal));
            var broken = Path.Combine(temp, "broken.service");
            await File.WriteAllTextAsync(broken, (await File.ReadAllTextAsync(unit)).Replace("ProtectSystem=strict", "ProtectSystem=very", StringComparison.Ordinal));

            // verify exits 0 on a value it ignores, so anything it says about the file counts as a failure.
            var good = await Commands.RunAsync("/usr/bin/systemd-analyze", ["verify", "--man=no", unit], TimeSpan.FromSeconds(60));
            good.Exit.ShouldBe(0, good.Err);
            (good.Out + good.Err).ShouldNotContain(unit);
            var bad = await Commands.RunAsync("/usr/bin/systemd-analyze", ["verify", "--man=no", broken], TimeSpan.FromSeconds(60));
            (bad.Out + bad.Err).ShouldContain(broken + ":");
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    [Fact]
    public async Task NginxConfig_PassesNginxTest_AndMatchesWanesSettings()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(Deploy, "nginx.conf"));
        // The largest body Wane takes (an import and its form) passes the proxy, and no more.
        var size = ClientMaxBodySize().Match(text);
        size.Success.ShouldBeTrue();
        (long.Parse(size.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) * 1024 * 1024).ShouldBe(ImportLimits.MaxBytes + (1024 * 1024));
        // The two headers Wane's ForwardedHeaders believes (docs/security.md), the scheme set rather than appended.
        text.ShouldContain("proxy_set_header X-Forwarded-Proto $scheme;");
        text.ShouldContain("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;");
        text.ShouldContain("proxy_set_header Host $host;");
        MetricsBlocked().IsMatch(text).ShouldBeTrue("/metrics is not for the internet");

        const string nginx = "/usr/sbin/nginx";
        Assert.SkipWhen(!File.Exists(nginx), "nginx is not installed here (./scripts/test installs Debian's).");
        var temp = Commands.TempFolder("nginx");
        try
        {
            var cert = Path.Combine(temp, "cert.pem");
            var key = Path.Combine(temp, "key.pem");
            var openssl = await Commands.RunAsync("openssl",
                ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key, "-out", cert,
                 "-days", "2", "-subj", "/CN=wane.example.org"], TimeSpan.FromSeconds(60));
            openssl.Exit.ShouldBe(0, openssl.Err);
            var site = Path.Combine(temp, "site.conf");
            await File.WriteAllTextAsync(site, text
                .Replace("/etc/letsencrypt/live/wane.example.org/fullchain.pem", cert, StringComparison.Ordinal)
                .Replace("/etc/letsencrypt/live/wane.example.org/privkey.pem", key, StringComparison.Ordinal));

            (await NginxTestAsync(nginx, temp, site)).Exit.ShouldBe(0);
            await File.WriteAllTextAsync(site, System.Text.RegularExpressions.Regex.Replace(await File.ReadAllTextAsync(site), @"(client_max_body_size \d+m);", "$1"));
            (await NginxTestAsync(nginx, temp, site)).Exit.ShouldNotBe(0);
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary><c>nginx -t</c> with everything it writes under <paramref name="prefix"/>, so it needs no privileges.</summary>
    private static async Task<(int Exit, string Out, string Err)> NginxTestAsync(string nginx, string prefix, string site)
    {
        var main = Path.Combine(prefix, "main.conf");
        await File.WriteAllTextAsync(main, $$"""
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/error.log;
            events {}
            http {
                client_body_temp_path {{prefix}}/body;
                proxy_temp_path {{prefix}}/proxy;
                fastcgi_temp_path {{prefix}}/fastcgi;
                uwsgi_temp_path {{prefix}}/uwsgi;
                scgi_temp_path {{prefix}}/scgi;
                include {{site}};
            }
            """);
        var run = await Commands.RunAsync(nginx, ["-t", "-p", prefix, "-e", Path.Combine(prefix, "error.log"), "-c", main], TimeSpan.FromSeconds(60));
        TestContext.Current.TestOutputHelper?.WriteLine(run.Err);
        return run;
    }

    /// <summary>The keys of one section of a unit file, each with every value it is given.</summary>
    private static Dictionary<string, List<string>> Section(string unit, string name)
    {
        var keys = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var current = "";
        foreach (var raw in unit.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith(';'))
            {
                continue;
            }
            if (line.StartsWith('['))
            {
                current = line.Trim('[', ']');
                continue;
            }
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (current == name && equals > 0)
            {
                var key = line[..equals].Trim();
                (keys.TryGetValue(key, out var values) ? values : keys[key] = []).Add(line[(equals + 1)..].Trim());
            }
        }
        return keys;
    }

    [GeneratedRegex(@"client_max_body_size\s+(\d+)m;")]
    private static partial Regex ClientMaxBodySize();

    [GeneratedRegex(@"location\s*=\s*/metrics\s*\{\s*return 404;\s*\}")]
    private static partial Regex MetricsBlocked();
}

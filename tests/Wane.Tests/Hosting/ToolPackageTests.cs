using System.Reflection;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Hosting;

/// <summary>
/// <c>wane</c> as a .NET tool: <c>dotnet pack</c> of the build the tests run on, then <c>dotnet tool install</c> from that
/// folder alone (a NuGet config that clears every other source, so nothing is asked of a registry).
/// </summary>
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)]
public class ToolPackageTests
{
    [Fact]
    public async Task Pack_ThenToolInstallFromTheFolder_RunsWane()
    {
        var temp = Commands.TempFolder("tool");
        try
        {
            var configuration = typeof(ToolPackageTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
            var packages = Path.Combine(temp, "packages");
            var pack = await Commands.RunAsync("dotnet",
                ["pack", Path.Combine(Commands.RepoRoot(), "src", "Wane", "Wane.csproj"), "-c", configuration, "--no-build", "-o", packages, "-v", "q"],
                TimeSpan.FromMinutes(5));
            pack.Exit.ShouldBe(0, pack.Out + pack.Err);
            (pack.Out + pack.Err).ShouldNotContain("warning", Case.Insensitive);
            Directory.GetFiles(packages).Select(Path.GetFileName).ShouldBe(["wane.0.1.0.nupkg"]);

            var config = Path.Combine(temp, "nuget.config");
            await File.WriteAllTextAsync(config, $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources><clear /><add key="local" value="{packages}" /></packageSources>
                </configuration>
                """);
            var tools = Path.Combine(temp, "tools");
            var install = await Commands.RunAsync("dotnet",
                ["tool", "install", "--tool-path", tools, "--configfile", config, "--add-source", packages, "wane"],
                TimeSpan.FromMinutes(3), workingDirectory: temp);
            install.Exit.ShouldBe(0, install.Out + install.Err);

            var version = await Commands.RunAsync(Path.Combine(tools, "wane"), ["--version"], TimeSpan.FromSeconds(60));
            version.Exit.ShouldBe(0, version.Err);
            version.Out.Trim().ShouldStartWith("0.1.0");
            var help = await Commands.RunAsync(Path.Combine(tools, "wane"), ["--help"], TimeSpan.FromSeconds(60));
            help.Exit.ShouldBe(0, help.Err);
            help.Out.ShouldContain("serve");
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }
}

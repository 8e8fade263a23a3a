using System.Net;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Hosting;

/// <summary>
/// The self-contained single-file build for linux-x64, as docs/hosting.md tells an operator to make it, published
/// into a temporary folder (its own build folders too, so the tree's bin/ and obj/ are left alone), then run:
/// <c>wane --version</c>, and <c>wane serve</c> on a spare loopback port over a new data folder until /healthz and
/// /readyz answer. One slow test (a Release build and the bundle), in a class of its own so it runs beside the others.
/// It leaves ReadyToRun out: precompiling every assembly takes ten times as long as the rest of the publish (2 min 28 s
/// against 14 s on a quiet machine, longer than ten minutes beside the browser tests on two cores), and changes how
/// the code starts, not what goes into the file or how it is served; bench/startup.sh publishes a ReadyToRun wane and runs it.
/// </summary>
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)]
public class SingleFilePublishTests
{
    [Fact]
    public async Task Publish_SelfContainedSingleFile_IsOneFileThatServes()
    {
        var temp = Commands.TempFolder("publish");
        try
        {
            var output = Path.Combine(temp, "out");
            // The analyzers ran in the ordinary build; they do not change what is published.
            var publish = await Commands.RunAsync("dotnet",
                ["publish", Path.Combine(Commands.RepoRoot(), "src", "Wane", "Wane.csproj"), "-r", "linux-x64", "--self-contained",
                 "-p:PublishSingleFile=true", "-p:RunAnalyzers=false", "-p:PublishReadyToRun=false", "--artifacts-path", Path.Combine(temp, "build"), "-o", output, "-v", "q"],
                TimeSpan.FromMinutes(10));
            publish.Exit.ShouldBe(0, publish.Out + publish.Err);
            Directory.GetFileSystemEntries(output).Select(Path.GetFileName).ShouldBe(["wane"]);

            var wane = Path.Combine(output, "wane");
            var version = await Commands.RunAsync(wane, ["--version"], TimeSpan.FromSeconds(60));
            version.Exit.ShouldBe(0, version.Err);
            version.Out.Trim().ShouldStartWith("0.1.0");

            var dataDir = Path.Combine(temp, "data");
            await using var serve = await ServeProcess.StartAsync(wane, ["serve", "--urls", "http://127.0.0.1:0", "--DataDir", dataDir],
                new Dictionary<string, string> { ["DOTNET_BUNDLE_EXTRACT_BASE_DIR"] = Path.Combine(temp, "extract") });
            using var client = new HttpClient { BaseAddress = serve.BaseAddress };
            (await client.GetAsync("/healthz")).StatusCode.ShouldBe(HttpStatusCode.OK);
            // serve listens before it has made the database (ADR 0023): /readyz says 503 until then.
            (await ReadyAsync(client)).ShouldBe(HttpStatusCode.OK);
            // The page's stylesheet comes out of the executable, and the database was made in the data folder.
            (await client.GetAsync("/signin")).StatusCode.ShouldBe(HttpStatusCode.OK);
            File.Exists(Path.Combine(dataDir, "wane.db")).ShouldBeTrue();
            (await serve.StopAsync()).ShouldBe(0, string.Join('\n', serve.Errors));
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    private static async Task<HttpStatusCode> ReadyAsync(HttpClient client)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var status = (await client.GetAsync("/readyz")).StatusCode;
            if (status == HttpStatusCode.OK || DateTime.UtcNow > until)
            {
                return status;
            }
            await Task.Delay(100);
        }
    }
}

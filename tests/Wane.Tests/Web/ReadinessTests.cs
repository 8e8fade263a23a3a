using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shouldly;
using Wane.Data;
using Wane.Tests.Support;
using Wane.Web;

namespace Wane.Tests.Web;

/// <summary>/healthz says the process is alive; /readyz says the database answers and has every migration.</summary>
public class ReadinessTests
{
    [Fact]
    public async Task Readyz_CurrentDatabase_Is200WithoutData()
    {
        await using var app = new WaneApp();
        await app.InitializeAsync();
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        using var response = await client.GetAsync("/readyz", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("""{"status":"ready"}""");
    }

    [Fact]
    public async Task Readyz_MigrationMissing_Is503ProblemAndHealthzStaysAlive()
    {
        await using var app = new WaneApp();
        await app.InitializeAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WaneDb>();
            var last = db.Database.GetMigrations().Last();
            (await db.Database.ExecuteSqlAsync($"""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = {last}""", TestContext.Current.CancellationToken)).ShouldBe(1);
        }
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        using var response = await client.GetAsync("/readyz", TestContext.Current.CancellationToken);

        await ShouldBeNotReadyAsync(response);
        (await client.GetAsync("/healthz", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Readyz_DatabaseUnreachable_Is503Problem()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "wane-tests", Guid.NewGuid().ToString("N"));
        // A server nobody listens on, or a SQLite file under a path that cannot exist.
        string[] unreachable = TestDatabase.IsPostgres
            ? ["--Database:Provider", "postgres", "--Database:ConnectionString", "Host=127.0.0.1;Port=1;Database=wane;Username=wane;Password=x;Timeout=2"]
            : ["--Database:ConnectionString", "Data Source=/proc/wane-nowhere/wane.db"];
        var app = WaneWeb.Build(["--urls", "http://127.0.0.1:0", "--DataDir", dataDir, .. unreachable], b => b.Logging.ClearProviders());
        await using (app)
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

            using var response = await client.GetAsync("/readyz", TestContext.Current.CancellationToken);

            await ShouldBeNotReadyAsync(response);
            (await client.GetAsync("/healthz", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
            await app.StopAsync(TestContext.Current.CancellationToken);
        }
        Directory.Delete(dataDir, recursive: true);
    }

    private static async Task ShouldBeNotReadyAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        problem.RootElement.GetProperty("status").GetInt32().ShouldBe(503);
        problem.RootElement.GetProperty("title").GetString().ShouldBe("Not ready");
        // Nothing about the server, the database or the error behind it.
        problem.RootElement.GetRawText().ShouldNotContain("Exception");
        problem.RootElement.GetRawText().ShouldNotContain("/proc");
        problem.RootElement.GetRawText().ShouldNotContain("127.0.0.1");
    }
}

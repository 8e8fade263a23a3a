using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Hosting;
using Wane.Tests.Support;
using Wane.Web;

namespace Wane.Tests.Web;

/// <summary>
/// <c>wane serve</c> listens first and prepares after (ADR 0023): /healthz answers at once, /readyz says not ready and
/// every other request waits until the node is prepared; on a current database the migrator is skipped, the upkeep is not.
/// </summary>
public class ServeStartTests
{
    [Fact]
    public async Task WhilePreparing_HealthzAnswers_ReadyzIs503_AndOtherRequestsWaitUntilPrepared()
    {
        var ct = TestContext.Current.CancellationToken;
        var dataDir = NewDataDir();
        var app = Build(dataDir);
        await using (app)
        {
            var release = new TaskCompletionSource();
            var listening = Listening(app);
            var serving = ServeStart.StartThenPrepareAsync(app, async () =>
            {
                await release.Task;
                await WaneWeb.PrepareAsync(app, NullLogger.Instance, ct);
            });
            await listening.WaitAsync(TimeSpan.FromSeconds(30), ct);
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

            (await client.GetAsync("/healthz", ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await client.GetAsync("/readyz", ct)).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            var held = client.GetAsync("/api/v1/me", ct);
            await Task.Delay(300, ct);
            held.IsCompleted.ShouldBeFalse();

            release.SetResult();
            await serving.WaitAsync(TimeSpan.FromSeconds(60), ct);

            (await held).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await client.GetAsync("/readyz", ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
            await app.StopAsync(ct);
        }
        await CleanUpAsync(dataDir);
    }

    [Fact]
    public async Task PreparingFails_TheHeldRequestsGet503_AndTheFailureIsThrown()
    {
        var ct = TestContext.Current.CancellationToken;
        var dataDir = NewDataDir();
        var app = Build(dataDir);
        await using (app)
        {
            var release = new TaskCompletionSource();
            var listening = Listening(app);
            var serving = ServeStart.StartThenPrepareAsync(app, async () =>
            {
                await release.Task;
                throw new KeyEncryptionMismatchException("another certificate");
            });
            await listening.WaitAsync(TimeSpan.FromSeconds(30), ct);
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            var held = client.GetAsync("/api/v1/me", ct);
            await Task.Delay(300, ct);

            release.SetResult();

            (await Should.ThrowAsync<KeyEncryptionMismatchException>(serving)).Message.ShouldBe("another certificate");
            (await held).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        }
        await CleanUpAsync(dataDir);
    }

    [Fact]
    public async Task CurrentDatabase_SkipsTheMigrator_ButStillRunsTheUpkeep()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new WaneApp();
        await app.InitializeAsync();
        var userId = await app.NewUserIdAsync();
        var legacySecret = new string('a', 40);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WaneDb>();
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "key-unencrypted", Xml = "<key><descriptor><masterKey><value>AAAA</value></masterKey></descriptor></key>" });
            db.CalendarFeeds.Add(new CalendarFeed { UserId = userId, SecretHash = legacySecret });
            await db.SaveChangesAsync(ct);
        }

        await CoreServices.PrepareDatabaseAsync(app.Services, NullLogger.Instance, ct);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WaneDb>();
            (await db.DataProtectionKeys.AnyAsync(k => k.FriendlyName == "key-unencrypted", ct)).ShouldBeFalse();
            (await db.DataProtectionKeys.CountAsync(ct)).ShouldBeGreaterThan(0);
            var hash = await db.CalendarFeeds.Where(f => f.UserId == userId).Select(f => f.SecretHash).SingleAsync(ct);
            hash.Length.ShouldBe(64);
            (await CoreServices.IsSchemaCurrentAsync(app.Services, ct)).ShouldBeTrue();
        }
    }

    private static string NewDataDir() => Path.Combine(Path.GetTempPath(), "wane-tests", Guid.NewGuid().ToString("N"));

    private static WebApplication Build(string dataDir) =>
        WaneWeb.Build(["--urls", "http://127.0.0.1:0", "--DataDir", dataDir, .. TestDatabase.ArgsFor(dataDir)], b => b.Logging.ClearProviders());

    private static Task Listening(WebApplication app)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task;
    }

    private static async Task CleanUpAsync(string dataDir)
    {
        await TestDatabase.ReleaseAsync(dataDir);
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using Wane.Data.Entities;
using Wane.Features.Accounts;
using Wane.Features.Common;
using Wane.Web;

namespace Wane.Tests.Support;

/// <summary>
/// The real app on real Kestrel (loopback, a free port) over a fresh database built by the migrations
/// (a SQLite file, or a PostgreSQL database on the PostgreSQL run: <see cref="TestDatabase"/>), with a fake clock. Clients talk HTTP to it as any client would.
/// </summary>
public class WaneApp : IAsyncLifetime
{
    private readonly string[] _settings;

    public WaneApp()
        : this([])
    {
    }

    /// <summary>An app with extra settings on its command line, e.g. <c>["--PublicUrl", "https://wane.example.org"]</c>.</summary>
    protected WaneApp(string[] settings) => _settings = settings;

    /// <summary>"Now" for every test: 2026-11-25 15:00 UTC (10:00 in New York).</summary>
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 25, 15, 0);

    private WebApplication? _app;
    private bool _started;

    public FakeClock Clock { get; } = new(Now);
    public string DataDir { get; init; } = Path.Combine(Path.GetTempPath(), "wane-tests", Guid.NewGuid().ToString("N"));

    /// <summary>
    /// Settings as command-line pairs (<c>["--RateLimits:Api:PermitLimit", "3"]</c>). The per-client sign-in
    /// and bad-token limits are off unless a test sets them, since every test comes from 127.0.0.1.
    /// </summary>
    public IReadOnlyList<string> Settings { get; init; } = [];

    /// <summary>
    /// A PostgreSQL database to run on that someone else made and drops (another node's, <c>Nodes.TwoNodes</c>),
    /// instead of a fresh database for <see cref="DataDir"/>.
    /// </summary>
    public string? ConnectionString { get; init; }

    /// <summary>Keep the data folder when disposed (a test that starts a second app on a copy of it).</summary>
    public bool KeepData { get; init; }
    public Uri BaseAddress { get; private set; } = null!;
    public IServiceProvider Services => _app!.Services;

    public async ValueTask InitializeAsync()
    {
        string[] database = ConnectionString is { } shared
            ? ["--Database:Provider", "postgres", "--Database:ConnectionString", shared]
            : TestDatabase.ArgsFor(DataDir);
        _app = WaneWeb.Build(["--urls", "http://127.0.0.1:0", "--DataDir", DataDir, .. database, "--RateLimits:SignIn:PermitLimit", "0", "--RateLimits:BadToken:PermitLimit", "0", .. _settings, .. Settings], b =>
        {
            b.Logging.ClearProviders();
            b.Services.AddSingleton<IClock>(Clock);
        });
        await WaneWeb.PrepareAsync(_app, NullLogger.Instance);
        await _app.StartAsync();
        _started = true;
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            if (_started)
            {
                await _app.StopAsync();
            }
            await _app.DisposeAsync();
        }
        if (KeepData)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return;
        }
        if (ConnectionString is null)
        {
            await TestDatabase.ReleaseAsync(DataDir);
        }
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>Creates a user and a personal access token, and returns an API client authenticated as them.</summary>
    public async Task<HttpClient> NewUserClientAsync(string? timeZone = "UTC", string? name = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<Accounts>()
            .CreateAsync(name ?? "user-" + Guid.NewGuid().ToString("N")[..8], "correct horse battery", timeZone);
        var user = ((Outcome<WaneUser>.Ok)outcome).Value;
        var token = await scope.ServiceProvider.GetRequiredService<AccessTokens>().CreateAsync(user.Id, "tests", CancellationToken.None);
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ((Outcome<(string Token, AccessToken)>.Ok)token).Value.Token);
        return client;
    }

    /// <summary>Creates a user (for tests that work on the database directly) and returns their id.</summary>
    public async Task<string> NewUserIdAsync(string timeZone = "UTC")
    {
        await using var scope = Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<Accounts>()
            .CreateAsync("user-" + Guid.NewGuid().ToString("N")[..8], "correct horse battery", timeZone);
        return ((Outcome<WaneUser>.Ok)outcome).Value.Id;
    }

    /// <summary>A client whose every /api/ response is checked against the served OpenAPI description.</summary>
    public HttpClient Client() => new(new ContractCheckingHandler(OpenApiAsync)) { BaseAddress = BaseAddress };

    /// <summary>The OpenAPI description as this app serves it.</summary>
    public async Task<JsonObject> OpenApiAsync()
    {
        using var plain = new HttpClient { BaseAddress = BaseAddress };
        return JsonNode.Parse(await plain.GetStringAsync("/openapi/v1.json"))!.AsObject();
    }
}

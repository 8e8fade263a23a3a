using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Hosting;

namespace Wane.Cli;

/// <summary>
/// What a CLI command runs with: one DI scope over the local database (as a web request has), the
/// console, the chosen user. Scopes are validated as in the web host, so a scoped service resolved
/// from the root fails here as it would there; registrations are validated on build in Debug builds.
/// </summary>
internal sealed class CliHost(ServiceProvider root, AsyncServiceScope scope, CliConsole console) : IAsyncDisposable
{
    // Every registration is checked on build in Debug builds (the tests), as the web host checks in Development; a
    // Release verb skips it (about 30 ms of each verb's start-up, ADR 0023). Scopes are validated in both.
#if DEBUG
    private const bool ValidateOnBuild = true;
#else
    private const bool ValidateOnBuild = false;
#endif

    public static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { WriteIndented = true };

    private readonly IServiceProvider services = scope.ServiceProvider;

    /// <summary>The verb's scope.</summary>
    public IServiceProvider Services => services;
    public CliConsole Console => console;

    /// <summary>The user chosen by a command that needs it later (set by the command).</summary>
    public string? UserId { get; set; }

    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    public static async Task<CliHost> OpenAsync(CliConsole console, string? dataDir, IReadOnlyDictionary<string, string?>? settings,
        Action<IServiceCollection>? customize, CancellationToken ct)
    {
        var config = Configuration(dataDir, settings);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddLogging();
        services.AddWaneCore(config);
        customize?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = ValidateOnBuild });
        try
        {
            // One cheap query when the schema is current; the migrator only for a new or older database.
            await CoreServices.EnsureSchemaAsync(provider, NullLogger.Instance, ct).ConfigureAwait(false);
        }
        catch
        {
            await provider.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return new CliHost(provider, provider.CreateAsyncScope(), console);
    }

    /// <summary>The settings a verb sees: <c>Wane__*</c> environment variables, the caller's settings, <c>--data-dir</c>.</summary>
    public static IConfiguration Configuration(string? dataDir, IReadOnlyDictionary<string, string?>? settings) =>
        new ConfigurationBuilder()
            .AddEnvironmentVariables("Wane__")
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .AddInMemoryCollection(dataDir is null ? [] : [new("DataDir", dataDir)])
            .Build();

    /// <summary>The user a command acts for: <c>--user NAME</c>, or the only user there is.</summary>
    public async Task<WaneUser> UserAsync(string? name, CancellationToken ct)
    {
        var db = Get<WaneDb>();
        if (!string.IsNullOrWhiteSpace(name))
        {
            var normalized = name.Trim().ToUpperInvariant();
            return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, ct).ConfigureAwait(false)
                ?? throw new CliException($"user: there is no user named \"{name.Trim()}\".");
        }
        var users = await db.Users.AsNoTracking().Take(2).ToListAsync(ct).ConfigureAwait(false);
        return users.Count switch
        {
            0 => throw new CliException("user: there are no users yet. Create one with: wane user add NAME"),
            1 => users[0],
            _ => throw new CliException("user: there is more than one user; say which with --user NAME."),
        };
    }

    public void WriteJson<T>(T value) => console.Out.WriteLine(JsonSerializer.Serialize(value, Json));

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync().ConfigureAwait(false);
        await root.DisposeAsync().ConfigureAwait(false);
    }
}

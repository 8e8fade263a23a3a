using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Features.Accounts;
using Wane.Features.Guardrails;
using Wane.Features.Journal;
using Wane.Features.Products;

namespace Wane.Hosting;

/// <summary>What both hosts (web and CLI) need: the database, the clock, identity and the feature handlers.</summary>
internal static class CoreServices
{
    public static IServiceCollection AddWaneCore(this IServiceCollection services, IConfiguration config)
    {
        var location = DataLocation.From(config);
        SqliteEngine.UseMultiThreadMode();
        services.AddSingleton(location);
        services.AddSingleton<SqlitePragmas>();
        // Pooled: a request reuses a context instead of building one (and its services) each time.
        services.AddDbContextPool<WaneDb, SqliteWaneDb>((sp, o) => o
            .UseSqlite(location.ConnectionString)
            .AddInterceptors(sp.GetRequiredService<SqlitePragmas>()));
        services.AddScoped(sp => (SqliteWaneDb)sp.GetRequiredService<WaneDb>());
        services.AddSingleton<IClock>(SystemClock.Instance);

        services.AddIdentityCore<WaneUser>(o =>
            {
                // Length over composition rules (NIST SP 800-63B).
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                // No lockout a stranger could trigger: SignInGate slows failures per name instead (ADR 0014).
                o.Lockout.AllowedForNewUsers = false;
                o.User.RequireUniqueEmail = false;
                // With the passkeys table; the same value WaneDb gives itself where the app's services are absent.
                o.Stores.SchemaVersion = WaneDb.IdentitySchema;
            })
            .AddEntityFrameworkStores<WaneDb>();

        services.AddScoped<Accounts>();
        services.AddScoped<SigninSessions>();
        services.AddScoped<Passkeys>();
        services.AddScoped<RequestProfile>();
        services.AddScoped<AccessTokens>();
        services.AddScoped<Profile>();
        services.AddScoped<ProductStore>();
        services.AddScoped<LogDose>();
        services.AddScoped<RepeatDose>();
        services.AddScoped<Features.Products.SetFavourites>();
        services.AddScoped<DoseQueries>();
        services.AddScoped<EditDose>();
        services.AddScoped<DoseAdvisor>();
        services.AddScoped<GuardrailStore>();
        services.AddScoped<BreakStore>();
        services.AddScoped<GetStatus>();
        services.AddScoped<Features.Trends.GetTrends>();
        services.AddScoped<ShowMonth>();
        services.AddScoped<Features.Trends.ShowCharts>();
        services.AddScoped<Features.Tapering.PlanStore>();
        services.AddScoped<Features.Tapering.CalendarFeeds>();
        services.AddScoped<Features.CheckIns.CheckInStore>();
        services.AddScoped<Features.Export.ExportRecord>();
        services.AddScoped<Features.Export.ExportCsv>();
        services.AddScoped<Features.Fhir.ExportFhir>();
        services.AddScoped<Features.Reports.GetReport>();
        services.AddMemoryCache();
        services.AddScoped<Features.Import.ImportFile>();
        services.AddScoped<Features.Import.ImportWane>();
        services.AddScoped<Features.Import.ImportCsv>();
        services.AddScoped<Features.Import.ImportJournal>();
        return services;
    }

    /// <summary>
    /// For CLI verbs: when the database exists and has every migration (one query, no EF model), nothing
    /// more; a new database or an older schema is migrated as <c>serve</c> does (ADR 0010).
    /// </summary>
    public static async Task EnsureSchemaAsync(IServiceProvider services, ILogger logger, CancellationToken ct = default)
    {
        var location = services.GetRequiredService<DataLocation>();
        if (location.SqlitePath is not { } path || File.Exists(path))
        {
            if (location.SqlitePath is not null)
            {
                SecureFiles(location.SqlitePath);
            }
            if (await SqliteSchema.IsCurrentAsync(location.ConnectionString, ct).ConfigureAwait(false))
            {
                return;
            }
        }
        await MigrateAsync(services, logger, ct).ConfigureAwait(false);
    }

    /// <summary>Applies pending migrations, creating the SQLite file (and its folder) on first run.</summary>
    public static async Task<bool> MigrateAsync(IServiceProvider services, ILogger logger, CancellationToken ct = default)
    {
        var location = services.GetRequiredService<DataLocation>();
        var created = false;
        if (location.SqlitePath is { } path)
        {
            created = !File.Exists(path);
            SecureFiles(path);
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaneDb>();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct).ConfigureAwait(false)).ToList();
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(ct).ConfigureAwait(false);
        }
        if (location.SqlitePath is not null)
        {
            await db.Database.ExecuteSqlRawAsync(SqlitePragmas.Once, ct).ConfigureAwait(false);
        }
        // Keys written before they were encrypted would let a copy of the database mint cookies: drop them
        // (everyone signs in again once). Encrypted keys hold an <encryptedSecret> element.
        await db.DataProtectionKeys.Where(k => k.Xml == null || !k.Xml.Contains("<encryptedSecret")).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        await Features.Tapering.CalendarFeeds.HashLegacySecretsAsync(db, ct).ConfigureAwait(false);
        if (created)
        {
            Log.CreatedDatabase(logger, location.SqlitePath!);
        }
        else if (location.SqlitePath is not null)
        {
            Log.UsingDatabase(logger, location.SqlitePath, pending.Count);
        }
        return created;
    }

    // The database and its sidecars readable by their owner only (the folder too).
    private static void SecureFiles(string path)
    {
        OwnerOnly.EnsureDirectory(Path.GetDirectoryName(path)!);
        OwnerOnly.EnsureFile(path);
        foreach (var sidecar in new[] { path + "-wal", path + "-shm", path + "-journal" }.Where(File.Exists))
        {
            OwnerOnly.EnsureFile(sidecar);
        }
    }
}

internal static partial class Log
{
    [LoggerMessage(LogLevel.Information, "Created a new Wane database at {Path}")]
    public static partial void CreatedDatabase(ILogger logger, string path);

    [LoggerMessage(LogLevel.Information, "Using the Wane database at {Path} ({Applied} migrations applied)")]
    public static partial void UsingDatabase(ILogger logger, string path, int applied);
}

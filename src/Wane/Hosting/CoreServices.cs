using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
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
        services.AddSingleton(location);
        AddDatabase(services, location);
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
        services.AddScoped<DeleteAccount>();
        services.AddScoped<SigninSessions>();
        services.AddScoped<Passkeys>();
        services.AddScoped<RequestProfile>();
        services.AddScoped<AccessTokens>();
        services.AddScoped<Profile>();
        services.AddScoped<ProductStore>();
        services.AddScoped<LogDose>();
        services.AddScoped<RepeatDose>();
        services.AddScoped<Features.Products.SetFavourites>();
        services.AddScoped<Features.Products.ArchiveProduct>();
        services.AddScoped<Features.Products.DeleteProduct>();
        services.AddScoped<DoseQueries>();
        services.AddScoped<EditDose>();
        services.AddScoped<DoseAdvisor>();
        services.AddMetrics();
        services.AddSingleton<JournalMetrics>();
        services.AddScoped<ConfirmDose>();
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
    /// The one switch between providers (ADR 0017). SQLite gets its fast paths (<see cref="SqliteWaneDb"/>:
    /// the window as one value, the insert as one statement, the write gate) and its pragmas; PostgreSQL
    /// gets the provider-neutral paths. Pooled either way: a request reuses a context instead of building one.
    /// </summary>
    private static void AddDatabase(IServiceCollection services, DataLocation location)
    {
        if (location.IsSqlite)
        {
            SqliteEngine.UseMultiThreadMode();
            services.AddSingleton<SqlitePragmas>();
            services.AddDbContextPool<WaneDb, SqliteWaneDb>((sp, o) => o
                .UseSqlite(location.ConnectionString)
                .AddInterceptors(sp.GetRequiredService<SqlitePragmas>()));
        }
        else
        {
            services.AddDbContextPool<WaneDb, PostgresWaneDb>(o => o.UseWanePostgres(location.ConnectionString));
        }
    }

    /// <summary>
    /// For CLI verbs: when the database exists and has every migration, nothing more; a new database or an
    /// older schema is migrated as <c>serve</c> does (ADR 0010). On SQLite that check is one query without
    /// EF's model; on PostgreSQL it is EF's own list of pending migrations.
    /// </summary>
    public static async Task EnsureSchemaAsync(IServiceProvider services, ILogger logger, CancellationToken ct = default)
    {
        var location = services.GetRequiredService<DataLocation>();
        if (!location.IsSqlite)
        {
            if (!await IsSchemaCurrentAsync(services, ct).ConfigureAwait(false))
            {
                await MigrateAsync(services, logger, ct).ConfigureAwait(false);
            }
            return;
        }
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

    /// <summary>True when the database answers and has every migration this build knows (what /readyz reports).</summary>
    public static async Task<bool> IsSchemaCurrentAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaneDb>();
        return (await PendingMigrationsAsync(db, ct).ConfigureAwait(false)).Count == 0;
    }

    /// <summary>
    /// The migrations not yet applied. A new database has no history table: asking EF for its pending
    /// migrations would then read the missing table, which PostgreSQL's provider logs as a failed command.
    /// </summary>
    internal static async Task<List<string>> PendingMigrationsAsync(WaneDb db, CancellationToken ct)
    {
        if (!await db.GetService<IHistoryRepository>().ExistsAsync(ct).ConfigureAwait(false))
        {
            return [.. db.Database.GetMigrations()];
        }
        return [.. await db.Database.GetPendingMigrationsAsync(ct).ConfigureAwait(false)];
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
        var pending = await PendingMigrationsAsync(db, ct).ConfigureAwait(false);
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(ct).ConfigureAwait(false);
        }
        if (location.IsSqlite)
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
        else
        {
            Log.UsingDatabase(logger, location.Describe(), pending.Count);
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

    [LoggerMessage(LogLevel.Information, "Using the Wane database at {Where} ({Applied} migrations applied)")]
    public static partial void UsingDatabase(ILogger logger, string where, int applied);
}

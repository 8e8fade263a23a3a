using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Features.Accounts;
using Wane.Features.Guardrails;
using Wane.Features.Journal;

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
                // Length over composition rules (NIST SP 800-63B), 12 as OWASP ASVS 2.1.1 asks; PasswordPolicy adds the common-password list.
                o.Password.RequiredLength = PasswordPolicy.MinLength;
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
            .AddEntityFrameworkStores<WaneDb>()
            .AddPasswordValidator<PasswordPolicy>();

        services.AddScoped<Accounts>();
        services.AddScoped<DeleteAccount>();
        services.AddScoped<ResetPassword>();
        services.AddScoped<Features.Admin.ListAccounts>();
        services.AddScoped<Features.Admin.DisableAccount>();
        services.AddScoped<Features.Admin.SetAdmin>();
        services.AddScoped<Features.Admin.RemoveAccount>();
        services.AddScoped<Features.Accounts.Invitations>();
        services.AddScoped<SigninSessions>();
        services.AddSingleton(SigninSessions.Settings.From(config));
        services.AddScoped<Passkeys>();
        services.AddScoped<RequestProfile>();
        services.AddScoped<AccessTokens>();
        services.AddScoped<Profile>();
        // One scoped handler per use case (Features/<Area>/<VerbNoun>.cs), and each area's shared reads.
        services.AddScoped<Features.Products.ProductQueries>();
        services.AddScoped<Features.Products.CreateProduct>();
        services.AddScoped<Features.Products.UpdateProduct>();
        services.AddScoped<Features.Products.SetFavourites>();
        services.AddScoped<Features.Products.ArchiveProduct>();
        services.AddScoped<Features.Products.DeleteProduct>();
        services.AddScoped<GuardrailQueries>();
        services.AddScoped<UpdateGuardrails>();
        services.AddScoped<BreakQueries>();
        services.AddScoped<AddBreak>();
        services.AddScoped<RemoveBreak>();
        services.AddScoped<Features.CheckIns.CheckInQueries>();
        services.AddScoped<Features.CheckIns.AddCheckIn>();
        services.AddScoped<Features.CheckIns.ListCheckIns>();
        services.AddScoped<Features.CheckIns.RecordHoldOverride>();
        services.AddScoped<Features.Tapering.PlanQueries>();
        services.AddScoped<Features.CheckIns.IPlanHolds>(sp => sp.GetRequiredService<Features.Tapering.PlanQueries>());
        services.AddScoped<Features.Tapering.PreviewPlan>();
        services.AddScoped<Features.Tapering.CreatePlan>();
        services.AddScoped<Features.Tapering.GetPlan>();
        services.AddScoped<Features.Tapering.HoldPlan>();
        services.AddScoped<Features.Tapering.ResumePlan>();
        services.AddScoped<Features.Tapering.Replan>();
        services.AddScoped<Features.Tapering.OverrideHold>();
        services.AddScoped<Features.Tapering.CalendarFeeds>();
        services.AddScoped<LogDose>();
        services.AddScoped<RepeatDose>();
        services.AddScoped<DoseQueries>();
        services.AddScoped<EditDose>();
        services.AddScoped<DeleteDose>();
        services.AddScoped<GetDoseHistory>();
        services.AddScoped<DoseAdvisor>();
        services.AddMetrics();
        services.AddSingleton<JournalMetrics>();
        services.AddScoped<ConfirmDose>();
        services.AddScoped<GetStatus>();
        services.AddScoped<Features.Trends.GetTrends>();
        services.AddScoped<Features.Trends.ShowMonth>();
        services.AddScoped<Features.Common.ICharts, Features.Trends.ShowCharts>();
        services.AddScoped<Features.Export.ExportRecord>();
        services.AddScoped<Features.Export.ExportCsv>();
        services.AddScoped<Features.Fhir.ExportFhir>();
        services.AddScoped<Features.Reports.GetReport>();
        services.AddScoped<Features.Sharing.ShareGrants>();
        services.AddScoped<Features.Sharing.AddShare>();
        services.AddScoped<Features.Sharing.ListShares>();
        services.AddScoped<Features.Sharing.RevokeShare>();
        services.AddScoped<Features.Sharing.ViewShared>();
        services.AddScoped<Features.Sharing.EnterCows>();
        services.AddScoped<Features.Sharing.StaffList>();
        services.AddMemoryCache();
        services.AddScoped<Features.Import.ImportFile>();
        services.AddScoped<Features.Import.ImportWane>();
        services.AddScoped<Features.Import.ImportGuardrails>();
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
        var pending = location.IsSqlite
            ? await MigrateIfPendingAsync(db, ct).ConfigureAwait(false)
            : await MigrateHoldingLockAsync(db, ct).ConfigureAwait(false);
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

    private static async Task<List<string>> MigrateIfPendingAsync(WaneDb db, CancellationToken ct)
    {
        var pending = await PendingMigrationsAsync(db, ct).ConfigureAwait(false);
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(ct).ConfigureAwait(false);
        }
        return pending;
    }

    // Any number; the same in every node, and in no other program on the database.
    private const long MigrationLock = 0x57414E45_4D494752; // "WANEMIGR"

    /// <summary>
    /// On PostgreSQL, nodes starting together migrate one at a time (ADR 0022): each takes a session advisory
    /// lock, then reads what is still pending, so the second finds nothing to do. EF's own migration lock did not
    /// keep two nodes from applying the same migration (42P07, the table already exists).
    /// </summary>
    private static async Task<List<string>> MigrateHoldingLockAsync(WaneDb db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLock})", ct).ConfigureAwait(false);
            try
            {
                return await MigrateIfPendingAsync(db, ct).ConfigureAwait(false);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLock})", CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
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

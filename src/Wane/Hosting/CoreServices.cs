using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Features.Accounts;
using Wane.Features.Guardrails;
using Wane.Features.Journal;

namespace Wane.Hosting;

/// <summary>What both hosts (web and CLI) need: the database, the clock, identity and the feature handlers.</summary>
internal static partial class CoreServices
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
}

internal static partial class Log
{
    [LoggerMessage(LogLevel.Information, "Created a new Wane database at {Path}")]
    public static partial void CreatedDatabase(ILogger logger, string path);

    [LoggerMessage(LogLevel.Information, "Using the Wane database at {Where} ({Applied} migrations applied)")]
    public static partial void UsingDatabase(ILogger logger, string where, int applied);
}

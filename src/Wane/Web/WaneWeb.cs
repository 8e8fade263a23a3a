using System.IO.Compression;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore;
using Scalar.AspNetCore;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Features.Accounts;
using Wane.Features.CheckIns;
using Wane.Features.Export;
using Wane.Features.Fhir;
using Wane.Features.Guardrails;
using Wane.Features.Help;
using Wane.Features.Import;
using Wane.Features.Journal;
using Wane.Features.Products;
using Wane.Features.Tapering;
using Wane.Features.Reports;
using Wane.Features.Sharing;
using Wane.Features.Trends;
using Wane.Hosting;
using Wane.Web.OpenApi;

namespace Wane.Web;

/// <summary>The web app and API (<c>wane serve</c>).</summary>
internal static class WaneWeb
{
    public const string DefaultUrl = "http://127.0.0.1:5180";

    /// <summary>Builds the app. <paramref name="configure"/> lets tests swap services (a fake clock) and settings.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(WaneWeb).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Insert(0, ShippedDefaults());
        builder.Configuration.AddEnvironmentVariables("Wane__");
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        builder.AddWaneLogging();
        builder.AddWaneMetrics();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 10 * 1024 * 1024;
        });

        var services = builder.Services;
        services.AddWaneCore(builder.Configuration);
        // Held for the app's lifetime (the container disposes what a factory made): a restore waits for no
        // server, it refuses while one runs.
        // A folder that cannot be made (a bad path, no permission) has no lock to hold: the server still starts,
        // and /readyz answers 503 because the database cannot be opened either.
        if (DataLocation.From(builder.Configuration).DatabaseFile is { } databaseFile && DataLock.FolderUsable(databaseFile))
        {
            var held = DataLock.Shared(databaseFile);
            services.AddSingleton(_ => held);
        }
        services.AddSingleton(new SignUpPolicy(builder.Configuration.GetValue("Accounts:AllowSignUp", false)));

        services.AddIdentityCore<WaneUser>().AddSignInManager().AddDefaultTokenProviders()
            // Replaces Identity's authenticator provider: each code is accepted once.
            .AddTokenProvider<OneTimeAuthenticatorCodes>(TokenOptions.DefaultAuthenticatorProvider);
        // Authenticator keys and recovery codes encrypted at rest (they are read only here, never by the CLI).
        services.Replace(ServiceDescriptor.Scoped<IUserStore<WaneUser>, ProtectedUserStore>());
        services.Configure<IdentityPasskeyOptions>(o => Passkeys.Configure(o, builder.Configuration));
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/signin";
            o.LogoutPath = "/signout";
            o.AccessDeniedPath = "/signin";
            o.Cookie.Name = "wane";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.SlidingExpiration = true;
            o.EventsType = typeof(SessionCookieEvents);
        });
        services.AddScoped<SessionCookieEvents>();
        services.AddScoped<SignInGate>();
        services.AddScoped<Features.Journal.PendingDoseTicket>();
        services.AddSingleton(SignInGate.Settings.From(builder.Configuration));
        services.AddAuthorizationBuilder()
            .AddPolicy("api", p => p.AddAuthenticationSchemes(BearerTokenHandler.SchemeName).RequireAuthenticatedUser());
        // Keys live in the database, so every node behind a load balancer can read every cookie, and are
        // encrypted with a certificate kept outside it, so a copy of the database cannot mint one (ADR 0014).
        // Every node on one database needs the same certificate; KeyRingCheck refuses to start otherwise (ADR 0022).
        var keyEncryption = KeyEncryption.Load(builder.Configuration);
        services.AddSingleton(keyEncryption);
        services.AddDataProtection().SetApplicationName("wane").PersistKeysToDbContext<WaneDb>()
            .ProtectKeysWithCertificate(keyEncryption.Certificate);
        ServeStart.AddStartupGate(services);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "wane-af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddProxyAndHosts(builder.Configuration);
        services.AddWaneRateLimits(builder.Configuration);

        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Accounts/Setup");
            o.Conventions.AllowAnonymousToPage("/Accounts/SignIn");
            o.Conventions.AllowAnonymousToPage("/Accounts/SignInSecondFactor");
            o.Conventions.AllowAnonymousToPage("/Accounts/SignUp");
            o.Conventions.AllowAnonymousToPage("/Accounts/AccountDeleted");
            o.Conventions.AllowAnonymousToPage("/Accounts/ResetPassword");
            o.Conventions.AllowAnonymousToPage("/Help/Resources");
            o.Conventions.AllowAnonymousToPage("/Errors/Error");
            o.Conventions.AllowAnonymousToPage("/Sharing/Link");
        });

        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            o.SerializerOptions.MaxDepth = 16;
            // JSON numbers only: the web defaults also read "1e2" (a string) as 100, which no client documents.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            // Property names as documented (camelCase), exactly: the web defaults also read "Amount" or "AMOUNT",
            // so two spellings of one field could disagree about which one counts.
            o.SerializerOptions.PropertyNameCaseInsensitive = false;
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        // Brotli, then gzip, for HTML, CSS, JS, JSON and the SVG icon. Not over HTTPS: pages carry
        // antiforgery tokens, and compressing secrets beside reflected input invites BREACH (a TLS
        // proxy in front of Wane can decide for itself). Wane serves plain HTTP on 127.0.0.1 by default.
        services.AddResponseCompression(o =>
        {
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "image/svg+xml"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddWaneOpenApi();
        services.AddSingleton<ResourceDirectory>();

        configure?.Invoke(builder);
        var app = builder.Build();
        // Resolved once so the container owns the lock and releases it when the app is disposed.
        _ = app.Services.GetService<DataLock>();
        return Configure(app);
    }

    private static WebApplication Configure(WebApplication app)
    {
        app.UseWaneMetricsPort();
        app.UseProxyAndHosts();
        app.UseSecurityHeaders();
        app.UseResponseCompression();
        app.UseStartupGate();
        // The API answers errors with problem details; every other address with the error page inside
        // the layout (navigation and Get help), re-executed so the status code stays.
        app.UseWhen(IsApi, api => api
            .UseExceptionHandler()
            .UseStatusCodePages(async ctx => await Results.Problem(statusCode: ctx.HttpContext.Response.StatusCode).ExecuteAsync(ctx.HttpContext).ConfigureAwait(false)));
        app.UseWhen(ctx => !IsApi(ctx), web => web
            .UseExceptionHandler("/error/500")
            .UseStatusCodePagesWithReExecute("/error/{0}"));
        // Routing after the error handlers, so a re-executed /error/{code} finds its page; the rate
        // limiter after routing, so it sees each endpoint's policy.
        app.UseRouting();
        app.UseRateLimiter();
        // One database connection per API request: the token lookup, the guardrail window and the
        // insert share it, instead of opening (and setting up) a pooled connection for each query.
        app.Use(async (ctx, next) =>
        {
            if (ctx.Request.Path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase))
            {
                await ctx.RequestServices.GetRequiredService<WaneDb>().Database.OpenConnectionAsync(ctx.RequestAborted).ConfigureAwait(false);
            }
            await next(ctx).ConfigureAwait(false);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapProbes();
        app.MapWaneMetrics();
        app.MapAssets();
        app.MapCalendarFeed();
        app.MapExportDownload();
        app.MapFhirExportDownload();
        app.MapReportDownload();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapApiReferencePage();
        app.MapScalarApiReference("/api", o => o
            .WithTitle("Wane API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools()
            .HideClientButton()
            .AddPreferredSecuritySchemes(BearerTokenHandler.SchemeName))
            .AllowAnonymous();

        var api = app.MapGroup("/api/v1").RequireAuthorization("api").DisableAntiforgery();
        api.MapMeEndpoints();
        api.MapDeleteAccountEndpoint();
        api.MapProductEndpoints();
        api.MapLogDoseEndpoint();
        api.MapRepeatDoseEndpoint();
        api.MapFavouritesEndpoint();
        api.MapDoseQueryEndpoints();
        api.MapEditDoseEndpoints();
        api.MapGuardrailEndpoints();
        api.MapStatusEndpoint();
        api.MapTrendsEndpoint();
        api.MapPlanEndpoints();
        api.MapCheckInEndpoints();
        api.MapExportEndpoints();
        api.MapFhirExportEndpoint();
        api.MapReportEndpoint();
        api.MapImportEndpoint();
        api.MapAddShareEndpoint();
        api.MapListSharesEndpoints();
        api.MapRevokeShareEndpoint();
        api.MapStaffListEndpoint();
        api.MapViewSharedEndpoints();

        app.MapRazorPages();
        return app;
    }

    /// <summary>The embedded appsettings.json, as the lowest source: the single-file build needs no file beside it.</summary>
    private static Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource ShippedDefaults()
    {
        using var json = typeof(WaneWeb).Assembly.GetManifestResourceStream("Wane.appsettings.json")!;
        return new() { InitialData = new ConfigurationBuilder().AddJsonStream(json).Build().AsEnumerable().ToList() };
    }

    private static bool IsApi(HttpContext ctx) =>
        ctx.Request.Path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase)
        || ctx.Request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);

    /// <summary>Runs <c>wane serve</c> until stopped: listens at once, prepares the node behind the gate (ADR 0023).</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        await using var app = Build(args);
        try
        {
            await ServeStart.StartThenPrepareAsync(app, () => PrepareAsync(app, app.Logger, app.Lifetime.ApplicationStopping)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (app.Lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return 0; // stopped (Ctrl+C) while preparing
        }
        await app.WaitForShutdownAsync().ConfigureAwait(false);
        return 0;
    }

    /// <summary>
    /// What a node does before it serves: brings the schema up to date (nodes starting together take turns:
    /// an advisory lock), runs the upkeep, then checks it can read every data-protection key the other nodes wrote.
    /// </summary>
    public static async Task PrepareAsync(WebApplication app, ILogger logger, CancellationToken ct = default)
    {
        await CoreServices.PrepareDatabaseAsync(app.Services, logger, ct).ConfigureAwait(false);
        await KeyRingCheck.EnsureReadableAsync(app.Services, logger, ct).ConfigureAwait(false);
    }
}

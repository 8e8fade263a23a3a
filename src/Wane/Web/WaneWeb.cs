using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Scalar.AspNetCore;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Features.Accounts;
using Wane.Features.CheckIns;
using Wane.Features.Export;
using Wane.Features.Guardrails;
using Wane.Features.Help;
using Wane.Features.Journal;
using Wane.Features.Products;
using Wane.Features.Tapering;
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
        builder.Configuration.AddEnvironmentVariables("Wane__");
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 10 * 1024 * 1024;
        });

        var services = builder.Services;
        services.AddWaneCore(builder.Configuration);
        services.AddSingleton(new SignUpPolicy(builder.Configuration.GetValue("Accounts:AllowSignUp", false)));

        services.AddIdentityCore<WaneUser>().AddSignInManager().AddDefaultTokenProviders();
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
        });
        services.AddAuthorizationBuilder()
            .AddPolicy("api", p => p.AddAuthenticationSchemes(BearerTokenHandler.SchemeName).RequireAuthenticatedUser());
        // Keys live in the database, so every node behind a load balancer can read every cookie.
        services.AddDataProtection().SetApplicationName("wane").PersistKeysToDbContext<WaneDb>();
        services.AddAntiforgery(o => o.Cookie.Name = "wane-af");

        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Accounts/Setup");
            o.Conventions.AllowAnonymousToPage("/Accounts/SignIn");
            o.Conventions.AllowAnonymousToPage("/Accounts/SignUp");
            o.Conventions.AllowAnonymousToPage("/Help/Resources");
        });

        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            o.SerializerOptions.MaxDepth = 16;
            // Numbers are JSON numbers: "1e2" in quotes is a mistake to name, not 100 g.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddWaneOpenApi();
        services.AddSingleton<ResourceDirectory>();

        configure?.Invoke(builder);
        return Configure(builder.Build());
    }

    private static WebApplication Configure(WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(async ctx =>
        {
            if (ctx.HttpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                await Results.Problem(statusCode: ctx.HttpContext.Response.StatusCode).ExecuteAsync(ctx.HttpContext).ConfigureAwait(false);
            }
        });
        app.Use(async (ctx, next) =>
        {
            var h = ctx.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h["Referrer-Policy"] = "no-referrer";
            h.XFrameOptions = "DENY";
            await next(ctx).ConfigureAwait(false);
        });
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

        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" })).AllowAnonymous().ExcludeFromDescription();
        app.MapAssets();
        app.MapCalendarFeed();
        app.MapExportDownload();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
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
        api.MapProductEndpoints();
        api.MapLogDoseEndpoint();
        api.MapDoseQueryEndpoints();
        api.MapEditDoseEndpoints();
        api.MapGuardrailEndpoints();
        api.MapBreakEndpoints();
        api.MapStatusEndpoint();
        api.MapPlanEndpoints();
        api.MapCheckInEndpoints();
        api.MapExportEndpoints();

        app.MapRazorPages();
        return app;
    }

    /// <summary>Runs <c>wane serve</c> until stopped.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var app = Build(args);
        await CoreServices.MigrateAsync(app.Services, app.Logger).ConfigureAwait(false);
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }
}

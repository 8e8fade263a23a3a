using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Domain.Time;
using Wane.Domain.Units;
using Wane.Features.Common;

namespace Wane.Features.Accounts;

/// <summary>The signed-in person's profile: name, time zone, day-start hour, preferred unit.</summary>
public sealed record MeView(string Name, string TimeZone, int DayStartHour, string PreferredUnit, int HoldThreshold, int HoldRise);

/// <summary>A profile update. Absent fields keep their value.</summary>
public sealed record MeBody(string? Name, string? TimeZone, int? DayStartHour, string? PreferredUnit, int? HoldThreshold = null, int? HoldRise = null);

/// <summary>Reading and changing the profile (web page, API).</summary>
/// <remarks>
/// Most callers only need the person's days (every dose logged does), so Identity's user manager, which is
/// costly to build, is resolved only when the profile is changed.
/// </remarks>
internal sealed class Profile(WaneDb db, IServiceProvider services, RequestProfile requestProfile)
{
    public async Task<WaneUser?> UserAsync(string userId, CancellationToken ct) =>
        await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct).ConfigureAwait(false);

    /// <summary>The person's calendar days (zone and day-start hour).</summary>
    public async Task<LocalDays> DaysAsync(string userId, CancellationToken ct)
    {
        var loaded = await requestProfile.GetAsync(userId, ct).ConfigureAwait(false);
        return loaded?.Days ?? throw new InvalidOperationException("The signed-in account no longer exists.");
    }

    public static LocalDays Days(WaneUser user) => Days(user.TimeZone, user.DayStartHour);

    public static LocalDays Days(string zone, int hour) =>
        new(TimeZones.TryFind(zone, out var z) ? z : NodaTime.DateTimeZone.Utc, hour);

    public static MeView View(WaneUser u) => new(u.UserName!, u.TimeZone, u.DayStartHour, u.PreferredUnit, u.HoldThreshold, u.HoldRise);

    public async Task<Outcome<MeView>> UpdateAsync(string userId, MeBody body, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserManager<WaneUser>>();
        var user = await users.FindByIdAsync(userId).ConfigureAwait(false);
        if (user is null)
        {
            return new Outcome<MeView>.NotFound("User");
        }
        var errors = new List<FieldError>();
        if (body.TimeZone is not null && !TimeZones.TryFind(body.TimeZone, out _))
        {
            errors.Add(new("timeZone", TimeZones.Unknown(body.TimeZone)));
        }
        if (body.DayStartHour is { } h && (h < 0 || h > 23))
        {
            errors.Add(new("dayStartHour", "The day-start hour is a whole hour from 0 to 23."));
        }
        if (body.PreferredUnit is not null && !DoseUnits.TryParse(body.PreferredUnit, out _))
        {
            errors.Add(new("preferredUnit", "Use one of: " + string.Join(", ", DoseUnits.All) + "."));
        }
        if (body.HoldThreshold is { } ht && (ht < 1 || ht > 64))
        {
            errors.Add(new("holdThreshold", "A SOWS total from 1 to 64."));
        }
        if (body.HoldRise is { } hr && (hr < 1 || hr > 64))
        {
            errors.Add(new("holdRise", "A rise from 1 to 64 points."));
        }
        var name = body.Name?.Trim();
        if (body.Name is not null && (string.IsNullOrEmpty(name) || name.Length > Accounts.MaxNameLength))
        {
            errors.Add(new("name", $"A name has 1 to {Accounts.MaxNameLength} characters."));
        }
        else if (FreeText.HasLineControl(name))
        {
            errors.Add(new("name", FreeText.LineControlMessage));
        }
        if (errors.Count > 0)
        {
            return Outcome<MeView>.Fail(errors);
        }
        if (name is not null && name != user.UserName)
        {
            var renamed = await users.SetUserNameAsync(user, name).ConfigureAwait(false);
            if (!renamed.Succeeded)
            {
                return Outcome<MeView>.Fail("name", renamed.Errors.Any(e => e.Code == "DuplicateUserName")
                    ? "That name is taken."
                    : string.Join(" ", renamed.Errors.Select(e => e.Description)));
            }
        }
        if (body.TimeZone is not null && TimeZones.TryFind(body.TimeZone, out var zone))
        {
            user.TimeZone = zone.Id;
        }
        user.DayStartHour = body.DayStartHour ?? user.DayStartHour;
        user.HoldThreshold = body.HoldThreshold ?? user.HoldThreshold;
        user.HoldRise = body.HoldRise ?? user.HoldRise;
        if (body.PreferredUnit is not null && DoseUnits.TryParse(body.PreferredUnit, out var unit))
        {
            user.PreferredUnit = unit.Value.Name();
        }
        await users.UpdateAsync(user).ConfigureAwait(false);
        requestProfile.Forget();
        return View(user);
    }
}

internal static class MeEndpoints
{
    public static RouteGroupBuilder MapMeEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/me", GetMe).WithName("GetMe").WithTags("Profile").WithSummary("Your profile: name, time zone, day-start hour, preferred unit, hold settings").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/me", PutMe).WithName("UpdateMe").WithTags("Profile").WithSummary("Change your profile (fields left out keep their value)").ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<MeView>, ProblemHttpResult>> GetMe(HttpContext http, Profile profile, CancellationToken ct) =>
        await profile.UserAsync(http.User.Id(), ct).ConfigureAwait(false) is { } u
            ? TypedResults.Ok(Profile.View(u))
            : ApiResults.NotFound("User");

    private static async Task<Results<Ok<MeView>, ValidationProblem, ProblemHttpResult>> PutMe(
        MeBody body, HttpContext http, Profile profile, CancellationToken ct) =>
        await profile.UpdateAsync(http.User.Id(), body, ct).ConfigureAwait(false) switch
        {
            Outcome<MeView>.Ok ok => TypedResults.Ok(ok.Value),
            Outcome<MeView>.Invalid bad => ApiResults.Invalid(bad.Errors),
            _ => ApiResults.NotFound("User"),
        };
}

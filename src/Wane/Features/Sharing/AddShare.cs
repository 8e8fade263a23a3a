using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Domain.Time;
using Wane.Features.Accounts;
using Wane.Features.Common;

namespace Wane.Features.Sharing;

/// <summary>
/// Shares part of the person's record, read-only: with an account on this instance, or through a secret link with an
/// expiry (and an optional PIN). Every problem names its field and nothing is stored.
/// </summary>
internal sealed class AddShare(WaneDb db, Profile profile, ListShares list, IClock clock)
{
    /// <summary>A link lasts at most this many days: a link is a bearer secret, so it should not live for ever.</summary>
    public const int MaxLinkDays = 366;

    public async Task<Outcome<ShareCreatedView>> HandleAsync(string ownerId, AddShareBody body, string baseUrl, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var days = await profile.DaysAsync(ownerId, ct).ConfigureAwait(false);
        var today = days.DayOf(clock.GetCurrentInstant());
        var link = body.Link == true;
        var to = body.To?.Trim();
        string? granteeId = null;
        if (link && !string.IsNullOrEmpty(to))
        {
            errors.Add(new("to", "Share with an account or make a link, not both."));
        }
        else if (!link && string.IsNullOrEmpty(to))
        {
            errors.Add(new("to", "Give the user name of an account on this Wane, or ask for a link (link: true)."));
        }
        else if (!link)
        {
            var normalized = to!.ToUpperInvariant();
            granteeId = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized).Select(u => u.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (granteeId is null)
            {
                errors.Add(new("to", $"There is no account named \"{VisibleText.Of(to)}\" on this Wane."));
            }
            else if (granteeId == ownerId)
            {
                errors.Add(new("to", "You cannot share with yourself."));
            }
        }

        var scopes = new List<ShareScope>();
        if (body.Scopes is not { Count: > 0 })
        {
            errors.Add(new("scopes", $"Choose at least one of {string.Join(", ", WireName.All<ShareScope>())}."));
        }
        else
        {
            for (var i = 0; i < body.Scopes.Count; i++)
            {
                if (WireName.TryParse<ShareScope>(body.Scopes[i], out var scope))
                {
                    scopes.Add(scope.Value);
                }
                else
                {
                    errors.Add(new($"scopes[{i}]", $"Use one of {string.Join(", ", WireName.All<ShareScope>())}."));
                }
            }
        }

        Instant? expiresAt = null;
        if (string.IsNullOrWhiteSpace(body.Expires))
        {
            if (link)
            {
                errors.Add(new("expires", "A link needs an expiry: the last day it works (YYYY-MM-DD)."));
            }
        }
        else if (TimeText.ParseDate(body.Expires) is not { } last)
        {
            errors.Add(new("expires", $"Use a date like 2026-12-31 (YYYY-MM-DD), {TimeText.RangeText}."));
        }
        else if (last < today)
        {
            errors.Add(new("expires", "That day has passed; give today or a later day."));
        }
        else if (link && last > today.PlusDays(MaxLinkDays))
        {
            errors.Add(new("expires", $"A link lasts at most {MaxLinkDays} days; give a day up to {TimeText.Format(today.PlusDays(MaxLinkDays))}."));
        }
        else
        {
            expiresAt = days.StartOf(last.PlusDays(1));
        }

        var pin = string.IsNullOrEmpty(body.Pin) ? null : body.Pin;
        if (pin is not null && !link)
        {
            errors.Add(new("pin", "A PIN is only for a link; an account signs in."));
        }
        else if (pin is not null && (pin.Length is < 4 or > 12 || !pin.All(char.IsAsciiDigit)))
        {
            errors.Add(new("pin", "Use 4 to 12 digits."));
        }
        if (body.MayEnterCows == true && link)
        {
            errors.Add(new("mayEnterCows", "Only an account can enter a COWS; a link is read-only."));
        }
        var label = string.IsNullOrWhiteSpace(body.Label) ? null : body.Label.Trim();
        if (label is { Length: > 100 })
        {
            errors.Add(new("label", "Keep the label to 100 characters or fewer."));
        }
        else if (FreeText.HasLineControl(label))
        {
            errors.Add(new("label", FreeText.LineControlMessage));
        }
        if (errors.Count > 0)
        {
            return Outcome<ShareCreatedView>.Fail(errors);
        }

        var now = clock.GetCurrentInstant();
        if (granteeId is not null && await db.Shares.AnyAsync(s => s.UserId == ownerId && s.GranteeId == granteeId && s.RevokedAt == null
                && (s.ExpiresAt == null || s.ExpiresAt > now), ct).ConfigureAwait(false))
        {
            return new Outcome<ShareCreatedView>.Conflict("You already share with this account.",
                $"{VisibleText.Of(to)} already has access. Revoke that share first to change what they see.");
        }
        var secret = link ? ShareGrants.NewSecret() : null;
        var row = new Share
        {
            UserId = ownerId, GranteeId = granteeId, SecretHash = secret is null ? null : ShareGrants.Hash(secret), Label = label,
            Scopes = ShareGrants.Format(scopes), MayEnterCows = body.MayEnterCows == true, CreatedAt = now, ExpiresAt = expiresAt,
        };
        if (pin is not null)
        {
            row.PinHash = ShareGrants.HashPin(row, pin);
        }
        db.Shares.Add(row);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        var view = (await list.GetAsync(ownerId, row.Id, ct).ConfigureAwait(false))!.Share;
        return new ShareCreatedView(view, secret is null ? null : $"{baseUrl}/s/{secret}");
    }
}

internal static class AddShareEndpoint
{
    public static RouteGroupBuilder MapAddShareEndpoint(this RouteGroupBuilder api)
    {
        api.MapPost("/shares", Handle).WithName("AddShare").WithTags("Sharing")
            .WithSummary("Share part of your record, read-only, with an account on this Wane or through a secret link (shown once)")
            .WithDescription("Scopes: plan (plan and adherence), checkins (check-ins and red flags), doses (amounts and times, daily totals, dangers), notes (free text; off unless chosen). A link needs an expiry and may have a PIN; only an account may be allowed to enter a COWS (mayEnterCows).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Results<Created<ShareCreatedView>, ValidationProblem, ProblemHttpResult>> Handle(
        AddShareBody body, HttpContext http, AddShare handler, CancellationToken ct) =>
        await handler.HandleAsync(http.User.Id(), body, Tapering.PlanEndpoints.BaseUrl(http.Request), ct).ConfigureAwait(false) switch
        {
            Outcome<ShareCreatedView>.Ok ok => TypedResults.Created($"/api/v1/shares/{ok.Value.Share.Id}", ok.Value),
            Outcome<ShareCreatedView>.Invalid bad => ApiResults.Invalid(bad.Errors),
            Outcome<ShareCreatedView>.Conflict c => ApiResults.Conflict(c.Title, c.Detail),
            var other => throw new InvalidOperationException(other.ToString()),
        };
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Domain.Time;
using Wane.Features.Common;

namespace Wane.Features.Accounts;

/// <summary>
/// One-time sign-up links for when open sign-up is off: an admin makes one with an expiry (<c>wane invite
/// create</c>, the admin page), the person opens <c>/setup?invite=…</c>. The secret has 256 random bits and only
/// its SHA-256 hash is stored. Signing up consumes it in the same transaction that creates the account, by an
/// update that only an unused, unrevoked, unexpired invitation matches: two sign-ups at once make one account.
/// </summary>
internal sealed class Invitations(WaneDb db, IClock clock, Accounts accounts)
{
    public static readonly Duration DefaultLifetime = Duration.FromDays(7);
    public static readonly Duration MaxLifetime = Duration.FromDays(90);
    public static readonly Duration MinLifetime = Duration.FromHours(1);

    public const string Expired = "This invitation has expired. Ask the person who sent it for a new one.";
    public const string Used = "This invitation has been used already: each works once. Ask the person who sent it for a new one.";
    public const string Revoked = "This invitation was withdrawn. Ask the person who sent it for a new one.";
    public const string Unknown = "This invitation link is not valid. Check that you copied all of it, or ask for a new one.";

    /// <summary>An invitation as an admin lists it. <c>Status</c>: open, used, revoked or expired.</summary>
    public sealed record InvitationView(long Id, string? Note, string CreatedAt, string ExpiresAt,
        [property: System.Text.Json.Serialization.JsonConverter(typeof(WireNameJsonConverter<InvitationStatus>))] InvitationStatus Status, string? UsedAt);

    /// <summary>Where an invitation stands: it can make an account only while <see cref="InvitationStatus.Open"/>.</summary>
    public enum InvitationStatus
    {
        /// <summary>Not used, not revoked, not expired.</summary>
        Open,
        /// <summary>It made an account.</summary>
        Used,
        /// <summary>An admin revoked it.</summary>
        Revoked,
        /// <summary>Its lifetime passed.</summary>
        Expired,
    }

    /// <summary>Parses a lifetime such as <c>7d</c>, <c>12h</c> or <c>90m</c> (the CLI's <c>--expires</c>).</summary>
    public static Outcome<Duration> ParseLifetime(string? text)
    {
        var t = text?.Trim() ?? "";
        if (t.Length == 0)
        {
            return DefaultLifetime;
        }
        if (t.Length < 2 || !int.TryParse(t.AsSpan(0, t.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0 || n > 100_000)
        {
            return Outcome<Duration>.Fail("expires", "Give the lifetime as a number and d, h or m, e.g. 7d, 12h.");
        }
        Duration? lifetime = char.ToLowerInvariant(t[^1]) switch
        {
            'd' => Duration.FromDays(n),
            'h' => Duration.FromHours(n),
            'm' => Duration.FromMinutes(n),
            _ => null,
        };
        if (lifetime is not { } l)
        {
            return Outcome<Duration>.Fail("expires", "Give the lifetime as a number and d, h or m, e.g. 7d, 12h.");
        }
        return l < MinLifetime || l > MaxLifetime
            ? Outcome<Duration>.Fail("expires", "An invitation lasts from 1 hour to 90 days.")
            : l;
    }

    /// <summary>Makes an invitation; returns its secret (shown once) and the stored row.</summary>
    public async Task<Outcome<(string Secret, Invitation Row)>> CreateAsync(string? createdById, Duration lifetime, string? note, CancellationToken ct)
    {
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (text is { Length: > Invitation.MaxNoteLength })
        {
            return Outcome<(string, Invitation)>.Fail("note", $"Keep the note to {Invitation.MaxNoteLength} characters or fewer.");
        }
        if (text is not null && FreeText.HasLineControl(text))
        {
            return Outcome<(string, Invitation)>.Fail("note", FreeText.LineControlMessage);
        }
        if (lifetime < MinLifetime || lifetime > MaxLifetime)
        {
            return Outcome<(string, Invitation)>.Fail("expires", "An invitation lasts from 1 hour to 90 days.");
        }
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetCurrentInstant();
        var row = new Invitation { SecretHash = Hash(secret), Note = text, CreatedAt = now, ExpiresAt = now + lifetime, CreatedById = createdById };
        db.Invitations.Add(row);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return (secret, row);
    }

    public async Task<IReadOnlyList<InvitationView>> ListAsync(CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var rows = await db.Invitations.AsNoTracking().OrderByDescending(i => i.Id).ToListAsync(ct).ConfigureAwait(false);
        return rows.Select(i => new InvitationView(i.Id, i.Note, TimeText.Format(i.CreatedAt), TimeText.Format(i.ExpiresAt), Status(i, now),
            i.UsedAt is { } u ? TimeText.Format(u) : null)).ToList();
    }

    /// <summary>Withdraws an open invitation. False when there is none with that id; a used one stays used.</summary>
    public async Task<Outcome<bool>> RevokeAsync(long id, CancellationToken ct)
    {
        var row = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct).ConfigureAwait(false);
        if (row is null)
        {
            return new Outcome<bool>.NotFound("Invitation");
        }
        if (row.UsedAt is not null)
        {
            return new Outcome<bool>.Conflict("That invitation has been used.", "It made an account already; disable or delete the account instead.");
        }
        var now = clock.GetCurrentInstant();
        return await db.Invitations.Where(i => i.Id == id && i.RevokedAt == null && i.UsedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.RevokedAt, now), ct).ConfigureAwait(false) > 0;
    }

    /// <summary>Why this invitation cannot make an account, or null when it can.</summary>
    public async Task<string?> RefusalAsync(string? secret, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 100)
        {
            return Unknown;
        }
        var hash = Hash(secret.Trim());
        var row = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.SecretHash == hash, ct).ConfigureAwait(false);
        return row is null ? Unknown : Status(row, clock.GetCurrentInstant()) switch
        {
            InvitationStatus.Used => Used,
            InvitationStatus.Revoked => Revoked,
            InvitationStatus.Expired => Expired,
            InvitationStatus.Open => null,
            _ => throw new InvalidOperationException("Unknown invitation status."),
        };
    }

    /// <summary>
    /// Creates the account and consumes the invitation, both or neither: an account refused (a name taken) leaves
    /// the invitation usable; an invitation used meanwhile creates no account.
    /// </summary>
    public async Task<Outcome<WaneUser>> SignUpAsync(string? secret, string? name, string? password, string? timeZone, CancellationToken ct)
    {
        if (await RefusalAsync(secret, ct).ConfigureAwait(false) is { } refusal)
        {
            return Outcome<WaneUser>.Fail("invite", refusal);
        }
        var hash = Hash(secret!.Trim());
        var now = clock.GetCurrentInstant();
        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var claimed = await db.Invitations.Where(i => i.SecretHash == hash && i.UsedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.UsedAt, now), ct).ConfigureAwait(false);
        if (claimed == 0)
        {
            await tx.RollbackAsync(ct).ConfigureAwait(false);
            return Outcome<WaneUser>.Fail("invite", await RefusalAsync(secret, ct).ConfigureAwait(false) ?? Used);
        }
        var created = await accounts.CreateAsync(name, password, timeZone).ConfigureAwait(false);
        if (created is not Outcome<WaneUser>.Ok ok)
        {
            await tx.RollbackAsync(ct).ConfigureAwait(false);
            return created;
        }
        await db.Invitations.Where(i => i.SecretHash == hash).ExecuteUpdateAsync(u => u.SetProperty(i => i.UsedById, ok.Value.Id), ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return ok;
    }

    /// <summary>The sign-up link for a secret, on the instance's public address.</summary>
    public static string Link(string baseUrl, string secret) => $"{baseUrl.TrimEnd('/')}/setup?invite={secret}";

    /// <summary>An instant as the lists show it: minutes, UTC.</summary>
    public static string ListTime(Instant instant) => TimeText.Format(instant)[..16].Replace('T', ' ') + " UTC";

    private static InvitationStatus Status(Invitation i, Instant now) =>
        i.UsedAt is not null ? InvitationStatus.Used : i.RevokedAt is not null ? InvitationStatus.Revoked
        : i.ExpiresAt <= now ? InvitationStatus.Expired : InvitationStatus.Open;

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

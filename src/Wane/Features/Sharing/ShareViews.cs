using System.ComponentModel.DataAnnotations;
using Wane.Features.Common;

namespace Wane.Features.Sharing;

/// <summary>What a share lets its viewer see. Notes (free text anywhere in the record) are off unless chosen.</summary>
public enum ShareScope
{
    /// <summary>The plan and adherence: steps and targets, holds, whether each day was at or under target.</summary>
    Plan,

    /// <summary>Check-ins and red flags: SOWS and COWS scores with their bands, daily ratings, red flags with dates.</summary>
    Checkins,

    /// <summary>Doses, their amounts and times, the daily totals, and the dangers Wane warned about.</summary>
    Doses,

    /// <summary>Free text: dose and check-in notes, hold reasons.</summary>
    Notes,
}

/// <summary>
/// A new share: <c>to</c> (the user name of an account on this instance) or <c>link: true</c> (a secret link), never both.
/// <c>expires</c> is the last local day of access (required for a link); <c>pin</c> (4–12 digits) only for a link.
/// </summary>
public sealed record AddShareBody(
    string? To,
    bool? Link,
    [property: DataType(DataType.Date)] string? Expires,
    string? Pin,
    [property: Required, OneOf(typeof(ShareScope))] IReadOnlyList<string>? Scopes,
    bool? MayEnterCows,
    string? Label);

/// <summary>
/// One share as its owner sees it. <c>kind</c>: "account" or "link"; <c>to</c> the account's user name or the link's label.
/// <c>status</c>: "active", "expired" or "revoked".
/// </summary>
public sealed record ShareView(
    long Id,
    [property: OneOf(typeof(ShareKind))] string Kind,
    string? To,
    [property: OneOf(typeof(ShareScope))] IReadOnlyList<string> Scopes,
    bool MayEnterCows,
    bool HasPin,
    [property: DataType(DataType.DateTime)] string CreatedAt,
    [property: DataType(DataType.DateTime)] string? ExpiresAt,
    [property: DataType(DataType.DateTime)] string? RevokedAt,
    [property: DataType(DataType.DateTime)] string? LastViewedAt,
    [property: OneOf(typeof(ShareStatus))] string Status);

/// <summary>A share just made; for a link, <c>url</c> is shown this once (only a hash of its secret is kept).</summary>
public sealed record ShareCreatedView(ShareView Share, string? Url);

/// <summary>One look through a share: when, and what was viewed.</summary>
public sealed record ShareAccessView([property: DataType(DataType.DateTime)] string At, string LocalTime, string What);

/// <summary>A share with its access log, newest first.</summary>
public sealed record ShareDetailView(ShareView Share, IReadOnlyList<ShareAccessView> AccessLog);

/// <summary>Whom a share is for: an account on this instance, or whoever holds a secret link.</summary>
public enum ShareKind
{
    /// <summary>A person with an account here.</summary>
    Account,
    /// <summary>Whoever holds the link (and its PIN, if it has one).</summary>
    Link,
}

/// <summary>Where a share stands: only an <see cref="Active"/> one reads anything.</summary>
public enum ShareStatus
{
    /// <summary>Neither revoked nor past its expiry.</summary>
    Active,
    /// <summary>Its expiry passed.</summary>
    Expired,
    /// <summary>The person revoked it.</summary>
    Revoked,
}

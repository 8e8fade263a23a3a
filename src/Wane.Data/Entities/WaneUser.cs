using Microsoft.AspNetCore.Identity;
using NodaTime;

namespace Wane.Data.Entities;

/// <summary>A person with an account. Everything else they own carries their <c>Id</c>.</summary>
public class WaneUser : IdentityUser
{
    /// <summary>IANA time zone id; a person's "day" is computed in it.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The local hour a day starts at (0–23).</summary>
    public int DayStartHour { get; set; }

    /// <summary>Default unit in the log form (a <c>DoseUnits</c> wire name).</summary>
    public string PreferredUnit { get; set; } = "g";

    /// <summary>A taper step waits while the latest SOWS is at or above this (default 11: the start of the "moderate" band in NIDA CTN research).</summary>
    public int HoldThreshold { get; set; } = 11;

    /// <summary>A taper step waits while the latest SOWS is this much above the plan's baseline.</summary>
    public int HoldRise { get; set; } = 6;

    /// <summary>When the account was created.</summary>
    public Instant CreatedAt { get; set; }

    /// <summary>
    /// The 30-second time step (Unix seconds / 30) of the last authenticator code accepted, so a code is
    /// accepted once (OWASP ASVS 2.8.4). Written only by a conditional update, never by saving the user.
    /// </summary>
    public long? TotpLastStep { get; set; }

    /// <summary>Whether this person administers the instance (the first account is; <c>wane user admin</c> changes it).
    /// Written only by a conditional update, never by saving the user.</summary>
    public bool IsAdmin { get; set; }

    /// <summary>When an admin disabled the account (null: enabled). A disabled account cannot sign in and its
    /// tokens, sessions and calendar feed stop working. Written only by a conditional update.</summary>
    public Instant? DisabledAt { get; set; }

    /// <summary>When the person last signed in (any way: password, second factor, passkey).</summary>
    public Instant? LastSignInAt { get; set; }
}

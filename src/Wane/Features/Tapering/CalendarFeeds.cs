using System.Security.Cryptography;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain.Tapering;
using Wane.Domain.Time;
using Wane.Features.Common;

namespace Wane.Features.Tapering;

/// <summary>
/// The person's calendar feed: a secret URL a phone's calendar can subscribe to, with step-down
/// days, planned breaks and daily check-in reminders. Revoking replaces the secret.
/// </summary>
internal sealed class CalendarFeeds(WaneDb db, IClock clock)
{
    /// <summary>When the person's current feed URL was made, or null when there is none.</summary>
    public async Task<Instant?> CreatedAtAsync(string userId, CancellationToken ct) =>
        await db.CalendarFeeds.AsNoTracking().Where(f => f.UserId == userId).Select(f => (Instant?)f.CreatedAt).SingleOrDefaultAsync(ct).ConfigureAwait(false);

    /// <summary>Makes a new secret (the old URL stops working at once) and returns it; it is never shown again.</summary>
    public async Task<string> RotateAsync(string userId, CancellationToken ct)
    {
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.UserId == userId, ct).ConfigureAwait(false);
        if (feed is null)
        {
            db.CalendarFeeds.Add(new CalendarFeed { UserId = userId, SecretHash = Hash(secret), CreatedAt = clock.GetCurrentInstant() });
        }
        else
        {
            feed.SecretHash = Hash(secret);
            feed.CreatedAt = clock.GetCurrentInstant();
        }
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return secret;
    }

    /// <summary>The owner of a feed secret, or null (also while the owner's account is disabled: the feed answers 404).</summary>
    public async Task<string?> OwnerAsync(string secret, CancellationToken ct) =>
        secret.Length is < 20 or > 64
            ? null
            : await (from f in db.CalendarFeeds.AsNoTracking()
                     join u in db.Users on f.UserId equals u.Id
                     where f.SecretHash == Hash(secret) && u.DisabledAt == null
                     select f.UserId).SingleOrDefaultAsync(ct).ConfigureAwait(false);

    /// <summary>
    /// Feeds made before secrets were hashed still hold the 40-hex-digit secret itself (a hash has 64):
    /// hash them in place, so subscribed calendars keep working and the database stops revealing them.
    /// </summary>
    public static async Task HashLegacySecretsAsync(WaneDb db, CancellationToken ct)
    {
        var legacy = await db.CalendarFeeds.Where(f => f.SecretHash.Length == 40).ToListAsync(ct).ConfigureAwait(false);
        foreach (var feed in legacy)
        {
            feed.SecretHash = Hash(feed.SecretHash);
        }
        if (legacy.Count > 0)
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
    }

    // The secret has 160 random bits, so a fast hash is enough (as for access tokens).
    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>The iCalendar text: all-day events for each step-down and break, and a daily check-in reminder while the plan runs.</summary>
    public static string Render(TaperRequest request, TaperPlan plan, IReadOnlyList<Guardrails.BreakView> breaks, string userKey)
    {
        var calendar = new Calendar();
        calendar.AddProperty("X-WR-CALNAME", "Wane taper plan");
        calendar.AddProperty("X-WR-CALDESC", "Step-down days, planned breaks and check-in reminders from Wane. Not medical advice.");
        foreach (var phase in plan.Phases)
        {
            var unit = phase.Unit.Name();
            var doses = request.Phases[phase.Index].DosesPerDay;
            for (var i = 1; i < phase.Steps.Count; i++)
            {
                var step = phase.Steps[i];
                var summary = step.DailyTarget == 0
                    ? $"{phase.Substance}: plan reaches zero"
                    : $"{phase.Substance}: step down to {Fmt.Num(step.DailyTarget)} {unit}/day";
                var description = step.DailyTarget == 0
                    ? "Tolerance falls after a taper. Returning to a former dose can cause an overdose. Keep naloxone nearby if you have used opioids."
                    : $"{Fmt.Num(step.PerDoseTarget)} {unit} per dose, {doses} dose{(doses == 1 ? "" : "s")} a day, from {TimeText.Format(step.From)} to {TimeText.Format(step.To)}.";
                calendar.Events.Add(AllDay($"wane-{userKey}-p{phase.Index}-{TimeText.Format(step.From)}", summary, description, step.From, step.From));
            }
        }
        foreach (var b in breaks)
        {
            calendar.Events.Add(AllDay($"wane-{userKey}-break-{b.Id}", "Planned break from kratom", b.Note ?? "A planned kratom-free break.",
                TimeText.ParseDate(b.From)!.Value, TimeText.ParseDate(b.To)!.Value));
        }
        var reminder = AllDay($"wane-{userKey}-checkin", "Wane check-in", "How are you feeling? A daily check-in helps the plan wait for you when withdrawal rises.", plan.Start, plan.Start);
        reminder.RecurrenceRule = new RecurrencePattern($"FREQ=DAILY;UNTIL={plan.End.PlusDays(7).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)}");
        calendar.Events.Add(reminder);
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalendarEvent AllDay(string uid, string summary, string description, LocalDate from, LocalDate to) => new()
    {
        Uid = uid,
        Summary = summary,
        Description = description,
        DtStart = new CalDateTime(from.Year, from.Month, from.Day),
        DtEnd = new CalDateTime(to.PlusDays(1).Year, to.PlusDays(1).Month, to.PlusDays(1).Day),
    };
}

using Wane.Features.Common;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Domain.CheckIns;
using Wane.Domain.Time;
using Wane.Features.Guardrails;
using Wane.Features.Help;

namespace Wane.Features.CheckIns;

/// <summary>A check-in as the API takes it: SOWS/COWS answers are the item scores in order; daily answers an object.</summary>
public sealed record CheckInBody(
    [property: Required, OneOf(typeof(InstrumentKind))] string? Instrument,
    [property: DataType(DataType.DateTime)] string? TakenAt,
    [property: Required] JsonElement? Answers);

/// <summary>A resource to reach now, for a red flag.</summary>
/// <param name="Id">"emergency", "988" or "clinician".</param>
/// <param name="Name">Who to contact.</param>
/// <param name="Action">What to do now.</param>
/// <param name="Why">Why, for the flags reported.</param>
/// <param name="Care">The level of care: "emergency" (911, 988) or "urgent" (a clinician promptly).</param>
/// <param name="Contacts">One-tap links: tel:, sms: or web addresses (none for a clinician).</param>
public sealed record ResourceView(string Id, string Name, string Action, string Why, string Care, IReadOnlyList<Contact> Contacts);

/// <summary>The daily check-in's answers; the ratings are null only when a red flag was saved without them.</summary>
public sealed record DailyView(int? Pain, int? Sleep, int? Mood, int? Craving, string? Note)
{
    /// <summary>"pain 3, craving 6" for lists; "red flag only" when it was saved without ratings.</summary>
    public string Summary() =>
        Pain is null && Sleep is null && Mood is null && Craving is null
            ? "red flag only"
            : string.Create(CultureInfo.InvariantCulture, $"pain {(Pain is { } p ? p.ToString(CultureInfo.InvariantCulture) : "–")}, craving {(Craving is { } c ? c.ToString(CultureInfo.InvariantCulture) : "–")}");
}

/// <summary>One thing to do now for a score's band, with its source.</summary>
public sealed record CareStepView(string Text, string Source);

/// <summary>
/// A stored check-in with its score, band, sources, red flags and the resources they call for.
/// For SOWS/COWS, <c>severity</c> is the band's severity ("none", "mild", "moderate", "severe")
/// and <c>guidance</c> what the person can do now (never a dose), each step with its source;
/// for a daily check-in they are null and empty. <c>enteredBy</c> names the viewer who entered it through a share
/// (a COWS), or is null when the person entered it.
/// </summary>
public sealed record CheckInView(
    long Id,
    [property: OneOf(typeof(InstrumentKind))] string Instrument,
    [property: DataType(DataType.DateTime)] string TakenAt,
    [property: DataType(DataType.Date)] string LocalDate,
    string LocalTime,
    int? Score, int? Max, string? Band, string? Severity, string? Source, string? BandSource, string? KratomNote,
    IReadOnlyList<CareStepView> Guidance,
    IReadOnlyList<int>? Answers, DailyView? Daily, IReadOnlyList<string> RedFlags, IReadOnlyList<ResourceView> Resources,
    bool PlanHeld, string? HoldReason, string? EnteredBy = null)
{
    /// <summary>The share through which a viewer entered it (a COWS), or null; <c>enteredBy</c> names that viewer.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public long? EnteredByShareId { get; init; }

    /// <summary>The instrument, typed.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public InstrumentKind Kind => WireName.TryParse<InstrumentKind>(Instrument, out var kind) ? kind.Value : throw new InvalidOperationException($"Unknown instrument \"{Instrument}\".");

    /// <summary>The band's severity, typed (null for a daily check-in).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Severity? BandSeverity => Severity is null ? null
        : WireName.TryParse<Severity>(Severity, out var severity) ? severity.Value : throw new InvalidOperationException($"Unknown severity \"{Severity}\".");
}

/// <summary>Check-ins between two local dates.</summary>
public sealed record CheckInListView([property: DataType(DataType.Date)] string From, [property: DataType(DataType.Date)] string To, IReadOnlyList<CheckInView> CheckIns);

/// <summary>How stored check-ins and red flags are shown: the view of a row, the resources for flags.</summary>
internal static class CheckInViews
{
    /// <summary>The resources for red flags given by wire name (unknown names skipped), most urgent first, with their links.</summary>
    public static IReadOnlyList<ResourceView> Resources(IEnumerable<RedFlag> flags) =>
        RedFlags.ResourcesFor(flags)
            .Select(x => new ResourceView(x.Id, x.Name, x.Action, x.Why, x == RedFlags.Clinician ? "urgent" : "emergency",
                x == RedFlags.Clinician ? [] : ResourceDirectory.Default.ContactsFor(x.Id)))
            .ToArray();

    /// <summary>The resources for the red flags a draft reports, even when the rest of it needs fixing.</summary>
    public static IReadOnlyList<ResourceView> Resources(IEnumerable<string>? wireFlags) => Resources(DailyCheckIns.KnownFlags(wireFlags));

    internal static CheckInView View(CheckInRow r, LocalDays days)
    {
        var instrument = Instruments.Find(WireName.Of(r.Instrument));
        var flags = (r.RedFlags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => WireName.TryParse<RedFlag>(f, out var v) ? v : (RedFlag?)null).Where(f => f is not null).Select(f => f!.Value).ToList();
        var band = instrument is not null && r.Score is { } total ? instrument.BandFor(total) : null;
        return new CheckInView(
            r.Id, WireName.Of(r.Instrument), TimeText.Format(r.TakenAt), TimeText.Format(days.DayOf(r.TakenAt)), TimeText.FormatClock(days.LocalTimeOf(r.TakenAt)),
            r.Score, instrument?.MaxTotal, r.Band, band is null ? null : WireName.Of(band.Severity),
            instrument is null ? null : Advice.Cite(instrument.Source),
            instrument is null ? null : Advice.Cite(instrument.BandSource),
            instrument?.KratomNote,
            band is null ? [] : BandGuidance.For(instrument!, band).Select(s => new CareStepView(s.Text, Advice.Cite(s.Source))).ToArray(),
            instrument is null ? null : JsonSerializer.Deserialize<List<int>>(r.AnswersJson),
            instrument is null ? JsonSerializer.Deserialize<DailyView>(r.AnswersJson, JsonSerializerOptions.Web) : null,
            flags.Select(WireName.Of).ToArray(),
            Resources(flags),
            false, null)
        {
            EnteredByShareId = r.EnteredByShareId,
            EnteredBy = r.EnteredByShareId is null ? null : CheckInQueries.EnteredByGone,
        };
    }
}

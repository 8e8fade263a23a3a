using System.ComponentModel.DataAnnotations;
using Wane.Features.Common;
using Wane.Features.Guardrails;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Domain.Journal;
using Wane.Domain.Time;
using Wane.Domain.Units;

namespace Wane.Features.Journal;

/// <summary>A dose in its kind's common unit: grams of kratom product, MME, or mg.</summary>
public sealed record NormalizedView(decimal Amount, string Unit);

/// <summary>A dose as the API returns it.</summary>
public sealed record DoseView(
    long Id,
    long ProductId,
    string ProductName,
    [property: OneOf(typeof(ProductKind))] string Kind,
    decimal Amount,
    [property: OneOf(typeof(DoseUnits), nameof(DoseUnits.All))] string Unit,
    [property: DataType(DataType.DateTime)] string TakenAt,
    [property: DataType(DataType.Date)] string LocalDate,
    string LocalTime,
    string? Meal,
    string? Reason,
    int? PainBefore,
    string? Note,
    Guid? ClientId,
    NormalizedView? Normalized,
    IReadOnlyList<string> Flags,
    [property: DataType(DataType.DateTime)] string CreatedAt,
    [property: DataType(DataType.DateTime)] string UpdatedAt)
{
    internal static DoseView From(Dose d, Product p, LocalDays days)
    {
        var local = days.LocalTimeOf(d.TakenAt);
        return new(
            d.Id, d.ProductId, p.Name, WireName.Of(d.Kind), d.Amount, d.Unit.Name(),
            TimeText.Format(d.TakenAt), TimeText.Format(days.DayOf(d.TakenAt)), TimeText.FormatClock(local),
            d.Meal is { } m ? WireName.Of(m) : null,
            d.Reason is { } r ? WireName.Of(r) : null,
            d.PainBefore, d.Note, d.ClientId,
            d.Normalized is { } n ? new NormalizedView(n.Amount, n.Unit.Name()) : null,
            d.NormalizationNote is { } note ? [WireName.Of(note)] : [],
            TimeText.Format(d.CreatedAt), TimeText.Format(d.UpdatedAt));
    }
}

/// <summary>What logging a dose would record and the advice about it; nothing is stored.</summary>
public sealed record DosePreview(decimal Amount, string Unit, string TakenAt, NormalizedView? Normalized, IReadOnlyList<string> Flags, IReadOnlyList<AdvisoryView> Advisories)
{
    internal static DosePreview From(CheckedDose c) => new(
        c.Dose.Amount.Value, c.Dose.Amount.Unit.Name(), TimeText.Format(c.Dose.TakenAt),
        c.Dose.Normalized is { } n ? new NormalizedView(n.Amount, n.Unit.Name()) : null,
        c.Dose.NormalizationNote is { } note ? [WireName.Of(note)] : [],
        Advice.Views(c.Advisories));
}

/// <summary>The answer to logging a dose: the dose as stored and the advice about it.</summary>
public sealed record LogDoseResponse(DoseView Dose, IReadOnlyList<AdvisoryView> Advisories);

/// <summary>One kind's total for a day.</summary>
public sealed record TotalView(string Kind, decimal Amount, string Unit, int Doses, int NotCounted)
{
    internal static TotalView From(DayTotal t) => new(WireName.Of(t.Kind), t.Amount, t.Unit.Name(), t.Doses, t.NotCounted);
}

/// <summary>A local day: its totals per kind and its doses.</summary>
public sealed record DayView(string Date, IReadOnlyList<TotalView> Totals, IReadOnlyList<DoseView> Doses);

/// <summary>Doses between two local dates (inclusive).</summary>
public sealed record DoseListView(string From, string To, IReadOnlyList<DoseView> Doses);

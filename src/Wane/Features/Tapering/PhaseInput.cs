using Wane.Domain;
using Wane.Domain.Units;

namespace Wane.Features.Tapering;

/// <summary>The plan form's fields for one phase, as typed.</summary>
public sealed class PhaseInput
{
    public string? Substance { get; set; }
    public string? StartAmount { get; set; }
    public string? Unit { get; set; }
    public string? PaceKind { get; set; } = "percent";
    public string? PaceValue { get; set; }
    public string? IntervalDays { get; set; } = "7";
    public string? DosesPerDay { get; set; } = "1";
    public string? Resolution { get; set; }
    public bool Splittable { get; set; }
    public string? StartDate { get; set; }
    public string? Duration { get; set; }

    internal PhaseBody ToBody(string prefix, List<FieldError> errors)
    {
        decimal? Number(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }
            if (AmountText.TryParse(text, out var v, out var error))
            {
                return v;
            }
            errors.Add(new(prefix + field, error!));
            return null;
        }
        int? Whole(string? text, string field)
        {
            var n = Number(text, field);
            if (n is { } v && v != Math.Floor(v))
            {
                errors.Add(new(prefix + field, "Use a whole number."));
                return null;
            }
            return n is { } w && w is >= int.MinValue and <= int.MaxValue ? (int)w : null;
        }
        var kind = PaceKind?.Trim().ToLowerInvariant();
        IReadOnlyList<decimal>? amounts = null;
        decimal? paceNumber = null;
        if (kind == "steps")
        {
            var parts = (PaceValue ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var list = new List<decimal>();
            foreach (var part in parts)
            {
                if (AmountText.TryParse(part, out var v, out var error))
                {
                    list.Add(v);
                }
                else
                {
                    errors.Add(new(prefix + "pace.amounts", error!));
                }
            }
            amounts = list;
        }
        else if (kind is "linear" or "percent")
        {
            paceNumber = Number(PaceValue, kind == "linear" ? "pace.amount" : "pace.percent");
        }
        return new PhaseBody(Substance, Number(StartAmount, "startAmount"), string.IsNullOrWhiteSpace(Unit) ? null : Unit,
            new PaceBody(kind, kind == "linear" ? paceNumber : null, kind == "percent" ? paceNumber : null, amounts),
            Whole(IntervalDays, "intervalDays"), Whole(DosesPerDay, "dosesPerDay"), Number(Resolution, "resolution"), Splittable,
            string.IsNullOrWhiteSpace(StartDate) ? null : StartDate, string.IsNullOrWhiteSpace(Duration) ? null : Duration);
    }
}

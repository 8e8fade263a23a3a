namespace Wane.Domain.CheckIns;

/// <summary>Totals and bands a completed withdrawal scale.</summary>
public static class Scoring
{
    /// <summary>Scores one answer per item, in item order; returns the score or every problem found.</summary>
    public static (Score? Score, IReadOnlyList<FieldError> Errors) Score(Instrument instrument, IReadOnlyList<int>? answers) =>
        throw new NotImplementedException();
}

namespace Wane.Domain.Opioids;

/// <summary>
/// CDC 2022 morphine milligram equivalent conversion factors (MME/day = mg/day × factor).
/// MME compare total opioid exposure; CDC warns they are not for converting one opioid to another,
/// and Wane never converts anything to or from kratom.
/// </summary>
public static class MmeFactors
{
    /// <summary>Where the factors come from.</summary>
    public static Source Source => Source.Cdc2022;

    /// <summary>The caution that must accompany every MME figure shown.</summary>
    public const string Caution =
        "MME estimate total opioid exposure. They are not for converting one opioid to another, and not for dosing decisions in opioid use disorder (CDC 2022).";

    /// <summary>The factor per mg of oral opioid, or per mcg/h for a fentanyl patch.</summary>
    public static decimal Factor(OpioidName opioid) => opioid switch
    {
        OpioidName.Codeine => 0.15m,
        OpioidName.Fentanyl => 2.4m,
        OpioidName.Hydrocodone => 1m,
        OpioidName.Hydromorphone => 5m,
        OpioidName.Methadone => 4.7m,
        OpioidName.Morphine => 1m,
        OpioidName.Oxycodone => 1.5m,
        OpioidName.Oxymorphone => 3m,
        OpioidName.Tapentadol => 0.4m,
        OpioidName.Tramadol => 0.2m,
        _ => throw new ArgumentOutOfRangeException(nameof(opioid), opioid, null),
    };
}

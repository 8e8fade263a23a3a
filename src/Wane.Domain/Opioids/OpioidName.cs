namespace Wane.Domain.Opioids;

/// <summary>The opioids in CDC's 2022 conversion table.</summary>
public enum OpioidName
{
    /// <summary>Codeine.</summary>
    Codeine,
    /// <summary>Fentanyl (the CDC factor applies to transdermal patches only, per mcg/h).</summary>
    Fentanyl,
    /// <summary>Hydrocodone.</summary>
    Hydrocodone,
    /// <summary>Hydromorphone.</summary>
    Hydromorphone,
    /// <summary>Methadone.</summary>
    Methadone,
    /// <summary>Morphine.</summary>
    Morphine,
    /// <summary>Oxycodone.</summary>
    Oxycodone,
    /// <summary>Oxymorphone.</summary>
    Oxymorphone,
    /// <summary>Tapentadol.</summary>
    Tapentadol,
    /// <summary>Tramadol.</summary>
    Tramadol,
}

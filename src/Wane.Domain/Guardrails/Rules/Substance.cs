using System.Globalization;
using Wane.Domain.Journal;
using Wane.Domain.Opioids;

namespace Wane.Domain.Guardrails.Rules;

/// <summary>
/// A substance as the safety rules tell substances apart: kratom, each named opioid, each product of an
/// unnamed opioid, and each class of other product.
/// </summary>
/// <param name="Key">Equal for doses of the same substance.</param>
/// <param name="Label">How advisories name it ("kratom", "oxycodone", "a benzodiazepine").</param>
/// <param name="Depressant">A CNS depressant (S1): kratom, opioids, alcohol, benzodiazepines, gabapentinoids.</param>
/// <param name="Core">Kratom or an opioid: S1 is about combinations that include one.</param>
/// <param name="Tramadol">Tramadol, which also lowers the seizure threshold.</param>
internal sealed record Substance(string Key, string Label, bool Depressant, bool Core, bool Tramadol)
{
    public static Substance Of(DoseFact d) => d.Kind switch
    {
        ProductKind.Kratom => new("kratom", "kratom", true, true, false),
        ProductKind.Opioid when d.Opioid is { } o => new("opioid:" + o, WireName.Of(o), true, true, o == OpioidName.Tramadol),
        // With no opioid named, only the same product is known to be the same opioid.
        ProductKind.Opioid => new("opioid-product:" + Id(d), "an opioid", true, true, false),
        _ => d.OtherClass switch
        {
            OtherClass.Alcohol => new("alcohol", "alcohol", true, false, false),
            OtherClass.Benzodiazepine => new("benzodiazepine", "a benzodiazepine", true, false, false),
            OtherClass.Gabapentinoid => new("gabapentinoid", "a gabapentinoid (gabapentin or pregabalin)", true, false, false),
            OtherClass.Stimulant => new("stimulant", "a stimulant", false, false, false),
            OtherClass.Cannabis => new("cannabis", "cannabis", false, false, false),
            _ => new("other-product:" + Id(d), "another product", false, false, false),
        },
    };

    private static string Id(DoseFact d) => d.ProductId.ToString(CultureInfo.InvariantCulture);
}

using Hl7.Fhir.Model;
using Wane.Domain.Units;

namespace Wane.Features.Fhir;

/// <summary>
/// The codes a Wane bundle uses. No LOINC or SNOMED code is claimed where reference/codes.md lists none: Wane's
/// own concepts live in a local CodeSystem carried in the bundle, and units are UCUM.
/// </summary>
internal static class FhirCodes
{
    public const string System = "urn:wane:fhir:CodeSystem:wane";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string QuestionnaireBase = "urn:wane:fhir:Questionnaire:";

    private static readonly (string Code, string Display)[] Concepts =
    [
        ("kratom", "Kratom product (Mitragyna speciosa); not an approved treatment"),
        ("opioid", "Opioid (CDC 2022 name)"),
        ("other", "Other substance"),
        ("daily-total-kratom", "Daily total of kratom product, grams"),
        ("daily-total-opioid", "Daily total of opioids, morphine milligram equivalents (CDC 2022 factors)"),
        ("daily-total-other", "Daily total of other substances, milligrams"),
        ("sows-total", "Subjective Opiate Withdrawal Scale total (Handelsman 1987), 0-64"),
        ("cows-total", "Clinical Opiate Withdrawal Scale total (Wesson & Ling 2003), 0-48"),
        ("pain", "Pain, 0 (none) to 10 (worst)"),
        ("sleep", "Sleep, 1 (very poor) to 5 (very good)"),
        ("mood", "Mood, 1 (very low) to 5 (very good)"),
        ("craving", "Craving, 0 (none) to 10 (strongest)"),
    ];

    public static CodeSystem CodeSystem() => new()
    {
        Id = "wane",
        Url = System,
        Name = "WaneCodes",
        Title = "Wane's own concepts (no standard code was found for them)",
        Status = PublicationStatus.Active,
        CaseSensitive = true,
        Content = CodeSystemContentMode.Complete,
        Concept = [.. Concepts.Select(c => new CodeSystem.ConceptDefinitionComponent { Code = c.Code, Display = c.Display })],
    };

    public static CodeableConcept Concept(string code, string? text = null) => new()
    {
        Coding = [new Coding(System, code, Concepts.Single(c => c.Code == code).Display)],
        Text = text,
    };

    /// <summary>A dose's amount as UCUM: g, mg, ug, mL, [tsp_us], ug/h, and {capsule} / {tablet} as annotations.</summary>
    public static Quantity Amount(decimal amount, DoseUnit unit) => new()
    {
        Value = amount,
        Unit = unit.Name(),
        System = Ucum,
        Code = unit switch
        {
            DoseUnit.Gram => "g",
            DoseUnit.Milligram => "mg",
            DoseUnit.Microgram => "ug",
            DoseUnit.Capsule => "{capsule}",
            DoseUnit.Tablet => "{tablet}",
            DoseUnit.Teaspoon => "[tsp_us]",
            DoseUnit.Milliliter => "mL",
            DoseUnit.MicrogramPerHour => "ug/h",
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
        },
    };

    /// <summary>A normalized amount (g, MME, mg) as UCUM; MME has no UCUM unit, so it is an annotation.</summary>
    public static Quantity Normalized(decimal amount, string unit) => new()
    {
        Value = amount,
        Unit = unit,
        System = Ucum,
        Code = unit switch { "g" => "g", "mg" => "mg", "MME" => "{MME}", _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null) },
    };
}

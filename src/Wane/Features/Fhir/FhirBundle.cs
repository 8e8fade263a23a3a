using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;
using NodaTime;
using Instant = NodaTime.Instant;
using Period = Hl7.Fhir.Model.Period;
using Wane.Data.Entities;
using Wane.Domain;
using Wane.Domain.CheckIns;
using Wane.Domain.Journal;
using Wane.Domain.Tapering;
using Wane.Domain.Time;
using Wane.Features.CheckIns;
using Wane.Features.Trends;

namespace Wane.Features.Fhir;

/// <summary>What a bundle is made of: the period's records, read by <see cref="ExportFhir"/>.</summary>
internal sealed record FhirInput(
    string? PatientName, LocalDays Days, Instant Now, IReadOnlyList<Dose> Doses, IReadOnlyList<CheckInView> CheckIns,
    TrendsView Trends, (TaperRequest Request, TaperPlan Plan)? Plan);

/// <summary>
/// A person's period as a FHIR R4 collection Bundle (Firely SDK): a pseudonymous Patient, a MedicationStatement
/// per dose, a Questionnaire per instrument and a QuestionnaireResponse per check-in, Observations for daily
/// totals, scores and ratings, and the active taper plan as a CarePlan. Times carry the person's UTC offset.
/// </summary>
internal static class FhirBundle
{
    public static Bundle Build(FhirInput input)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Collection, Timestamp = input.Now.ToDateTimeOffset(), Identifier = new Identifier("urn:ietf:rfc:3986", Urn("bundle", input.Now.ToUnixTimeTicks().ToString(System.Globalization.CultureInfo.InvariantCulture))) };
        var patient = Urn("patient", "1");
        Add(bundle, patient, new Patient
        {
            Active = true,
            Name = input.PatientName is { } n ? [new HumanName { Text = n }] : [],
        });
        Add(bundle, Urn("codesystem", "wane"), FhirCodes.CodeSystem());
        foreach (var q in FhirQuestionnaires.All)
        {
            Add(bundle, Urn("questionnaire", q.Id!), q);
        }
        foreach (var dose in input.Doses)
        {
            Add(bundle, Urn("dose", dose.Id), Statement(input, dose, patient));
        }
        foreach (var check in input.CheckIns)
        {
            var response = Urn("checkin", check.Id);
            Add(bundle, response, FhirQuestionnaires.Response(check, patient, TimeText.ParseInstant(check.TakenAt)!.Value, input));
            foreach (var (code, value) in Scores(check))
            {
                Add(bundle, Urn("observation", $"{check.Id}-{code}"), new Observation
                {
                    Status = ObservationStatus.Final,
                    Code = FhirCodes.Concept(code),
                    Subject = new ResourceReference(patient),
                    Effective = Time(input, TimeText.ParseInstant(check.TakenAt)!.Value),
                    Value = new Integer(value),
                    DerivedFrom = [new ResourceReference(response)],
                    Interpretation = check.Band is { } band && code.EndsWith("-total", StringComparison.Ordinal)
                        ? [new CodeableConcept { Text = $"{band} (a band used in NIDA CTN research, not a clinical cut-off)" }] : [],
                    Note = code.EndsWith("-total", StringComparison.Ordinal) ? [new Annotation { Text = Instruments.KratomNote }] : [],
                });
            }
        }
        foreach (var day in input.Trends.Days)
        {
            var date = TimeText.ParseDate(day.Date)!.Value;
            foreach (var total in day.Totals)
            {
                Add(bundle, Urn("total", $"{day.Date}-{total.Kind}"), new Observation
                {
                    Status = ObservationStatus.Final,
                    Code = FhirCodes.Concept("daily-total-" + total.Kind),
                    Subject = new ResourceReference(patient),
                    Effective = new Period(Time(input, input.Days.StartOf(date)), Time(input, input.Days.StartOf(date.PlusDays(1)))),
                    Value = FhirCodes.Normalized(total.Amount, total.Unit),
                    Note = [new Annotation { Text = $"Self-reported, as recorded in Wane for the local day {day.Date}." }],
                });
            }
        }
        if (input.Plan is { } plan)
        {
            Add(bundle, Urn("careplan", "active"), FhirCarePlan.Of(plan.Request, plan.Plan, patient, input));
        }
        return bundle;
    }

    private static MedicationStatement Statement(FhirInput input, Dose dose, string patient)
    {
        var product = dose.Product!;
        var kind = WireName.Of(dose.Kind);
        var text = product.Opioid is { } o ? $"{product.Name} ({WireName.Of(o)})" : product.Name;
        var statement = new MedicationStatement
        {
            Status = MedicationStatement.MedicationStatusCodes.Completed,
            Medication = FhirCodes.Concept(kind, text),
            Subject = new ResourceReference(patient),
            Effective = Time(input, dose.TakenAt),
            DateAsserted = Time(input, dose.CreatedAt).Value,
            Dosage =
            [
                new Dosage
                {
                    Text = Dosage(dose),
                    DoseAndRate = [new Dosage.DoseAndRateComponent { Dose = FhirCodes.Amount(dose.Amount, dose.Unit) }],
                },
            ],
        };
        if (dose.Reason is { } reason)
        {
            statement.ReasonCode = [new CodeableConcept { Text = WireName.Of(reason) }];
        }
        if (dose.Note is { Length: > 0 } note)
        {
            statement.Note = [new Annotation { Text = note }];
        }
        return statement;
    }

    private static string Dosage(Dose dose)
    {
        var amount = $"{Domain.Units.AmountText.Format(dose.Amount)} {Domain.Units.DoseUnits.Name(dose.Unit)}";
        return dose.Normalized is { } n && (n.Unit.Name() != Domain.Units.DoseUnits.Name(dose.Unit))
            ? $"{amount} ({Domain.Units.AmountText.Format(n.Amount)} {n.Unit.Name()})"
            : amount;
    }

    private static IEnumerable<(string Code, int Value)> Scores(CheckInView check)
    {
        if (check.Score is { } score)
        {
            yield return (check.Instrument + "-total", score);
        }
        if (check.Daily is { } d)
        {
            foreach (var (code, value) in new[] { ("pain", d.Pain), ("sleep", d.Sleep), ("mood", d.Mood), ("craving", d.Craving) })
            {
                if (value is { } v)
                {
                    yield return (code, v);
                }
            }
        }
    }

    /// <summary>An instant as FHIR dateTime in the person's zone (offset included).</summary>
    public static FhirDateTime Time(FhirInput input, Instant instant) => new(instant.InZone(input.Days.Zone).ToDateTimeOffset());

    public static FhirDateTime Date(LocalDate date) => new(date.Year, date.Month, date.Day);

    private static void Add(Bundle bundle, string fullUrl, Resource resource) =>
        bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = fullUrl, Resource = resource });

    /// <summary>A stable urn:uuid for a record, so two exports of the same record name it alike.</summary>
    public static string Urn(string type, object id)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"wane/{type}/{id}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return "urn:uuid:" + new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}

using Hl7.Fhir.Model;
using Instant = NodaTime.Instant;
using Wane.Domain.CheckIns;
using Wane.Features.CheckIns;

namespace Wane.Features.Fhir;

/// <summary>
/// The instruments as FHIR Questionnaires (SOWS and COWS item by item, with their sources; the daily check-in)
/// and a check-in as a QuestionnaireResponse answering one of them.
/// </summary>
internal static class FhirQuestionnaires
{
    public static IReadOnlyList<Questionnaire> All { get; } = [Scored(Instruments.Sows, "sows"), Scored(Instruments.Cows, "cows"), Daily()];

    private static Questionnaire Scored(Instrument instrument, string id) => new()
    {
        Id = id,
        Url = FhirCodes.QuestionnaireBase + id,
        Name = instrument.Abbreviation,
        Title = instrument.Name,
        Status = PublicationStatus.Active,
        Description = $"{instrument.Instructions} Source: {instrument.Source.Citation}. {instrument.KratomNote}",
        SubjectType = [ResourceType.Patient],
        Item = [.. instrument.Items.Select(item => new Questionnaire.ItemComponent
        {
            LinkId = item.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Text = $"{item.Text} ({string.Join("; ", item.Scores.Select(s => $"{s.Value} = {s.Anchor}"))})",
            Type = Questionnaire.QuestionnaireItemType.Integer,
            Required = true,
        })],
    };

    private static Questionnaire Daily() => new()
    {
        Id = "daily",
        Url = FhirCodes.QuestionnaireBase + "daily",
        Name = "WaneDailyCheckIn",
        Title = "Wane daily check-in",
        Status = PublicationStatus.Active,
        Description = "Pain, sleep, mood and craving as the person rated them, a note, and any red flags they reported. Not a validated instrument.",
        SubjectType = [ResourceType.Patient],
        Item =
        [
            Item("pain", "Pain, 0 (none) to 10 (worst)", Questionnaire.QuestionnaireItemType.Integer),
            Item("sleep", "Sleep, 1 (very poor) to 5 (very good)", Questionnaire.QuestionnaireItemType.Integer),
            Item("mood", "Mood, 1 (very low) to 5 (very good)", Questionnaire.QuestionnaireItemType.Integer),
            Item("craving", "Craving, 0 (none) to 10 (strongest)", Questionnaire.QuestionnaireItemType.Integer),
            Item("note", "Note", Questionnaire.QuestionnaireItemType.Text),
            Item("red-flags", "Red flags reported (each shows its crisis resource in Wane at once)", Questionnaire.QuestionnaireItemType.String, repeats: true),
        ],
    };

    private static Questionnaire.ItemComponent Item(string linkId, string text, Questionnaire.QuestionnaireItemType type, bool repeats = false) =>
        new() { LinkId = linkId, Text = text, Type = type, Repeats = repeats ? true : null };

    public static QuestionnaireResponse Response(CheckInView check, string patient, Instant takenAt, FhirInput input)
    {
        var response = new QuestionnaireResponse
        {
            Questionnaire = FhirCodes.QuestionnaireBase + check.Instrument,
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Subject = new ResourceReference(patient),
            Authored = FhirBundle.Time(input, takenAt).Value,
        };
        if (check.Answers is { } answers)
        {
            response.Item = [.. answers.Select((a, i) => Answer((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), new Integer(a)))];
        }
        if (check.Daily is { } d)
        {
            foreach (var (linkId, value) in new[] { ("pain", d.Pain), ("sleep", d.Sleep), ("mood", d.Mood), ("craving", d.Craving) })
            {
                if (value is { } v)
                {
                    response.Item.Add(Answer(linkId, new Integer(v)));
                }
            }
            if (d.Note is { Length: > 0 } note)
            {
                response.Item.Add(Answer("note", new FhirString(note)));
            }
        }
        if (check.RedFlags.Count > 0)
        {
            response.Item.Add(new QuestionnaireResponse.ItemComponent
            {
                LinkId = "red-flags",
                Answer = [.. check.RedFlags.Select(f => new QuestionnaireResponse.AnswerComponent { Value = new FhirString(f) })],
            });
        }
        return response;
    }

    private static QuestionnaireResponse.ItemComponent Answer(string linkId, DataType value) =>
        new() { LinkId = linkId, Answer = [new QuestionnaireResponse.AnswerComponent { Value = value }] };
}

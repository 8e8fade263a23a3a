// The Firely POCOs are read here field by field; their members are nullable by design, and a missing one fails the test anyway.
#nullable disable

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using Shouldly;
using Wane.Tests.Support;
using Task = System.Threading.Tasks.Task;

namespace Wane.Tests.Export;

/// <summary>A period of the record as a FHIR R4 Bundle that the Firely validator accepts and that reads back as the same doses and scores.</summary>
public class FhirExportTests(WaneApp app) : IClassFixture<WaneApp>
{
    private static readonly JsonSerializerOptions Fhir = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    // Building the validator compiles the base R4 profiles once; every test shares it.
    private static readonly Lazy<Validator> Validator = new(() =>
    {
        var source = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(source.AsAsync(), new LocalTerminologyService(source.AsAsync()));
    });

    private static async Task FillAsync(HttpClient client)
    {
        var kratom = await client.CreateProductAsync(Intents.RedBali);
        var oxy = await client.CreateProductAsync(new { name = "Oxycodone 5", kind = "opioid", form = "tablet", opioid = "oxycodone", mgPerTablet = 5 });
        await client.LogDoseOkAsync(new { productId = kratom, amount = 2.5, unit = "g", takenAt = "2026-11-24T13:30:00Z", meal = "before", note = "steady" });
        await client.LogDoseOkAsync(new { productId = kratom, amount = 1, unit = "tsp", takenAt = "2026-11-25T12:00:00Z" });
        await client.LogDoseOkAsync(new { productId = oxy, amount = 1, unit = "tablet", takenAt = "2026-11-23T02:00:00Z", reason = "pain", painBefore = 6 });
        (await client.PostAsJsonAsync("/api/v1/plans", new { substance = "kratom", startAmount = 6, pace = new { kind = "percent", percent = 10 } })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.PostAsJsonAsync("/api/v1/checkins", new { instrument = "sows", answers = new[] { 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2 } })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.PostAsJsonAsync("/api/v1/checkins", new { instrument = "cows", answers = new[] { 1, 1, 1, 0, 1, 2, 1, 0, 1, 0, 0 } })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.PostAsJsonAsync("/api/v1/checkins", new { instrument = "daily", answers = new { pain = 3, sleep = 4, mood = 2, craving = 5, note = "rough night", redFlags = new[] { "liver" } } })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    private static async Task<Bundle> BundleAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/export/fhir" + query, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/fhir+json");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        return JsonSerializer.Deserialize<Bundle>(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), Fhir)!;
    }

    [Fact]
    public async Task ExportFhir_AJournalWithEveryKindOfRecord_HasNoValidationErrors()
    {
        var client = await app.NewUserClientAsync("America/New_York");
        await FillAsync(client);

        var bundle = await BundleAsync(client, "?from=2026-11-01&to=2026-11-30");

        bundle.Type.ShouldBe(Bundle.BundleType.Collection);
        bundle.Entry.Select(e => e.Resource.TypeName).Distinct().ShouldBe(
            ["Patient", "CodeSystem", "Questionnaire", "MedicationStatement", "QuestionnaireResponse", "Observation", "CarePlan"], ignoreOrder: true);
        var errors = ErrorsOf(Validator.Value.Validate(bundle));
        errors.ShouldBeEmpty(string.Join("\n", errors));
    }

    [Fact]
    public async Task Validator_ABundleMadeInvalid_ReportsErrors()
    {
        // The check above can fail: the same validator finds a dose without its required status and a CarePlan without intent.
        var client = await app.NewUserClientAsync("America/New_York");
        await FillAsync(client);
        var bundle = await BundleAsync(client, "?from=2026-11-01&to=2026-11-30");
        bundle.Entry.Select(e => e.Resource).OfType<MedicationStatement>().First().Status = null;
        bundle.Entry.Select(e => e.Resource).OfType<CarePlan>().Single().Intent = null;

        var errors = Validator.Value.Validate(bundle).Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error).ToList();

        errors.Count.ShouldBeGreaterThanOrEqualTo(2);
    }

    private static List<string> ErrorsOf(OperationOutcome outcome) =>
        [.. outcome.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{string.Join(",", i.Expression)}: {i.Details?.Text}")];

    [Fact]
    public async Task ExportFhir_ReadBack_GivesTheSameDosesScoresAndDayTotals()
    {
        var client = await app.NewUserClientAsync("America/New_York");
        await FillAsync(client);

        var bundle = await BundleAsync(client, "?from=2026-11-01&to=2026-11-30");

        var doses = (await client.GetJsonAsync("/api/v1/doses?from=2026-11-01&to=2026-11-30")).GetProperty("doses").EnumerateArray()
            .Select(d => (DateTimeOffset.Parse(d.GetProperty("takenAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture), d.GetProperty("amount").GetDecimal(), d.GetProperty("unit").GetString()))
            .ToList();
        var statements = bundle.Entry.Select(e => e.Resource).OfType<MedicationStatement>()
            .Select(s => (((FhirDateTime)s.Effective).ToDateTimeOffset(TimeSpan.Zero), s.Dosage[0].DoseAndRate[0].Dose is Quantity q ? q.Value!.Value : -1, ((Quantity)s.Dosage[0].DoseAndRate[0].Dose).Unit))
            .ToList();
        statements.ShouldBe(doses, ignoreOrder: true);
        var opioid = bundle.Entry.Select(e => e.Resource).OfType<MedicationStatement>().Single(s => s.Medication is CodeableConcept c && c.Coding[0].Code == "opioid");
        ((CodeableConcept)opioid.Medication).Text.ShouldBe("Oxycodone 5 (oxycodone)");
        ((FhirDateTime)opioid.Effective).Value.ShouldBe("2026-11-22T21:00:00-05:00"); // in the person's zone, with its offset

        var checkIns = (await client.GetJsonAsync("/api/v1/checkins/?from=2026-11-01&to=2026-11-30")).GetProperty("checkIns").EnumerateArray().ToList();
        var responses = bundle.Entry.Select(e => e.Resource).OfType<QuestionnaireResponse>().ToList();
        responses.Select(r => r.Questionnaire).ShouldBe(["urn:wane:fhir:Questionnaire:sows", "urn:wane:fhir:Questionnaire:cows", "urn:wane:fhir:Questionnaire:daily"]);
        responses[0].Item.Select(i => ((Integer)i.Answer[0].Value).Value!.Value).ShouldBe(checkIns[0].GetProperty("answers").EnumerateArray().Select(a => a.GetInt32()));
        var totals = bundle.Entry.Select(e => e.Resource).OfType<Observation>().Where(o => o.Code.Coding[0].Code.EndsWith("-total", StringComparison.Ordinal) && o.Value is Integer)
            .ToDictionary(o => o.Code.Coding[0].Code, o => ((Integer)o.Value).Value!.Value);
        totals.ShouldBe(new Dictionary<string, int> { ["sows-total"] = checkIns[0].GetProperty("score").GetInt32(), ["cows-total"] = checkIns[1].GetProperty("score").GetInt32() });
        var daily = responses[2].Item.ToDictionary(i => i.LinkId, i => i.Answer.Select(a => a.Value.ToString()).ToList());
        (daily["pain"][0], daily["craving"][0], daily["note"][0], daily["red-flags"][0]).ShouldBe(("3", "5", "rough night", "liver"));

        foreach (var day in new[] { "2026-11-22", "2026-11-24", "2026-11-25" })
        {
            var expected = (await client.GetJsonAsync($"/api/v1/days/{day}")).GetProperty("totals").EnumerateArray()
                .Select(t => ($"daily-total-{t.GetProperty("kind").GetString()}", t.GetProperty("amount").GetDecimal(), t.GetProperty("unit").GetString())).ToList();
            var start = DateTimeOffset.Parse(day + "T00:00:00-05:00", System.Globalization.CultureInfo.InvariantCulture);
            bundle.Entry.Select(e => e.Resource).OfType<Observation>()
                .Where(o => o.Effective is Period p && p.StartElement.ToDateTimeOffset(TimeSpan.Zero) == start)
                .Select(o => (o.Code.Coding[0].Code, ((Quantity)o.Value).Value!.Value, ((Quantity)o.Value).Unit))
                .ShouldBe(expected, ignoreOrder: true, day);
        }
        var plan = bundle.Entry.Select(e => e.Resource).OfType<CarePlan>().Single();
        plan.Status.ShouldBe(RequestStatus.Active);
        plan.Activity[0].Detail.DailyAmount.Value.ShouldBe(6m);
        plan.Note.Select(n => n.Text).ShouldContain(t => t.Contains("tolerance", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ExportFhir_Patient_IsPseudonymousUnlessANameIsGiven()
    {
        var client = await app.NewUserClientAsync("UTC");

        (await BundleAsync(client, "")).Entry.Select(e => e.Resource).OfType<Patient>().Single().Name.ShouldBeEmpty();
        (await BundleAsync(client, "?patientName=Maya%20R.")).Entry.Select(e => e.Resource).OfType<Patient>().Single().Name.Single().Text.ShouldBe("Maya R.");
    }

    [Fact]
    public async Task FhirExportLink_SignedIn_DownloadsTheBundle_SignedOut_GoesToSignIn()
    {
        using var api = await app.NewUserClientAsync("UTC", "fhir-" + Guid.NewGuid().ToString("N")[..6]);
        var name = (await api.GetJsonAsync("/api/v1/me")).GetProperty("name").GetString();
        using var browser = new Browserless(app.BaseAddress);
        (await browser.GetAsync("/export/fhir")).Html.ShouldContain("Sign in");
        await browser.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = name, ["Password"] = "correct horse battery" });

        var (_, page) = await browser.GetAsync("/profile");
        var (download, json) = await browser.GetAsync("/export/fhir");

        page.ShouldContain("href=\"/export/fhir\"");
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/fhir+json");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        JsonSerializer.Deserialize<Bundle>(json, Fhir).Type.ShouldBe(Bundle.BundleType.Collection);
    }

    [Theory]
    [InlineData("?from=2026-13-01", "from")]
    [InlineData("?to=yesterday", "to")]
    [InlineData("?from=2026-11-30&to=2026-11-01", "to")]
    [InlineData("?from=2020-01-01&to=2026-11-30", "from")]
    [InlineData("?patientName=%1B%5D0%3Bx%07", "patientName")]
    public async Task ExportFhir_BadQuery_Is400NamingTheField(string query, string field)
    {
        var client = await app.NewUserClientAsync("UTC");

        await (await client.GetAsync("/api/v1/export/fhir" + query, TestContext.Current.CancellationToken)).ShouldBeProblemNamingAsync(field);
    }
}

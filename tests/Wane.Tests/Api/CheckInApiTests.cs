using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Api;

public class CheckInApiTests(WaneApp app) : IClassFixture<WaneApp>
{
    private static int[] Sows(int total)
    {
        var answers = new int[16];
        for (var i = 0; total > 0; i = (i + 1) % 16)
        {
            if (answers[i] < 4)
            {
                answers[i]++;
                total--;
            }
        }
        return answers;
    }

    [Theory]
    [InlineData(0, "none")]
    [InlineData(10, "mild")]
    [InlineData(11, "moderate")]
    [InlineData(21, "severe")]
    [InlineData(64, "severe")]
    public async Task Sows_ScoresWithBandAndSources(int total, string band)
    {
        var client = await app.NewUserClientAsync();

        var response = await client.PostAsJsonAsync("/api/v1/checkins", new { instrument = "sows", answers = Sows(total) });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        body.GetProperty("score").GetInt32().ShouldBe(total);
        body.GetProperty("max").GetInt32().ShouldBe(64);
        body.GetProperty("band").GetString().ShouldBe(band);
        body.GetProperty("source").GetString()!.ShouldContain("Handelsman");
        body.GetProperty("bandSource").GetString()!.ShouldContain("CTN");
        body.GetProperty("kratomNote").GetString()!.ShouldContain("kratom");
    }

    [Fact]
    public async Task Cows_MaxIs48()
    {
        var client = await app.NewUserClientAsync();
        var body = await (await client.PostAsJsonAsync("/api/v1/checkins", new { instrument = "cows", answers = new[] { 4, 4, 5, 5, 4, 4, 5, 4, 4, 4, 5 } })).JsonAsync();
        body.GetProperty("score").GetInt32().ShouldBe(48);
        body.GetProperty("max").GetInt32().ShouldBe(48);
    }

    [Theory]
    [InlineData("self-harm", "988")]
    [InlineData("seizure", "emergency")]
    [InlineData("fainting", "emergency")]
    [InlineData("chest-pain", "emergency")]
    [InlineData("breathing", "emergency")]
    [InlineData("confusion", "emergency")]
    [InlineData("liver", "clinician")]
    public async Task Daily_RedFlag_ReturnsItsResource(string flag, string resource)
    {
        var client = await app.NewUserClientAsync();

        var body = await (await client.PostAsJsonAsync("/api/v1/checkins",
            new { instrument = "daily", answers = new { pain = 3, sleep = 2, mood = 2, craving = 6, note = "hard day", redFlags = new[] { flag } } })).JsonAsync();

        body.GetProperty("redFlags")[0].GetString().ShouldBe(flag);
        body.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ShouldContain(resource);
    }

    [Theory]
    [InlineData("self-harm", "988", "emergency", "tel:988")]
    [InlineData("seizure", "emergency", "emergency", "tel:911")]
    [InlineData("fainting", "emergency", "emergency", "tel:911")]
    [InlineData("chest-pain", "emergency", "emergency", "tel:911")]
    [InlineData("breathing", "emergency", "emergency", "tel:911")]
    [InlineData("confusion", "emergency", "emergency", "tel:911")]
    [InlineData("liver", "clinician", "urgent", null)]
    public async Task Daily_LoneRedFlag_SavedAtOnceWithItsResourceAndLinks(string flag, string resource, string care, string? link)
    {
        var client = await app.NewUserClientAsync();

        var response = await client.PostAsJsonAsync("/api/v1/checkins", new { instrument = "daily", answers = new { redFlags = new[] { flag } } });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        body.GetProperty("redFlags").EnumerateArray().Select(f => f.GetString()).ShouldBe([flag]);
        var r = body.GetProperty("resources").EnumerateArray().ShouldHaveSingleItem();
        r.GetProperty("id").GetString().ShouldBe(resource);
        r.GetProperty("care").GetString().ShouldBe(care);
        var links = r.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("href").GetString()).ToList();
        if (link is null)
        {
            links.ShouldBeEmpty();
        }
        else
        {
            links.ShouldContain(link);
        }
        var daily = body.GetProperty("daily");
        foreach (var rating in new[] { "pain", "sleep", "mood", "craving" })
        {
            daily.GetProperty(rating).ValueKind.ShouldBe(JsonValueKind.Null);
        }
        var stored = (await client.GetJsonAsync("/api/v1/checkins")).GetProperty("checkIns").EnumerateArray().ShouldHaveSingleItem();
        stored.GetProperty("redFlags")[0].GetString().ShouldBe(flag);
    }

    [Fact]
    public async Task Daily_SelfHarm_988CanBeCalledOrTexted()
    {
        var client = await app.NewUserClientAsync();

        var body = await (await client.PostAsJsonAsync("/api/v1/checkins", new { instrument = "daily", answers = new { redFlags = new[] { "self-harm" } } })).JsonAsync();

        body.GetProperty("resources")[0].GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("href").GetString())
            .ShouldBe(["tel:988", "sms:988", "https://988lifeline.org"]);
    }

    [Fact]
    public async Task Daily_RedFlagWithABadRating_Is400StoresNothing_ButStillCarriesTheResource()
    {
        var client = await app.NewUserClientAsync();

        var response = await client.PostAsJsonAsync("/api/v1/checkins", new { instrument = "daily", answers = new { pain = 11, redFlags = new[] { "self-harm" } } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.JsonAsync();
        problem.GetProperty("errors").TryGetProperty("answers.pain", out _).ShouldBeTrue();
        problem.GetProperty("resources")[0].GetProperty("id").GetString().ShouldBe("988");
        (await client.GetJsonAsync("/api/v1/checkins")).GetProperty("checkIns").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData(0, "none")]
    [InlineData(10, "mild")]
    [InlineData(11, "moderate")]
    [InlineData(21, "severe")]
    public async Task Sows_SeverityAndWhatToDoNow_EachStepWithASource(int total, string severity)
    {
        var client = await app.NewUserClientAsync();

        var body = await (await client.PostAsJsonAsync("/api/v1/checkins", new { instrument = "sows", answers = Sows(total) })).JsonAsync();

        body.GetProperty("severity").GetString().ShouldBe(severity);
        var steps = body.GetProperty("guidance").EnumerateArray().ToList();
        steps.ShouldNotBeEmpty();
        steps.ShouldAllBe(s => !string.IsNullOrWhiteSpace(s.GetProperty("text").GetString()) && !string.IsNullOrWhiteSpace(s.GetProperty("source").GetString()));
        var text = string.Join(" ", steps.Select(s => s.GetProperty("text").GetString()));
        if (severity == "severe")
        {
            text.ShouldContain("1-800-662-4357");
            text.ShouldContain("911");
        }
    }

    [Fact]
    public async Task Cows_ModeratelySevere_IsSevere() =>
        (await (await (await app.NewUserClientAsync()).PostAsJsonAsync("/api/v1/checkins", new { instrument = "cows", answers = new[] { 4, 4, 5, 5, 4, 2, 1, 0, 0, 0, 0 } })).JsonAsync())
            .GetProperty("severity").GetString().ShouldBe("severe");

    [Theory]
    [InlineData("""{"instrument":"sows","answers":[0,0,0]}""", "answers")]
    [InlineData("""{"instrument":"sows","answers":[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]}""", "answers")]
    [InlineData("""{"instrument":"sows","answers":[0,0,0,5,0,0,0,0,0,0,0,0,0,0,0,0]}""", "answers[3]")]
    [InlineData("""{"instrument":"sows","answers":[0,0,0,"x",0,0,0,0,0,0,0,0,0,0,0,0]}""", "answers[3]")]
    [InlineData("""{"instrument":"cows","answers":[3,0,0,0,0,0,0,0,0,0,0]}""", "answers[0]")]
    [InlineData("""{"instrument":"cows","answers":[0,0,0,0,0,0,0,0,0,0,1]}""", "answers[10]")]
    [InlineData("""{"instrument":"bdi","answers":[0]}""", "instrument")]
    [InlineData("""{"instrument":"sows","takenAt":"2026-11-26T00:00:00Z","answers":[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]}""", "takenAt")]
    [InlineData("""{"instrument":"daily","answers":{"pain":11,"sleep":3,"mood":3,"craving":0}}""", "answers.pain")]
    [InlineData("""{"instrument":"daily","answers":{"pain":1,"sleep":0,"mood":3,"craving":0}}""", "answers.sleep")]
    [InlineData("""{"instrument":"daily","answers":{"pain":1,"sleep":3,"mood":3}}""", "answers.craving")]
    [InlineData("""{"instrument":"daily","answers":{"pain":1,"sleep":3,"mood":3,"craving":0,"redFlags":["headache"]}}""", "redFlags")]
    [InlineData("""{"instrument":"daily","answers":{"redFlags":["headache"]}}""", "answers.pain")]
    [InlineData("""{"instrument":"daily","answers":{"redFlags":[]}}""", "answers.pain")]
    [InlineData("""{"instrument":"daily","answers":{"pain":11,"redFlags":["self-harm"]}}""", "answers.pain")]
    public async Task BadInput_Is400NamingTheItemAndStoresNothing(string json, string field)
    {
        var client = await app.NewUserClientAsync();

        await (await client.PostRawAsync("/api/v1/checkins", json)).ShouldBeProblemNamingAsync(field);

        (await client.GetJsonAsync("/api/v1/checkins")).GetProperty("checkIns").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task RisingSows_HoldsThePlan_OverrideIsRecorded_AndALowScoreReleasesIt()
    {
        var client = await app.NewUserClientAsync();
        var plan = await (await client.PostAsJsonAsync("/api/v1/plans",
            new { substance = "kratom", startAmount = 10, pace = new { kind = "percent", percent = 10 }, startDate = "2026-11-20" })).JsonAsync();
        var id = plan.GetProperty("id").GetInt64();
        plan.GetProperty("steps")[1].GetProperty("from").GetString().ShouldBe("2026-11-27");

        var high = await (await client.PostAsJsonAsync("/api/v1/checkins", new { instrument = "sows", takenAt = "2026-11-24T12:00:00Z", answers = Sows(14) })).JsonAsync();
        high.GetProperty("planHeld").GetBoolean().ShouldBeTrue();
        high.GetProperty("holdReason").GetString()!.ShouldContain("14");
        var held = await client.GetJsonAsync("/api/v1/plans/current");
        held.GetProperty("today")[0].GetProperty("held").GetBoolean().ShouldBeTrue();
        held.GetProperty("steps")[1].GetProperty("from").GetString().ShouldBe("2026-11-29"); // 24th and 25th held

        var overridden = await client.PostAsync($"/api/v1/plans/{id}/override-hold", null);
        overridden.StatusCode.ShouldBe(HttpStatusCode.OK, await overridden.Content.ReadAsStringAsync());
        (await overridden.JsonAsync()).GetProperty("today")[0].GetProperty("held").GetBoolean().ShouldBeFalse();
        await (await client.PostAsync($"/api/v1/plans/{id}/override-hold", null)).ShouldBeProblemNamingAsync("hold");

        var low = await (await client.PostAsJsonAsync("/api/v1/checkins", new { instrument = "sows", answers = Sows(4) })).JsonAsync();
        low.GetProperty("planHeld").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task List_ByLocalDates()
    {
        var client = await app.NewUserClientAsync("America/New_York");
        await client.PostAsJsonAsync("/api/v1/checkins", new { instrument = "sows", takenAt = "2026-11-25T04:00:00Z", answers = Sows(5) });
        await client.PostAsJsonAsync("/api/v1/checkins", new { instrument = "daily", answers = new { pain = 2, sleep = 3, mood = 4, craving = 1 } });

        var list = (await client.GetJsonAsync("/api/v1/checkins?from=2026-11-25&to=2026-11-25")).GetProperty("checkIns");

        list.GetArrayLength().ShouldBe(1);
        list[0].GetProperty("instrument").GetString().ShouldBe("daily");
        await (await client.GetAsync("/api/v1/checkins?from=someday")).ShouldBeProblemNamingAsync("from");
    }
}

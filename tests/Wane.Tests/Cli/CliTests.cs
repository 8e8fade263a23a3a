using System.Text.Json;
using NodaTime;
using NodaTime.Testing;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Cli;

/// <summary>The CLI on a temporary data directory, as a person or script runs it.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "wane-cli-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 25, 15, 0));

    private sealed record Run(int Exit, string Out, string Err);

    private async Task<Run> WaneAsync(string args, string stdin = "")
    {
        var (exit, output, error) = await CliRun.RunAsync(Split(args), _dataDir, _clock, stdin);
        return new Run(exit, output, error);
    }

    /// <summary>Splits like a shell: double quotes group words.</summary>
    private static string[] Split(string args) =>
        System.Text.RegularExpressions.Regex.Matches(args, "\"([^\"]*)\"|(\\S+)")
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToArray();

    private async Task SetUpAsync()
    {
        (await WaneAsync("user add maya --time-zone America/New_York --password-stdin", "correct horse battery\n")).Exit.ShouldBe(0);
        (await WaneAsync("products add \"Red Bali\" --kind kratom --form powder --strain red --grams-per-teaspoon 2.5")).Exit.ShouldBe(0);
    }

    private async Task<JsonElement> DosesJsonAsync(string range = "--from 2026-11-01 --to 2026-11-30")
    {
        var run = await WaneAsync($"doses {range} --json");
        run.Exit.ShouldBe(0, run.Err);
        return JsonDocument.Parse(run.Out).RootElement.GetProperty("doses");
    }

    [Fact]
    public async Task Log_ThenDoses_ShowsTheDoseOnItsLocalDay()
    {
        await SetUpAsync();

        var log = await WaneAsync("log 3 g --product \"Red Bali\" --at \"2026-11-25 08:30\" --meal before --reason pain --pain 6 --note \"after waking\"");

        log.Exit.ShouldBe(0, log.Err);
        log.Out.ShouldContain("3 g of Red Bali on 2026-11-25 at 08:30");
        log.Out.ShouldContain("kratom 3 g");
        var doses = await DosesJsonAsync();
        doses.GetArrayLength().ShouldBe(1);
        doses[0].GetProperty("takenAt").GetString().ShouldBe("2026-11-25T13:30:00Z");
        doses[0].GetProperty("reason").GetString().ShouldBe("pain");
        doses[0].GetProperty("painBefore").GetInt32().ShouldBe(6);
    }

    [Fact]
    public async Task Log_AmountWithUnitAttachedAndTeaspoons_IsNormalized()
    {
        await SetUpAsync();

        (await WaneAsync("log 2.5g --product \"red bali\"")).Exit.ShouldBe(0);
        var tsp = await WaneAsync("log 2 tsp --product \"Red Bali\"");

        tsp.Exit.ShouldBe(0, tsp.Err);
        tsp.Out.ShouldContain("(= 5 g)");
        tsp.Out.ShouldContain("kratom 7.5 g");
    }

    [Theory]
    [InlineData("log 0,5 g --product \"Red Bali\"", "amount")]
    [InlineData("log 0 g --product \"Red Bali\"", "amount")]
    [InlineData("log --product \"Red Bali\" -- -2 g", "amount")]
    [InlineData("log 101 g --product \"Red Bali\"", "amount")]
    [InlineData("log abc g --product \"Red Bali\"", "amount")]
    [InlineData("log 2 tablet --product \"Red Bali\"", "unit")]
    [InlineData("log 2 oz --product \"Red Bali\"", "unit")]
    [InlineData("log 2 g --product \"Red Bali\" --at \"2026-11-25 10:11\"", "takenAt")]
    [InlineData("log 2 g --product \"Red Bali\" --at soon", "takenAt")]
    [InlineData("log 2 g --product \"Red Bali\" --pain 11", "painBefore")]
    [InlineData("log 2 g --product \"Red Bali\" --meal brunch", "meal")]
    [InlineData("log 2 g --product \"Green Borneo\"", "product")]
    [InlineData("doses --from 2026-13-01", "from")]
    public async Task BadInput_ExitsOneNamingTheFieldAndStoresNothing(string args, string field)
    {
        await SetUpAsync();

        var run = await WaneAsync(args);

        run.Exit.ShouldBe(1, run.Out);
        run.Err.ShouldContain(field + ":");
        (await DosesJsonAsync()).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Log_NoteOverTheLimit_IsRejected()
    {
        await SetUpAsync();
        var run = await WaneAsync($"log 2 g --product 1 --note {new string('x', 2_001)}");
        run.Exit.ShouldBe(1);
        run.Err.ShouldContain("note:");
    }

    [Fact]
    public async Task Log_SameClientIdTwice_StoresOneDose()
    {
        await SetUpAsync();
        var id = Guid.NewGuid();

        (await WaneAsync($"log 2 g --product 1 --client-id {id}")).Exit.ShouldBe(0);
        var again = await WaneAsync($"log 2 g --product 1 --client-id {id}");

        again.Out.ShouldContain("Already logged");
        (await DosesJsonAsync()).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task UserAdd_BadTimeZoneOrShortPassword_ExitsOne()
    {
        var zone = await WaneAsync("user add sam --time-zone Mars/Base --password-stdin", "long enough password\n");
        zone.Exit.ShouldBe(1);
        zone.Err.ShouldContain("timeZone:");
        var password = await WaneAsync("user add sam --password-stdin", "short\n");
        password.Exit.ShouldBe(1);
        password.Err.ShouldContain("password:");
        (await WaneAsync("user add sam")).Err.ShouldContain("--password-stdin");
    }

    [Fact]
    public async Task MoreThanOneUser_NeedsUser()
    {
        await SetUpAsync();
        (await WaneAsync("user add sam --time-zone UTC --password-stdin", "another long password\n")).Exit.ShouldBe(0);

        var ambiguous = await WaneAsync("doses");
        ambiguous.Exit.ShouldBe(1);
        ambiguous.Err.ShouldContain("--user");
        (await WaneAsync("doses --user sam")).Exit.ShouldBe(0);
        (await WaneAsync("doses --user nobody")).Exit.ShouldBe(1);
    }

    [Fact]
    public async Task TokenCreate_PrintsOnlyTheToken()
    {
        await SetUpAsync();
        var run = await WaneAsync("token create --user maya --name laptop");
        run.Exit.ShouldBe(0, run.Err);
        run.Out.Trim().ShouldStartWith("wane_");
        run.Out.Trim().ShouldNotContain(" ");
    }

    [Fact]
    public async Task ProductsList_Json_DescribesProducts()
    {
        await SetUpAsync();
        (await WaneAsync("products add Oxy --kind opioid --form tablet --opioid oxycodone --mg-per-tablet 5")).Exit.ShouldBe(0);
        var bad = await WaneAsync("products add Bad --kind opioid --form tablet --mg-per-tablet 0,5");
        bad.Exit.ShouldBe(1);
        bad.Err.ShouldContain("mgPerTablet:");

        var list = JsonDocument.Parse((await WaneAsync("products list --json")).Out).RootElement;
        list.GetArrayLength().ShouldBe(2);
        list.EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldBe(["Oxy", "Red Bali"], ignoreOrder: true);
    }

    [Fact]
    public async Task Log_Check_PrintsAdvisoriesAndStoresNothing()
    {
        await SetUpAsync();
        (await WaneAsync("log 2 g --product 1 --at \"2026-11-25 08:00\"")).Exit.ShouldBe(0);

        var check = await WaneAsync("log 2 g --product 1 --at \"2026-11-25 09:00\" --check");

        check.Exit.ShouldBe(0, check.Err);
        check.Out.ShouldContain("nothing stored");
        check.Out.ShouldContain("CAUTION R1");
        check.Out.ShouldContain("Source:");
        (await DosesJsonAsync()).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Log_WithoutATerminal_LogsAndPrintsTheAdvice()
    {
        await SetUpAsync();
        (await WaneAsync("log 2 g --product 1 --at \"2026-11-25 08:00\"")).Exit.ShouldBe(0);

        var second = await WaneAsync("log 2 g --product 1 --at \"2026-11-25 09:00\" --yes");

        second.Exit.ShouldBe(0, second.Err);
        second.Out.ShouldContain("Logged dose");
        second.Out.ShouldContain("CAUTION R1");
        (await DosesJsonAsync()).GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task Guardrails_SetAndShow()
    {
        await SetUpAsync();

        var set = await WaneAsync("guardrails set R1.interval=5h R2.days=5d R3.enabled=false");
        set.Exit.ShouldBe(0, set.Err);
        var show = JsonDocument.Parse((await WaneAsync("guardrails show --json")).Out).RootElement.GetProperty("rules");

        show[0].GetProperty("parameters")[0].GetProperty("value").GetDecimal().ShouldBe(5m);
        show[1].GetProperty("parameters")[1].GetProperty("value").GetDecimal().ShouldBe(5m);
        show[2].GetProperty("enabled").GetBoolean().ShouldBeFalse();
    }

    [Theory]
    [InlineData("guardrails set R1.interval=-1h", "R1.interval")]
    [InlineData("guardrails set R2.days=0d", "R2.days")]
    [InlineData("guardrails set R1.interval=5d", "R1.interval")]
    [InlineData("guardrails set R9.x=1", "R9")]
    [InlineData("guardrails set R1.nope=3", "R1.nope")]
    [InlineData("guardrails set R1", "R1")]
    public async Task Guardrails_InvalidSetting_ExitsOneAndChangesNothing(string args, string field)
    {
        await SetUpAsync();

        var run = await WaneAsync($"{args} R2.doses=4");

        run.Exit.ShouldBe(1, run.Out);
        run.Err.ShouldContain(field);
        var rules = JsonDocument.Parse((await WaneAsync("guardrails show --json")).Out).RootElement.GetProperty("rules");
        rules[1].GetProperty("parameters")[0].GetProperty("value").GetDecimal().ShouldBe(3m);
    }

    [Fact]
    public async Task Break_AddListRemove()
    {
        await SetUpAsync();

        var add = await WaneAsync("break add 2026-12-01 2026-12-03 --note \"family visit\"");
        add.Exit.ShouldBe(0, add.Err);
        add.Out.ShouldContain("2026-12-01 to 2026-12-03 (3 days)");
        var list = JsonDocument.Parse((await WaneAsync("break list --json")).Out).RootElement;
        list.GetArrayLength().ShouldBe(1);
        (await WaneAsync($"break remove {list[0].GetProperty("id").GetInt64()}")).Exit.ShouldBe(0);
        (await WaneAsync("break remove 999")).Exit.ShouldBe(1);
        var bad = await WaneAsync("break add 2026-12-03 2026-12-01");
        bad.Exit.ShouldBe(1);
        bad.Err.ShouldContain("to:");
    }

    [Fact]
    public async Task Status_PrintsWhereThePersonStands()
    {
        await SetUpAsync();
        (await WaneAsync("log 2 g --product 1 --at \"2026-11-25 08:30\"")).Exit.ShouldBe(0);

        var text = await WaneAsync("status");
        var json = JsonDocument.Parse((await WaneAsync("status --json")).Out).RootElement;

        text.Exit.ShouldBe(0, text.Err);
        text.Out.ShouldContain("Last dose: 2 g Red Bali, today at 08:30.");
        text.Out.ShouldContain("Kratom at 08:30: effects should wear off by 14:30");
        json.GetProperty("totals")[0].GetProperty("amount").GetDecimal().ShouldBe(2m);
    }

    [Fact]
    public async Task Plan_PreviewCreateShowHoldResume()
    {
        await SetUpAsync();
        const string plan = "--substance kratom --start 12g --pace percent:10 --every 7d --resolution 0.1g --doses 3 --from 2026-11-25";

        var preview = await WaneAsync($"plan preview {plan}");
        preview.Exit.ShouldBe(0, preview.Err);
        preview.Out.ShouldContain("10.8 g");
        preview.Out.ShouldContain("T4");
        (await WaneAsync("plan show")).Exit.ShouldBe(1);

        (await WaneAsync($"plan create {plan}")).Exit.ShouldBe(0);
        var shown = JsonDocument.Parse((await WaneAsync("plan show --json")).Out).RootElement;
        shown.GetProperty("today")[0].GetProperty("allowance").GetDecimal().ShouldBe(12m);

        var held = await WaneAsync("plan hold --reason \"bad night\"");
        held.Exit.ShouldBe(0, held.Err);
        held.Out.ShouldContain("(on hold)");
        (await WaneAsync("plan hold")).Exit.ShouldBe(1);
        (await WaneAsync("plan resume")).Exit.ShouldBe(0);
        (await WaneAsync("status")).Out.ShouldContain("today's allowance 12 g");
    }

    [Theory]
    [InlineData("plan preview --substance kratom --start 0,5g --pace percent:10", "startAmount")]
    [InlineData("plan preview --substance kratom --start 0g --pace percent:10", "startAmount")]
    [InlineData("plan preview --substance kratom --start 12g --pace percent:0", "pace.percent")]
    [InlineData("plan preview --substance kratom --start 12g --pace percent", "pace.percent")]
    [InlineData("plan preview --substance kratom --start 12g --pace zoom", "pace.kind")]
    [InlineData("plan preview --substance kratom --start 12g --pace percent:10 --every 0d", "intervalDays")]
    [InlineData("plan preview --substance kratom --start 12g --pace percent:10 --every weekly", "intervalDays")]
    [InlineData("plan preview --substance kratom --start 12g --pace percent:10 --resolution 20g", "resolution")]
    [InlineData("plan preview --substance kratom --pace percent:10", "startAmount")]
    [InlineData("plan create --substance coffee --start 12g --pace percent:10", "substance")]
    public async Task Plan_BadInput_ExitsOneNamingTheFieldAndStoresNothing(string args, string field)
    {
        await SetUpAsync();

        var run = await WaneAsync(args);

        run.Exit.ShouldBe(1, run.Out);
        run.Err.ShouldContain(field + ":");
        (await WaneAsync("plan show")).Exit.ShouldBe(1);
    }

    [Fact]
    public async Task CheckIns_SowsCowsDaily_AndList()
    {
        await SetUpAsync();

        var sows = await WaneAsync("checkin sows --answers 1,1,1,1,1,1,1,1,1,1,1,0,0,0,0,0");
        sows.Exit.ShouldBe(0, sows.Err);
        sows.Out.ShouldContain("SOWS 11/64 (moderate)");
        sows.Out.ShouldContain("Handelsman");
        (await WaneAsync("checkin cows --answers 4,4,5,5,4,4,5,4,4,4,5")).Out.ShouldContain("COWS 48/48");
        var daily = await WaneAsync("checkin daily --pain 4 --sleep 2 --mood 2 --craving 7 --red-flag self-harm");
        daily.Exit.ShouldBe(0, daily.Err);
        daily.Out.ShouldContain("988");

        var list = JsonDocument.Parse((await WaneAsync("checkins --json")).Out).RootElement.GetProperty("checkIns");
        list.GetArrayLength().ShouldBe(3);
    }

    [Theory]
    [InlineData("checkin sows --answers 1,1,1", "answers:")]
    [InlineData("checkin sows --answers 1,1,1,5,1,1,1,1,1,1,1,1,1,1,1,1", "answers[3]:")]
    [InlineData("checkin sows --answers 1,1,1,x,1,1,1,1,1,1,1,1,1,1,1,1", "answers[3]:")]
    [InlineData("checkin cows --answers 3,0,0,0,0,0,0,0,0,0,0", "answers[0]:")]
    [InlineData("checkin sows", "--answers")]
    [InlineData("checkin daily --pain 11 --sleep 3 --mood 3 --craving 0", "answers.pain:")]
    [InlineData("checkin daily --pain 1 --sleep 3 --mood 3 --craving 0 --red-flag headache", "redFlags:")]
    [InlineData("checkin daily", "answers.pain:")]
    [InlineData("checkin daily --red-flag headache", "answers.craving:")]
    public async Task CheckIns_BadInput_ExitOneAndStoreNothing(string args, string field)
    {
        await SetUpAsync();

        var run = await WaneAsync(args);

        run.Exit.ShouldBe(1, run.Out);
        run.Err.ShouldContain(field);
        JsonDocument.Parse((await WaneAsync("checkins --json")).Out).RootElement.GetProperty("checkIns").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("self-harm", "Call or text 988 now", "Text 988")]
    [InlineData("seizure", "Call 911 now", "Call 911")]
    [InlineData("fainting", "Call 911 now", "Call 911")]
    [InlineData("chest-pain", "Call 911 now", "Call 911")]
    [InlineData("breathing", "Call 911 now", "Call 911")]
    [InlineData("confusion", "Call 911 now", "Call 911")]
    [InlineData("liver", "See a doctor or nurse", "LiverTox")]
    public async Task CheckIn_Daily_LoneRedFlag_SavedAndItsResourcePrinted(string flag, string action, string reach)
    {
        await SetUpAsync();

        var run = await WaneAsync($"checkin daily --red-flag {flag}");

        run.Exit.ShouldBe(0, run.Err);
        run.Out.ShouldContain(action);
        run.Out.ShouldContain(reach);
        var stored = JsonDocument.Parse((await WaneAsync("checkins --json")).Out).RootElement.GetProperty("checkIns").EnumerateArray().ShouldHaveSingleItem();
        stored.GetProperty("redFlags")[0].GetString().ShouldBe(flag);
        stored.GetProperty("daily").GetProperty("pain").ValueKind.ShouldBe(JsonValueKind.Null);
        (await WaneAsync("checkins")).Out.ShouldContain("red flag only");
    }

    [Fact]
    public async Task CheckIn_Daily_LoneRedFlagJson_CarriesTheTelLink()
    {
        await SetUpAsync();

        var run = await WaneAsync("checkin daily --red-flag self-harm --json");

        run.Exit.ShouldBe(0, run.Err);
        var contacts = JsonDocument.Parse(run.Out).RootElement.GetProperty("resources")[0].GetProperty("contacts");
        contacts.EnumerateArray().Select(c => c.GetProperty("href").GetString()).ShouldContain("tel:988");
    }

    [Fact]
    public async Task CheckIn_Daily_RedFlagWithABadRating_ExitOne_StoresNothing_ButPrintsTheResource()
    {
        await SetUpAsync();

        var run = await WaneAsync("checkin daily --pain 11 --red-flag self-harm");

        run.Exit.ShouldBe(1);
        run.Err.ShouldContain("answers.pain:");
        run.Out.ShouldContain("Call or text 988 now");
        JsonDocument.Parse((await WaneAsync("checkins --json")).Out).RootElement.GetProperty("checkIns").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task CheckIn_SevereSows_PrintsWhatToDoNow_NeverADose()
    {
        await SetUpAsync();

        var run = await WaneAsync("checkin sows --answers 4,4,4,4,4,4,0,0,0,0,0,0,0,0,0,0");

        run.Exit.ShouldBe(0, run.Err);
        run.Out.ShouldContain("SOWS 24/64 (severe)");
        run.Out.ShouldContain("What you can do now:");
        run.Out.ShouldContain("1-800-662-4357");
        run.Out.ShouldContain("naloxone");
    }

    [Fact]
    public async Task UnknownVerb_IsAUsageError() => (await WaneAsync("fly")).Exit.ShouldBe(1);

    public void Dispose()
    {
        Support.TestDatabase.Release(_dataDir);
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

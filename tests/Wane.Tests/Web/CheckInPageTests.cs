using System.Text.RegularExpressions;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Web;

/// <summary>The check-in pages as a browser without JavaScript uses them.</summary>
public partial class CheckInPageTests(WaneApp app) : IClassFixture<WaneApp>
{
    private async Task<Browserless> SignedInAsync(string name)
    {
        using var api = await app.NewUserClientAsync("UTC", name);
        var browser = new Browserless(app.BaseAddress);
        await browser.SubmitAsync("/signin", new Dictionary<string, string> { ["Name"] = name, ["Password"] = "correct horse battery" });
        return browser;
    }

    /// <summary>What &lt;main&gt; starts with: the first element inside it.</summary>
    private static string FirstInMain(string html) => MainStart().Match(html).Groups[1].Value;

    [Theory]
    [InlineData("self-harm", "988", "tel:988")]
    [InlineData("seizure", "emergency", "tel:911")]
    [InlineData("fainting", "emergency", "tel:911")]
    [InlineData("chest-pain", "emergency", "tel:911")]
    [InlineData("breathing", "emergency", "tel:911")]
    [InlineData("confusion", "emergency", "tel:911")]
    [InlineData("liver", "clinician", "/help")]
    public async Task Daily_LoneRedFlag_SavedAndTheCrisisCardComesFirst(string flag, string resource, string link)
    {
        using var browser = await SignedInAsync("page-flag-" + flag);

        var (response, html) = await browser.SubmitAsync("/checkins/daily", new Dictionary<string, string> { ["RedFlags"] = flag });

        response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/checkins");
        FirstInMain(html).ShouldContain("id=\"red-flags\"");
        html.ShouldContain($"data-resource=\"{resource}\"");
        html.ShouldContain($"href=\"{link}\"");
        html.ShouldNotContain("class=\"error\"");
        html.ShouldContain("red flag only");
    }

    [Fact]
    public async Task Daily_SelfHarm_CallAndTextLinks()
    {
        using var browser = await SignedInAsync("page-988");

        var (_, html) = await browser.SubmitAsync("/checkins/daily", new Dictionary<string, string> { ["RedFlags"] = "self-harm" });

        html.ShouldContain("<a class=\"contact\" href=\"tel:988\">Call 988</a>");
        html.ShouldContain("<a class=\"contact\" href=\"sms:988\">Text 988</a>");
    }

    [Fact]
    public async Task Daily_RedFlagWithABadRating_ShowsTheCrisisCardFirst_KeepsTheTick_StoresNothing()
    {
        using var browser = await SignedInAsync("page-flag-bad");

        var (_, html) = await browser.SubmitAsync("/checkins/daily", new Dictionary<string, string> { ["RedFlags"] = "self-harm", ["Pain"] = "11" });

        FirstInMain(html).ShouldContain("id=\"red-flags\"");
        html.ShouldContain("href=\"tel:988\"");
        html.ShouldContain("id=\"error-summary\"");
        html.ShouldContain("<a href=\"#pain\">Pain: 11 is out of range.");
        CheckedBox().IsMatch(html).ShouldBeTrue();
        var (_, list) = await browser.GetAsync("/checkins");
        list.ShouldContain("No check-ins in the last 30 days.");
    }

    [Fact]
    public async Task Daily_NothingFilledIn_ErrorSummaryLinksToEachRating()
    {
        using var browser = await SignedInAsync("page-daily-empty");

        var (_, html) = await browser.SubmitAsync("/checkins/daily", new Dictionary<string, string>());

        FirstInMain(html).ShouldContain("id=\"error-summary\"");
        foreach (var id in new[] { "pain", "craving", "sleep", "mood" })
        {
            html.ShouldContain($"<a href=\"#{id}\">");
        }
        html.ShouldNotContain("id=\"red-flags\"");
    }

    [Fact]
    public async Task Sows_Incomplete_ErrorSummaryAtTheTopLinksToEachMissingItem()
    {
        using var browser = await SignedInAsync("page-sows-missing");
        var fields = Enumerable.Range(0, 16).Where(i => i is not (3 or 15)).ToDictionary(i => $"Answers[{i}]", _ => "1");

        var (_, html) = await browser.SubmitAsync("/checkins/sows", fields);

        FirstInMain(html).ShouldContain("id=\"error-summary\"");
        html.ShouldContain("<a href=\"#answer-4\">Item 4");
        html.ShouldContain("<a href=\"#answer-16\">Item 16");
        html.ShouldContain("id=\"answer-4\"");
        SummaryLinks().Count(html).ShouldBe(2);
        html.ShouldContain("checked=\"checked\""); // the answers given are kept
    }

    [Fact]
    public async Task Cows_Incomplete_ErrorSummaryLinksToEachMissingItem()
    {
        using var browser = await SignedInAsync("page-cows-missing");

        var (_, html) = await browser.SubmitAsync("/checkins/cows", new Dictionary<string, string> { ["Answers[0]"] = "0" });

        SummaryLinks().Count(html).ShouldBe(10);
        html.ShouldContain("<a href=\"#answer-11\">Item 11");
    }

    [Theory]
    [InlineData("4,4,4,4,4,4,0,0,0,0,0,0,0,0,0,0", "severe", "urgent", "call a clinician today")]
    [InlineData("1,1,1,1,1,1,1,1,1,1,1,1,0,0,0,0", "moderate", "caution", "let the plan wait")]
    [InlineData("1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0", "mild", "non-urgent", "Mild withdrawal")]
    [InlineData("0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0", "none", "neutral", "No withdrawal")]
    public async Task Sows_Scored_CareCardMatchesTheBand_WithWhatToDoNow_AndSourcesInADisclosure(string answers, string severity, string care, string headline)
    {
        using var browser = await SignedInAsync("page-sows-" + severity);
        var fields = answers.Split(',').Select((a, i) => (a, i)).ToDictionary(x => $"Answers[{x.i}]", x => x.a);

        var (_, html) = await browser.SubmitAsync("/checkins/sows", fields);

        html.ShouldContain($"<section class=\"care {care}\" id=\"saved\" role=\"status\" data-severity=\"{severity}\">");
        html.ShouldContain(headline);
        html.ShouldContain("What you can do now");
        html.ShouldContain("<details class=\"source\">");
        html.ShouldContain("NIDA CTN");
        html.ShouldNotContain("class=\"notice\""); // the green "saved" style is never a score's colour
        if (severity == "severe")
        {
            html.ShouldContain("href=\"tel:+1-800-662-4357\"");
            html.ShouldContain("<a href=\"tel:911\">911</a>");
            html.ShouldContain("<a href=\"tel:988\">988</a>");
        }
    }

    [Fact]
    public async Task Help_EveryNumberIsALink()
    {
        using var browser = await SignedInAsync("page-help");

        var (_, html) = await browser.GetAsync("/help");

        foreach (var href in new[] { "tel:911", "tel:988", "sms:988", "tel:+1-800-662-4357", "tel:+1-800-222-1222", "https://988lifeline.org", "https://findtreatment.gov", "https://www.poisonhelp.org" })
        {
            html.ShouldContain($"href=\"{href}\"");
        }
        FirstInMain(html).ShouldContain("id=\"danger-now\"");
    }

    [GeneratedRegex("<main id=\"main\">\\s*(<[^>]+>)")]
    private static partial Regex MainStart();

    [GeneratedRegex("<input type=\"checkbox\" id=\"flag-self-harm\"[^>]*checked=\"checked\"")]
    private static partial Regex CheckedBox();

    [GeneratedRegex("<li><a href=\"#answer-\\d+\">")]
    private static partial Regex SummaryLinks();
}

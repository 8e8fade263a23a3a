using System.Net;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Web;

public class AccountPageTests(WaneApp app) : IClassFixture<WaneApp>
{
    private static Dictionary<string, string> SignIn(string name, string password) => new() { ["Name"] = name, ["Password"] = password };

    [Fact]
    public async Task Setup_AfterTheFirstAccount_SignUpIsOffByDefault()
    {
        using var api = await app.NewUserClientAsync("UTC", "first");
        using var browser = new Browserless(app.BaseAddress);

        var (response, _) = await browser.GetAsync("/setup");
        response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/signin");
        var (posted, _) = await browser.SubmitAsync("/signin", new Dictionary<string, string>
        {
            ["Name"] = "intruder", ["Password"] = "long enough password", ["Confirm"] = "long enough password", ["TimeZone"] = "UTC",
        }, action: "/setup");
        posted.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/signin");
        (await browser.SubmitAsync("/signin", SignIn("intruder", "long enough password"))).Html.ShouldContain("do not match");
    }

    [Fact]
    public async Task Forms_WithoutAntiforgeryToken_AreRefused()
    {
        using var api = await app.NewUserClientAsync("UTC", "csrf");
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var response = await http.PostAsync("/signin", new FormUrlEncodedContent(SignIn("csrf", "correct horse battery")));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TodayForm_BadAmountAndForeignProduct_ShowErrorsAtTheFieldAndStoreNothing()
    {
        using var other = await app.NewUserClientAsync();
        var foreign = await other.CreateProductAsync(Intents.RedBali);
        using var api = await app.NewUserClientAsync("UTC", "former");
        var mine = await api.CreateProductAsync(Intents.RedBali);
        using var browser = new Browserless(app.BaseAddress);
        await browser.SubmitAsync("/signin", SignIn("former", "correct horse battery"));

        var (_, comma) = await browser.SubmitAsync("/", new Dictionary<string, string> { ["Input.ProductId"] = $"{mine}", ["Input.Amount"] = "0,5", ["Input.Unit"] = "g" });
        var (_, theirs) = await browser.SubmitAsync("/", new Dictionary<string, string> { ["Input.ProductId"] = $"{foreign}", ["Input.Amount"] = "2", ["Input.Unit"] = "g" });
        var (_, future) = await browser.SubmitAsync("/", new Dictionary<string, string> { ["Input.ProductId"] = $"{mine}", ["Input.Amount"] = "2", ["Input.Unit"] = "g", ["Input.TakenAt"] = "2026-11-26T08:00" });

        comma.ShouldContain("id=\"amount-error\"");
        theirs.ShouldContain("id=\"productId-error\"");
        future.ShouldContain("id=\"takenAt-error\"");
        (await api.DoseCountAsync()).ShouldBe(0);
        (await other.DoseCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task ProfilePage_SavesHoldSettings_AndRejectsOutOfRange()
    {
        using var api = await app.NewUserClientAsync("UTC", "profiler");
        using var browser = new Browserless(app.BaseAddress);
        await browser.SubmitAsync("/signin", SignIn("profiler", "correct horse battery"));
        var form = new Dictionary<string, string>
        {
            ["Name"] = "profiler", ["TimeZone"] = "UTC", ["DayStartHour"] = "0", ["PreferredUnit"] = "g", ["HoldThreshold"] = "65", ["HoldRise"] = "6",
        };

        (await browser.SubmitAsync("/profile", form)).Html.ShouldContain("id=\"holdThreshold-error\"");
        form["HoldThreshold"] = "14";
        await browser.SubmitAsync("/profile", form);

        (await api.GetJsonAsync("/api/v1/me")).GetProperty("holdThreshold").GetInt32().ShouldBe(14);
    }

    [Fact]
    public async Task HistoryPage_ShowsDosesByLocalDay()
    {
        using var api = await app.NewUserClientAsync("America/New_York", "historian");
        var product = await api.CreateProductAsync(Intents.RedBali);
        await api.LogDoseOkAsync(new { productId = product, amount = 1.5, unit = "g", takenAt = "2026-11-22T21:00:00-05:00" });
        using var browser = new Browserless(app.BaseAddress);
        await browser.SubmitAsync("/signin", SignIn("historian", "correct horse battery"));

        var (_, html) = await browser.GetAsync("/history");

        html.ShouldContain("<h2 id=\"month-h\">November 2026</h2>");
        html.ShouldContain("<h3 id=\"h-2026-11-22\">2026-11-22</h3>");
        html.ShouldContain("21:00");
        html.ShouldContain("1.5 g");
    }
}

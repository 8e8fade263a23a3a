using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Shouldly;
using Wane.Tests.Support;

namespace Wane.Tests.Contract;

/// <summary>
/// The served OpenAPI description is exact: it lints clean, it is what the checker in every API
/// test holds responses to, and the bodies a generated client would send validate against it.
/// </summary>
public class ContractTests(WaneApp app) : IClassFixture<WaneApp>
{
    [Fact]
    public async Task ServedDocument_RedoclyLint_HasNoErrorsOrWarnings()
    {
        var root = RepoRoot();
        var redocly = Path.Combine(root, ".tools", "node_modules", ".bin", "redocly");
        File.Exists(redocly).ShouldBeTrue($"{redocly} is missing: ./scripts/test installs @redocly/cli@2.77.0 into .tools/");
        var file = Path.Combine(root, "artifacts", "openapi", "v1.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using (var plain = new HttpClient { BaseAddress = app.BaseAddress })
        {
            await File.WriteAllTextAsync(file, await plain.GetStringAsync("/openapi/v1.json"), TestContext.Current.CancellationToken);
        }

        var start = new ProcessStartInfo(redocly, ["lint", file, "--format=json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var lint = Process.Start(start)!;
        var output = lint.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = lint.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await lint.WaitForExitAsync(timeout.Token);
        var report = await output;
        var said = report + await errors;

        lint.ExitCode.ShouldBe(0, said);
        var totals = JsonNode.Parse(report)!["totals"]!;
        (totals["errors"]!.GetValue<int>(), totals["warnings"]!.GetValue<int>()).ShouldBe((0, 0), report);
        JsonNode.Parse(report)!["version"]!.GetValue<string>().ShouldBe("2.77.0");
    }

    [Fact]
    public async Task Check_UndocumentedStatusOrBody_IsAViolation()
    {
        var contract = new ContractCheckingHandler.Contract(await app.OpenApiAsync());
        const string me = """{"id":"u1","name":"a","timeZone":"UTC","dayStartHour":0,"preferredUnit":"g","holdThreshold":11,"holdRise":6}""";

        contract.Check("GET", "/api/v1/me", 418, "application/json", "{}").ShouldNotBeNull().ShouldContain("not documented");
        contract.Check("GET", "/api/v1/doses/7", 409, "application/problem+json", "{}").ShouldNotBeNull();
        contract.Check("GET", "/api/v1/me", 200, "application/json", """{"bogus":1}""").ShouldNotBeNull().ShouldContain("does not match");
        contract.Check("GET", "/api/v1/me", 200, "text/html", me).ShouldNotBeNull().ShouldContain("content type");
        contract.Check("GET", "/api/v1/nothing-here", 200, "application/json", "{}").ShouldNotBeNull();
    }

    [Fact]
    public async Task Check_ARealResponse_Passes()
    {
        var client = await app.NewUserClientAsync();
        var contract = new ContractCheckingHandler.Contract(await app.OpenApiAsync());
        using var plain = new HttpClient { BaseAddress = app.BaseAddress };
        plain.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;

        var response = await plain.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);

        contract.Check("GET", "/api/v1/me", (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType,
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBeNull();
    }

    [Theory]
    [InlineData("POST", "/api/v1/doses", """{"productId":1,"amount":2.5,"unit":"g","meal":"before","clientId":"6f1c2a52-8f0e-4d2b-9f7a-0c1d2e3f4a5b"}""")]
    [InlineData("POST", "/api/v1/doses", """{"productId":1,"amount":2,"unit":"capsule"}""")]
    [InlineData("POST", "/api/v1/checkins", """{"instrument":"sows","answers":[0,1,2,3,4,0,1,2,3,4,0,1,2,3,4,0]}""")]
    [InlineData("POST", "/api/v1/checkins", """{"instrument":"daily","answers":{"redFlags":["self-harm"]}}""")]
    [InlineData("POST", "/api/v1/checkins", """{"instrument":"daily","takenAt":"2026-11-25T08:00:00-05:00","answers":{"pain":3,"sleep":4,"mood":3,"craving":2}}""")]
    [InlineData("POST", "/api/v1/plans/preview", """{"substance":"kratom","startAmount":6,"pace":{"kind":"percent","percent":10}}""")]
    [InlineData("POST", "/api/v1/breaks", """{"from":"2026-12-01","to":"2026-12-03"}""")]
    [InlineData("PUT", "/api/v1/me", """{"timeZone":"America/New_York"}""")]
    public async Task Request_WhatTheServerTakes_ValidatesAgainstItsSchema(string method, string path, string body)
    {
        var contract = new ContractCheckingHandler.Contract(await app.OpenApiAsync());

        contract.CheckRequest(method, path, body).ShouldBeNull();
    }

    [Theory]
    [InlineData("POST", "/api/v1/doses", """{"amount":2,"unit":"g"}""")]
    [InlineData("POST", "/api/v1/doses", """{"productId":1,"amount":"2","unit":"g"}""")]
    [InlineData("POST", "/api/v1/doses", """{"productId":1,"amount":2,"unit":"handful"}""")]
    [InlineData("POST", "/api/v1/checkins", """{"instrument":"sows","answers":"0,1,2"}""")]
    [InlineData("POST", "/api/v1/breaks", """{"from":"1 December","to":"2026-12-03"}""")]
    public async Task Request_WhatTheServerRefuses_FailsItsSchema(string method, string path, string body)
    {
        var contract = new ContractCheckingHandler.Contract(await app.OpenApiAsync());

        contract.CheckRequest(method, path, body).ShouldNotBeNull();
    }

    [Fact]
    public async Task Document_EveryApiOperation_NeedsTheBearerTokenAndDocuments401AsProblem()
    {
        var doc = await app.OpenApiAsync();
        doc["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!.GetValue<string>().ShouldBe("bearer");
        var operations = doc["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Method: o.Key, Op: o.Value!))).ToList();

        operations.Count.ShouldBeGreaterThan(25);
        foreach (var (path, method, op) in operations)
        {
            op["security"]!.AsArray().Single()!["Bearer"].ShouldNotBeNull($"{method} {path}");
            op["summary"]?.GetValue<string>().ShouldNotBeNullOrWhiteSpace($"{method} {path}");
            op["responses"]!["401"]!["content"]!["application/problem+json"].ShouldNotBeNull($"{method} {path}");
            if (op["requestBody"] is not null)
            {
                op["responses"]!["415"].ShouldNotBeNull($"{method} {path}");
                op["responses"]!["400"].ShouldNotBeNull($"{method} {path}");
            }
        }
    }

    [Fact]
    public async Task Api_WithoutAToken_Is401ProblemJson()
    {
        var response = await app.Client().GetAsync("/api/v1/status", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
    }

    [Theory]
    [InlineData("""{"productId":PRODUCT,"amount":}""")]
    [InlineData("""{"productId":PRODUCT,"amount":2,"unit":"g",}""")]
    [InlineData("""{"productId":PRODUCT,"amount":2,"unit":"g" """)]
    [InlineData("""{"productId":PRODUCT,"amount":2,"unit":"g"}}""")]
    public async Task LogDose_MalformedJson_SaysTheBodyCouldNotBeParsedAndStoresNothing(string json)
    {
        var client = await app.NewUserClientAsync();
        var product = await client.CreateProductAsync(Intents.RedBali);

        var response = await client.PostRawAsync("/api/v1/doses", json.Replace("PRODUCT", product.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        await response.ShouldBeProblemNamingAsync("body");
        var problem = await response.JsonAsync();
        problem.GetProperty("title").GetString().ShouldBe("The request body could not be parsed; nothing was stored.");
        problem.GetProperty("errors").GetProperty("body")[0].GetString().ShouldStartWith("The request body could not be parsed as JSON");
        (await client.DoseCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task LogDose_NumberSentAsAString_IsRefusedNamingTheField()
    {
        var client = await app.NewUserClientAsync();
        var product = await client.CreateProductAsync(Intents.RedBali);

        var response = await client.PostRawAsync("/api/v1/doses", $$"""{"productId":{{product}},"amount":"1e2","unit":"g"}""");

        await response.ShouldBeProblemNamingAsync("amount");
        (await client.DoseCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task LogDose_NotJson_Is415ProblemAndStoresNothing()
    {
        var client = await app.NewUserClientAsync();
        var product = await client.CreateProductAsync(Intents.RedBali);

        var response = await client.PostAsync("/api/v1/doses", new StringContent($"productId={product}&amount=2&unit=g", Encoding.UTF8, "application/x-www-form-urlencoded"), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await client.DoseCountAsync()).ShouldBe(0);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Wane.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Wane.slnx not found above " + AppContext.BaseDirectory);
    }
}

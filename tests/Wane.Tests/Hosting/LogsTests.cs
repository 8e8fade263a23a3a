using System.Net.Http.Headers;
using System.Text.Json;
using NodaTime;
using Shouldly;
using Wane.Tests.Support;
using Wane.Web;

namespace Wane.Tests.Hosting;

/// <summary><c>Logging:Format=json</c>: a real <c>wane serve</c> writes one JSON object a line, and no personal data.</summary>
public class LogsTests
{
    [Fact]
    public async Task JsonFormat_EveryLineIsJson_AndNoPersonalDataIsLogged()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "wane-tests", Guid.NewGuid().ToString("N"));
        var clock = SystemClock.Instance;
        var name = "logs-" + Guid.NewGuid().ToString("N")[..8];
        (await CliRun.RunAsync(["user", "add", name, "--time-zone", "UTC", "--password-stdin"], dataDir, clock, "correct horse battery\n")).Exit.ShouldBe(0);
        var token = (await CliRun.RunAsync(["token", "create", "--user", name], dataDir, clock)).Out.Trim();
        var product = "Sunrise-" + Guid.NewGuid().ToString("N")[..8];
        var note = "note-" + Guid.NewGuid().ToString("N");
        try
        {
            // Every category at Information, the per-request lines too (which Wane holds back), and EF's SQL.
            await using var serve = await ServeProcess.StartBuiltAsync(
                ["--Logging:Format", "json", "--Logging:LogLevel:Default", "Information",
                 "--Logging:LogLevel:Microsoft.AspNetCore", "Information", "--Logging:LogLevel:Microsoft.EntityFrameworkCore", "Information",
                 $"--Logging:LogLevel:{Logs.RequestLineCategory}", "Information", $"--Logging:Console:LogLevel:{Logs.RequestLineCategory}", "Information"],
                dataDir);
            using var client = new HttpClient { BaseAddress = serve.BaseAddress };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var productId = await client.CreateProductAsync(new { name = product, kind = "kratom", form = "powder" });
            var dose = await client.LogDoseOkAsync(new { productId, amount = 3.5, unit = "g", note });
            var doseId = dose.GetProperty("id").ToString();
            (await client.GetAsync($"/api/v1/doses/{doseId}")).EnsureSuccessStatusCode();
            // A bad body is logged by nobody either (its text could be anything a person typed).
            (await client.PostRawAsync("/api/v1/doses", $"{{\"productId\": {productId}, \"amount\": \"{note}\"}}")).IsSuccessStatusCode.ShouldBeFalse();
            (await client.GetAsync($"/calendar/{note}.ics")).IsSuccessStatusCode.ShouldBeFalse();

            (await serve.StopAsync()).ShouldBe(0, string.Join('\n', serve.Errors));
            var lines = serve.Output.Where(l => l.Length > 0).ToList();
            lines.ShouldNotBeEmpty();
            var entries = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
            foreach (var entry in entries)
            {
                entry.ValueKind.ShouldBe(JsonValueKind.Object);
                entry.GetProperty("Timestamp").GetString()!.ShouldEndWith("Z");
                entry.GetProperty("LogLevel").GetString().ShouldNotBeNullOrEmpty();
                entry.GetProperty("Category").GetString().ShouldNotBeNullOrEmpty();
                entry.GetProperty("Message").ValueKind.ShouldBe(JsonValueKind.String);
            }
            entries.ShouldContain(e => e.GetProperty("Message").GetString()!.StartsWith("Now listening on: http://127.0.0.1:", StringComparison.Ordinal));
            entries.ShouldContain(e => e.GetProperty("Category").GetString()!.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
            entries.ShouldNotContain(e => e.GetProperty("Category").GetString() == Logs.RequestLineCategory && e.GetProperty("LogLevel").GetString() == "Information");
            var all = string.Join('\n', lines);
            foreach (var secret in new[] { name, token, product, note, $"doses/{doseId}" })
            {
                all.ShouldNotContain(secret, Case.Insensitive);
            }
        }
        finally
        {
            await TestDatabase.ReleaseAsync(dataDir);
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public void UnknownFormat_IsRefusedNamingTheSetting()
    {
        var error = Should.Throw<InvalidOperationException>(() => WaneWeb.Build(["--Logging:Format", "xml", "--DataDir", Path.GetTempPath()]));
        error.Message.ShouldContain("Logging:Format");
    }
}

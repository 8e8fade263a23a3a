using System.Net;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Wane.Data;
using Wane.Tests.Support;
using static Wane.Tests.Security.Replay;

namespace Wane.Tests.Security;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public partial class AtRestTests
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerFolder = OwnerFile | UnixFileMode.UserExecute;

    [LibraryImport("libc", EntryPoint = "umask")]
    private static partial uint Umask(uint mask);

    private static async Task<string> SignedInCookieAsync(WaneApp app, string name)
    {
        using var _ = await app.NewUserClientAsync("UTC", name);
        using var browser = new Browserless(app.BaseAddress);
        (await browser.SubmitAsync("/signin", SignIn(name, "correct horse battery"))).Response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/");
        return browser.CookieHeader;
    }

    [Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)] // the SQLite file's modes.
    [Fact]
    public async Task FirstStart_WithUmask022_CreatesTheDataFolderAndFilesForTheOwnerOnly()
    {
        var previous = Umask(Convert.ToUInt32("022", 8));
        try
        {
            await using var app = new WaneApp();
            await app.InitializeAsync();
            await SignedInCookieAsync(app, "modes");

            File.GetUnixFileMode(app.DataDir).ShouldBe(OwnerFolder);
            foreach (var file in new[] { "wane.db", "dataprotection.pfx" })
            {
                var path = Path.Combine(app.DataDir, file);
                File.Exists(path).ShouldBeTrue(file);
                File.GetUnixFileMode(path).ShouldBe(OwnerFile, file);
            }
            // SQLite removes the WAL and shared-memory files when the last connection closes (another test clearing
            // the process's pools can do that at any moment), so they are checked whenever they are there.
            foreach (var file in new[] { "wane.db-wal", "wane.db-shm" }.Select(f => Path.Combine(app.DataDir, f)).Where(File.Exists))
            {
                File.GetUnixFileMode(file).ShouldBe(OwnerFile, file);
            }
        }
        finally
        {
            _ = Umask(previous);
        }
    }

    [Fact]
    public async Task DataProtectionKeys_InTheDatabase_AreEncrypted()
    {
        await using var app = new WaneApp();
        await app.InitializeAsync();
        await SignedInCookieAsync(app, "keys");

        await using var scope = app.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<WaneDb>().DataProtectionKeys.Select(k => k.Xml!).ToListAsync();

        keys.ShouldNotBeEmpty();
        keys.ShouldAllBe(xml => xml.Contains("<encryptedSecret") && !xml.Contains("<masterKey"));
    }

    [Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)] // copies the SQLite file.
    [Fact]
    public async Task CopiedDatabase_WithoutTheKeyFile_DoesNotAcceptACookieTheOriginalAccepts()
    {
        var original = Path.Combine(Path.GetTempPath(), "wane-tests", Guid.NewGuid().ToString("N"));
        var copy = Path.Combine(Path.GetTempPath(), "wane-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string cookie;
            await using (var first = new WaneApp { DataDir = original, KeepData = true })
            {
                await first.InitializeAsync();
                cookie = await SignedInCookieAsync(first, "copied");
            }
            Directory.CreateDirectory(copy);
            foreach (var file in Directory.GetFiles(original, "wane.db*"))
            {
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            }

            await using (var restarted = new WaneApp { DataDir = original, KeepData = true })
            {
                await restarted.InitializeAsync();
                (await GetAsync(restarted.BaseAddress, cookie)).Status.ShouldBe(HttpStatusCode.OK);
            }
            await using var stolen = new WaneApp { DataDir = copy };
            await stolen.InitializeAsync();
            var replayed = await GetAsync(stolen.BaseAddress, cookie);

            replayed.Status.ShouldBe(HttpStatusCode.Redirect);
            replayed.Location.ShouldBe("/signin");
        }
        finally
        {
            Directory.Delete(original, recursive: true);
        }
    }
}

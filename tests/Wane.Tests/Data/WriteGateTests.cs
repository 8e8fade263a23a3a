using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Shouldly;
using Wane.Data;
using Wane.Data.Entities;
using Wane.Domain.Journal;
using Wane.Tests.Support;

namespace Wane.Tests.Data;

/// <summary>Saves from one process queue at SqliteWaneDb's write gate; a transaction that holds SQLite's lock is never stuck behind it.</summary>
public class WriteGateTests(WaneApp app) : IClassFixture<WaneApp>
{
    [Fact]
    public async Task ConcurrentSaves_AllStored()
    {
        var userId = await app.NewUserIdAsync();
        var saves = Enumerable.Range(0, 24).Select(async i =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WaneDb>();
            db.Products.Add(Product(userId, $"product {i}"));
            await db.SaveChangesAsync();
        });
        await Task.WhenAll(saves);

        await using var check = app.Services.CreateAsyncScope();
        (await check.ServiceProvider.GetRequiredService<WaneDb>().Products.CountAsync(p => p.UserId == userId)).ShouldBe(24);
    }

    [Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)] // SQLite's single writer lock.
    [Fact]
    public async Task SaveInsideATransaction_IsNotQueuedBehindAWriterWaitingForIt()
    {
        var userId = await app.NewUserIdAsync();
        await using var holderScope = app.Services.CreateAsyncScope();
        var holder = holderScope.ServiceProvider.GetRequiredService<WaneDb>();
        await using var transaction = await holder.Database.BeginTransactionAsync();
        holder.Products.Add(Product(userId, "first, in the transaction"));
        await holder.SaveChangesAsync(); // now holds SQLite's write lock

        // Another writer passes the gate and waits inside SQLite (busy timeout) for that lock.
        await using var waiterScope = app.Services.CreateAsyncScope();
        var waiter = waiterScope.ServiceProvider.GetRequiredService<WaneDb>();
        waiter.Products.Add(Product(userId, "second, waiting"));
        // SQLite's calls are synchronous under their async names, so the waiter gets its own thread.
        var waiting = Task.Run(() => waiter.SaveChangesAsync(), TestContext.Current.CancellationToken);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        waiting.IsCompleted.ShouldBeFalse();

        // The transaction saves again and commits without waiting for the gate, and the waiter then goes through.
        holder.Products.Add(Product(userId, "third, in the transaction"));
        var second = holder.SaveChangesAsync();
        (await Task.WhenAny(second, Task.Delay(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken))).ShouldBe(second);
        await transaction.CommitAsync();
        (await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken))).ShouldBe(waiting);

        await using var check = app.Services.CreateAsyncScope();
        (await check.ServiceProvider.GetRequiredService<WaneDb>().Products.Where(p => p.UserId == userId).Select(p => p.Name).ToListAsync())
            .ShouldBe(["first, in the transaction", "third, in the transaction", "second, waiting"], ignoreOrder: true);
    }

    private static Product Product(string userId, string name) =>
        new() { UserId = userId, Name = name, Kind = ProductKind.Kratom, Form = ProductForm.Powder, CreatedAt = Instant.FromUtc(2026, 11, 1, 0, 0) };
}

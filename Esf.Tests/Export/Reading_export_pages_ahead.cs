using Esf.Infrastructure.Export;
using NUnit.Framework;

namespace Esf.Tests.Export;

/// <summary>
/// Issue 17 (export ≥ 20,000 invoices/s): an export reads its next keyset page while the caller writes the page before, so the
/// gateway and PostgreSQL work at once instead of in turn; it never holds more than the page written and the page read ahead.
/// </summary>
[TestFixture]
public sealed class Reading_export_pages_ahead
{
    [Test]
    public async Task Should_ask_for_the_next_page_before_the_caller_has_written_the_first()
    {
        // Arrange: pages of two rows over five.
        var reads = new List<int?>();

        // Act
        await using var pages = PagesReadAhead.ReadAsync<int>((previous, _) => Page(reads, previous, 5, 2), 2, CancellationToken.None)
            .GetAsyncEnumerator();
        Assert.That(await pages.MoveNextAsync(), Is.True);

        // Assert: the first page handed over, the second already asked for (after the first's last row).
        using (Assert.EnterMultipleScope())
        {
            Assert.That(pages.Current, Is.EqualTo(new[] { 1, 2 }));
            Assert.That(reads, Is.EqualTo(new int?[] { null, 2 }));
        }
    }

    [TestCase(5, TestName = "Should_hand_over_every_row_once_in_order_and_stop_after_a_short_page")]
    [TestCase(4, TestName = "Should_hand_over_every_row_once_in_order_and_stop_after_an_empty_page_when_the_last_is_exactly_full")]
    public async Task Should_hand_over_every_row_once_in_order(int total)
    {
        // Arrange: pages of two rows.
        var reads = new List<int?>();

        // Act
        var rows = new List<int>();
        await foreach (var row in PagesReadAhead.ReadRowsAsync<int>((previous, _) => Page(reads, previous, total, 2), 2, CancellationToken.None))
        {
            rows.Add(row);
        }

        // Assert: the third read answers one row (five) or none (four); none follows it.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rows, Is.EqualTo(Enumerable.Range(1, total)));
            Assert.That(reads, Is.EqualTo(new int?[] { null, 2, 4 }));
        }
    }

    [Test]
    public async Task Should_cancel_and_wait_for_the_page_read_ahead_when_the_caller_stops_early()
    {
        // Arrange: the second page's read ends only when it is cancelled, like a query whose client went away.
        var ahead = new TaskCompletionSource<IReadOnlyList<int>>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<IReadOnlyList<int>> Read(IReadOnlyList<int>? previous, CancellationToken token)
        {
            if (previous is null)
            {
                return Task.FromResult<IReadOnlyList<int>>([1, 2]);
            }

            token.Register(() => ahead.TrySetCanceled(token));
            return ahead.Task;
        }

        // Act: the caller takes the first page and stops.
        await foreach (var _ in PagesReadAhead.ReadAsync<int>(Read, 2, CancellationToken.None))
        {
            break;
        }

        // Assert: by the time the stream is disposed, the read ahead was cancelled and has ended.
        Assert.That(ahead.Task.IsCanceled, Is.True);
    }

    [Test]
    public void Should_pass_a_failed_read_to_the_caller()
    {
        // Arrange
        static Task<IReadOnlyList<int>> Read(IReadOnlyList<int>? previous, CancellationToken _) =>
            previous is null ? Task.FromResult<IReadOnlyList<int>>([1, 2]) : Task.FromException<IReadOnlyList<int>>(new InvalidOperationException("page 2"));

        // Act
        async Task ReadAll()
        {
            await foreach (var _ in PagesReadAhead.ReadAsync<int>(Read, 2, CancellationToken.None))
            {
            }
        }

        // Assert
        Assert.That(ReadAll, Throws.InvalidOperationException.With.Message.EqualTo("page 2"));
    }

    /// <summary>The rows 1..<paramref name="total"/> after the previous page's last, <paramref name="size"/> at most; records each read's cursor.</summary>
    private static Task<IReadOnlyList<int>> Page(List<int?> reads, IReadOnlyList<int>? previous, int total, int size)
    {
        var after = previous?[^1];
        reads.Add(after);
        var first = (after ?? 0) + 1;
        return Task.FromResult<IReadOnlyList<int>>([.. Enumerable.Range(first, Math.Max(0, Math.Min(size, total - first + 1)))]);
    }
}

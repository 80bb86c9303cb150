namespace Esf.Infrastructure.Journal;

/// <summary>One upload of the enterprise: when, over which channel, by whom, how many invoices, and what was declined and why.</summary>
public sealed record UploadLogEntry(
    long UploadId, DateTimeOffset ReceivedAt, string Channel, string Login, int ItemCount, int AcceptedCount, IReadOnlyList<DeclinedItem> Declined);

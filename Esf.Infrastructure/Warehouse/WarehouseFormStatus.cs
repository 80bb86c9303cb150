namespace Esf.Infrastructure.Warehouse;

/// <summary>The statuses of a warehouse form: the seeds' «Обработанный» and «Ошибочный», and ours while it waits for the worker.</summary>
public static class WarehouseFormStatus
{
    public const string Queued = "QUEUED";

    /// <summary>«Обработанный».</summary>
    public const string Processed = "PROCESSED";

    /// <summary>«Ошибочный», with the reason.</summary>
    public const string Error = "ERROR";
}

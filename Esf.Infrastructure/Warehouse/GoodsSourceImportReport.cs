using Esf.Infrastructure.Registry;

namespace Esf.Infrastructure.Warehouse;

/// <summary>
/// The outcome of one import of ДТ or ФНО 328.00 lines: how many were credited now, how many had been credited before (a
/// repeated import), and every refused line by its number (1-based; the CSV header is line 1, a JSON array's first item line 1).
/// </summary>
public sealed record GoodsSourceImportReport(string Kind, int Credited, int AlreadyCredited, IReadOnlyList<RejectedLine> Rejected);

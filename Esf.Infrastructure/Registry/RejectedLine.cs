namespace Esf.Infrastructure.Registry;

/// <summary>A CSV line the import refused, by its 1-based line number in the file.</summary>
public sealed record RejectedLine(int Line, string Reason);

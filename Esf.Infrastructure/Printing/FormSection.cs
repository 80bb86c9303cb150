namespace Esf.Infrastructure.Printing;

/// <summary>One section of the form (A, B, B1, C, C1, D, E, F, G, H, I, J, K, L); B, B1, C and H repeat per party.</summary>
public sealed record FormSection(string Letter, string Title, IReadOnlyList<FormField> Fields, IReadOnlyList<FormTable> Tables)
{
    /// <summary>The heading as printed, e.g. «Раздел B. Реквизиты поставщика».</summary>
    public string Heading => $"Раздел {Letter}. {Title}";
}

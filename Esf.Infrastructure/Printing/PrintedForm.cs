namespace Esf.Infrastructure.Printing;

/// <summary>
/// The printed form of an invoice (Appendix 2 to order № 370, «ЭЛЕКТРОННЫЙ СЧЕТ-ФАКТУРА», spec-rest §4) as layout-free
/// content: the status line, sections A–L with the form's field codes and names, and where the invoice can be verified.
/// The PDF and HTML renderers draw the same content, so what one shows the other shows.
/// </summary>
public sealed record PrintedForm(
    string Title, string StatusLine, IReadOnlyList<FormSection> Sections, VerificationLink? Verification, IReadOnlyList<string> Notes);

namespace Esf.Infrastructure.Printing;

/// <summary>
/// Where anyone can check a registered invoice: <see cref="ShortLink"/> (printed) is <c>/verify/{registrationNumber}</c>;
/// <see cref="QrLink"/> (the QR code) adds <c>?h=</c> with the SHA-256 of the signed body, so a reader also learns whether
/// the paper in hand matches what was registered.
/// </summary>
public sealed record VerificationLink(string ShortLink, string QrLink)
{
    public static VerificationLink For(Uri publicBase, string registrationNumber, string hash)
    {
        var shortLink = new Uri(publicBase, "verify/" + Uri.EscapeDataString(registrationNumber)).AbsoluteUri;
        return new VerificationLink(shortLink, $"{shortLink}?h={Uri.EscapeDataString(hash)}");
    }
}

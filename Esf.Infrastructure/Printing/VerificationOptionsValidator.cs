using Microsoft.Extensions.Options;

namespace Esf.Infrastructure.Printing;

/// <summary>The address printed in QR codes is empty (the request's own) or an absolute http(s) URI.</summary>
public sealed class VerificationOptionsValidator : IValidateOptions<VerificationOptions>
{
    public ValidateOptionsResult Validate(string? name, VerificationOptions options) => new OptionsFailures()
        .AbsoluteUriOrEmpty("Esf:Verification:PublicUrl", options.PublicUrl, "https://esf.example.kz/", "http", "https")
        .Result;
}

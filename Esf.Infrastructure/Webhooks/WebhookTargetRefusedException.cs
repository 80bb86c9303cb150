using Esf.Infrastructure.Errors;

namespace Esf.Infrastructure.Webhooks;

/// <summary>A webhook URL that is not a public http(s) address (docs/adr/0007-webhook-targets.md): REST answers 422.</summary>
public sealed class WebhookTargetRefusedException(string description) : EsfException(EsfFaultKind.Business, description, RefusedCode)
{
    public const string RefusedCode = "WEBHOOK_TARGET_REFUSED";
}

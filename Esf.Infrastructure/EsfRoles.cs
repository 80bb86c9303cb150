namespace Esf.Infrastructure;

/// <summary>What one <c>esf serve</c> process runs (<c>Esf:Roles</c>): the gateway, the worker, or both.</summary>
[Flags]
public enum EsfRoles
{
    None = 0,

    /// <summary>SOAP, REST, Swagger and the application services behind them.</summary>
    Gateway = 1,

    /// <summary>The consumer that registers uploads, the relay, the queue-depth sampler and the webhook dispatcher.</summary>
    Worker = 2,
}

using Esf.Api.Soap;
using Esf.Infrastructure;
using Esf.Infrastructure.Participants;
using Esf.Infrastructure.Printing;
using Esf.Infrastructure.Sandbox;
using Esf.Infrastructure.Security;
using Esf.Infrastructure.Webhooks;
using Microsoft.Extensions.Options;

namespace Esf.Api.Hosting;

/// <summary>
/// Binds every options section once (nothing reads a key by hand) with its validator and <c>ValidateOnStart</c>, and validates
/// them all before the host is built, so a bad value refuses to start the process before it touches a database or a broker.
/// </summary>
public static class OptionsSetup
{
    public static IServiceCollection AddEsfOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EsfOptions>()
            // Registered before the binding, so a configured value wins: the demo seed is on by default only in Development.
            .Configure<IHostEnvironment>((options, environment) => options.SeedDemo = environment.IsDevelopment())
            .Bind(configuration.GetSection(EsfOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EsfOptions>, EsfOptionsValidator>();
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>();
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.AddOptions<QuotaOptions>().Bind(configuration.GetSection(QuotaOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<QuotaOptions>, QuotaOptionsValidator>();
        services.AddOptions<RateLimitingOptions>().Bind(configuration.GetSection(RateLimitingOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitingOptions>, RateLimitingOptionsValidator>();
        services.AddOptions<HttpOptions>().Bind(configuration.GetSection(HttpOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HttpOptions>, HttpOptionsValidator>();
        services.AddOptions<SoapOptions>().Bind(configuration.GetSection(SoapOptions.Section)).ValidateOnStart();
        services.AddOptions<VerificationOptions>().Bind(configuration.GetSection(VerificationOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<VerificationOptions>, VerificationOptionsValidator>();
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        services.AddOptions<SandboxOptions>().Bind(configuration.GetSection(SandboxOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SandboxOptions>, SandboxOptionsValidator>();
        return services;
    }

    /// <summary>
    /// Validates every section now and returns the <c>Esf</c> section, whose roles, data folder and broker decide what the host
    /// is made of. Throws <see cref="OptionsValidationException"/> (or an <see cref="AggregateException"/> of them) naming
    /// each wrong key.
    /// </summary>
    public static EsfOptions ValidateBeforeStart(IConfiguration configuration, IHostEnvironment environment)
    {
        using var provider = new ServiceCollection().AddSingleton(environment).AddEsfOptions(configuration).BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider.GetRequiredService<IOptions<EsfOptions>>().Value;
    }

    /// <summary>The failure messages when <paramref name="exception"/> is a refused configuration; empty otherwise.</summary>
    public static IReadOnlyList<string> Failures(Exception exception) => exception switch
    {
        OptionsValidationException refused => [.. refused.Failures],
        AggregateException many when many.InnerExceptions.All(e => e is OptionsValidationException) =>
            [.. many.InnerExceptions.SelectMany(Failures)],
        _ => [],
    };
}

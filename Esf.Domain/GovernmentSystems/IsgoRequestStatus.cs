namespace Esf.Domain.GovernmentSystems;

/// <summary>
/// The ten statuses of a request to send invoices to a government system for state support (запрос на отправку ЭСФ в ИС ГО,
/// spec-rest §3.8.5), in the manual's order. The same values are the outcome of each invoice inside a request.
/// </summary>
public enum IsgoRequestStatus
{
    /// <summary>«Направлен для подтверждения»: waiting for the counterparty.</summary>
    SentForConfirmation = 1,
    /// <summary>«Отклонен подтверждающим НП»: the counterparty refused, with a reason.</summary>
    DeclinedByCounterparty = 2,
    /// <summary>«Согласован подтверждающим НП»: the counterparty confirmed; the request goes to the e-government gateway (ШЭП).</summary>
    AgreedByCounterparty = 3,
    /// <summary>«Направлен в ШЭП»: the gateway accepted the request.</summary>
    SentToShep = 4,
    /// <summary>«Не принят ШЭП»: the gateway did not accept the request.</summary>
    NotAcceptedByShep = 5,
    /// <summary>«Доставлен в ИС ГО»: the government system accepted it for review.</summary>
    DeliveredToIsgo = 6,
    /// <summary>«ЭСФ включен в заявку»: included in an application for support.</summary>
    IncludedInApplication = 7,
    /// <summary>«ЭСФ не включен в заявку»: accepted but not included.</summary>
    NotIncludedInApplication = 8,
    /// <summary>«Отказано в мерах господдержки»: no payment; the state body gives its reason.</summary>
    SupportRefused = 9,
    /// <summary>«Выплачена бюджетная субсидия»: the subsidy was paid.</summary>
    SubsidyPaid = 10,
}

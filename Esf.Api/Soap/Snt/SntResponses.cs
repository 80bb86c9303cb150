using System.Xml.Schema;
using System.Xml.Serialization;

namespace Esf.Api.Soap.Snt;

/// <summary>querySntByIdResponse and searchSntResponse: sntInfoList/sntInfo*; next (the search's following afterId) when more remain.</summary>
public sealed class SntInfoResponse
{
    [XmlArray("sntInfoList", Form = XmlSchemaForm.Unqualified, Order = 1)]
    [XmlArrayItem("sntInfo", Form = XmlSchemaForm.Unqualified)]
    public List<SntInfo> SntInfoList { get; set; } = [];

    [XmlElement("next", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public long? Next { get; set; }

    public bool ShouldSerializeNext() => Next.HasValue;
}

/// <summary>A stored waybill: the REST WaybillView's fields, with the body as signed and, once FAILED, the control's errors.</summary>
public sealed class SntInfo
{
    [XmlElement("sntId", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public long SntId { get; set; }

    [XmlElement("registrationNumber", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public string? RegistrationNumber { get; set; }

    [XmlElement("status", Form = XmlSchemaForm.Unqualified, Order = 3)]
    public string Status { get; set; } = "";

    [XmlElement("num", Form = XmlSchemaForm.Unqualified, Order = 4)]
    public string Num { get; set; } = "";

    /// <summary>The waybill's date as written in its body (dd.MM.yyyy).</summary>
    [XmlElement("date", Form = XmlSchemaForm.Unqualified, Order = 5)]
    public string Date { get; set; } = "";

    [XmlElement("sntType", Form = XmlSchemaForm.Unqualified, Order = 6)]
    public string SntType { get; set; } = "";

    [XmlElement("relatedSntId", Form = XmlSchemaForm.Unqualified, Order = 7)]
    public long? RelatedSntId { get; set; }

    [XmlElement("relatedRegistrationNumber", Form = XmlSchemaForm.Unqualified, Order = 8)]
    public string? RelatedRegistrationNumber { get; set; }

    [XmlElement("sellerTin", Form = XmlSchemaForm.Unqualified, Order = 9)]
    public string SellerTin { get; set; } = "";

    [XmlElement("customerTin", Form = XmlSchemaForm.Unqualified, Order = 10)]
    public string? CustomerTin { get; set; }

    [XmlElement("cancelReason", Form = XmlSchemaForm.Unqualified, Order = 11)]
    public string? CancelReason { get; set; }

    /// <summary>The day of a decline in Kazakhstan time (xs:date): the 3-working-day windows count from it.</summary>
    [XmlElement("declinedOn", Form = XmlSchemaForm.Unqualified, Order = 12)]
    public string? DeclinedOn { get; set; }

    [XmlElement("inputDate", Form = XmlSchemaForm.Unqualified, Order = 13)]
    public string InputDate { get; set; } = "";

    [XmlElement("lastUpdateDate", Form = XmlSchemaForm.Unqualified, Order = 14)]
    public string LastUpdateDate { get; set; } = "";

    [XmlElement("sntBody", Form = XmlSchemaForm.Unqualified, Order = 15)]
    public string SntBody { get; set; } = "";

    [XmlArray("errors", Form = XmlSchemaForm.Unqualified, Order = 16)]
    [XmlArrayItem("error", Form = XmlSchemaForm.Unqualified)]
    public List<SntError>? Errors { get; set; }

    public bool ShouldSerializeRelatedSntId() => RelatedSntId.HasValue;
}

/// <summary>querySntStatusByIdResponse: sntStatusList/sntStatus*.</summary>
public sealed class SntStatusResponse
{
    [XmlArray("sntStatusList", Form = XmlSchemaForm.Unqualified, Order = 1)]
    [XmlArrayItem("sntStatus", Form = XmlSchemaForm.Unqualified)]
    public List<SntStatus> SntStatusList { get; set; } = [];
}

/// <summary>What to poll after an upload: the status, the 42-digit number once registered, the errors once FAILED.</summary>
public sealed class SntStatus
{
    [XmlElement("sntId", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public long SntId { get; set; }

    [XmlElement("status", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public string Status { get; set; } = "";

    [XmlElement("registrationNumber", Form = XmlSchemaForm.Unqualified, Order = 3)]
    public string? RegistrationNumber { get; set; }

    [XmlArray("errors", Form = XmlSchemaForm.Unqualified, Order = 4)]
    [XmlArrayItem("error", Form = XmlSchemaForm.Unqualified)]
    public List<SntError>? Errors { get; set; }
}

/// <summary>querySntHistoryByIdResponse: historyList/sntHistory*, oldest first per waybill.</summary>
public sealed class SntHistoryResponse
{
    [XmlArray("historyList", Form = XmlSchemaForm.Unqualified, Order = 1)]
    [XmlArrayItem("sntHistory", Form = XmlSchemaForm.Unqualified)]
    public List<SntHistory> HistoryList { get; set; } = [];
}

/// <summary>One status change: from (absent for the upload), to, when, who (login, enterprise) and why.</summary>
public sealed class SntHistory
{
    [XmlElement("sntId", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public long SntId { get; set; }

    [XmlElement("fromStatus", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public string? FromStatus { get; set; }

    [XmlElement("status", Form = XmlSchemaForm.Unqualified, Order = 3)]
    public string Status { get; set; } = "";

    [XmlElement("dateTime", Form = XmlSchemaForm.Unqualified, Order = 4)]
    public string DateTime { get; set; } = "";

    [XmlElement("userId", Form = XmlSchemaForm.Unqualified, Order = 5)]
    public string UserId { get; set; } = "";

    [XmlElement("tin", Form = XmlSchemaForm.Unqualified, Order = 6)]
    public string? Tin { get; set; }

    [XmlElement("reason", Form = XmlSchemaForm.Unqualified, Order = 7)]
    public string? Reason { get; set; }
}

/// <summary>The answer of every signed operation: resultList/changeSntStatusResult*, one per id in request order.</summary>
public sealed class ChangeSntStatusResponse
{
    [XmlArray("resultList", Form = XmlSchemaForm.Unqualified, Order = 1)]
    [XmlArrayItem("changeSntStatusResult", Form = XmlSchemaForm.Unqualified)]
    public List<ChangeSntStatusResult> ResultList { get; set; } = [];
}

/// <summary>
/// One waybill of an operation: its new status when changed, or isChanged=false with the SNT_* code and the Russian text of
/// the refusal (SNT_NOT_FOUND for an id the session cannot reach, exactly as for one that does not exist).
/// </summary>
public sealed class ChangeSntStatusResult
{
    [XmlElement("sntId", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public long SntId { get; set; }

    [XmlElement("isChanged", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public bool IsChanged { get; set; }

    [XmlElement("status", Form = XmlSchemaForm.Unqualified, Order = 3)]
    public string? Status { get; set; }

    [XmlElement("errorCode", Form = XmlSchemaForm.Unqualified, Order = 4)]
    public string? ErrorCode { get; set; }

    [XmlElement("text", Form = XmlSchemaForm.Unqualified, Order = 5)]
    public string? Text { get; set; }
}

/// <summary>uploadSntResponse: waybills queued for registration, and waybills refused by the upload checks.</summary>
public sealed class UploadSntResponse
{
    [XmlArray("acceptedSet", Form = XmlSchemaForm.Unqualified, Order = 1)]
    [XmlArrayItem("standardResponse", Form = XmlSchemaForm.Unqualified)]
    public List<SntStandardResponse> AcceptedSet { get; set; } = [];

    [XmlArray("declinedSet", Form = XmlSchemaForm.Unqualified, Order = 2)]
    [XmlArrayItem("standardResponse", Form = XmlSchemaForm.Unqualified)]
    public List<SntStandardResponse> DeclinedSet { get; set; } = [];
}

/// <summary>One uploaded waybill: errors (declined only), id (accepted only), num and date as the body gives them.</summary>
public sealed class SntStandardResponse
{
    [XmlArray("errors", Form = XmlSchemaForm.Unqualified, Order = 1)]
    [XmlArrayItem("error", Form = XmlSchemaForm.Unqualified)]
    public List<SntError>? Errors { get; set; }

    [XmlElement("id", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public long? Id { get; set; }

    [XmlElement("num", Form = XmlSchemaForm.Unqualified, Order = 3)]
    public string Num { get; set; } = "";

    [XmlElement("date", Form = XmlSchemaForm.Unqualified, Order = 4)]
    public string Date { get; set; } = "";

    public bool ShouldSerializeId() => Id.HasValue;
}

/// <summary>
/// One error of the control: the invoice services' Error (property, errorCode, text) and, since this contract is ours, the
/// rule id of the catalogue (docs/rules.md) the REST answer gives as ruleId.
/// </summary>
public sealed class SntError
{
    [XmlElement("ruleId", Form = XmlSchemaForm.Unqualified, Order = 1)]
    public string RuleId { get; set; } = "";

    [XmlElement("property", Form = XmlSchemaForm.Unqualified, Order = 2)]
    public string? Property { get; set; }

    [XmlElement("errorCode", Form = XmlSchemaForm.Unqualified, Order = 3)]
    public string? ErrorCode { get; set; }

    [XmlElement("text", Form = XmlSchemaForm.Unqualified, Order = 4)]
    public string? Text { get; set; }

    /// <summary>The errors element, or null when there is nothing to report (the element is then absent).</summary>
    public static List<SntError>? ListOrNull(IReadOnlyList<Domain.Rules.RuleViolation> violations) => violations.Count == 0
        ? null
        : [.. violations.Select(v => new SntError { RuleId = v.RuleId, Property = v.Property, ErrorCode = v.ErrorCode, Text = v.Message })];
}

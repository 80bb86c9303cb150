namespace Esf.Domain.Employees;

/// <summary>
/// A right the head of an enterprise grants an employee (уполномоченное физическое лицо, Rules p.11). The seeds give no
/// catalogue of rights (spec-rest §1.7, «ambiguous»): these group the operations of Rules p.12 by who may perform them.
/// </summary>
public enum EmployeeRight
{
    /// <summary>«Просмотр» and «экспорт» (p.12.8, 12.13): read invoices and waybills, search, export, the change feed.</summary>
    View,

    /// <summary>«Создание» (p.12.1): fill in drafts, without signing them.</summary>
    Create,

    /// <summary>«Заверение» and «отправка» (p.12.2–3, 12.9, 12.12): sign and upload invoices and waybills, import, transfer, send a draft.</summary>
    Sign,

    /// <summary>«Получение», «отзыв», «отклонение» (p.12.7, 12.10–11): confirm, revoke, decline, and the other status changes.</summary>
    ChangeStatus,
}

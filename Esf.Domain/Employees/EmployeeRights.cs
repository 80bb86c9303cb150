namespace Esf.Domain.Employees;

/// <summary>The wire names of <see cref="EmployeeRight"/> (VIEW, CREATE, SIGN, CHANGE_STATUS) and their Russian names.</summary>
public static class EmployeeRights
{
    public static IReadOnlyList<EmployeeRight> All { get; } = Enum.GetValues<EmployeeRight>();

    public static string ToWire(this EmployeeRight right) => right switch
    {
        EmployeeRight.View => "VIEW",
        EmployeeRight.Create => "CREATE",
        EmployeeRight.Sign => "SIGN",
        EmployeeRight.ChangeStatus => "CHANGE_STATUS",
        _ => throw new ArgumentOutOfRangeException(nameof(right), right, null),
    };

    public static EmployeeRight? FromWire(string? wire) => All.Cast<EmployeeRight?>().FirstOrDefault(r => r!.Value.ToWire() == wire);

    /// <summary>How the Rules name the operations a right allows, for refusals.</summary>
    public static string RussianName(this EmployeeRight right) => right switch
    {
        EmployeeRight.View => "просмотр ЭСФ и СНТ",
        EmployeeRight.Create => "создание ЭСФ",
        EmployeeRight.Sign => "заверение и отправка ЭСФ и СНТ",
        EmployeeRight.ChangeStatus => "подтверждение, отзыв и отклонение ЭСФ и СНТ",
        _ => throw new ArgumentOutOfRangeException(nameof(right), right, null),
    };
}

using System.Globalization;
using Npgsql;

namespace Esf.Tests.Performance;

/// <summary>
/// The CPU a PostgreSQL backend used, read from <c>/proc/&lt;pid&gt;/stat</c> (user + system, fields 14 and 15, in clock ticks of
/// 10 ms): what a measurement charges to the server, which depends far less on other load on the machine than wall time.
/// </summary>
internal static class BackendCpu
{
    public static async Task<int> PidAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    public static TimeSpan Of(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }
}
